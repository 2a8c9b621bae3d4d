import ArbitraryPrecision
import Symbolic

/// The intensive rescaling of a mean-field equation: its right-hand side, divided by N^p (the
/// scaling of its left-hand side), split by the relative order N^k of each term.
struct SizeScaling {
    let n: Expr
    let symbol: Symbol
    /// Whether a factor other than a power of N is free of N: the same factors (variables,
    /// parameters) recur in every term.
    private var freeOfN: [Expr: Bool] = [:]

    init(_ n: Expr) throws {
        guard let s = n.symbol else { throw AlgebraError.scaling("the system size must be a symbol") }
        self.n = n
        symbol = s
    }

    /// (rhs without its terms of relative order N^k, k < 0, unless `keep`; those terms), for
    /// a right-hand side divided by the scaling of its left-hand side already. A term with
    /// k > 0 is an error.
    mutating func split(_ rhs: Expr, keep: Bool, name: () -> String) throws -> (Expr, [Expr]) {
        let terms: [Expr] = rhs.kind == .add ? Array(rhs.children) : [rhs]
        var kept: [Expr] = [], dropped: [Expr] = []
        for t in terms {
            let e = try power(in: t)
            if e.signum > 0 {
                throw AlgebraError.scaling("the term \(t) of d\(name())/dt grows as N^\(e) relative to its left-hand side")
            }
            if e.signum < 0 {
                dropped.append(t)
                if keep { kept.append(t) }
            } else {
                kept.append(t)
            }
        }
        return (dropped.isEmpty ? rhs : Expr.add(kept), dropped)
    }

    /// The exponent of N in one term (a product); throws when N occurs other than as a
    /// factor N^r with rational r.
    mutating func power(in term: Expr) throws -> BigRational {
        var exponent = BigRational(0)
        for f in term.kind == .mul ? Array(term.children) : [term] {
            let (b, x) = f.asPower
            if b == n, let q = x.rationalValue {
                exponent = exponent + q
                continue
            }
            let free: Bool
            if let known = freeOfN[f] { free = known } else {
                free = !f.contains(symbol)
                freeOfN[f] = free
            }
            if !free { throw AlgebraError.scaling("cannot read the power of \(symbol.name) in the factor \(f)") }
        }
        return exponent
    }
}

extension Expr {
    /// The terms of this sum (multiplied out) that survive N → ∞ when it is intensive: every
    /// term of order N^0 in `systemSize`; terms N^k with k < 0 are dropped, a term with k > 0 is
    /// an error (the expression is not intensive). What the mean field does to each equation.
    public func leadingOrder(in systemSize: Expr) throws -> Expr {
        var scaling = try SizeScaling(systemSize)
        return try scaling.split(distribute(self), keep: false, name: { "(\(self))" }).0
    }
}
