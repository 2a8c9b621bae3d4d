import ArbitraryPrecision

/// An expression factorised over ℚ, with whether the factors are known to be irreducible.
public struct FactoredExpression: Sendable {
    public let expr: Expr
    /// False when coefficients with i made the result only a square-free decomposition.
    public let irreducible: Bool
    /// Numerator and denominator factorisations (in the generators of the rational function).
    public let numerator: PolynomialFactorization
    public let denominator: PolynomialFactorization
}

extension Expr {
    /// The expression as constant · ∏ factorᵐ / ∏ factorᵐ, every factor irreducible over ℚ:
    /// the numerator and denominator of `cancel()` factorised as polynomials in their
    /// generators (symbols, and subexpressions such as sqrt(N), exp(x), f(t) taken as opaque
    /// generators — see `RationalFunction`). Coefficients with i give the square-free
    /// decomposition only, flagged (`irreducible` false): factorisation over ℚ(i) is not
    /// implemented. Throws for operators and Grassmann factors, and for polynomials over the
    /// limits of `FactorizationLimits`.
    public func factorization() throws(FactorizationError) -> FactoredExpression {
        let r: RationalFunction
        do { r = try RationalFunction(self) } catch {
            if case .notCommuting(let e) = error as? RationalFunctionError { throw .notCommuting(e) }
            throw .tooLarge("\(error)")
        }
        let (n, d) = r.cancelled()
        let fn = try n.factorization(), fd = try d.factorization()
        var parts: [Expr] = [.number(fn.constant / fd.constant)]
        for (f, m) in fn.factors { parts.append(Expr.pow(f.toExpr(), .integer(m))) }
        for (f, m) in fd.factors { parts.append(Expr.pow(f.toExpr(), .integer(-m))) }
        return FactoredExpression(expr: n.isZero ? .zero : Expr.mul(parts), irreducible: fn.irreducible && fd.irreducible,
                                  numerator: fn, denominator: fd)
    }

    /// The factorised form of `factorization()`.
    public func factor() throws(FactorizationError) -> Expr { try factorization().expr }
}
