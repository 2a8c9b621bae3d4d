import ArbitraryPrecision

/// How point evaluation computes an integral node. Symbolic has no quadrature (it lives in
/// KeldyshNumerics, which imports Symbolic, not the reverse), so the layer that has one passes an
/// `IntegralEvaluator` in (`ExprQuadrature`); without one an integral throws `.integral`.
///
/// A class protocol: an evaluator keeps state across the integrals of one check (a budget of
/// integrand evaluations, the worst error estimate met).
public protocol IntegralEvaluator: AnyObject {
    /// ∫_a^b f(x) dx over a real x; a and b are real, possibly ±∞, in either order. f evaluates
    /// the integrand at `precision` bits and may throw (the error is passed on). Returns the value
    /// and an estimate of ∫|f|, the scale against which cancellation inside the integral is judged.
    func integrate(_ f: (BigFloat) throws(EvaluationError) -> BigComplex, from a: BigFloat, to b: BigFloat,
                   precision: Int) throws(EvaluationError) -> (value: BigComplex, magnitude: BigFloat)
}
