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
    /// Parallel arrays: a coefficient's sum has a few terms, and a linear scan of 32-bit ids
    /// beats hashing until `indexThreshold` terms, from where `index` finds them.
    private(set) var monomials: [Expr] = []
    private(set) var powers: [GaussianQ] = []
    private(set) var coefficients: [GaussianQ] = []
    private var index: [Key: Int]? = nil
    private static let indexThreshold = 24

    private struct Key: Hashable, Sendable {
        let monomial: Expr
        let power: GaussianQ
    }

    init() {}

    /// The terms of `distribute(e)`, with N separated as `products` does.
    init(_ e: Expr, _ products: inout MonomialProducts) {
        for (m, q) in Self.split(distribute(e)) {
            let (r, p) = products.separate(m)
            add(r, p, GaussianQ(q))
        }
    }

    static let one: DistributedSum = {
        var s = DistributedSum()
        s.add(.one, .zero, .one)
        return s
    }()

    var isZero: Bool { monomials.isEmpty }
    var isOne: Bool { monomials.count == 1 && monomials[0].isOne && powers[0].isZero && coefficients[0].isOne }
    var count: Int { monomials.count }

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

    private func position(of m: Expr, _ p: GaussianQ) -> Int? {
        if let index { return index[Key(monomial: m, power: p)] }
        for k in monomials.indices where monomials[k] == m && powers[k] == p { return k }
        return nil
    }

    /// self += q · m · N^p
    mutating func add(_ m: Expr, _ p: GaussianQ, _ q: GaussianQ) {
        if q.isZero { return }
        guard let k = position(of: m, p) else {
            if index != nil { index![Key(monomial: m, power: p)] = monomials.count }
            monomials.append(m)
            powers.append(p)
            coefficients.append(q)
            if index == nil && monomials.count > Self.indexThreshold {
                var index: [Key: Int] = [:]
                for k in monomials.indices { index[Key(monomial: monomials[k], power: powers[k])] = k }
                self.index = index
            }
            return
        }
        let s = coefficients[k] + q
        if !s.isZero {
            coefficients[k] = s
            return
        }
        // A cancelled term leaves; the last one takes its place (the order means nothing).
        let last = monomials.count - 1
        if index != nil {
            index![Key(monomial: m, power: p)] = nil
            if k != last { index![Key(monomial: monomials[last], power: powers[last])] = k }
        }
        monomials.swapAt(k, last)
        powers.swapAt(k, last)
        coefficients.swapAt(k, last)
        monomials.removeLast()
        powers.removeLast()
        coefficients.removeLast()
    }

    /// self += q · s
    mutating func add(_ s: DistributedSum, times q: GaussianQ) {
        for k in s.monomials.indices {
            add(s.monomials[k], s.powers[k], q.isOne ? s.coefficients[k] : s.coefficients[k] * q)
        }
    }

    /// q · self, without touching a monomial.
    func scaled(_ q: GaussianQ) -> DistributedSum {
        if q.isOne { return self }
        var out = self
        for k in out.coefficients.indices { out.coefficients[k] = out.coefficients[k] * q }
        return out
    }

    /// N^p · self, without touching a monomial (for a sum read with N separated).
    func shifted(by p: GaussianQ) -> DistributedSum {
        if p.isZero { return self }
        var out = DistributedSum()
        for k in monomials.indices { out.add(monomials[k], powers[k] + p, coefficients[k]) }
        return out
    }

    /// self · s, distributed.
    func times(_ s: DistributedSum, _ products: inout MonomialProducts) -> DistributedSum {
        if s.isOne { return self }
        if isOne { return s }
        var out = DistributedSum()
        for j in monomials.indices {
            let (m, p) = (monomials[j], powers[j])
            for k in s.monomials.indices {
                let (n, r) = (s.monomials[k], s.powers[k])
                let c = coefficients[j] * s.coefficients[k]
                let power = p.isZero ? r : r.isZero ? p : p + r
                if m.isOne { out.add(n, power, c); continue }
                if n.isOne { out.add(m, power, c); continue }
                for (x, dp, q) in products.product(m, n) {
                    out.add(x, dp.isZero ? power : power + dp, q.isOne ? c : c * q)
                }
            }
        }
        return out
    }

    /// The canonical sum Σ q_k m_k N^(p_k), N being the size `products` separated.
    func expr(_ products: MonomialProducts) -> Expr {
        if monomials.isEmpty { return .zero }
        var builder = SumBuilder()
        for k in monomials.indices {
            builder.add(powers[k].isZero ? monomials[k] : products.restore(monomials[k], powers[k]), times: coefficients[k].value)
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
    private var memo: [UInt64: [(Expr, GaussianQ, GaussianQ)]] = [:]
    private var separated: [Expr: (Expr, GaussianQ)] = [:]

    init(separating size: Expr? = nil) { self.size = size }

    /// (m without its factor N^p, p); (m, 0) when N is not separated or m has no such factor.
    mutating func separate(_ m: Expr) -> (Expr, GaussianQ) {
        guard let n = size else { return (m, .zero) }
        func power(_ f: Expr) -> GaussianQ? {
            let (b, x) = f.asPower
            return b == n ? x.rationalValue.map { GaussianQ($0) } : nil
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
    func restore(_ m: Expr, _ p: GaussianQ) -> Expr { Expr.mul(m, Expr.pow(size!, Expr.number(p.value))) }

    /// m·n distributed: its monomials with N separated (an extra power of N) and coefficients.
    mutating func product(_ m: Expr, _ n: Expr) -> [(Expr, GaussianQ, GaussianQ)] {
        // The product is commutative: one entry per unordered pair.
        let key = m.id < n.id ? UInt64(m.id) << 32 | UInt64(n.id) : UInt64(n.id) << 32 | UInt64(m.id)
        if let r = memo[key] { return r }
        let r = DistributedSum.split(distribute(Expr.mul(m, n))).map { x, q in
            let (y, p) = separate(x)
            return (y, p, GaussianQ(q))
        }
        memo[key] = r
        return r
    }
}
