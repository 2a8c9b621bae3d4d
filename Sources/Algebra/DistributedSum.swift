import ArbitraryPrecision
import Symbolic

/// A scalar written out as Σ q_k m_k: distinct monomials m_k (canonical products without a
/// numeric factor; `.one` for the constant term) with exact coefficients q_k, i.e. the terms
/// of `distribute(e)` with their coefficients split off.
///
/// A Heisenberg equation adds and multiplies coefficients many times before any is read, and
/// most of its terms cancel (the two orderings of a commutator). On `Expr`s every step built
/// a canonical node; here a sum is a dictionary, adding is rational arithmetic, and only a
/// product of two monomials builds a node (once per derivation, see `MonomialProducts`). The
/// canonical sum is built once, by `expr`. A distributed form is one linear combination of
/// canonical monomials, so `expr` is the node `distribute` gives for the same value.
struct DistributedSum {
    /// Parallel arrays: a coefficient's sum has a few terms, and a linear scan of 32-bit ids
    /// beats hashing until `indexThreshold` terms, from where `index` finds them.
    private(set) var monomials: [Expr] = []
    private(set) var coefficients: [GaussianRational] = []
    private var index: [Expr: Int]? = nil
    private static let indexThreshold = 24

    init() {}

    /// The terms of `distribute(e)`.
    init(_ e: Expr) {
        for (m, q) in Self.split(distribute(e)) { add(m, q) }
    }

    static let one: DistributedSum = {
        var s = DistributedSum()
        s.add(.one, GaussianRational(1))
        return s
    }()

    var isZero: Bool { monomials.isEmpty }
    var isOne: Bool { monomials.count == 1 && monomials[0].isOne && coefficients[0].isOne }
    var terms: Zip2Sequence<[Expr], [GaussianRational]> { zip(monomials, coefficients) }

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

    private func position(of m: Expr) -> Int? {
        if let index { return index[m] }
        return monomials.firstIndex(of: m)
    }

    mutating func add(_ m: Expr, _ q: GaussianRational) {
        if q.isZero { return }
        guard let k = position(of: m) else {
            if index != nil { index![m] = monomials.count }
            monomials.append(m)
            coefficients.append(q)
            if index == nil && monomials.count > Self.indexThreshold {
                index = Dictionary(uniqueKeysWithValues: zip(monomials, monomials.indices))
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
            index![m] = nil
            if k != last { index![monomials[last]] = k }
        }
        monomials.swapAt(k, last)
        coefficients.swapAt(k, last)
        monomials.removeLast()
        coefficients.removeLast()
    }

    /// self += q · s
    mutating func add(_ s: DistributedSum, times q: GaussianRational) {
        if q.isOne {
            for (m, p) in s.terms { add(m, p) }
        } else {
            for (m, p) in s.terms { add(m, p * q) }
        }
    }

    /// q · self, without touching a monomial.
    func scaled(_ q: GaussianRational) -> DistributedSum {
        if q.isOne { return self }
        var out = self
        for k in out.coefficients.indices { out.coefficients[k] = out.coefficients[k] * q }
        return out
    }

    /// self · s, distributed.
    func times(_ s: DistributedSum, _ products: inout MonomialProducts) -> DistributedSum {
        if s.isOne { return self }
        if isOne { return s }
        var out = DistributedSum()
        for (m, p) in terms {
            for (n, q) in s.terms {
                let pq = p * q
                if m.isOne { out.add(n, pq); continue }
                if n.isOne { out.add(m, pq); continue }
                for (r, c) in products.product(m, n) { out.add(r, c.isOne ? pq : pq * c) }
            }
        }
        return out
    }

    /// The canonical sum Σ q_k m_k.
    var expr: Expr {
        var builder = SumBuilder()
        for (m, q) in terms { builder.add(m, times: q) }
        return builder.build()
    }
}

/// Products of monomials, distributed (m·n is a monomial up to a number, except where powers
/// of a sum combine), remembered for one derivation: the same few parameters meet the same
/// few variables in every equation.
struct MonomialProducts {
    private var memo: [UInt64: [(Expr, GaussianRational)]] = [:]

    mutating func product(_ m: Expr, _ n: Expr) -> [(Expr, GaussianRational)] {
        // The product is commutative: one entry per unordered pair.
        let key = m.id < n.id ? UInt64(m.id) << 32 | UInt64(n.id) : UInt64(n.id) << 32 | UInt64(m.id)
        if let r = memo[key] { return r }
        let r = DistributedSum.split(distribute(Expr.mul(m, n)))
        memo[key] = r
        return r
    }
}
