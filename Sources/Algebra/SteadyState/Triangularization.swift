import ArbitraryPrecision
import Symbolic

/// Why a steady-state solve stopped without a complete answer.
public enum SteadyStateError: Error, CustomStringConvertible, Equatable {
    /// A parameter is not declared real, so real and imaginary parts cannot be separated.
    case complexParameter(String)
    /// Elimination reached a univariate polynomial of a degree the closed-form back
    /// substitution does not handle (the polynomial is given).
    case degreeTooHigh(variable: String, polynomial: Expr)
    /// No rule applies to the remaining equations (they are listed).
    case stuck([Expr])
    /// Too many case splits (a guard against runaway branching).
    case tooManyBranches(Int)
    /// A branch a variant needs was not among the solutions (which one is said).
    case noBranch(String)

    public var description: String {
        switch self {
        case .complexParameter(let p):
            return "the parameter \(p) is not declared real: steady states are found for real parameters"
        case .degreeTooHigh(let v, let p):
            return "elimination reached a polynomial of degree > 2 in \(v) with symbolic coefficients: \(p) = 0"
        case .stuck(let eqs):
            return "no elimination step applies to the remaining equations: " + eqs.map { "\($0) = 0" }.joined(separator: ", ")
        case .tooManyBranches(let n):
            return "more than \(n) case splits: the system is too degenerate for the closed-form solver"
        case .noBranch(let what):
            return "the solver found no \(what)"
        }
    }
}

/// One branch of the case-split elimination, in progress or finished.
struct EliminationBranch {
    var equations: [Expr]
    /// Unknown = value, in the order solved; a value contains only unknowns solved later.
    var solved: [(Symbol, Expr)] = []
    /// Expressions assumed nonzero on this branch (divisors that contain unknowns).
    var nonzero: [Expr] = []
    /// Radicands that must be ≥ 0 for the branch to be real.
    var radicands: [Expr] = []
    /// Parameter expressions this branch divided by (nonzero for generic parameters).
    var genericDivisors: [Expr] = []
}

/// A polynomial system over the parameters solved by case-split elimination:
///
/// 1. a polynomial linear in an unknown with a coefficient free of unknowns is solved for it
///    (generic parameters: the coefficient is assumed nonzero and recorded);
/// 2. a polynomial with a monomial factor u splits the branch into u = 0 and u ≠ 0;
/// 3. a polynomial in one unknown of degree 2 (or a quadratic in u²) is solved in closed
///    form, one branch per root, its radicand recorded as a reality condition;
/// 4. a polynomial linear in u with a coefficient c containing unknowns splits into c ≠ 0
///    (u = −d/c) and c = d = 0;
/// 5. otherwise the resultant in a shared unknown of two polynomials is added (it holds on
///    every common zero, so adding it never changes the solution set).
/// A nonzero polynomial in the parameters alone ends a branch (no solution for generic
/// parameters); a numeric negative radicand ends it (no real solution).
struct Triangularization {
    let unknowns: [Symbol]
    var maxBranches = 256

    func isFree(_ e: Expr) -> Bool { !unknowns.contains { e.contains($0) } }

    func run(_ equations: [Expr]) throws -> [EliminationBranch] {
        var work = [EliminationBranch(equations: equations)]
        var done: [EliminationBranch] = []
        var splits = 0
        while var b = work.popLast() {
            // Normalise: cleared numerators, zeros dropped, dead branches discarded.
            var eqs: [Expr] = []
            var dead = false
            for e in b.equations {
                let p = clearedNumerator(e)
                if p.isZero { continue }
                if isFree(p) { dead = true; break }
                if !eqs.contains(p) { eqs.append(p) }
            }
            if dead { continue }
            b.equations = eqs
            if eqs.isEmpty { done.append(b); continue }
            let views = eqs.map { PolynomialView($0, unknowns: unknowns) }
            if let (i, k, c) = linearWithFreeCoefficient(views) {
                let d = views[i].coefficient(of: k, degree: 0)
                b.genericDivisors.append(c)
                work.append(solving(b, index: i, unknown: k, value: simplified(Expr.neg(d) / c)))
                continue
            }
            splits += 1
            if splits > maxBranches { throw SteadyStateError.tooManyBranches(maxBranches) }
            if let (i, k) = monomialFactor(views) {
                let u = Expr.symbol(unknowns[k])
                var zero = b
                zero.equations.remove(at: i)
                work.append(solving(zero, index: nil, unknown: k, value: .zero))
                var rest = b
                rest.equations[i] = clearedNumerator(eqs[i] / u)
                rest.nonzero.append(u)
                work.append(rest)
                continue
            }
            if let (i, k) = univariate(views) {
                for (value, radicand) in try roots(views[i], unknown: k) {
                    var r = solving(b, index: i, unknown: k, value: value)
                    if let q = radicand { r.radicands.append(q) }
                    work.append(r)
                }
                continue
            }
            if let (i, k) = linearWithUnknownCoefficient(views) {
                let c = views[i].coefficient(of: k, degree: 1), d = views[i].coefficient(of: k, degree: 0)
                var divide = solving(b, index: i, unknown: k, value: simplified(Expr.neg(d) / c))
                divide.nonzero.append(c)
                work.append(divide)
                var vanish = b
                vanish.equations[i] = c
                vanish.equations.append(d)
                work.append(vanish)
                continue
            }
            if let r = try resultantStep(views, eqs) {
                b.equations.append(r)
                work.append(b)
                continue
            }
            throw SteadyStateError.stuck(eqs)
        }
        return done
    }

    /// The branch with unknown k set to value everywhere (equation `index` removed).
    func solving(_ b: EliminationBranch, index: Int?, unknown k: Int, value: Expr) -> EliminationBranch {
        var r = b
        if let i = index { r.equations.remove(at: i) }
        let map = [unknowns[k]: value]
        r.equations = r.equations.map { $0.substitute(map) }
        r.solved = r.solved.map { ($0.0, simplified($0.1.substitute(map))) }
        r.nonzero = r.nonzero.map { $0.substitute(map) }
        r.solved.append((unknowns[k], value))
        return r
    }

    func linearWithFreeCoefficient(_ views: [PolynomialView]) -> (Int, Int, Expr)? {
        var best: (Int, Int, Expr, Int)? = nil
        for (i, v) in views.enumerated() {
            for k in v.occurring where v.degree(in: k) == 1 {
                let c = v.coefficient(of: k, degree: 1)
                guard isFree(c) else { continue }
                // Fewest terms first: small substitutions keep the rest small.
                let cost = v.terms.count
                if best == nil || cost < best!.3 { best = (i, k, c, cost) }
            }
        }
        return best.map { ($0.0, $0.1, $0.2) }
    }

    func monomialFactor(_ views: [PolynomialView]) -> (Int, Int)? {
        for (i, v) in views.enumerated() {
            let m = v.monomialContent
            // A polynomial that is a bare monomial u^n is solved by rule 3 (u = 0).
            if v.terms.count == 1 { continue }
            if let k = m.firstIndex(where: { $0 > 0 }) { return (i, k) }
        }
        for (i, v) in views.enumerated() where v.terms.count == 1 {
            if let k = v.monomialContent.firstIndex(where: { $0 > 0 }) { return (i, k) }
        }
        return nil
    }

    func univariate(_ views: [PolynomialView]) -> (Int, Int)? {
        var best: (Int, Int, Int)? = nil
        for (i, v) in views.enumerated() {
            let occ = v.occurring
            guard occ.count == 1 else { continue }
            let d = v.degree(in: occ[0])
            if best == nil || d < best!.2 { best = (i, occ[0], d) }
        }
        return best.map { ($0.0, $0.1) }
    }

    func linearWithUnknownCoefficient(_ views: [PolynomialView]) -> (Int, Int)? {
        for (i, v) in views.enumerated() {
            for k in v.occurring where v.degree(in: k) == 1 { return (i, k) }
        }
        return nil
    }

    /// res_u(p, q) for the first pair sharing an unknown whose resultant is new, nonzero and
    /// free of u.
    func resultantStep(_ views: [PolynomialView], _ eqs: [Expr]) throws -> Expr? {
        for i in 0..<views.count {
            for j in (i + 1)..<views.count {
                for k in views[i].occurring where views[j].occurring.contains(k) {
                    let r = clearedNumerator(try Expr.resultant(eqs[i], eqs[j], in: unknowns[k]))
                    if !r.isZero && !eqs.contains(r) { return r }
                }
            }
        }
        return nil
    }

    /// The real roots of a polynomial in one unknown: (value, radicand that must be ≥ 0).
    func roots(_ v: PolynomialView, unknown k: Int) throws -> [(Expr, Expr?)] {
        let n = v.degree(in: k)
        let c = (0...n).map { v.coefficient(of: k, degree: $0) }
        let name = unknowns[k].name
        switch n {
        case 1:
            return [(simplified(Expr.neg(c[0]) / c[1]), nil)]
        case 2:
            return quadraticRoots(c[2], c[1], c[0])
        default:
            // u^n = 0, or a quadratic in u^(n/2) with n/2 = 2.
            if c.dropLast().allSatisfy(\.isZero) { return [(.zero, nil)] }
            if n == 4, c[1].isZero, c[3].isZero {
                var out: [(Expr, Expr?)] = []
                for (w, rw) in quadraticRoots(c[4], c[2], c[0]) {
                    for (u, ru) in quadraticRoots(.one, .zero, Expr.neg(w)) {
                        out.append((u, ru ?? rw))
                    }
                }
                return out
            }
            if let q = numericUnivariate(c) {
                return q.rationalRoots().map { (Expr.number(GaussianRational($0)), nil) }
            }
            throw SteadyStateError.degreeTooHigh(variable: name, polynomial: v.expr)
        }
    }

    func numericUnivariate(_ c: [Expr]) -> UnivariatePolynomial? {
        var qs: [BigRational] = []
        for x in c { guard let q = x.rationalValue else { return nil }; qs.append(q) }
        return UnivariatePolynomial(qs)
    }

    /// a u² + b u + c = 0: u = −b/(2a) ± √R with R = (b² − 4ac)/(4a²) ≥ 0.
    func quadraticRoots(_ a: Expr, _ b: Expr, _ c: Expr) -> [(Expr, Expr?)] {
        let r = simplified((b * b - 4 * a * c) / (4 * a * a))
        let center = simplified(Expr.neg(b) / (2 * a))
        if let q = r.rationalValue {
            if q.signum < 0 { return [] }
            if q.signum == 0 { return [(center, nil)] }
            let s = Expr.sqrt(r)
            return [(simplified(center + s), nil), (simplified(center - s), nil)]
        }
        let s = Expr.sqrt(r)
        return [(center + s, r), (center - s, r)]
    }
}
