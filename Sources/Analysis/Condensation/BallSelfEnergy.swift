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

    /// Σ's coefficients with the frequency complex, for the continuation off the axis
    /// (`FrequencyContinuation`): nil where they are not visibly analytic in it.
    private lazy var complexTape: BallTapeEvaluator? = {
        guard let g = try? FrequencyContinuation.continued(problem.sigma) else { return nil }
        return BallTapeEvaluator(g, precision: bits)
    }()

    public init(_ problem: CondensationProblem, bits: Int) {
        self.problem = problem
        self.bits = bits
        tape = BallTapeEvaluator(problem.sigma, precision: bits)
    }

    /// The six entries at a complex ω = re + i·im, as the analytic continuation of Σ from the
    /// real axis: the closed forms are that continuation as long as no pole of a fraction crosses
    /// the real axis between Re ω and ω, which is proven by running them on balls that cover the
    /// whole segment (each pole's imaginary part then excludes 0 all along it; a ball too wide
    /// to decide is bisected, down to 2⁻¹⁰ of the segment); the value itself comes from the
    /// ball at ω.
    public func entries(at w: (re: RealBall, im: RealBall), parameters: [RealBall]) throws -> [ComplexBall] {
        // On the axis there is nothing to continue.
        if w.im.radius == 0, w.im.center.isZero { return try entries(at: w.re, parameters: parameters) }
        guard let complexTape else {
            throw CondensationError.integral("Σ's coefficients are not analytic in the frequency as written: no continuation off the axis")
        }
        // The segment {Re ω} × [0, Im ω] with the ball's radius, widened by a relative 2⁻⁴⁰ for
        // the rounding of its ends to Double.
        let c = w.im.center.toDouble(), margin = 0x1p-40 * (abs(c) + w.im.radius)
        let lower = min(0, c - w.im.radius - margin), upper = max(0, c + w.im.radius + margin)
        func cover(_ lo: Double, _ hi: Double, _ depth: Int) throws {
            let piece = RealBall(0.5 * (lo + hi), radius: (0.5 * (hi - lo)) * (1 + 0x1p-40), precision: bits)
            do {
                _ = try closedForms(complexTape, inputs: [w.re, piece] + parameters)
            } catch {
                guard depth < 10 else {
                    throw CondensationError.integral("no continuation to Im ω = \(short(c)): a pole may cross the real axis near Im ω ∈ [\(short(lo)), \(short(hi))] (\(error))")
                }
                let mid = 0.5 * (lo + hi)
                try cover(lo, mid, depth + 1)
                try cover(mid, hi, depth + 1)
            }
        }
        try cover(lower, upper, 0)
        return try closedForms(complexTape, inputs: [w.re, w.im] + parameters)
    }

    /// The six entries (R_bb, K_bb, A_bb, R_aa, K_aa, A_aa) at ω ∈ `w`, parameters in
    /// `problem.parameters` order; throws with the reason where a step cannot be decided on the
    /// balls (a possible double pole, a divisor that may vanish).
    public func entries(at w: RealBall, parameters: [RealBall]) throws -> [ComplexBall] {
        try closedForms(tape, inputs: [w] + parameters)
    }

    private func closedForms(_ tape: BallTapeEvaluator, inputs: [RealBall]) throws -> [ComplexBall] {
        let outputs: [(re: RealBall, im: RealBall)]
        do {
            outputs = try tape.evaluate(inputs)
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
