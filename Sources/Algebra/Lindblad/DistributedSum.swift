import ArbitraryPrecision
import Symbolic

/// A scalar written out as Σ q_k m_k N^(p_k): distinct monomials m_k (canonical products
/// without a numeric factor; `.one` for the constant term) with exact coefficients q_k, i.e.
/// the terms of `distribute(e)` with their coefficients split off. The power p_k of the
/// system size N is kept apart from m_k when the `MonomialProducts` in use separates N
/// (zero otherwise): intensive variables put N^(±1/2), N^(±1) into almost every coefficient
/// and expectation value, and adding exponents is cheaper than merging them in a product.
///
/// A Heisenberg equation adds and multiplies coefficients many times before any is read, and
/// most of its terms cancel (the two orderings of a commutator). On `Expr`s every step built
/// a canonical node; here a sum is a short list, adding is rational arithmetic, and only a
/// product of two monomials builds a node (once per derivation, see `MonomialProducts`). The
/// canonical sum is built once, by `expr`. A distributed form is one linear combination of
/// canonical monomials, so `expr` is the node `distribute` gives for the same value.
struct DistributedSum: Sendable {
    struct Term: Sendable {
        var monomial: Expr
        var power: GaussianRational
        var coefficient: GaussianRational
    }

    /// A coefficient's sum has a few terms, and a linear scan of 32-bit ids beats hashing
    /// until `indexThreshold` terms, from where `index` finds them. Terms are plain values:
    /// a sum is one allocation.
    private(set) var terms: [Term] = []
    private var index: [Key: Int]? = nil
    private static let indexThreshold = 24

    private struct Key: Hashable, Sendable {
        let monomial: Expr
        let power: GaussianRational
    }

    init() {}

    /// The terms of `distribute(e)`, with N separated as `products` does.
    init(_ e: Expr, _ products: inout MonomialProducts) {
        for (m, q) in Self.split(distribute(e)) {
            let (r, p) = products.separate(m)
            add(r, p, q)
        }
    }

    static let one: DistributedSum = {
        var s = DistributedSum()
        s.add(.one, .zero, .one)
        return s
    }()

    var isZero: Bool { terms.isEmpty }
    var isOne: Bool { terms.count == 1 && terms[0].monomial.isOne && terms[0].power.isZero && terms[0].coefficient.isOne }

    /// The monomials and coefficients of an expression that is distributed already.
    static func split(_ e: Expr) -> [(Expr, GaussianRational)] {
        if e.isZero { return [] }
        if e.kind != .add {
            let (q, m) = e.asCoefficientAndTerm
            return [(m, q)]
        }
        return e.children.map { t in
            let (q, m) = t.asCoefficientAndTerm
            return (m, q)
        }
    }

    private func position(of m: Expr, _ p: GaussianRational) -> Int? {
        if let index { return index[Key(monomial: m, power: p)] }
        for k in terms.indices where terms[k].monomial == m && terms[k].power == p { return k }
        return nil
    }

    /// self += q · m · N^p
    mutating func add(_ m: Expr, _ p: GaussianRational, _ q: GaussianRational) {
        if q.isZero { return }
        guard let k = position(of: m, p) else {
            if index != nil { index![Key(monomial: m, power: p)] = terms.count }
            terms.append(Term(monomial: m, power: p, coefficient: q))
            if index == nil && terms.count > Self.indexThreshold {
                var index: [Key: Int] = [:]
                for (k, t) in terms.enumerated() { index[Key(monomial: t.monomial, power: t.power)] = k }
                self.index = index
            }
            return
        }
        let s = terms[k].coefficient + q
        if !s.isZero {
            terms[k].coefficient = s
            return
        }
        // A cancelled term leaves; the last one takes its place (the order means nothing).
        let last = terms.count - 1
        if index != nil {
            index![Key(monomial: m, power: p)] = nil
            if k != last { index![Key(monomial: terms[last].monomial, power: terms[last].power)] = k }
        }
        terms.swapAt(k, last)
        terms.removeLast()
    }

    /// self += q · s
    mutating func add(_ s: DistributedSum, times q: GaussianRational) {
        if isZero && index == nil && q.isOne {
            self = s
            return
        }
        for t in s.terms { add(t.monomial, t.power, q.isOne ? t.coefficient : t.coefficient * q) }
    }

    /// q · self, without touching a monomial.
    func scaled(_ q: GaussianRational) -> DistributedSum {
        if q.isOne { return self }
        var out = self
        for k in out.terms.indices { out.terms[k].coefficient = out.terms[k].coefficient * q }
        return out
    }

    /// N^p · self, without touching a monomial (for a sum read with N separated).
    func shifted(by p: GaussianRational) -> DistributedSum {
        if p.isZero { return self }
        var out = DistributedSum()
        for t in terms { out.add(t.monomial, t.power + p, t.coefficient) }
        return out
    }

    /// self · s, distributed.
    func times(_ s: DistributedSum, _ products: inout MonomialProducts) -> DistributedSum {
        if s.isOne { return self }
        if isOne { return s }
        var out = DistributedSum()
        for x in terms {
            for y in s.terms {
                let c = x.coefficient * y.coefficient
                let power = x.power.isZero ? y.power : y.power.isZero ? x.power : x.power + y.power
                if x.monomial.isOne { out.add(y.monomial, power, c); continue }
                if y.monomial.isOne { out.add(x.monomial, power, c); continue }
                for (m, dp, q) in products.product(x.monomial, y.monomial) {
                    out.add(m, dp.isZero ? power : power + dp, q.isOne ? c : c * q)
                }
            }
        }
        return out
    }

    /// The canonical sum Σ q_k m_k N^(p_k), N being the size `products` separated.
    func expr(_ products: MonomialProducts) -> Expr {
        if terms.isEmpty { return .zero }
        var builder = SumBuilder()
        for t in terms {
            builder.add(t.power.isZero ? t.monomial : products.restore(t.monomial, t.power), times: t.coefficient)
        }
        return builder.build()
    }
}

/// Products of monomials, distributed (m·n is a monomial up to a number, except where powers
/// of a sum combine), remembered for one derivation: the same few parameters meet the same
/// few variables in every equation. With a system size N, every monomial is kept as
/// (the product of its other factors, the exponent of its factor N^p).
struct MonomialProducts {
    /// The system size whose powers are kept apart from the monomials (nil: none).
    let size: Expr?
    private var memo: [UInt64: [(Expr, GaussianRational, GaussianRational)]] = [:]
    private var separated: [Expr: (Expr, GaussianRational)] = [:]

    init(separating size: Expr? = nil) { self.size = size }

    /// (m without its factor N^p, p); (m, 0) when N is not separated or m has no such factor.
    mutating func separate(_ m: Expr) -> (Expr, GaussianRational) {
        guard let n = size else { return (m, .zero) }
        func power(_ f: Expr) -> GaussianRational? {
            let (b, x) = f.asPower
            guard b == n, let q = x.numberValue, q.isReal else { return nil }
            return q
        }
        if let p = power(m) { return (.one, p) }
        guard m.kind == .mul, let k = m.children.firstIndex(where: { power($0) != nil }) else { return (m, .zero) }
        if let s = separated[m] { return s }
        var rest = Array(m.children)
        rest.remove(at: k)
        let result = (rest.count == 1 ? rest[0] : Expr.mul(rest), power(m.children[k])!)
        separated[m] = result
        return result
    }

    /// m · N^p as one canonical monomial.
    func restore(_ m: Expr, _ p: GaussianRational) -> Expr { Expr.mul(m, Expr.pow(size!, Expr.number(p))) }

    /// m·n distributed: its monomials with N separated (an extra power of N) and coefficients.
    mutating func product(_ m: Expr, _ n: Expr) -> [(Expr, GaussianRational, GaussianRational)] {
        // The product is commutative: one entry per unordered pair.
        let key = m.id < n.id ? UInt64(m.id) << 32 | UInt64(n.id) : UInt64(n.id) << 32 | UInt64(m.id)
        if let r = memo[key] { return r }
        let r = DistributedSum.split(distribute(Expr.mul(m, n))).map { x, q in
            let (y, p) = separate(x)
            return (y, p, q)
        }
        memo[key] = r
        return r
    }
}
