import ArbitraryPrecision

/// Canonical n-ary products, built at construction.
///
/// A product is laid out as `[coefficient] commuting factors (sorted) · Grassmann word ·
/// operator factors (kept in order; operators of different spaces commute and are grouped by
/// space)`. Powers of equal commuting bases combine; equal adjacent operator bases combine.
///
/// The Grassmann word holds the odd factors and the mixed ones (1 + ψ, see `Parity`). Without
/// a mixed factor the odd factors are sorted, the sign of the permutation absorbed into the
/// coefficient, and a repeated factor makes the product zero. A mixed factor is never moved
/// past a single odd factor or another mixed one ((1 + ψ)χ = χ + ψχ but χ(1 + ψ) = χ − ψχ);
/// pairs of odd factors (even) move past it to the right (`normaliseGrassmannWord`), and equal
/// adjacent mixed bases combine into a power (a value commutes with itself). Even factors
/// that are not products (exp(ψχ)) commute with everything and sort with the commuting ones.
extension Expr {
    public static func mul(_ factors: [Expr]) -> Expr {
        var state = ProductState()
        for f in factors { state.feed(f) }
        return state.build()
    }

    public static func mul(_ a: Expr, _ b: Expr) -> Expr {
        if a.isOne { return b }
        if b.isOne { return a }
        return mul([a, b])
    }

    static func mulFlags<C: Collection>(_ factors: C) -> NodeFlags where C.Element == Expr {
        var all: NodeFlags = [.real, .positive, .nonnegative, .integer, .numeric]
        var any: NodeFlags = []
        var oddCount = 0
        for f in factors {
            all.formIntersection(f.flags)
            any.formUnion(f.flags.intersection([.noncommuting, .hasBound, .hasGrassmann, .mixed, .infinite]))
            if f.flags.contains(.odd) { oddCount += 1 }
        }
        // A mixed factor makes the product mixed; otherwise the odd factors count.
        if oddCount % 2 == 1 && !any.contains(.mixed) { any.insert(.odd) }
        if !all.contains(.nonnegative) && any.isDisjoint(with: [.noncommuting, .hasGrassmann, .mixed]) && pairsWithConjugates(factors) {
            all.formUnion([.real, .nonnegative])
        }
        return all.union(any)
    }

    /// Whether the factors that are not known to be nonnegative pair up as z^k and conj(z)^k
    /// (|z|^2k ≥ 0), so the product is nonnegative: |ψ_f|² in E² = ε² + g²|ψ_f|², whose square
    /// root is then real and equal to its conjugate. Read off the factors as they are (a
    /// conj node and its argument), so flags never build a node.
    private static func pairsWithConjugates<C: Collection>(_ factors: C) -> Bool where C.Element == Expr {
        var open = factors.filter { !$0.flags.contains(.nonnegative) }
        if open.isEmpty || open.count % 2 == 1 { return false }
        while let f = open.popLast() {
            let (base, exponent) = f.asPower
            let partner = open.firstIndex { g in
                let (b, x) = g.asPower
                guard x == exponent else { return false }
                return (b.builtin == .conj && b.children[0] == base) || (base.builtin == .conj && base.children[0] == b)
            }
            guard let k = partner else { return false }
            open.remove(at: k)
        }
        return true
    }

    /// The Hilbert space of an operator factor, or nil when the factor is not a plain
    /// operator (a sum of operators, say), which then blocks reordering across it.
    static func operatorSpace(_ f: Expr) -> Int? {
        switch f.kind {
        case .symbol, .function:
            let s = f.kind == .symbol ? f.symbol! : f.head!
            if case .operator(let space) = s.info.commutation { return space }
            return nil
        case .pow:
            return operatorSpace(f.children[0])
        default:
            return nil
        }
    }
}

private struct ProductState {
    var coefficient = GaussianRational.one
    var baseIndex: [Expr: Int] = [:]
    var bases: [Expr] = []
    /// The exponent each base came with; a base seen again adds its exponent to `repeated`
    /// (rare), so the common product allocates no array per base.
    var exponents: [Expr] = []
    var repeated: [(base: Int, exponent: Expr)] = []
    /// The Grassmann word: odd and mixed factors in the order given.
    var odd: [Expr] = []
    var hasMixed = false
    var ordered: [Expr] = []
    /// 0·∞, ∞/∞ and undefined factors (ExtendedArithmetic).
    var extended = ProductExtendedState()

    /// Products are short: a linear scan beats hashing until this many bases.
    static var linearSearchLimit: Int { 12 }

    @inline(__always) func position(of b: Expr) -> Int? {
        if baseIndex.isEmpty { return bases.firstIndex(of: b) }
        return baseIndex[b]
    }

    mutating func feed(_ f: Expr) {
        switch f.kind {
        case .integer, .number:
            coefficient = coefficient * f.numberValue!
        case .mul:
            for c in f.children { feed(c) }
        case .add:
            let (content, primitive) = f.sumContent()
            if !content.isOne {
                coefficient = coefficient * content
                feed(primitive)
                return
            }
            fallthrough
        default:
            if f.kind == .symbol || f.kind == .pow || f.flags.contains(.infinite) { extended.note(f) }
            if f.flags.contains(.noncommuting) {
                ordered.append(f)
            } else if f.flags.contains(.odd) {
                odd.append(f)
            } else if f.flags.contains(.mixed) {
                odd.append(f)
                hasMixed = true
            } else {
                let (b, e) = f.asPower
                if let i = position(of: b) {
                    repeated.append((i, e))
                } else {
                    if !baseIndex.isEmpty || bases.count == Self.linearSearchLimit {
                        if baseIndex.isEmpty { for (k, x) in bases.enumerated() { baseIndex[x] = k } }
                        baseIndex[b] = bases.count
                    }
                    bases.append(b)
                    exponents.append(e)
                }
            }
        }
    }

    mutating func build() -> Expr {
        if extended.isUndefined { return .undefined }
        if coefficient.isZero { return extended.mayBeInfinite ? .undefined : .zero }
        var factors: [Expr] = []
        var needsAnotherPass = false
        for (i, (b, e)) in zip(bases, exponents).enumerated() {
            let more = repeated.isEmpty ? [] : repeated.filter { $0.base == i }.map(\.exponent)
            let p: Expr
            if more.isEmpty {
                p = e.isOne ? b : Expr.pow(b, e)
            } else if e.isNumber && more.allSatisfy(\.isNumber) {
                // Numeric exponents (N^(-1/2) · N^(1/2)) add as numbers: the sum Expr.add would
                // build, without a SumBuilder.
                var sum = e.numberValue!
                for x in more { sum = sum + x.numberValue! }
                p = Expr.pow(b, Expr.number(sum))
            } else {
                p = Expr.pow(b, Expr.add([e] + more))
            }
            switch p.kind {
            case .integer, .number:
                coefficient = coefficient * p.numberValue!
            case .mul:
                needsAnotherPass = true
                factors.append(p)
            default:
                factors.append(p)
            }
        }
        if coefficient.isZero { return .zero }
        if needsAnotherPass {
            return Expr.mul([Expr.number(coefficient)] + factors + odd + ordered)
        }
        Expr.sortCanonically(&factors)

        if !odd.isEmpty {
            if hasMixed {
                guard let word = Self.normaliseGrassmannWord(odd, coefficient: &coefficient) else { return .zero }
                factors.append(contentsOf: word)
            } else {
                guard Self.sortOddRun(&odd[...], coefficient: &coefficient) else { return .zero }
                factors.append(contentsOf: odd)
            }
        }

        if !ordered.isEmpty {
            factors.append(contentsOf: Self.normaliseOperatorWord(ordered))
        }

        if factors.isEmpty { return Expr.number(coefficient) }
        if factors.count == 1 {
            if coefficient.isOne { return factors[0] }
            if factors[0].kind == .add {
                // A number times a sum distributes, so c·(x+y) and c·x + c·y are one form.
                var builder = SumBuilder()
                for t in factors[0].children { builder.add(t, times: coefficient) }
                return builder.build()
            }
        }
        if !coefficient.isOne { factors.insert(Expr.number(coefficient), at: 0) }
        return Expr.raw(.mul, flags: Expr.mulFlags(factors), factors)
    }

    /// Sorts a run of odd factors by insertion sort counting transpositions (each swap of two
    /// odd factors flips the sign of `coefficient`); false when a factor repeats (the product
    /// is zero).
    static func sortOddRun(_ run: inout ArraySlice<Expr>, coefficient: inout GaussianRational) -> Bool {
        var swaps = 0
        let start = run.startIndex
        for i in run.indices.dropFirst() {
            var j = i
            while j > start && Expr.canonicalLess(run[j], run[j - 1]) {
                run.swapAt(j, j - 1)
                swaps += 1
                j -= 1
            }
        }
        for i in run.indices.dropFirst() where run[i] == run[i - 1] { return false }
        if swaps % 2 == 1 { coefficient = -coefficient }
        return true
    }

    /// A Grassmann word with mixed factors in canonical form; nil when it is zero.
    ///
    /// An odd factor cannot pass a mixed one, but a pair of odd factors is even and can: so each
    /// run of odd factors before a mixed factor keeps at most one factor (the least in the
    /// canonical order, when the run is odd) and hands the others, an even block, on past the
    /// mixed factor to the next run; the last run keeps everything. Each run is sorted with
    /// its sign (`sortOddRun`), and equal adjacent mixed bases combine into one power. So
    /// (χη)(1 + ψ) and (1 + ψ)(χη) are one node, (1 + ψ)χη.
    static func normaliseGrassmannWord(_ word: [Expr], coefficient: inout GaussianRational) -> [Expr]? {
        var out: [Expr] = []
        var carried: [Expr] = []
        var run: [Expr] = []
        /// Sorts the carried factors and the run before a mixed factor (or the end, `last`),
        /// appends what stays, and carries the rest on.
        func settle(last: Bool) -> Bool {
            var pool = (carried + run)[...]
            run.removeAll()
            carried.removeAll()
            guard sortOddRun(&pool, coefficient: &coefficient) else { return false }
            if last {
                out.append(contentsOf: pool)
            } else if pool.count % 2 == 1 {
                out.append(pool.first!)
                carried = Array(pool.dropFirst())
            } else {
                carried = Array(pool)
            }
            return true
        }
        for f in word {
            if f.flags.contains(.odd) { run.append(f); continue }
            guard settle(last: false) else { return nil }
            if let last = out.last, !last.flags.contains(.odd), last.asPower.base == f.asPower.base {
                out.removeLast()
                let p = Expr.pow(f.asPower.base, Expr.add(last.asPower.exponent, f.asPower.exponent))
                if p.isZero { return nil }
                if let q = p.numberValue { coefficient = coefficient * q } else { out.append(p) }
            } else {
                out.append(f)
            }
        }
        guard settle(last: true) else { return nil }
        return out
    }

    /// Groups operators of different spaces (they commute) keeping the order within a
    /// space, and combines equal adjacent bases: a^m a^n = a^(m+n).
    static func normaliseOperatorWord(_ word: [Expr]) -> [Expr] {
        var out: [Expr] = []
        var segment: [(space: Int, factor: Expr)] = []
        func flush() {
            // Stable sort by space: operators of different spaces commute.
            let sorted = segment.enumerated().sorted {
                $0.element.space != $1.element.space ? $0.element.space < $1.element.space : $0.offset < $1.offset
            }.map { $0.element.factor }
            out.append(contentsOf: sorted)
            segment.removeAll()
        }
        for f in word {
            if let s = Expr.operatorSpace(f) { segment.append((s, f)) } else { flush(); out.append(f) }
        }
        flush()
        var merged: [Expr] = []
        for f in out {
            if let last = merged.last, last.asPower.base == f.asPower.base, Expr.operatorSpace(f) != nil {
                merged.removeLast()
                let p = Expr.pow(f.asPower.base, Expr.add(last.asPower.exponent, f.asPower.exponent))
                if !p.isOne { merged.append(p) }
            } else {
                merged.append(f)
            }
        }
        return merged
    }
}
