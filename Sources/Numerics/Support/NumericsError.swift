/// Failures of the numerical kernels that leave no usable result. Outcomes
/// that still carry a result (a solver that stopped early, a quadrature that
/// missed its tolerance) are reported in the result types instead.
public enum NumericsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A LAPACK routine rejected argument number `argument` (its `info < 0`).
    case lapackIllegalArgument(routine: String, argument: Int)
    /// The QR algorithm did not converge; `unconverged` eigenvalues are missing.
    case eigenvaluesDidNotConverge(routine: String, unconverged: Int)
    /// The input contains NaN or an infinity.
    case nonFiniteInput(String)
    /// The function values at the two ends of a bracket have the same sign
    /// (or one is NaN), so the bracket proves no root.
    case noSignChange(a: Double, fa: Double, b: Double, fb: Double)
    /// The function returned NaN or an infinity at `x`.
    case nonFiniteValue(at: Double)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .lapackIllegalArgument(routine, argument):
            return "\(routine): illegal value of argument \(argument)"
        case let .eigenvaluesDidNotConverge(routine, unconverged):
            return "\(routine): QR iteration failed, \(unconverged) eigenvalues not computed"
        case let .nonFiniteInput(what):
            return "non-finite input: \(what)"
        case let .noSignChange(a, fa, b, fb):
            return "no sign change on the bracket: f(\(a)) = \(fa), f(\(b)) = \(fb)"
        case let .nonFiniteValue(x):
            return "function value is not finite at x = \(x)"
        case let .invalidArgument(what):
            return "invalid argument: \(what)"
        }
    }
}
