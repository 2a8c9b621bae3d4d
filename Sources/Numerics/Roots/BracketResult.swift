/// Outcome of a bracketing root search: an interval that provably contains a
/// sign change of f: the values of f at both ends.
public struct BracketResult<Scalar: Sendable>: Sendable {
    public enum Stop: Sendable, Equatable {
        /// The bracket is narrower than the requested tolerance.
        case toleranceReached
        /// f is exactly zero at `lower` (== `upper`).
        case exactZero
        /// The next iterate could not differ from an endpoint at this precision.
        case precisionExhausted
        case maxIterations
    }
    /// lower ≤ upper; fLower·fUpper < 0 unless `stop == .exactZero`.
    public var lower: Scalar
    public var upper: Scalar
    /// f at the two ends (for Brent, the search's own evaluations there; the MPFR
    /// bracketings evaluate both ends again at the end).
    public var fLower: Scalar
    public var fUpper: Scalar
    public var stop: Stop
    public var iterations: Int
    /// Calls of f.
    public var evaluations: Int
}

extension BracketResult where Scalar == Double {
    /// The end with the smaller |f|.
    public var root: Double { abs(fLower) <= abs(fUpper) ? lower : upper }
    public var width: Double { upper - lower }
}
