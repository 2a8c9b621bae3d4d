import ArbitraryPrecision
import Symbolic

/// A factor of the characteristic polynomial whose roots sit on the imaginary axis for a
/// whole range of the parameter: a conservative sector (a closed Hamiltonian subsystem, the
/// Dicke model at κ = 0) has eigenvalues ±iω(P) that move with P without leaving the axis.
///
/// For real q(t; P) = E(−t², P) + t·O(−t², P), a common factor h(x, P) of E and O (x = ω²)
/// gives q = h(−t², P)·r(t; P): then Re q(iω) and Im q(iω) vanish together at every root
/// x = ω² ≥ 0 of h, for every P, and the crossing resultant of q is identically 0 — the
/// elimination says nothing. Split off, each part is decided on its own: r by its own
/// crossing resultant and Routh array; h(−t²) by where its roots x can leave [0, ∞) — through
/// x = 0 (h(0, P) = 0: an axis pair meets at 0 and turns into a real pair ±√−x, a pitchfork),
/// by two roots meeting (the discriminant in x: a collision of two axis pairs that turns into
/// a quartet off the axis, a Krein collision), or through infinity (the leading coefficient
/// in x). Between those values the roots of h keep their place, so the counts hold.
struct AxisFactor: Sendable {
    /// h(x, P) over ℤ, generators [x, P] (x = ω′², ω′ = d·ω on the scaled route).
    let h: Polynomial
    /// r(t; P) = q(t; P)/h(−t², P), ascending in t, coefficients in ℤ[P] (ascending).
    let quotient: [[BigInt]]
    /// lc_x(h)·h(0, P)·disc_x(h_sf) in ℤ[P]: every P where a root of h can leave [0, ∞).
    let crossing: [BigInt]
    /// The degree of h in x: h(−t²) holds 2·degree eigenvalues.
    var degree: Int { h.degree(in: 0) }

    static let x = Symbol("x•", [.real])

    /// The common factor of E and O when it has positive degree in x, with the quotient.
    static func find(_ q: [[BigInt]], parameter: Symbol) -> AxisFactor? {
        let gens = [Expr.symbol(x), Expr.symbol(parameter)]
        // E(x) = Σ_k even q_k (−1)^(k/2) x^(k/2); O(x) = Σ_k odd q_k (−1)^((k−1)/2) x^((k−1)/2).
        var even: [(exponents: [Int], coefficient: GaussianRational)] = []
        var odd: [(exponents: [Int], coefficient: GaussianRational)] = []
        for (k, c) in q.enumerated() {
            let sign = (k / 2) % 2 == 0 ? BigInt.one : -BigInt.one
            for (j, a) in c.enumerated() where !a.isZero {
                let term = (exponents: [k / 2, j], coefficient: GaussianRational(BigRational(sign * a)))
                if k % 2 == 0 { even.append(term) } else { odd.append(term) }
            }
        }
        let e = Polynomial(terms: even, generators: gens), o = Polynomial(terms: odd, generators: gens)
        guard !e.isZero else { return nil }
        let (h, ce, co) = Polynomial.cofactors(e, o)
        guard h.degree(in: 0) >= 1 else { return nil }
        // r(t) = E′(−t²) + t·O′(−t²) with E′ = E/h, O′ = O/h, over one positive denominator.
        let top = q.count - 1 - 2 * h.degree(in: 0)
        var r = [[BigRational]](repeating: [], count: top + 1)
        for (cofactor, parity) in [(ce, 0), (co, 1)] {
            for t in cofactor.terms {
                let i = t.exponents.count > 0 ? t.exponents[0] : 0, j = t.exponents.count > 1 ? t.exponents[1] : 0
                let k = 2 * i + parity
                guard k <= top else { return nil }
                while r[k].count <= j { r[k].append(.zero) }
                r[k][j] = r[k][j] + (i % 2 == 0 ? t.coefficient.re : -t.coefficient.re)
            }
        }
        var l = BigInt.one
        for c in r { for a in c { l = BigInt.lcm(l, a.denominator) } }
        let quotient = r.map { c in UnivariateIntegerPolynomials.trimmed(c.map { $0.numerator * l.exactlyDivided(by: $0.denominator) }) }
        guard let crossing = criticalValues(h, parameter: parameter) else { return nil }
        return AxisFactor(h: h.primitivePart, quotient: quotient, crossing: crossing)
    }

    /// lc_x(h)·h(0, P)·disc_x(h_sf) as a primitive integer polynomial in P; nil when it
    /// vanishes identically (then no finite set of values holds every change).
    static func criticalValues(_ h: Polynomial, parameter: Symbol) -> [BigInt]? {
        func inP(_ p: Polynomial) -> UnivariatePolynomial? {
            if p.isZero { return .zero }
            guard p.degree(in: 0) <= 0 else { return nil }
            var c: [BigRational] = []
            for t in p.terms {
                let j = t.exponents.count > 1 ? t.exponents[1] : 0
                while c.count <= j { c.append(.zero) }
                c[j] = c[j] + t.coefficient.re
            }
            return UnivariatePolynomial(c)
        }
        let n = h.degree(in: 0)
        var lead: [(exponents: [Int], coefficient: GaussianRational)] = []
        var constant: [(exponents: [Int], coefficient: GaussianRational)] = []
        for t in h.terms {
            let i = t.exponents.count > 0 ? t.exponents[0] : 0, j = t.exponents.count > 1 ? t.exponents[1] : 0
            if i == n { lead.append(([0, j], t.coefficient)) }
            if i == 0 { constant.append(([0, j], t.coefficient)) }
        }
        // The square-free part in x (a root of h that is double for every P is one eigenvalue
        // pair counted twice: its discriminant would vanish identically).
        var sf = h
        let g = Polynomial.cofactors(h, h.derivative(0))
        if g.gcd.degree(in: 0) >= 1 { sf = g.a }
        var product = UnivariatePolynomial.one
        for part in [Polynomial(terms: lead, generators: h.generators), Polynomial(terms: constant, generators: h.generators)] {
            guard let u = inP(part), !u.isZero else { return nil }
            product = product * u
        }
        if sf.degree(in: 0) >= 2 {
            guard let d = try? Expr.discriminant(sf.toExpr(), in: x),
                  let dp = try? Polynomial(d, generators: h.generators), let u = inP(dp), !u.isZero else { return nil }
            product = product * u
        }
        return product.primitiveIntegerCoefficients
    }

    /// h(x, value) as a polynomial in x over ℚ.
    func at(_ value: BigRational) -> UnivariatePolynomial {
        var c = [BigRational](repeating: .zero, count: degree + 1)
        for t in h.terms {
            let i = t.exponents.count > 0 ? t.exponents[0] : 0, j = t.exponents.count > 1 ? t.exponents[1] : 0
            c[i] = c[i] + t.coefficient.re * value.power(j)
        }
        return UnivariatePolynomial(c)
    }

    /// The eigenvalues of h(−t², value) with Re > 0 and on the imaginary axis, exactly: a root
    /// x < 0 of h gives the real pair ±√−x (one unstable), a non-real root one unstable
    /// eigenvalue off both axes, a root x > 0 the pair ±i√x on the axis. Nil where the degree
    /// drops or x = 0 is a root (the caller moves the point).
    func counts(at value: BigRational) -> UnstableCounts? {
        let f = at(value)
        guard f.degree == degree, !f.evaluate(.zero).isZero else { return nil }
        var real = 0, complex = 0, marginal = 0
        for (factor, m) in f.squareFreeFactorization().factors where factor.degree >= 1 {
            let s = SturmSequence(factor)
            let negative = s.signChangesAtInfinity(negative: true) - s.signChanges(at: .zero)
            let all = s.realRootCount
            real += m * negative
            complex += m * (factor.degree - all)
            marginal += m * 2 * (all - negative)
        }
        return UnstableCounts(real: real, complex: complex, marginal: marginal)
    }

    /// h(ω², P) in the unscaled ω, printed (for the proof), divided by its content.
    func describe(scale: BigInt, parameter: Symbol) -> String {
        // x = ω′² = d²ω².
        let d2 = BigRational(scale * scale)
        let w = Expr.symbol(Symbol("ω", [.real]))
        var coefficients: [(Int, Int, BigRational)] = []
        var l = BigInt.one, g = BigInt.zero
        for t in h.terms {
            let i = t.exponents.count > 0 ? t.exponents[0] : 0, j = t.exponents.count > 1 ? t.exponents[1] : 0
            let c = t.coefficient.re * d2.power(i)
            coefficients.append((i, j, c))
            l = BigInt.lcm(l, c.denominator)
        }
        for (_, _, c) in coefficients { g = BigInt.gcd(g, c.numerator * l.exactlyDivided(by: c.denominator)) }
        let content = g.isZero ? BigRational.one : BigRational(g, l)
        return Expr.add(coefficients.map { i, j, c in
            Expr.number(GaussianRational(c / content)) * Expr.pow(w, Expr.integer(2 * i))
                * Expr.pow(Expr.symbol(parameter), Expr.integer(j))
        }).description
    }
}
