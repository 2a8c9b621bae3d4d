import ArbitraryPrecision
import Symbolic
import KeldyshNumerics

/// The elimination behind a certified threshold: for the characteristic polynomial
/// p(s; P) = det(s − A(P)), an eigenvalue on the imaginary axis s = iω (ω real, ω = 0 for
/// a real eigenvalue) needs Re p(iω; P) = Im p(iω; P) = 0, so P is a root of the resultant
/// R(P) = res_ω(Re p(iω; P), Im p(iω; P)). The largest real part of the eigenvalues is
/// continuous in P and can change sign only at a real root of R.
public struct CrossingPolynomial: Sendable {
    public let parameter: Symbol
    /// Coefficients of p(s; P) in s, lowest degree first, as polynomials in P.
    public let characteristic: [Polynomial]
    /// Re p(iω; P) and Im p(iω; P) as polynomials in (ω, P).
    public let realPart: Polynomial
    public let imaginaryPart: Polynomial
    /// R(P), the resultant in ω, over ℚ.
    public let resultant: UnivariatePolynomial
    /// What every threshold search on R needs, computed once with it (and memoised with it
    /// by `cached(problem:)`): its real roots with isolating intervals, its rational roots,
    /// and the Sturm sequence of its square-free part.
    public let realRoots: [RealRoot]
    public let rationalRoots: [BigRational]
    public let sturm: SturmSequence

    public init(problem: StabilityProblem) throws {
        guard problem.free.count == 1 else { throw AnalysisError.numerical("a threshold varies one parameter") }
        let p = problem.free[0]
        let pe = Expr.symbol(p)
        let s = Symbol("s•", [])
        let cp: CharacteristicPolynomial
        do { cp = try problem.matrix.characteristicPolynomial(in: s) } catch {
            throw AnalysisError.numerical("characteristic polynomial: \(error)")
        }
        var coefficients: [Polynomial] = []
        for c in cp.coefficients {
            let poly: Polynomial
            do { poly = try Polynomial(c.expand(), generators: [pe]) } catch {
                throw AnalysisError.numerical("the characteristic polynomial is not polynomial in \(p.name) (\(error)); use the numeric route")
            }
            guard poly.generators == [pe] || poly.generators.isEmpty || poly.isZero else {
                throw AnalysisError.numerical("the characteristic polynomial is not polynomial in \(p.name) with rational coefficients; use the numeric route")
            }
            coefficients.append(poly)
        }
        characteristic = coefficients
        parameter = p
        let omega = Symbol("ω•", [.real])
        let gens = [Expr.symbol(omega), pe]
        var re: [(exponents: [Int], coefficient: GaussianRational)] = []
        var im: [(exponents: [Int], coefficient: GaussianRational)] = []
        for (k, c) in coefficients.enumerated() where !c.isZero {
            for t in c.terms {
                let e = t.exponents.isEmpty ? 0 : t.exponents[0]
                // c · i^k: i^k cycles 1, i, −1, −i.
                let z = t.coefficient
                let (r, i): (BigRational, BigRational)
                switch k % 4 {
                case 0: (r, i) = (z.re, z.im)
                case 1: (r, i) = (-z.im, z.re)
                case 2: (r, i) = (-z.re, -z.im)
                default: (r, i) = (z.im, -z.re)
                }
                if !r.isZero { re.append(([k, e], GaussianRational(r))) }
                if !i.isZero { im.append(([k, e], GaussianRational(i))) }
            }
        }
        realPart = Polynomial(terms: re, generators: gens)
        imaginaryPart = Polynomial(terms: im, generators: gens)
        guard !realPart.isZero, !imaginaryPart.isZero else {
            throw AnalysisError.numerical("Re or Im of p(iω) vanishes identically; the resultant route does not apply")
        }
        let r: Expr
        do { r = try Expr.resultant(realPart.toExpr(), imaginaryPart.toExpr(), in: omega) } catch {
            throw AnalysisError.numerical("resultant: \(error)")
        }
        guard let rp = try? Polynomial(r, generators: [pe]), let u = UnivariatePolynomial(rp, variable: 0) else {
            throw AnalysisError.numerical("the resultant is not a polynomial in \(p.name) over ℚ")
        }
        guard !u.isZero else {
            throw AnalysisError.numerical("the resultant vanishes identically (Re and Im of p(iω) share a factor); use the numeric route")
        }
        resultant = u
        realRoots = u.realRoots()
        rationalRoots = u.rationalRoots()
        sturm = SturmSequence(u.squareFreePart)
    }

    /// The determinant p(0; P) = det(−A) up to sign, over ℚ when it is real.
    public var determinant: UnivariatePolynomial? {
        guard let c = characteristic.first else { return nil }
        if c.isZero { return .zero }
        return UnivariatePolynomial(c, variable: 0)
    }
}
