import ArbitraryPrecision

/// A polynomial as constant · ∏ factorᵐ.
public struct PolynomialFactorization: Sendable {
    /// The rational (or, for ℚ(i) input, Gaussian-rational) constant.
    public var constant: GaussianRational
    /// Factors in `Polynomial.normalForm` (primitive, unit fixed), pairwise distinct, with
    /// their multiplicities; sorted by total degree, then number of terms, then text.
    public var factors: [(factor: Polynomial, multiplicity: Int)]
    /// Whether every factor is irreducible over ℚ. False for coefficients with i, where
    /// only the square-free decomposition is computed.
    public var irreducible: Bool

    /// constant · ∏ factorᵐ, expanded.
    public func product(generators: [Expr]) -> Polynomial {
        factors.reduce(Polynomial(constant, generators: generators)) { $0 * $1.factor.power($1.multiplicity) }
    }
}

extension Polynomial {
    /// The factorisation into irreducible factors over ℚ: content with respect to a main
    /// variable (itself factorised), square-free decomposition (Yun), then for each
    /// square-free part Zassenhaus's algorithm (one variable) or evaluation at an integer
    /// point and multivariate Hensel lifting with the leading-coefficient trick, with
    /// recombination by two-factor lifts when the point gave extraneous factors.
    /// Coefficients with i get the square-free decomposition only (`irreducible` false).
    /// The result is checked: constant · ∏ factorᵐ is recomputed and compared with self.
    public func factorization() throws(FactorizationError) -> PolynomialFactorization {
        if isZero { return PolynomialFactorization(constant: .zero, factors: [], irreducible: true) }
        if termCount > FactorizationLimits.maximumTerms {
            throw .tooLarge("\(termCount) terms (limit \(FactorizationLimits.maximumTerms))")
        }
        for k in generators.indices where degree(in: k) > FactorizationLimits.maximumDegree {
            throw .tooLarge("degree \(degree(in: k)) in \(generators[k]) (limit \(FactorizationLimits.maximumDegree))")
        }
        let complete = im.isZero
        let (_, primitive) = normalForm()
        var raw: [(Polynomial, Int)] = []
        try primitive.collectFactors(complete: complete, into: &raw)
        // Normal forms, equal factors merged.
        var factors: [(factor: Polynomial, multiplicity: Int)] = []
        for (f, m) in raw where f.totalDegree > 0 {
            let g = f.normalForm().primitive
            if let i = factors.firstIndex(where: { $0.factor == g }) { factors[i].multiplicity += m } else { factors.append((g, m)) }
        }
        factors.sort { a, b in
            if a.factor.totalDegree != b.factor.totalDegree { return a.factor.totalDegree < b.factor.totalDegree }
            if a.factor.termCount != b.factor.termCount { return a.factor.termCount < b.factor.termCount }
            return a.factor.description < b.factor.description
        }
        // The constant from the leading terms (graded lex is a monomial order, so the leading
        // term of a product is the product of the leading terms).
        var lc = GaussianRational.one
        for (f, m) in factors { lc = lc * f.leadingTerm!.coefficient.power(m) }
        let result = PolynomialFactorization(constant: leadingTerm!.coefficient / lc, factors: factors, irreducible: complete)
        guard result.product(generators: generators) == self else {
            throw .liftingFailed("internal check failed: the product of the factors differs from the input")
        }
        return result
    }

    /// Factors of self (primitive, nonzero) appended to `out`, with multiplicities.
    func collectFactors(complete: Bool, into out: inout [(Polynomial, Int)]) throws(FactorizationError) {
        var p = self
        // Monomial content: the least power of every generator.
        for k in generators.indices where p.degree(in: k) > 0 {
            let least = p.terms.map { $0.exponents[k] }.min()!
            if least > 0 {
                out.append((Polynomial.generator(k, of: generators), least))
                p = p.withTerms(p.terms.map { t in var e = t.exponents; e[k] -= least; return (e, t.coefficient) })
            }
        }
        let used = generators.indices.filter { p.degree(in: $0) > 0 }
        guard !used.isEmpty else { return }
        // Main variable: the smallest positive degree (fewest univariate factors to lift).
        let x = used.min { p.degree(in: $0) < p.degree(in: $1) }!
        let content = p.content(in: x)
        if content.totalDegree > 0 {
            try content.collectFactors(complete: complete, into: &out)
            p = p.exactQuotient(content)!
        }
        for (s, m) in p.squareFreeDecomposition(in: x) {
            if !complete { out.append((s, m)); continue }
            for g in try s.squareFreeFactors(main: x) { out.append((g, m)) }
        }
    }

    /// The content in generators[x]: the normalised gcd of the coefficients of the powers of
    /// x (polynomials in the other generators), smallest first so a constant ends it early.
    func content(in x: Int) -> Polynomial {
        let cs = coefficients(in: x).filter { !$0.isZero }.sorted { $0.termCount < $1.termCount }
        var g = cs[0].normalForm().primitive
        for c in cs.dropFirst() where g.totalDegree > 0 { g = Polynomial.gcd(g, c) }
        return g
    }

    /// Yun's square-free decomposition in generators[x] of a polynomial primitive in x:
    /// pairwise coprime square-free (sᵢ, i) with self = const · ∏ sᵢⁱ. Primitive in x, every
    /// irreducible factor involves x, so the derivative in x sees every repeated factor.
    func squareFreeDecomposition(in x: Int) -> [(Polynomial, Int)] {
        var (_, b, c) = Polynomial.cofactors(self, derivative(x))
        var d = c - b.derivative(x)
        var out: [(Polynomial, Int)] = []
        var i = 1
        while b.degree(in: x) > 0 {
            let (a, b2, c2) = Polynomial.cofactors(b, d)
            if a.totalDegree > 0 { out.append((a, i)) }
            b = b2
            c = c2
            d = c - b.derivative(x)
            i += 1
        }
        return out
    }

    /// Irreducible factors over ℚ of a square-free polynomial primitive in generators[x].
    func squareFreeFactors(main x: Int) throws(FactorizationError) -> [Polynomial] {
        let ys = generators.indices.filter { $0 != x && degree(in: $0) > 0 }
        let n = degree(in: x)
        if n <= 1 { return [self] }
        if ys.isEmpty {
            let f = UnivariatePolynomial(self, variable: x)!.primitiveIntegerCoefficients
            return try ZassenhausFactorization.factor(f.last!.signum < 0 ? f.map { -$0 } : f).map {
                UnivariatePolynomial($0.map { BigRational($0) }).polynomial(variable: x, generators: generators)
            }
        }
        return try MultivariateFactorization(self, x: x, ys: ys).factors()
    }
}
