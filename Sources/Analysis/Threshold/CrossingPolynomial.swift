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
    /// q_k(P) ∈ ℤ[i][P] with q_k = d^(n−k)·p_k, the coefficients of det(t − d·A) (t = d·s,
    /// d > 0; roots d times the eigenvalues), when every entry of A is a polynomial in P over
    /// ℚ(i); nil on the `Expr` route. With a factor g(t) that does not depend on P removed
    /// (`removedFactor`): everything below (R, Routh counts, roots) is about the quotient.
    let scaled: [(re: [BigInt], im: [BigInt])]?
    /// The same before the P-independent factor was removed (what `characteristic` shows).
    let fullScaled: [(re: [BigInt], im: [BigInt])]?
    /// g(t), the factor of det(t − d·A) that does not depend on P (eigenvalues d·s that stay
    /// where they are for every P: zero modes of conserved quantities and symmetries, t^k, and
    /// any other constant eigenvalue), as a primitive integer polynomial in t with positive
    /// leading coefficient, lowest degree first; nil when there is none (g = 1).
    public let removedFactor: [BigInt]?
    /// A factor h(−s², P) of q whose roots stay on the imaginary axis over ranges of P (a
    /// conservative sector), split off before the elimination; nil when there is none.
    let axisFactor: AxisFactor?
    /// d, the common denominator of A's entries (1 on the `Expr` route).
    let scale: BigInt
    /// p(s; P) from the `Expr` route (nil when `scaled` holds it).
    let exprCharacteristic: [Polynomial]?

    /// The real q_k (the integer route with real p): what Routh counts and root estimates use.
    var scaledCharacteristic: [[BigInt]]? {
        guard let q = scaled, q.allSatisfy({ $0.im.isEmpty }) else { return nil }
        return q.map(\.re)
    }

    /// Coefficients of p(s; P) in s, lowest degree first, as polynomials in P.
    public var characteristic: [Polynomial] {
        exprCharacteristic ?? Self.rationalCharacteristic(fullScaled!, scale: scale, parameter: parameter)
    }

    /// p(s; P) over ℚ(i)[P] from q and d: p_k = q_k / d^(n−k).
    static func rationalCharacteristic(_ q: [(re: [BigInt], im: [BigInt])], scale: BigInt, parameter: Symbol) -> [Polynomial] {
        let pe = Expr.symbol(parameter)
        let n = q.count - 1
        var out: [Polynomial] = []
        var denominator = BigInt.one
        var denominators = [BigInt](repeating: .one, count: n + 1)
        for k in stride(from: n, through: 0, by: -1) { denominators[k] = denominator; denominator = denominator * scale }
        for (k, c) in q.enumerated() {
            var terms: [(exponents: [Int], coefficient: GaussianRational)] = []
            for j in 0..<max(c.re.count, c.im.count) {
                let r = j < c.re.count ? c.re[j] : .zero, i = j < c.im.count ? c.im[j] : .zero
                if r.isZero && i.isZero { continue }
                terms.append(([j], GaussianRational(BigRational(r, denominators[k]), BigRational(i, denominators[k]))))
            }
            out.append(Polynomial(terms: terms, generators: [pe]))
        }
        return out
    }

    /// Re p(iω; P) and Im p(iω; P) as polynomials in (ω, P) (ω the symbol `ω•`).
    public var realPart: Polynomial { Self.splitAtImaginaryAxis(characteristic, parameter: parameter).re }
    public var imaginaryPart: Polynomial { Self.splitAtImaginaryAxis(characteristic, parameter: parameter).im }

    static let omega = Symbol("ω•", [.real])

    static func splitAtImaginaryAxis(_ coefficients: [Polynomial], parameter: Symbol) -> (re: Polynomial, im: Polynomial) {
        let gens = [Expr.symbol(omega), Expr.symbol(parameter)]
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
        return (Polynomial(terms: re, generators: gens), Polynomial(terms: im, generators: gens))
    }

    public init(problem: StabilityProblem) throws {
        guard problem.free.count == 1 else { throw AnalysisError.numerical("a threshold varies one parameter") }
        let p = problem.free[0]
        let pe = Expr.symbol(p)
        parameter = p
        // p(s; P) over ℤ[i][P] when every entry of A is a polynomial in P over ℚ(i) (by
        // evaluation at integer nodes and interpolation); else on `Expr` (Berkowitz with expansion).
        var exact = Self.scaledCharacteristic(problem.matrix, parameter: pe)
        fullScaled = exact?.0
        scale = exact?.1 ?? .one
        // Eigenvalues that do not move with P are removed before the elimination: a factor
        // g(t) of every P-coefficient makes R ≡ 0 when it has a root on the imaginary axis
        // (a zero mode), and hides nothing else (its roots are the same for every P).
        var removed: [BigInt]? = nil
        if let q = exact?.0, let (g, quotient) = Self.parameterFreeFactor(q) {
            removed = g
            exact = (quotient, exact!.1)
        }
        scaled = exact?.0
        if exact == nil {
            let s = Symbol("s•", [])
            let cp: CharacteristicPolynomial
            do { cp = try problem.matrix.characteristicPolynomial(in: s) } catch {
                throw AnalysisError.numerical("characteristic polynomial: \(error)", cause: .init(error))
            }
            var coefficients: [Polynomial] = []
            for c in cp.coefficients {
                let poly: Polynomial
                do { poly = try Polynomial(c.expand(), generators: [pe]) } catch {
                    throw AnalysisError.numerical("the characteristic polynomial is not polynomial in \(p.name) (\(error)); use the numeric route", cause: .init(error))
                }
                guard poly.generators == [pe] || poly.generators.isEmpty || poly.isZero else {
                    throw AnalysisError.numerical("the characteristic polynomial is not polynomial in \(p.name) with rational coefficients; use the numeric route")
                }
                coefficients.append(poly)
            }
            exprCharacteristic = coefficients
            // On this route only zero modes are removed: coefficients p_0 … p_(k−1) ≡ 0.
            let k = coefficients.prefix { $0.isZero }.count
            if k > 0 { removed = [BigInt](repeating: .zero, count: k) + [.one] }
        } else {
            exprCharacteristic = nil
        }
        removedFactor = removed
        let integerResultant: [BigInt]
        var axis: AxisFactor? = nil
        if let q = exact?.0, q.allSatisfy({ $0.im.isEmpty }) {
            // With t = d·s, q(iω') = E(ω'²) + i·ω'·O(ω'²); an eigenvalue on the imaginary
            // axis makes q(0) = 0 (ω' = 0) or E and O share a root (ω' ≠ 0).
            var real = q.map(\.re)
            guard real.count >= 2 else {
                let g = removed.map { Self.describeFactor($0, scale: exact!.1) } ?? "a constant"
                throw AnalysisError.noCrossing("no eigenvalue depends on \(p.name): det(s − A) = \(g) for every \(p.name), so nothing crosses the imaginary axis as \(p.name) varies")
            }
            // A factor of E and O (eigenvalues on the axis for every P) would make R ≡ 0:
            // split it off and decide it by where its roots leave the axis (`AxisFactor`).
            // When R ≢ 0 there is none: q is monic in t, so E or O has a constant leading
            // coefficient in x and res_x(E, O) ≡ 0 exactly when they share a factor of positive
            // degree in x — R first, and the gcd over ℚ[x, P] only when R vanishes identically.
            var extra: [BigInt]? = nil
            let evenZero = stride(from: 0, to: real.count, by: 2).allSatisfy { real[$0].isEmpty }
            let oddZero = stride(from: 1, to: real.count, by: 2).allSatisfy { real[$0].isEmpty }
            let direct = evenZero || oddZero ? [] : Self.crossingResultant(real)
            if direct.isEmpty, let a = AxisFactor.find(real, parameter: p) {
                axis = a
                real = a.quotient
                extra = a.crossing
            }
            if !direct.isEmpty {
                integerResultant = direct
            } else if real.count < 2 {
                integerResultant = extra ?? [.one]
            } else {
                let evenZero = stride(from: 0, to: real.count, by: 2).allSatisfy { real[$0].isEmpty }
                let oddZero = stride(from: 1, to: real.count, by: 2).allSatisfy { real[$0].isEmpty }
                guard !evenZero, !oddZero else {
                    throw AnalysisError.numerical("Re or Im of p(iω) vanishes identically; the resultant route does not apply")
                }
                let r = Self.crossingResultant(real)
                integerResultant = extra.map { (UnivariatePolynomial(r.map { BigRational($0) }) * UnivariatePolynomial($0.map { BigRational($0) })).primitiveIntegerCoefficients } ?? r
            }
            let q = removed == nil ? "p" : "q"
            if let a = axis {
                form = "r(0; \(p.name))·res_x(E, O)·lc(h)·h(0)·disc(h) with \(q)(s) = h(−s²)·r(s), h(ω², \(p.name)) = \(a.describe(scale: exact!.1, parameter: p)) the common factor of Re and Im of \(q)(iω), Re r(iω) = E(ω²), Im r(iω) = ω·O(ω²)"
            } else {
                form = removed == nil ? "p(0; \(p.name))·res_x(E, O) with Re p(iω) = E(ω²), Im p(iω) = ω·O(ω²)"
                    : "q(0; \(p.name))·res_x(E, O) with q = p/g, Re q(iω) = E(ω²), Im q(iω) = ω·O(ω²)"
            }
        } else {
            let (re, im) = Self.splitAtImaginaryAxis(
                exprCharacteristic.map(Self.withoutZeroModes) ?? Self.rationalCharacteristic(exact!.0, scale: exact!.1, parameter: p),
                parameter: p)
            guard !re.isZero, !im.isZero else {
                throw AnalysisError.numerical("Re or Im of p(iω) vanishes identically; the resultant route does not apply")
            }
            let r: Expr
            do { r = try Expr.resultant(re.toExpr(), im.toExpr(), in: Self.omega) } catch {
                throw AnalysisError.numerical("resultant: \(error)", cause: .init(error))
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
        axisFactor = axis
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
        // deg R ≤ deg q₀ + the heaviest permutation of the Sylvester matrix's entry degrees.
        guard let sylvesterBound = UnivariateIntegerPolynomials.determinantDegreeBound(
            UnivariateIntegerPolynomials.sylvesterPattern(even.map { $0.count - 1 }, odd.map { $0.count - 1 }, empty: -1)) else { return [] }
        let bound = max(q[0].count - 1, 0) + sylvesterBound
        let nodes = UnivariateIntegerPolynomials.nodes(bound + 1)
        let values = nodes.map { x -> BigInt in
            let e = even.map { UnivariateIntegerPolynomials.evaluate($0, at: x) }
            let o = odd.map { UnivariateIntegerPolynomials.evaluate($0, at: x) }
            let r = UnivariateIntegerPolynomials.determinant(UnivariateIntegerPolynomials.sylvesterMatrix(e, o))
            return UnivariateIntegerPolynomials.evaluate(q[0], at: x) * r
        }
        guard let r = UnivariateIntegerPolynomials.interpolate(nodes: nodes, values: values) else {
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
        var polys: [[[GaussianRational]]] = []
        var d = BigInt.one
        var degrees: [[Int]] = []
        for i in 0..<n {
            var row: [[GaussianRational]] = []
            for j in 0..<n {
                guard let c = denseCoefficients(a[i, j], in: pe) else { return nil }
                for z in c {
                    d = BigInt.lcm(d, z.re.denominator)
                    d = BigInt.lcm(d, z.im.denominator)
                }
                row.append(c)
            }
            polys.append(row)
            degrees.append(row.map { $0.count - 1 })
        }
        let b: [[(re: [BigInt], im: [BigInt])]] = polys.map { row in
            row.map { c in
                (c.map { $0.re.numerator * d.exactlyDivided(by: $0.re.denominator) },
                 c.map { $0.im.numerator * d.exactlyDivided(by: $0.im.denominator) })
            }
        }
        // Every coefficient of det(t − B) is a sum of products with at most one entry per row.
        let bound = degrees.reduce(0) { $0 + max($1.max() ?? 0, 0) }
        let nodes = UnivariateIntegerPolynomials.nodes(bound + 1)
        // Ascending in t: the coefficients of det(t − B(x)) at each node x, in ℤ[i].
        let values: [[GaussianRational]] = nodes.map { x in
            let bx = b.map { row in
                row.map { GaussianRational(BigRational(UnivariateIntegerPolynomials.evaluate($0.re, at: x)),
                                           BigRational(UnivariateIntegerPolynomials.evaluate($0.im, at: x))) }
            }
            return berkowitzCharacteristic(size: n, { bx[$0][$1] }).reversed()
        }
        let q = (0...n).map { k -> (re: [BigInt], im: [BigInt]) in
            guard let re = UnivariateIntegerPolynomials.interpolate(nodes: nodes, values: values.map { $0[k].re.numerator }),
                  let im = UnivariateIntegerPolynomials.interpolate(nodes: nodes, values: values.map { $0[k].im.numerator }) else {
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

/// The coefficients (lowest degree first, no trailing zero) of `e` as a polynomial in `p`
/// over ℚ(i); nil when it is not one. Stability matrices after substitution are mostly
/// numbers and short sums of number·Pᵏ, read here directly; anything else goes through the
/// general `Polynomial` conversion (expansion of products of sums, and so on).
func denseCoefficients(_ e: Expr, in p: Expr) -> [GaussianRational]? {
    if let z = e.numberValue { return z.isZero ? [] : [z] }
    if e == p { return [.zero, .one] }
    func monomial(_ t: Expr) -> (GaussianRational, Int)? {
        if let z = t.numberValue { return (z, 0) }
        if t == p { return (.one, 1) }
        if t.kind == .pow, t.children[0] == p, let k = t.children[1].rationalValue, k.denominator.isOne,
           let n = k.numerator.asInt, n >= 0 { return (.one, n) }
        if t.kind == .mul {
            var c = GaussianRational.one, n = 0
            for f in t.children {
                guard let (z, k) = monomial(f) else { return nil }
                c = c * z
                n += k
            }
            return (c, n)
        }
        return nil
    }
    let terms = e.kind == .add ? Array(e.children) : [e]
    var out: [GaussianRational] = []
    for t in terms {
        guard let (c, k) = monomial(t) else {
            guard let poly = try? Polynomial(e, generators: [p]),
                  poly.generators == [p] || poly.generators.isEmpty || poly.isZero else { return nil }
            var dense: [GaussianRational] = []
            for t in poly.terms {
                let k = t.exponents.isEmpty ? 0 : t.exponents[0]
                while dense.count <= k { dense.append(.zero) }
                dense[k] = dense[k] + t.coefficient
            }
            while let l = dense.last, l.isZero { dense.removeLast() }
            return dense
        }
        while out.count <= k { out.append(.zero) }
        out[k] = out[k] + c
    }
    while let l = out.last, l.isZero { out.removeLast() }
    return out
}
