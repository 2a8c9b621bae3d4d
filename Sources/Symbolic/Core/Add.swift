import ArbitraryPrecision

/// Canonical n-ary sums, built at construction: nested sums flattened, numbers
/// combined, like terms collected, terms sorted in the canonical order.
extension Expr {
    public static func add(_ terms: [Expr]) -> Expr {
        var builder = SumBuilder()
        for t in terms { builder.add(t) }
        return builder.build()
    }

    public static func add(_ a: Expr, _ b: Expr) -> Expr {
        if a.isZero { return b }
        if b.isZero { return a }
        return add([a, b])
    }

    /// A sum is odd when every term is odd, even when every term is even, and mixed otherwise
    /// (1 + ψ, or any sum with a mixed term): a sum with an odd term and an even one does not
    /// commute with odd factors.
    static func addFlags<C: Collection>(_ terms: C) -> NodeFlags where C.Element == Expr {
        var all: NodeFlags = [.real, .positive, .nonnegative, .integer, .numeric, .odd]
        var any: NodeFlags = []
        for t in terms {
            all.formIntersection(t.flags)
            any.formUnion(t.flags.intersection([.noncommuting, .hasBound, .hasGrassmann, .odd, .mixed, .infinite]))
        }
        if !all.contains(.odd) && !any.isDisjoint(with: .parity) { all.insert(.mixed) }
        any.subtract(.parity)
        return all.union(any)
    }
}

/// Accumulates terms and builds one canonical sum in O(n log n), so assembling a large
/// sum term by term does not rebuild it each time (QuantumCumulants.jl #304).
public struct SumBuilder {
    private var constant = GaussianRational.zero
    private var index: [Expr: Int] = [:]
    private var terms: [Expr] = []
    private var coefficients: [GaussianRational] = []
    /// ∞ − ∞ and undefined terms (ExtendedArithmetic).
    private var extended = SumExtendedState()

    public init() {}

    public mutating func add(_ e: Expr) {
        switch e.kind {
        case .integer, .number:
            constant = constant + e.numberValue!
        case .add:
            for c in e.children { add(c) }
        default:
            let (c, t) = e.asCoefficientAndTerm
            collect(t, c)
        }
    }

    /// Adds `c * term` where `term` is not a number and carries no coefficient.
    mutating func collect(_ term: Expr, _ c: GaussianRational) {
        if term.flags.contains(.infinite) || term.kind == .symbol { extended.note(term, c) }
        // Small sums: a linear scan beats hashing; the index is built once the sum grows.
        let found: Int?
        if index.isEmpty && terms.count < 16 { found = terms.firstIndex(of: term) } else {
            if index.isEmpty { for (k, t) in terms.enumerated() { index[t] = k } }
            found = index[term]
        }
        if let i = found {
            coefficients[i] = coefficients[i] + c
        } else {
            if !index.isEmpty || terms.count >= 16 { index[term] = terms.count }
            terms.append(term)
            coefficients.append(c)
        }
    }

    public mutating func add(_ term: Expr, times q: GaussianRational) {
        if q.isZero { return }
        let (c, t) = term.asCoefficientAndTerm
        let product = c * q
        if t.isOne { constant = constant + product } else { collect(t, product) }
    }

    public func build() -> Expr {
        if extended.isUndefined { return .undefined }
        var out: [Expr] = []
        out.reserveCapacity(terms.count + 1)
        for (t, c) in zip(terms, coefficients) where !c.isZero {
            out.append(c.isOne ? t : Expr.scaled(t, by: c))
        }
        Expr.sortCanonically(&out)
        if !constant.isZero { out.insert(Expr.number(constant), at: 0) }
        if out.isEmpty { return .zero }
        if out.count == 1 { return out[0] }
        return Expr.raw(.add, flags: Expr.addFlags(out), out)
    }
}

extension Expr {
    /// `c * term` for a term without numeric coefficient, built directly.
    static func scaled(_ term: Expr, by c: GaussianRational) -> Expr {
        if c.isOne { return term }
        if c.isZero { return .zero }
        if term.kind == .add { return Expr.mul([Expr.number(c), term]) }
        var list: [Expr] = [Expr.number(c)]
        if term.kind == .mul { list.append(contentsOf: term.children) } else { list.append(term) }
        return Expr.raw(.mul, flags: mulFlags(list), list)
    }
}
