import ArbitraryPrecision

/// Canonical forms of words as lists with `GaussianRational` coefficients, for the Heisenberg
/// generator: the same forms as `canonicalWord` (OrderingRules.swift), found without
/// dictionaries for the words a derivation meets most.
extension OperatorAlgebra {
    /// Calls `body` with each term of `canonicalWord(w)`.
    ///
    /// Letters of different bosons and spin ensembles commute, so without fermions the
    /// canonical form of w is the product, in group order, of the canonical forms of its
    /// letters of each group (in their order in w): a derivation's words then cost a sort and
    /// a look-up of the few single-group words that are not canonical (a a†, S^- S^+, …),
    /// instead of normal ordering every word with its letters of other groups in the way.
    func forEachCanonicalTerm(_ w: Word, _ body: (Word, GaussianRational) -> Void) {
        if isCanonical(w) { body(w, .one); return }
        // Fermions anticommute across modes, and per-site letters of a single spin are renamed
        // to the collective ones first: both keep to `canonicalWord`.
        if w.contains(where: { kind($0) == .fermion || isSingleSpinSite($0) }) {
            for (v, q) in canonicalWord(w) { body(v, q) }
            return
        }
        var v = w
        for i in 1..<max(v.count, 1) {
            var j = i
            while j > 0 && v[j - 1].group > v[j].group { v.swapAt(j, j - 1); j -= 1 }
        }
        if isCanonical(v) { body(v, .one); return }
        for (u, q) in wordCache.terms(v, groupProduct) { body(u, q) }
    }

    /// The canonical form of a word sorted by group (without fermions): the product, in
    /// group order, of the canonical forms of each group's letters. The words of the product
    /// are distinct.
    private func groupProduct(_ v: Word) -> [(Word, GaussianRational)] {
        var terms: [(Word, GaussianRational)] = [([], .one)]
        var start = 0
        while start < v.count {
            var end = start + 1
            while end < v.count && v[end].group == v[start].group { end += 1 }
            let run = Array(v[start..<end])
            let factor = isCanonical(run) ? [(run, GaussianRational.one)] : groupCanonicalTerms(run)
            if factor.count == 1 && factor[0].1.isOne {
                for k in terms.indices { terms[k].0 += factor[0].0 }
            } else {
                var next: [(Word, GaussianRational)] = []
                next.reserveCapacity(terms.count * factor.count)
                for (u, p) in terms { for (x, q) in factor { next.append((u + x, p * q)) } }
                terms = next
            }
            start = end
        }
        return terms
    }

    /// The canonical form of a word of one group, remembered in the algebra's `wordCache`.
    func groupCanonicalTerms(_ w: Word) -> [(Word, GaussianRational)] {
        wordCache.terms(w) { w in
            var memo: [Word: [(Word, GaussianRational)]] = [:]
            return normalOrdered(w, &memo)
        }
    }

    /// `canonicalWord(w, memo:)` as a list with machine-integer coefficients: the same bubble
    /// sort (the first pair out of order is rewritten, the words it gives are ordered in
    /// turn), remembering only the words that needed a rewrite.
    private func normalOrdered(_ w: Word, _ memo: inout [Word: [(Word, GaussianRational)]]) -> [(Word, GaussianRational)] {
        if w.count == 1, case .spinEnsemble(_, true) = kind(w[0]), w[0].role.isSite {
            return [([Letter(group: w[0].group, role: w[0].role.collective)], .one)]
        }
        guard let i = w.indices.dropLast().first(where: { !inOrder(w[$0], w[$0 + 1]) }) else { return [(w, .one)] }
        if let m = memo[w] { return m }
        let replacement = rewritePair(w[i], w[i + 1])!
        var result = WordCombination()
        for (middle, q) in replacement {
            var sub = Word()
            sub.reserveCapacity(w.count)
            sub += w[..<i]
            sub += middle
            sub += w[(i + 2)...]
            for (v, p) in normalOrdered(sub, &memo) { result.add(v, q.isOne ? p : p * q) }
        }
        memo[w] = result.terms
        return result.terms
    }
}

/// A short linear combination of words with exact coefficients, cancelling as it goes.
struct WordCombination {
    private(set) var terms: [(Word, GaussianRational)] = []

    var isEmpty: Bool { terms.isEmpty }

    mutating func removeAll() { terms.removeAll(keepingCapacity: true) }

    mutating func add(_ w: Word, _ q: GaussianRational) {
        guard let k = terms.firstIndex(where: { $0.0 == w }) else {
            terms.append((w, q))
            return
        }
        let s = terms[k].1 + q
        if s.isZero { terms.remove(at: k) } else { terms[k].1 = s }
    }
}
