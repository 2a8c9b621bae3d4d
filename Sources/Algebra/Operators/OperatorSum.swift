import ArbitraryPrecision
import Symbolic

/// A sum of (commuting coefficient) × (operator word): the dictionary form that
/// canonical products sink into, as in SecondQuantizedAlgebra.jl.
struct OperatorSum: Sendable {
    var terms: [Word: [Expr]] = [:]

    static func scalar(_ e: Expr) -> OperatorSum {
        var s = OperatorSum()
        if !e.isZero { s.terms[[]] = [e] }
        return s
    }

    mutating func add(_ w: Word, _ c: Expr) {
        if c.isZero { return }
        terms[w, default: []].append(c)
    }

    static func + (a: OperatorSum, b: OperatorSum) -> OperatorSum {
        var s = a
        for (w, cs) in b.terms { s.terms[w, default: []].append(contentsOf: cs) }
        return s
    }

    func scaled(_ c: Expr) -> OperatorSum {
        var s = OperatorSum()
        for (w, cs) in terms { s.terms[w] = cs.map { Expr.mul(c, $0) } }
        return s
    }

    /// Concatenation product (not yet canonical).
    static func * (a: OperatorSum, b: OperatorSum) -> OperatorSum { product(a, b, times: .one) }

    /// c·a·b, concatenated (not yet canonical): the scalar rides along in each coefficient
    /// product instead of costing a second pass (`scaled`) over the result.
    static func product(_ a: OperatorSum, _ b: OperatorSum, times c: Expr) -> OperatorSum {
        var s = OperatorSum()
        let right = b.terms.map { ($0.key, sum($0.value)) }
        for (u, cu) in a.terms {
            let x = Expr.mul(c, sum(cu))
            for (v, y) in right { s.add(u + v, Expr.mul(x, y)) }
        }
        return s
    }

    /// Σ cs; a lone coefficient is already a canonical expression and is not rebuilt.
    static func sum(_ cs: [Expr]) -> Expr { cs.count == 1 ? cs[0] : Expr.add(cs) }

    /// The combined coefficient of every word, distributed (so that equal coefficients
    /// are equal expressions), zero words removed.
    func collected() -> [(Word, Expr)] {
        var out: [(Word, Expr)] = []
        for (w, cs) in terms {
            let c = distribute(Self.sum(cs))
            if !c.isZero { out.append((w, c)) }
        }
        return out
    }
}

extension OperatorAlgebra {
    /// Reads an expression into the dictionary form, checking that every operator is
    /// declared here (words not yet canonical).
    func read(_ e: Expr) throws -> OperatorSum {
        if e.isCommuting && !e.flags.contains(.noncommuting) { return .scalar(e) }
        switch e.kind {
        case .symbol:
            guard let l = letter(e.symbol!) else { throw AlgebraError.unknownOperator(e.symbol!.name) }
            var s = OperatorSum()
            s.add([l], .one)
            return s
        case .add:
            var s = OperatorSum()
            for c in e.children { s = s + (try read(c)) }
            return s
        case .mul:
            var s = OperatorSum.scalar(.one)
            for c in e.children {
                s = canonical(s * (try read(c)))
                try Self.checkSize(s, of: e)
            }
            return s
        case .pow:
            let (b, x) = e.asPower
            guard let n = x.intValue, n >= 1 else {
                throw AlgebraError.unsupported("power \(x) of an operator (only positive integer powers)")
            }
            let base = try read(b)
            // The n-th power of a sum in L letters (all letters of the modes it touches, S^z
            // included: commutators generate it) normal-orders into at most C(n + L, L) words;
            // past the limit it is refused before expanding, as (S+ + S-)^2007 would not fit in
            // memory (a power of a single word is bounded by its length, next).
            if base.terms.count > 1 {
                var letters = 0
                for g in Set(base.terms.keys.flatMap { $0.map(\.group) }) {
                    if case .spinEnsemble = groups[g].kind { letters += 6 } else { letters += 2 }
                }
                if Self.binomialExceeds(n + letters, letters, Self.maximumWords) {
                    throw AlgebraError.unsupported("(\(b))^\(n) may expand to more than \(Self.maximumWords) operator words (docs/limits.md)")
                }
            }
            // Decided before any product is formed: every word of base^n may have n times the
            // letters of the base's longest word, and normal-ordering long words is what made
            // (a† a)^600 exhaust memory and (a† a)^300 take seconds.
            let longest = base.terms.keys.map(\.count).max() ?? 0
            let (letters, overflow) = longest.multipliedReportingOverflow(by: n)
            if overflow || letters > Self.maximumWordLetters {
                throw AlgebraError.unsupported("(\(b))^\(n) has operator words of \(overflow ? "too many" : String(letters)) "
                                               + "letters, more than the limit of \(Self.maximumWordLetters) letters per word (docs/limits.md)")
            }
            var s = OperatorSum.scalar(.one)
            for _ in 0..<n {
                s = canonical(s * base)
                try Self.checkSize(s, of: e)
            }
            return s
        default:
            throw AlgebraError.unsupported("operator inside \(e)")
        }
    }

    /// The most operator words an expression may expand to (a model that asks for more is an
    /// input error, not a reason to exhaust memory).
    static let maximumWords = 200_000

    /// The most letters an operator word may have (a power or a product of operators). The
    /// cost of normal ordering grows quickly with the length: at the limit, (a + a†)^64 takes
    /// 6.5 s in a debug build, (S+ S-)^32 4.4 s; (a† a)^600 (1 200 letters) exhausted 2 GB.
    static let maximumWordLetters = 64

    static func checkSize(_ s: OperatorSum, of e: Expr) throws {
        if s.terms.count > maximumWords {
            throw AlgebraError.unsupported("\(e) expands to more than \(maximumWords) operator words")
        }
        for w in s.terms.keys where w.count > maximumWordLetters {
            throw AlgebraError.unsupported("\(e) has operator words of more than \(maximumWordLetters) letters "
                                           + "(the limit per word; docs/limits.md)")
        }
    }

    /// Whether C(n, k) > limit, without computing a huge binomial.
    static func binomialExceeds(_ n: Int, _ k: Int, _ limit: Int) -> Bool {
        let k = min(k, n - k)
        if k < 0 { return false }
        var c = 1.0
        for i in 0..<k {
            c = c * Double(n - i) / Double(i + 1)
            if c > Double(limit) { return true }
        }
        return false
    }

    /// Every word brought to canonical order, coefficients collected.
    func canonical(_ s: OperatorSum) -> OperatorSum {
        var out = OperatorSum()
        for (w, cs) in s.terms {
            let c = OperatorSum.sum(cs)
            if c.isZero { continue }
            // Most words of a derivation are canonical already: no dictionary, no product.
            if isCanonical(w) { out.add(w, c); continue }
            for (v, q) in canonicalWord(w) { out.add(v, q.isOne ? c : Expr.mul(Expr.number(q), c)) }
        }
        return out
    }

    /// The expression of a canonical sum: Σ coefficient · (product of the word's letters).
    func expr(_ s: OperatorSum) -> Expr {
        var terms: [Expr] = []
        for (w, c) in s.collected() { terms.append(Expr.mul([c] + w.map { expr($0) })) }
        return Expr.add(terms)
    }

    func wordExpr(_ w: Word) -> Expr { Expr.mul(w.map { expr($0) }) }
}
