import ArbitraryPrecision

extension UnivariatePolynomial {
    /// Pairwise coprime monic factors with multiplicities, self = c · ∏ fᵢ^mᵢ: Yun's
    /// square-free factorisation, then every rational root split off as a linear factor.
    /// What remains of each square-free part (no rational root) stays one factor; it is
    /// irreducible when its degree is at most 3, otherwise possibly a product of
    /// irreducibles without rational roots (full factorisation over ℚ is not attempted).
    public func coprimeFactorization() -> (constant: BigRational, factors: [(factor: UnivariatePolynomial, multiplicity: Int)]) {
        let (c, sqf) = squareFreeFactorization()
        var out: [(UnivariatePolynomial, Int)] = []
        for (s, m) in sqf {
            var rest = s
            for r in s.rationalRoots() {
                let linear = UnivariatePolynomial([-r, .one])
                out.append((linear, m))
                rest = rest.divided(by: linear).quotient
            }
            if rest.degree > 0 { out.append((rest.monic, m)) }
        }
        return (c, out)
    }

    /// Partial fractions of self / q over ℚ: the polynomial part and, for each coprime
    /// factor f of q with multiplicity m, numerators a₁ … a_m (deg aⱼ < deg f) of
    /// aⱼ / fʲ. Each factor's part is R·(q/fᵐ)⁻¹ mod fᵐ (extended Euclid), expanded in
    /// powers of f.
    public func partialFractions(over q: UnivariatePolynomial)
        -> (polynomial: UnivariatePolynomial, terms: [(factor: UnivariatePolynomial, power: Int, numerator: UnivariatePolynomial)]) {
        precondition(!q.isZero)
        let (a, r) = divided(by: q)
        let (c, factors) = q.coprimeFactorization()
        var terms: [(UnivariatePolynomial, Int, UnivariatePolynomial)] = []
        let rc = r.scaled(by: c.reciprocal)
        for (i, (f, m)) in factors.enumerated() {
            let block = f.power(m)
            var others = UnivariatePolynomial.one
            for (j, (g, k)) in factors.enumerated() where j != i { others = others * g.power(k) }
            let (_, s, _) = UnivariatePolynomial.extendedGCD(others, block)
            var part = (rc * s) % block
            // part = Σ_{k<m} b_k f^k  ⇒  part / f^m = Σ b_k / f^(m−k).
            for k in 0..<m {
                let (qq, b) = part.divided(by: f)
                if !b.isZero { terms.append((f, m - k, b)) }
                part = qq
            }
        }
        terms.sort { ($0.0.degree, $0.1) < ($1.0.degree, $1.1) }
        return (a, terms)
    }
}

extension Expr {
    /// Partial fraction decomposition in `x` over ℚ: a polynomial part plus Σ a/fʲ with f
    /// linear or an irreducible quadratic (more generally a factor without rational roots,
    /// see `UnivariatePolynomial.coprimeFactorization`) and deg a < deg f. The expression
    /// must be a rational function of `x` alone with rational coefficients.
    public func apart(_ x: Symbol) throws -> Expr {
        let xe = Expr.symbol(x)
        let r = try RationalFunction(self, generators: [xe])
        let (n, d) = r.cancelled()
        guard let p = UnivariatePolynomial(n, variable: 0), let q = UnivariatePolynomial(d, variable: 0) else {
            if n.terms.contains(where: { !$0.coefficient.im.isZero }) || d.terms.contains(where: { !$0.coefficient.im.isZero }) {
                throw RationalFunctionError.notRational(self)
            }
            throw RationalFunctionError.notUnivariate(self, in: x)
        }
        let gens = r.generators
        let (poly, terms) = p.partialFractions(over: q)
        var parts = [poly.polynomial(variable: 0, generators: gens).toExpr()]
        for (f, j, a) in terms {
            parts.append(Expr.mul(a.polynomial(variable: 0, generators: gens).toExpr(),
                                  Expr.pow(f.polynomial(variable: 0, generators: gens).toExpr(), .integer(-j))))
        }
        return Expr.add(parts)
    }
}
