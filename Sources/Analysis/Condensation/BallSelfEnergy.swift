import ArbitraryPrecision
import KeldyshNumerics

/// Σ[G₀](ω) of a `CondensationProblem` enclosed, from ball parameters and a ball ω: the
/// fractions' coefficients by `BallTapeEvaluator` (Σ's compiled coefficient tape in ball
/// arithmetic), then every piece's closed form by `BallTanhConvolution`, summed per entry. The
/// entries hold Σ at every point of the inputs (the A entries are integrated from their own
/// pieces here: Σ^A = Σ^R‾ is proven only on the real axis). A step of a certified threshold
/// (docs/condensation.md, "Not built yet"); nothing in the search calls it yet.
public final class BallSelfEnergy {
    public let problem: CondensationProblem
    public let bits: Int
    private let tape: BallTapeEvaluator

    public init(_ problem: CondensationProblem, bits: Int) {
        self.problem = problem
        self.bits = bits
        tape = BallTapeEvaluator(problem.sigma, precision: bits)
    }

    /// The six entries (R_bb, K_bb, A_bb, R_aa, K_aa, A_aa) at ω ∈ `w`, parameters in
    /// `problem.parameters` order; throws with the reason where a step cannot be decided on the
    /// balls (a possible double pole, a divisor that may vanish).
    public func entries(at w: RealBall, parameters: [RealBall]) throws -> [ComplexBall] {
        let outputs: [(re: RealBall, im: RealBall)]
        do {
            outputs = try tape.evaluate([w] + parameters)
        } catch {
            throw CondensationError.integral("Σ's coefficients in balls: \(error.description)")
        }
        var coefficients: [ComplexBall] = []
        for o in outputs {
            guard let c = RealBall.complexBall(re: o.re, im: o.im) else {
                throw CondensationError.nonFinite("a coefficient of Σ's fractions in balls")
            }
            coefficients.append(c)
        }
        var entries = [ComplexBall](repeating: ComplexBall(BigRational.zero), count: 6)
        for piece in problem.pieces {
            do {
                let v = try BallTanhConvolution.integrate(numerator: piece.numerator.map { coefficients[$0] },
                                                          factors: piece.denominator.map { $0.range.map { coefficients[$0] } },
                                                          tanh: piece.tanh.map { (coefficients[$0.slope], coefficients[$0.offset]) },
                                                          bits: bits)
                entries[piece.entry] = (entries[piece.entry] + v).rounded(bits: bits)
            } catch {
                throw CondensationError.integral("a piece of Σ entry \(piece.entry) in balls: \(error.reason)")
            }
        }
        return entries
    }
}
