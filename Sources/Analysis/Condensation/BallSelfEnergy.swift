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
        let evaluate: ((re: RealBall, im: RealBall)) throws -> [ComplexBall] = translatable
            ? { [self] in try translatedEntries(at: $0, disk: nil, parameters: parameters, complexTape) }
            : { [self] in try closedForms(complexTape, inputs: [$0.re, $0.im] + parameters) }
        // The segment {Re ω} × [0, Im ω] with the ball's radius, widened by a relative 2⁻⁴⁰ for
        // the rounding of its ends to Double.
        let c = w.im.center.toDouble(), margin = 0x1p-40 * (abs(c) + w.im.radius)
        let low = c - w.im.radius - margin, high = c + w.im.radius + margin
        func cover(_ lo: Double, _ hi: Double, _ depth: Int) throws {
            let piece = RealBall(0.5 * (lo + hi), radius: (0.5 * (hi - lo)) * (1 + 0x1p-40), precision: bits)
            do {
                _ = try evaluate((w.re, piece))
            } catch {
                guard depth < 10 else {
                    throw CondensationError.integral("no continuation to Im ω = \(short(c)): a pole may cross the real axis near Im ω ∈ [\(short(lo)), \(short(hi))] (\(error))")
                }
                let mid = 0.5 * (lo + hi)
                try cover(lo, mid, depth + 1)
                try cover(mid, hi, depth + 1)
            }
        }
        // The general closed forms need every pole to keep its side on the way from the axis;
        // the translated formula only needs to be analytic on a convex set from the axis to ω,
        // which its ball at ω already is when that ball meets the axis.
        if !translatable || low > 0 || high < 0 { try cover(min(0, low), max(0, high), 0) }
        return try evaluate(w)
    }

    /// Σ on the disk |ω − c| ≤ r about a point c of the real axis (a quadrature's error bound
    /// needs |Σ|'s maximum there): the translated formula in one run (it meets the axis), the
    /// general closed forms by the covered segments. Throws where it cannot prove analyticity.
    public func entries(inDisk center: BigRational, radius: BigRational, parameters: [RealBall]) throws -> [ComplexBall] {
        guard let re = RealBall.enclosing(center, radius: radius, precision: bits + 16),
              let im = RealBall.enclosing(.zero, radius: radius, precision: bits) else { throw CondensationError.nonFinite("the disk") }
        guard translatable, let complexTape else { return try entries(at: (re, im), parameters: parameters) }
        return try translatedEntries(at: (re, im), disk: ComplexBall(GaussianRational(center), radius: radius), parameters: parameters, complexTape)
    }

    /// Whether every piece's poles are fixed or move rigidly with ω (`FactorMotion`).
    private lazy var translatable: Bool = problem.pieces.allSatisfy { problem.isTranslatable($0) }
    private lazy var motions: [[FactorMotion]] = problem.pieces.map { p in p.denominator.map { FactorMotion.of($0.range, in: problem.sigma) } }

    /// The continuation where every piece is translatable: the poles at ω = 0 (fixed ones, and
    /// the moving ones' bases b), each with its half-plane there, which is its half-plane for
    /// every real ω (Im(b + ω) = Im b); the moving poles at ω are b + ω, exactly. With those
    /// sides the closed forms are one formula, analytic wherever its steps are (ψ off its poles,
    /// residues' divisors off 0), so no pole needs to stay on its side: evaluated successfully
    /// on a ball that holds ω's ball and meets the real axis, the formula is Σ's continuation
    /// there (the identity theorem on a convex set where it equals Σ on a real segment; the
    /// caller covers the way from the axis). This reaches past Im ω = κ, where a pole crosses
    /// the axis, and takes disks centred on the axis (a quadrature's error bound) in one run.
    /// `disk`: a disk inside the rectangle `w` that Σ is wanted on (the moving poles are shifted
    /// by it rather than by the rectangle's circumscribed disk).
    private func translatedEntries(at w: (re: RealBall, im: RealBall), disk: ComplexBall?, parameters: [RealBall],
                                   _ complexTape: BallTapeEvaluator) throws -> [ComplexBall] {
        let (pieces, base) = try translatedPieces(parameters: parameters)
        guard let nu = disk ?? RealBall.complexBall(re: w.re, im: w.im) else { throw CondensationError.nonFinite("the frequency ball") }
        let numerators = movingNumerators ? try coefficients(complexTape, inputs: [w.re, w.im] + parameters) : base
        var entries = [ComplexBall](repeating: ComplexBall(BigRational.zero), count: 6)
        for p in pieces {
            do {
                let v = try BallTanhConvolution.closedForm(numerator: p.piece.numerator.map { numerators[$0] }, lead: p.lead, poles: p.bases,
                                                           upper: p.upper, moving: p.moving, shift: nu, tanh: p.tanh, bits: bits)
                entries[p.piece.entry] = (entries[p.piece.entry] + v).rounded(bits: bits)
            } catch {
                throw CondensationError.integral("a piece of Σ entry \(p.piece.entry) continued in balls: \(error.reason)")
            }
        }
        return entries
    }

    /// Whether a numerator coefficient of some piece depends on ω.
    var movingNumerators: Bool { problem.pieces.contains { $0.numerator.contains { FactorMotion.moves($0, in: problem.sigma) } } }

    /// A translatable piece at this parameter point: the product of its factors' leading
    /// coefficients, its poles at ω = 0 (the moving ones' bases), each pole's half-plane there
    /// (every real ω's) and whether it moves, and tanh's slope and offset (free of ω).
    struct TranslatedPiece {
        let piece: CondensationProblem.Piece
        let lead: ComplexBall
        let bases: [ComplexBall]
        let upper: [Bool]
        let moving: [Bool]
        let tanh: (slope: ComplexBall, offset: ComplexBall)?
    }

    /// Every piece's `TranslatedPiece` from the coefficients at ω = 0 (returned too); throws
    /// where a pole may lie on the real axis there (its side is then unknown).
    func translatedPieces(parameters: [RealBall]) throws -> (pieces: [TranslatedPiece], base: [ComplexBall]) {
        guard translatable else { throw CondensationError.integral("Σ's pieces do not all move rigidly with ω") }
        let base = try coefficients(tape, inputs: [RealBall(0, precision: bits)] + parameters)
        var out: [TranslatedPiece] = []
        for (piece, motion) in zip(problem.pieces, motions) {
            var lead = ComplexBall(BigRational.one), poles: [ComplexBall] = [], upper: [Bool] = [], moving: [Bool] = []
            for (d, m) in zip(piece.denominator, motion) {
                let roots: [ComplexBall]
                do {
                    let (l, r) = try BallTanhConvolution.poles(of: [d.range.map { base[$0] }], bits: bits)
                    lead = (lead * l).rounded(bits: bits)
                    roots = r
                } catch {
                    throw CondensationError.integral("a piece of Σ entry \(piece.entry) in balls: \(error.reason)")
                }
                for z in roots {
                    guard ComplexBall(z.center.im, radius: z.radius).excludesZero else {
                        throw CondensationError.integral("a piece of Σ entry \(piece.entry) in balls: a pole may lie on the real axis at ω = 0")
                    }
                    upper.append(z.center.im.signum > 0)
                    poles.append(z)
                    moving.append(m == .translate)
                }
            }
            out.append(TranslatedPiece(piece: piece, lead: lead, bases: poles, upper: upper, moving: moving,
                                       tanh: piece.tanh.map { (base[$0.slope], base[$0.offset]) }))
        }
        return (out, base)
    }

    /// The six entries (R_bb, K_bb, A_bb, R_aa, K_aa, A_aa) at ω ∈ `w`, parameters in
    /// `problem.parameters` order; throws with the reason where a step cannot be decided on the
    /// balls (a possible double pole, a divisor that may vanish).
    public func entries(at w: RealBall, parameters: [RealBall]) throws -> [ComplexBall] {
        try closedForms(tape, inputs: [w] + parameters)
    }

    /// Σ's fraction coefficients in balls.
    private func coefficients(_ tape: BallTapeEvaluator, inputs: [RealBall]) throws -> [ComplexBall] {
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
        return coefficients
    }

    private func closedForms(_ tape: BallTapeEvaluator, inputs: [RealBall]) throws -> [ComplexBall] {
        let coefficients = try coefficients(tape, inputs: inputs)
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
