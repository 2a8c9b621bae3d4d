import ArbitraryPrecision

/// The canonical order of operator words and the relations that restore it.
///
/// Order (documented, fixed): groups in declaration order for bosons and spins, then all
/// fermions as one block; within a boson a† before a; within an ensemble S^+, S^z, S^-
/// and then the per-site σ_i^+, σ_i^z, σ_i^- (at most one per-site letter survives); the
/// fermion block has every c† (by mode) before every c (by mode). (The core's product then
/// groups operators of different spaces by space id, which changes nothing since they commute.)
extension OperatorAlgebra {
    /// Sort key of a letter in the canonical order.
    func sortKey(_ l: Letter) -> (Int, Int, Int) {
        if kind(l) == .fermion { return (Int.max, l.role.rank, l.group) }
        return (l.group, l.role.rank, 0)
    }

    /// What to do with the adjacent pair `x y`: nil when it is in canonical order,
    /// otherwise the linear combination of words that equals it.
    func rewritePair(_ x: Letter, _ y: Letter) -> [(Word, GaussianRational)]? {
        let one = GaussianRational.one, minusOne = GaussianRational(-1)
        if x.group != y.group {
            guard sortKey(x) > sortKey(y) else { return nil }
            let bothFermions = kind(x) == .fermion && kind(y) == .fermion
            return [([y, x], bothFermions ? minusOne : one)]
        }
        switch kind(x) {
        case .boson:
            // a a† = a† a + 1
            if x.role == .annihilate && y.role == .create { return [([y, x], one), ([], one)] }
            return nil
        case .fermion:
            if x.role == y.role { return [] }  // c c = c† c† = 0
            // c c† = 1 − c† c
            if x.role == .annihilate { return [([y, x], minusOne), ([], one)] }
            return nil
        case .spinEnsemble(_, let single):
            let g = x.group
            func word(_ r: Role?, site: Bool) -> Word {
                guard let r else { return [] }
                return [Letter(group: g, role: site ? r.site : r)]
            }
            if single {
                // N = 1: σ_i = S, every product reduces to the spin-1/2 basis.
                return spinHalfProduct(x.role, y.role).map { (word($0.0, site: false), $0.1) }
            }
            switch (x.role.isSite, y.role.isSite) {
            case (true, true):
                return spinHalfProduct(x.role, y.role).map { (word($0.0, site: true), $0.1) }
            case (true, false):
                // σ_i^u S^v = S^v σ_i^u + [σ_i^u, σ_i^v]: only site i fails to commute.
                return [([y, x], one)] + siteCommutator(x.role, y.role).map { (word($0.0, site: true), $0.1) }
            case (false, true):
                return nil
            case (false, false):
                switch (x.role, y.role) {
                case (.z, .plus): return [([y, x], one), (word(.plus, site: false), one)]
                case (.minus, .plus): return [([y, x], one), (word(.z, site: false), GaussianRational(-2))]
                case (.minus, .z): return [([y, x], one), (word(.minus, site: false), one)]
                default: return nil
                }
            }
        }
    }

    /// [σ^u, σ^v] for one spin-1/2, in the basis {σ^+, σ^z, σ^-}.
    func siteCommutator(_ u: Role, _ v: Role) -> [(Role?, GaussianRational)] {
        var acc: [Role?: GaussianRational] = [:]
        for (r, q) in spinHalfProduct(u, v) { acc[r, default: GaussianRational(0)] = acc[r, default: GaussianRational(0)] + q }
        for (r, q) in spinHalfProduct(v, u) { acc[r, default: GaussianRational(0)] = acc[r, default: GaussianRational(0)] - q }
        return acc.filter { !$0.value.isZero }.map { ($0.key, $0.value) }
    }

    /// Whether `rewritePair(x, y)` is nil, without building the rewrite.
    func inOrder(_ x: Letter, _ y: Letter) -> Bool {
        if x.group != y.group { return !(sortKey(x) > sortKey(y)) }
        switch kind(x) {
        case .boson:
            return !(x.role == .annihilate && y.role == .create)
        case .fermion:
            return x.role != y.role && x.role != .annihilate
        case .spinEnsemble(_, let single):
            if single { return false }
            switch (x.role.isSite, y.role.isSite) {
            case (true, _): return false
            case (false, true): return true
            case (false, false):
                switch (x.role, y.role) {
                case (.z, .plus), (.minus, .plus), (.minus, .z): return false
                default: return true
                }
            }
        }
    }

    /// A per-site letter of a single spin (N = 1, where σ_i and S are one operator).
    func isSingleSpinSite(_ l: Letter) -> Bool {
        // The role first: every word of a derivation passes here, few letters are per-site.
        guard l.role.isSite, case .spinEnsemble(_, true) = kind(l) else { return false }
        return true
    }

    /// Whether `canonicalWord(w)` is w itself: no adjacent pair to rewrite, and no per-site
    /// letter of a single spin (which is renamed).
    func isCanonical(_ w: Word) -> Bool {
        if w.contains(where: isSingleSpinSite) { return false }
        if w.count < 2 { return true }
        for i in 0..<(w.count - 1) where !inOrder(w[i], w[i + 1]) { return false }
        return true
    }

    /// The canonical form of one word, remembered in the algebra's `wordCache`.
    func canonicalWord(_ w: Word) -> [Word: GaussianRational] {
        wordCache.canonical(w) { w, memo in
            // Letters of different bosons and spin ensembles commute with coefficient 1, so
            // w has the form of w stably sorted by group: sorted here directly instead of by
            // the bubble sort below, which would remember every intermediate word.
            if w.count > 1, !w.contains(where: { kind($0) == .fermion }) {
                var v = w
                for i in 1..<v.count {
                    var j = i
                    while j > 0 && v[j - 1].group > v[j].group { v.swapAt(j, j - 1); j -= 1 }
                }
                if v != w {
                    let form = canonicalWord(v, memo: &memo)
                    memo[w] = form
                    return form
                }
            }
            return canonicalWord(w, memo: &memo)
        }
    }

    /// The canonical form of one word: a linear combination of canonical words with exact
    /// coefficients. Bubble sort where every swap may emit the shorter correction words of
    /// the (anti)commutation relation; memoised in `memo`.
    func canonicalWord(_ w: Word, memo: inout [Word: [Word: GaussianRational]]) -> [Word: GaussianRational] {
        if let m = memo[w] { return m }
        // For a single spin σ_i is S: its site letters are renamed to the collective ones
        // wherever they stand (not only alone, or σ_i^+ a and S^+ a would be two forms).
        if w.contains(where: isSingleSpinSite) {
            let renamed = w.map { isSingleSpinSite($0) ? Letter(group: $0.group, role: $0.role.collective) : $0 }
            let result = canonicalWord(renamed, memo: &memo)
            memo[w] = result
            return result
        }
        var result: [Word: GaussianRational]? = nil
        for i in 0..<max(w.count - 1, 0) {
            guard let replacement = rewritePair(w[i], w[i + 1]) else { continue }
            let prefix = w[..<i], suffix = w[(i + 2)...]
            // A plain swap (operators that commute) is the canonical form of the swapped
            // word itself: no new dictionary, no arithmetic.
            if replacement.count == 1, replacement[0].1.isOne {
                result = canonicalWord(Array(prefix) + replacement[0].0 + Array(suffix), memo: &memo)
                break
            }
            var sum: [Word: GaussianRational] = [:]
            for (middle, q) in replacement {
                let sub = canonicalWord(Array(prefix) + middle + Array(suffix), memo: &memo)
                for (v, p) in sub {
                    let c = sum[v, default: GaussianRational(0)] + (q.isOne ? p : p * q)
                    if c.isZero { sum[v] = nil } else { sum[v] = c }
                }
            }
            result = sum
            break
        }
        let canonical = result ?? [w: GaussianRational(1)]
        memo[w] = canonical
        return canonical
    }
}
