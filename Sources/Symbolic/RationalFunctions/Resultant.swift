import ArbitraryPrecision

extension RecursiveGCD {
    /// The resultant in the main variable by the subresultant PRS (Collins; Brown–Traub),
    /// in the form of Cohen, Algorithm 3.3.7: contents removed first, then pseudo-remainders
    /// divided exactly by g·h^δ, which keeps coefficients the size of subresultants.
    /// The result is one level down.
    static func resultant<C>(_ a0: RecursivePolynomial<C>, _ b0: RecursivePolynomial<C>) -> RecursivePolynomial<C> {
        typealias R = RecursivePolynomial<C>
        var a = a0, b = b0
        precondition(!a.isZero && !b.isZero, "resultant with a zero polynomial: the caller returns 0")
        let ca = content(a), cb = content(b)
        a = primitivePart(a, content: ca)
        b = primitivePart(b, content: cb)
        let t = ca.power(b.degree) * cb.power(a.degree)
        var s = 1
        if a.degree < b.degree {
            swap(&a, &b)
            if a.degree % 2 == 1 && b.degree % 2 == 1 { s = -1 }
        }
        let one = R.oneLike(a.leading)
        var g = one, h = one
        while b.degree > 0 {
            let delta = a.degree - b.degree
            if a.degree % 2 == 1 && b.degree % 2 == 1 { s = -s }
            let r = a.pseudoRemainder(b)
            a = b
            if r.isZero { return R.zeroLike(one) }
            b = r.exactQuotient(.poly([g * h.power(delta)]))!
            g = a.leading
            // h ← h^(1−δ) g^δ.
            h = delta == 0 ? h : (g.power(delta).exactQuotient(h.power(delta - 1)))!
        }
        // deg b = 0: h ← lc(b)^deg(a) / h^(deg(a) − 1).
        let lb = b.leading
        let da = a.degree
        let last = da == 0 ? one : lb.power(da).exactQuotient(h.power(da - 1))!
        let res = t * last
        return s < 0 ? -res : res
    }
}

extension Polynomial {
    /// Polynomials in `x` for the elimination routines: x is generator 0, and no other
    /// generator may contain x (x⁻¹, exp(x), (x − 1)^(1/2) are not polynomial in x).
    static func elimination(_ exprs: [Expr], in x: Symbol) throws -> [Polynomial] {
        let xe = Expr.symbol(x)
        let ps: [Polynomial]
        do { ps = try Polynomial.from(exprs, generators: [xe]) } catch {
            throw RationalFunctionError.notCommuting(exprs.first { !Polynomial.isConvertible($0) } ?? exprs[0])
        }
        for g in ps[0].generators.dropFirst() where g.contains(x) {
            throw RationalFunctionError.notPolynomial(exprs.first { $0.contains(x) } ?? g)
        }
        return ps
    }

    /// The resultant of a and b in generator 0, as a polynomial in the same generators.
    static func resultant(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        let gens = a.generators
        if a.isZero || b.isZero { return .zero(generators: gens) }
        // Degree 0 in x: res(c, g) = c^deg g.
        if a.degree(in: 0) <= 0 { return a.power(Swift.max(b.degree(in: 0), 0)) }
        if b.degree(in: 0) <= 0 { return b.power(a.degree(in: 0)) }
        let vars = [0] + usedVariables([a, b]).filter { $0 != 0 }
        let r = RecursiveGCD.resultant(a.gaussianRecursive(vars), b.gaussianRecursive(vars))
        return fromGaussian(r, Array(vars.dropFirst()), generators: gens)
    }
}

extension Expr {
    /// The resultant res_x(f, g) of two polynomials in x whose coefficients are polynomials
    /// in anything else (other symbols, F(ω), exp(y); coefficients in ℚ(i)). It vanishes
    /// exactly when f and g have a common root in x (or both leading coefficients vanish).
    /// Subresultant PRS; returned expanded.
    public static func resultant(_ f: Expr, _ g: Expr, in x: Symbol) throws -> Expr {
        let ps = try Polynomial.elimination([f, g], in: x)
        return Polynomial.resultant(ps[0], ps[1]).toExpr()
    }

    /// The discriminant of f in x: (−1)^(n(n−1)/2) res_x(f, f′) / lc_x(f), n = deg_x f ≥ 1.
    public static func discriminant(_ f: Expr, in x: Symbol) throws -> Expr {
        let p = try Polynomial.elimination([f], in: x)[0]
        let n = p.degree(in: 0)
        guard n >= 1 else { throw RationalFunctionError.notPolynomial(f) }
        let vars = [0] + Polynomial.usedVariables([p]).filter { $0 != 0 }
        let rp = p.gaussianRecursive(vars)
        let r = RecursiveGCD.resultant(rp, rp.derivative())
        var d = r.exactQuotient(rp.leading)!
        if (n * (n - 1) / 2) % 2 == 1 { d = -d }
        return Polynomial.fromGaussian(d, Array(vars.dropFirst()), generators: p.generators).toExpr()
    }

    /// Square-free factorisation of a polynomial in x with rational coefficients:
    /// f = c · ∏ fᵢ^i, fᵢ monic, square-free, pairwise coprime (Yun's algorithm).
    public static func squareFreeFactorization(_ f: Expr, in x: Symbol) throws
        -> (constant: Expr, factors: [(factor: Expr, multiplicity: Int)]) {
        let p = try Polynomial.elimination([f], in: x)[0]
        guard let u = UnivariatePolynomial(p, variable: 0) else { throw RationalFunctionError.notUnivariate(f, in: x) }
        let (c, fs) = u.squareFreeFactorization()
        return (.number(c), fs.map { ($0.factor.polynomial(variable: 0, generators: p.generators).toExpr(), $0.multiplicity) })
    }
}
