import ArbitraryPrecision
import Symbolic

/// A polynomial equation seen as a polynomial in the unknowns with coefficients that are
/// polynomials in everything else (the parameters, and square roots of parameter
/// expressions introduced by earlier solves). The elimination in `Triangularization` asks
/// it for degrees, coefficients and monomial content.
struct PolynomialView {
    /// Exponent vector of the unknowns → coefficient (free of the unknowns).
    var terms: [[Int]: Expr]
    let unknowns: [Symbol]

    init(_ e: Expr, unknowns: [Symbol]) {
        self.unknowns = unknowns
        var terms: [[Int]: Expr] = [:]
        let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        for t in e.terms {
            var exps = [Int](repeating: 0, count: unknowns.count)
            var rest: [Expr] = []
            let factors: [Expr] = t.kind == .mul ? Array(t.children) : [t]
            for f in factors {
                let (b, x) = f.kind == .pow ? f.asPower : (f, Expr.one)
                if let s = b.symbol, let k = index[s], let n = x.intValue, n > 0 {
                    exps[k] += n
                } else {
                    rest.append(f)
                }
            }
            terms[exps, default: .zero] = terms[exps, default: .zero] + Expr.mul(rest)
        }
        self.terms = terms.filter { !$0.value.isZero }
    }

    var isZero: Bool { terms.isEmpty }

    /// Unknowns that occur (indices).
    var occurring: [Int] {
        (0..<unknowns.count).filter { k in terms.keys.contains { $0[k] > 0 } }
    }

    func degree(in k: Int) -> Int { terms.keys.map { $0[k] }.max() ?? -1 }

    /// The coefficient of u_k^n as an expression in the other unknowns and the parameters.
    func coefficient(of k: Int, degree n: Int) -> Expr {
        var out: [Expr] = []
        for (e, c) in terms where e[k] == n {
            var m = e
            m[k] = 0
            out.append(Expr.mul(c, monomial(m)))
        }
        return Expr.add(out)
    }

    /// The largest monomial in the unknowns dividing every term.
    var monomialContent: [Int] {
        guard let first = terms.keys.first else { return [] }
        return terms.keys.reduce(first) { acc, e in zip(acc, e).map { Swift.min($0, $1) } }
    }

    func monomial(_ exps: [Int]) -> Expr {
        Expr.mul(zip(unknowns, exps).compactMap { s, n in n == 0 ? nil : Expr.pow(.symbol(s), .integer(n)) })
    }

    var expr: Expr { Expr.add(terms.map { Expr.mul($0.value, monomial($0.key)) }) }
}

/// The numerator of e as an expanded polynomial (denominators, which contain parameters or
/// unknowns assumed nonzero by the caller, are cleared).
public func clearedNumerator(_ e: Expr) -> Expr {
    var x = e.expand()
    if x.hasDenominator { x = x.numerator.expand() }
    return x
}

/// cancel, then expanded numerator over expanded denominator.
func simplified(_ e: Expr) -> Expr { e.cancel() }

/// The values of p² at which a polynomial in p with only even powers of p vanishes (p
/// declared positive, so p^(2k) = (p²)^k).
public func solveForSquare(_ condition: Expr, parameter p: Expr) throws -> [Expr] {
    let w = Symbol("w_square", [.positive])
    let inW = condition.substitute([p: Expr.sqrt(.symbol(w))]).expand()
    if inW.contains(p.symbol!) { throw SteadyStateError.stuck([condition]) }
    let branches = try Triangularization(unknowns: [w]).run([inW])
    return branches.compactMap { $0.solved.first(where: { $0.0 == w })?.1 }.map { $0.cancel() }
}
