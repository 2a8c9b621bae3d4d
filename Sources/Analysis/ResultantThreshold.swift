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
    /// R(P), the resultant in ω (up to a positive constant factor: primitive over ℤ).
    public let resultant: UnivariatePolynomial
    /// What every threshold search on R needs, computed once with it (and memoised with it
    /// by `cached(problem:)`): the Sturm sequence of its square-free part, from which
    /// `realRoots(in:_:)` isolates the roots of a requested interval.
    public let sturm: SturmSequence
    /// How R was formed: "res_ω(Re p(iω), Im p(iω))" in general, or, when p has real
    /// coefficients (Re p(iω) = E(ω²), Im p(iω) = ω·O(ω²)), "p(0)·res_x(E, O)" — the same
    /// real roots at half the degree, since res_ω(E(ω²), ω·O(ω²)) = ±p(0)·res_x(E, O)².
    public let form: String
    /// When p has real coefficients: q_k(P) ∈ ℤ[P] with d^(n−k)·p_k = q_k, i.e. the
    /// coefficients of det(t − d·A) (t = d·s, d > 0), whose roots are those of p scaled by d —
    /// the same count in the right half-plane, from integers only.
    let scaledCharacteristic: [[BigInt]]?
    /// d, the common denominator of A's entries (1 on the `Expr` route).
    let scale: BigInt

    public init(problem: StabilityProblem) throws {
        guard problem.free.count == 1 else { throw AnalysisError.numerical("a threshold varies one parameter") }
        let p = problem.free[0]
        let pe = Expr.symbol(p)
        parameter = p
        // p(s; P) over ℤ[i][P] when every entry of A is a polynomial in P over ℚ(i) (by
        // evaluation at integer nodes and interpolation); else on `Expr` (Berkowitz with expansion).
        let exact = Self.scaledCharacteristic(problem.matrix, parameter: pe)
        scale = exact?.1 ?? .one
        var coefficients: [Polynomial] = []
        if let (q, d) = exact {
            // det(s − A) = d^(−n)·det(d·s − B), B = d·A: p_k = q_k / d^(n−k).
            let n = q.count - 1
            var scale = BigInt.one
            var scales = [BigInt](repeating: .one, count: n + 1)
            for k in stride(from: n, through: 0, by: -1) { scales[k] = scale; scale = scale * d }
            for (k, c) in q.enumerated() {
                var terms: [(exponents: [Int], coefficient: GaussianRational)] = []
                for j in 0..<max(c.re.count, c.im.count) {
                    let r = j < c.re.count ? c.re[j] : .zero, i = j < c.im.count ? c.im[j] : .zero
                    if r.isZero && i.isZero { continue }
                    terms.append(([j], GaussianRational(BigRational(r, scales[k]), BigRational(i, scales[k]))))
                }
                coefficients.append(Polynomial(terms: terms, generators: [pe]))
            }
        } else {
            let s = Symbol("s•", [])
            let cp: CharacteristicPolynomial
            do { cp = try problem.matrix.characteristicPolynomial(in: s) } catch {
                throw AnalysisError.numerical("characteristic polynomial: \(error)")
            }
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
        }
        characteristic = coefficients
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
        let integerResultant: [BigInt]
        if let (q, _) = exact, q.allSatisfy({ $0.im.isEmpty }) {
            // With t = d·s, q(iω') = E(ω'²) + i·ω'·O(ω'²); an eigenvalue on the imaginary
            // axis makes q(0) = 0 (ω' = 0) or E and O share a root (ω' ≠ 0).
            let real = q.map(\.re)
            scaledCharacteristic = real
            integerResultant = Self.crossingResultant(real)
            form = "p(0; \(p.name))·res_x(E, O) with Re p(iω) = E(ω²), Im p(iω) = ω·O(ω²)"
        } else {
            scaledCharacteristic = nil
            let r: Expr
            do { r = try Expr.resultant(realPart.toExpr(), imaginaryPart.toExpr(), in: omega) } catch {
                throw AnalysisError.numerical("resultant: \(error)")
            }
            guard let rp = try? Polynomial(r, generators: [pe]), let v = UnivariatePolynomial(rp, variable: 0) else {
                throw AnalysisError.numerical("the resultant is not a polynomial in \(p.name) over ℚ")
            }
            integerResultant = v.isZero ? [] : v.primitiveIntegerCoefficients
            form = "res_ω(Re p(iω), Im p(iω))"
        }
        guard !integerResultant.isEmpty else {
            throw AnalysisError.numerical("the resultant vanishes identically (Re and Im of p(iω) share a factor); use the numeric route")
        }
        resultant = UnivariatePolynomial(integerResultant.map { BigRational($0) })
        sturm = SturmSequence(squareFreePartOfIntegers: integerResultant)
    }

    /// R(P) = q₀(P)·res_x(E, O) for real q (ascending in t, coefficients in ℤ[P]), where
    /// q(iω) = E(ω²) + i·ω·O(ω²). Evaluated at integer nodes P = 0, 1, −1, … (one integer
    /// determinant of the Sylvester matrix each) and interpolated: the degree of R in P is at
    /// most deg q₀ + deg_x O·max deg_P E + deg_x E·max deg_P O, one node more than that.
    static func crossingResultant(_ q: [[BigInt]]) -> [BigInt] {
        var even: [[BigInt]] = [], odd: [[BigInt]] = []
        for (k, c) in q.enumerated() {
            let signed = (k / 2) % 2 == 0 ? c : c.map { -$0 }
            if k % 2 == 0 { even.append(signed) } else { odd.append(signed) }
        }
        let degreeE = even.map { $0.count - 1 }.max() ?? 0, degreeO = odd.map { $0.count - 1 }.max() ?? 0
        let bound = max(q[0].count - 1, 0) + (odd.count - 1) * max(degreeE, 0) + (even.count - 1) * max(degreeO, 0)
        let nodes = IntegerPolynomials.nodes(bound + 1)
        let values = nodes.map { x -> BigInt in
            let e = even.map { IntegerPolynomials.evaluate($0, at: x) }
            let o = odd.map { IntegerPolynomials.evaluate($0, at: x) }
            let r = IntegerPolynomials.determinant(IntegerPolynomials.sylvesterMatrix(e, o))
            return IntegerPolynomials.evaluate(q[0], at: x) * r
        }
        guard let r = IntegerPolynomials.interpolate(nodes: nodes, values: values) else {
            preconditionFailure("the crossing resultant of an integer characteristic polynomial is in ℤ[P]")
        }
        return r
    }

    /// The real roots of R whose isolating intervals meet [lower, upper] (Sturm bisection
    /// confined to that interval).
    public func realRoots(in lower: BigRational, _ upper: BigRational) -> [RealRoot] {
        if sturm.realRootCount == 0 { return [] }
        return sturm.realRoots(in: lower, upper)
    }

    /// (q, d): d > 0 the common denominator of A's entries and q the coefficients (ascending
    /// in t) of det(t − d·A) over ℤ[i][P], each as (re, im) coefficient arrays in P; nil when
    /// an entry is not a polynomial in P over ℚ(i). The determinant is taken at integer nodes
    /// of P (Berkowitz over ℤ[i], no divisions) and interpolated: det(t − B(P)) has degree in
    /// P at most the sum over rows of the largest degree in that row.
    static func scaledCharacteristic(_ a: Matrix, parameter pe: Expr) -> ([(re: [BigInt], im: [BigInt])], BigInt)? {
        let n = a.rows
        var polys: [[Polynomial]] = []
        var d = BigInt.one
        for i in 0..<n {
            var row: [Polynomial] = []
            for j in 0..<n {
                guard let poly = try? Polynomial(a[i, j], generators: [pe]),
                      poly.generators == [pe] || poly.generators.isEmpty || poly.isZero else { return nil }
                for t in poly.terms {
                    d = BigInt.lcm(d, t.coefficient.re.denominator)
                    d = BigInt.lcm(d, t.coefficient.im.denominator)
                }
                row.append(poly)
            }
            polys.append(row)
        }
        var bound = 0
        let b: [[(re: [BigInt], im: [BigInt])]] = polys.map { row in
            var rowDegree = 0
            let out = row.map { poly -> (re: [BigInt], im: [BigInt]) in
                var re: [BigInt] = [], im: [BigInt] = []
                for t in poly.terms {
                    let e = t.exponents.isEmpty ? 0 : t.exponents[0]
                    while re.count <= e { re.append(.zero); im.append(.zero) }
                    let z = t.coefficient
                    re[e] = z.re.numerator * d.exactlyDivided(by: z.re.denominator)
                    im[e] = z.im.numerator * d.exactlyDivided(by: z.im.denominator)
                }
                rowDegree = max(rowDegree, re.count - 1)
                return (re, im)
            }
            bound += rowDegree
            return out
        }
        let nodes = IntegerPolynomials.nodes(bound + 1)
        let values: [[GaussianInteger]] = nodes.map { x in
            berkowitzCharacteristic(b.map { row in
                row.map { GaussianInteger(re: IntegerPolynomials.evaluate($0.re, at: x), im: IntegerPolynomials.evaluate($0.im, at: x)) }
            })
        }
        let q = (0...n).map { k -> (re: [BigInt], im: [BigInt]) in
            guard let re = IntegerPolynomials.interpolate(nodes: nodes, values: values.map { $0[k].re }),
                  let im = IntegerPolynomials.interpolate(nodes: nodes, values: values.map { $0[k].im }) else {
                preconditionFailure("det(t − B) of an integer matrix polynomial is in ℤ[i][P]")
            }
            return (re, im)
        }
        return (q, d)
    }

    /// The determinant p(0; P) = det(−A) up to sign, over ℚ when it is real.
    public var determinant: UnivariatePolynomial? {
        guard let c = characteristic.first else { return nil }
        if c.isZero { return .zero }
        return UnivariatePolynomial(c, variable: 0)
    }
}
