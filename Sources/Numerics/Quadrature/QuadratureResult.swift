/// A definite integral with its error estimate.
public struct QuadratureResult<Scalar: Sendable>: Sendable {
    public var value: Scalar
    /// Estimated absolute error (see each integrator for how it is formed).
    public var errorEstimate: Scalar
    /// True when the estimate met the requested tolerance; false means the
    /// subdivision or level limit was reached and `value` is the best available.
    public var converged: Bool
    public var evaluations: Int
    /// Subintervals (Gauss–Kronrod) or step-halving levels (double-exponential) used.
    public var refinements: Int
    /// The rule applied to |f| (double-exponential: h·Σ|terms| of the last level), ≈ ∫|f|: the
    /// scale against which cancellation inside the integral is judged. nil where not computed.
    public var absoluteIntegral: Scalar? = nil
}
