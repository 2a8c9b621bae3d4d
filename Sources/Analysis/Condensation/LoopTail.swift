import ArbitraryPrecision
import Foundation
import KeldyshNumerics

/// A proven bound of |∫_{|ν| ≥ R} loop(ν) dν|, K₁^R(0)'s loop beyond a certified quadrature's
/// cutoff. No finite set of balls reaches infinity, so every link of the density's chain is
/// bounded for all real |ν| ≥ R as U·|ν|^(−k) (`TailBound`): G₀⁻¹ by its tape, G₀ by the block
/// inverse, Σ[G₀] by its translated closed forms (below), G under the reading, then the loop's
/// tape with G's entries in its slots; the density's order k > 1 gives ∫ ≤ 2U·R^(1−k)/(k − 1).
///
/// Σ's closed forms at |ν| ≥ R, pole by pole (`BallSelfEnergy.translatedPieces`): a fixed pole
/// is a constant, a moving one is b + ν; residues are N(z)·(1/lead)·Π 1/(z − w) with the
/// differences between two moving poles taken between their bases (constants). ψ of a fixed
/// pole's argument is a constant ball. For a moving pole the argument s = ½ ± β(z − μ)/(2πi)
/// has Re s = ½ + β|Im b|/2π ≥ ½, and for Re s ≥ 0 the Stirling remainder with n = 1
/// (`ComplexBall+Polygamma`: |R| ≤ 2|B₂|/|s|²) gives
///
///     |ψ(s)| ≤ |log s| + 1/(2|s|) + 1/(3|s|²) ≤ log|s| + π/2 + 1/(2S) + 1/(3S²),
///
/// with S = (β/2π)(R − |Re b − μ|) ≤ |s| and |s| ≤ a|ν|, a = (β/2π)(1 + (|Im b| + |Re b − μ|)/R)
/// + 1/(2R). So |ψ| ≤ log|ν| + C, and (log t + C)/t^(1/4) decreases for log t + C ≥ 4: on the
/// tails |ψ| ≤ U·|ν|^(1/4) with U = (log R + C)/R^(1/4), order −1/4. The logarithms of the
/// moving poles cancel in the exact sum (Σ c_z = 0), which these moduli cannot see: the bound
/// is loose by that log, but the density still decays faster than 1/|ν|.
final class LoopTail {
    let problem: CondensationProblem
    let reading: DysonReading
    let log2R: Int
    private let sigma: BallSelfEnergy
    private let kernel: TailTapeEvaluator, coefficients: TailTapeEvaluator, loop: TailTapeEvaluator
    /// The same with a complex frequency (G and Σ at ν − ω for a complex ω) and the loop with
    /// a complex ω; made on first use.
    private lazy var complexKernel: TailTapeEvaluator? = (try? FrequencyContinuation.continued(problem.kernel)).map { TailTapeEvaluator($0, log2R: log2R) }
    private lazy var complexCoefficients: TailTapeEvaluator? = (try? FrequencyContinuation.continued(problem.sigma)).map { TailTapeEvaluator($0, log2R: log2R) }
    private lazy var complexLoop: TailTapeEvaluator? = (try? FrequencyContinuation.continued(problem.loop, frequencies: [1])).map { TailTapeEvaluator($0, log2R: log2R) }

    init(_ problem: CondensationProblem, sigma: BallSelfEnergy, reading: DysonReading, log2R: Int) {
        self.problem = problem
        self.reading = reading
        self.log2R = log2R
        self.sigma = sigma
        kernel = TailTapeEvaluator(problem.kernel, log2R: log2R)
        coefficients = TailTapeEvaluator(problem.sigma, log2R: log2R)
        loop = TailTapeEvaluator(problem.loop, log2R: log2R)
    }

    struct Bound {
        /// |∫_{|ν| ≥ R} loop| ≤ integral.
        let integral: Double
        /// The density's proven order k and constant U.
        let order: Double
        let constant: Double
    }

    /// `omega`: K₁^R's outer frequency (a ball, real or complex); G enters at ν and at ν − ω.
    func bound(parameters: [RealBall], omega: ComplexBall = ComplexBall(BigRational.zero)) throws -> Bound {
        do {
            return try compute(parameters, omega)
        } catch let e as TailRefusal {
            throw CondensationError.integral("the loop's tail beyond |ν| = 2^\(log2R): \(e.description)")
        } catch let e as TailTapeFailure {
            throw CondensationError.integral("the loop's tail beyond |ν| = 2^\(log2R): \(e.description)")
        }
    }

    private struct Block {
        var r: TailComplex, k: TailComplex, a: TailComplex
        static func * (x: Block, y: Block) throws -> Block {
            Block(r: try x.r * y.r, k: try x.r * y.k + x.k * y.a, a: try x.a * y.a)
        }
        static func + (x: Block, y: Block) throws -> Block { Block(r: try x.r + y.r, k: try x.k + y.k, a: try x.a + y.a) }
        func scaled(_ s: Double) -> Block { s < 0 ? Block(r: -r, k: -k, a: -a) : self }
        var inverse: Block {
            get throws {
                let ri = try r.reciprocal, ai = try a.reciprocal
                return Block(r: ri, k: -(try ri * k * ai), a: ai)
            }
        }
    }

    private func compute(_ parameters: [RealBall], _ omega: ComplexBall) throws -> Bound {
        let nu = TailComplex(re: try .nu(log2R: log2R), im: try .zero(log2R: log2R))
        let constants = try parameters.map { try TailBound.constant($0, log2R: log2R) }
        let g = try greens(at: nu, omega: nil, constants, parameters)
        var inputs = [nu.re]
        if omega.isZero {
            inputs += [try TailBound.zero(log2R: log2R)] + constants
            for c in g.flatMap({ [$0.r, $0.k, $0.a] }) + g.flatMap({ [$0.r, $0.k, $0.a] }) { inputs += [c.re, c.im] }
            guard let out = try loop.evaluate(inputs).first else { throw CondensationError.integral("the loop has no output") }
            return try finish(out)
        }
        guard let complexLoop else { throw CondensationError.integral("the loop is not analytic in ω as written") }
        let w = try TailComplex(omega, log2R: log2R)
        let shifted = try greens(at: nu - w, omega: omega, constants, parameters)
        inputs += [w.re, w.im] + constants
        for c in g.flatMap({ [$0.r, $0.k, $0.a] }) + shifted.flatMap({ [$0.r, $0.k, $0.a] }) { inputs += [c.re, c.im] }
        guard let out = try complexLoop.evaluate(inputs).first else { throw CondensationError.integral("the loop has no output") }
        return try finish(out)
    }

    private func finish(_ out: (re: TailBound, im: TailBound)) throws -> Bound {
        let density = try TailBound.modulus(re: out.re, im: out.im)
        return Bound(integral: try density.tailIntegralBound(), order: density.order ?? .infinity, constant: density.upper)
    }

    /// G's two blocks at the frequency `x` (ν on the tails, or ν − ω), under the reading.
    /// `omega` nil: x = ν, real (the real tapes); else x = ν − ω (the tapes continued).
    private func greens(at x: TailComplex, omega: ComplexBall?, _ constants: [TailBound], _ parameters: [RealBall]) throws -> [Block] {
        func complex(_ o: (re: TailBound, im: TailBound)) -> TailComplex { TailComplex(re: o.re, im: o.im) }
        let k: [TailComplex]
        if omega == nil {
            k = try kernel.evaluate([x.re] + constants).map(complex)
        } else {
            guard let complexKernel else { throw CondensationError.integral("G0^-1 is not analytic in the frequency as written") }
            k = try complexKernel.evaluate([x.re, x.im] + constants).map(complex)
        }
        let k0 = [Block(r: k[0], k: k[2], a: k[10]), Block(r: k[5], k: k[7], a: k[15])]
        let g0 = try k0.map { try $0.inverse }
        guard reading != .g0 else { return g0 }
        let e = try selfEnergy(parameters, at: x, omega: omega, constants)
        let s = [Block(r: e[0], k: e[1], a: e[2]), Block(r: e[3], k: e[4], a: e[5])]
        let sign = problem.selfEnergySign
        switch reading {
        case .oneShot: return try zip(k0, s).map { try ($0 + $1.scaled(sign)).inverse }
        case .firstOrder: return try zip(g0, s).map { g0, s in try g0 + (g0 * s * g0).scaled(-sign) }
        case .g0, .selfConsistent: throw CondensationError.integral("no tail bound under the \(reading.rawValue) reading")
        }
    }

    /// Σ's six entries on the tails.
    /// At x = ν (omega nil) or x = ν − ω: the moving poles are b + x.
    private func selfEnergy(_ parameters: [RealBall], at nu: TailComplex, omega: ComplexBall?, _ constants: [TailBound]) throws -> [TailComplex] {
        let (pieces, base) = try sigma.translatedPieces(parameters: parameters)
        let numerators: [TailComplex]
        if !sigma.movingNumerators {
            numerators = try base.map { try TailComplex($0, log2R: log2R) }
        } else if omega == nil {
            numerators = try coefficients.evaluate([nu.re] + constants).map { TailComplex(re: $0.re, im: $0.im) }
        } else {
            guard let complexCoefficients else { throw CondensationError.integral("Σ's coefficients are not analytic in the frequency as written") }
            numerators = try complexCoefficients.evaluate([nu.re, nu.im] + constants).map { TailComplex(re: $0.re, im: $0.im) }
        }
        let shift = omega ?? ComplexBall(BigRational.zero)
        var entries = try [TailComplex](repeating: .zero(log2R: log2R), count: 6)
        for p in pieces {
            let poles = try zip(p.bases, p.moving).map { b, moves in try moves ? TailComplex(b, log2R: log2R) + nu : TailComplex(b, log2R: log2R) }
            let inverseLead = try TailComplex(p.lead, log2R: log2R).reciprocal
            let n = p.piece.numerator.map { numerators[$0] }
            var residues: [TailComplex] = []
            for i in poles.indices {
                var value = try TailComplex.zero(log2R: log2R)
                for c in n.reversed() { value = try value * poles[i] + c }
                var c = try value * inverseLead
                for j in poles.indices where j != i {
                    var d = try TailComplex(p.bases[i] - p.bases[j], log2R: log2R)
                    if p.moving[i] != p.moving[j] { d = try p.moving[i] ? d + nu : d - nu }
                    c = try c * d.reciprocal
                }
                residues.append(c)
            }
            var term = try TailComplex.zero(log2R: log2R)
            if let (slope, offset) = p.tanh {
                let beta = (slope.center.re.signum < 0 ? -slope : slope) + (slope.center.re.signum < 0 ? -slope : slope)
                guard let mu = (-offset).divided(by: slope, bits: sigma.bits),
                      let scale = beta.divided(by: (ComplexBall(BigRational(2)) * BallTanhConvolution.pi(bits: sigma.bits)).rounded(bits: sigma.bits), bits: sigma.bits) else {
                    throw CondensationError.integral("tanh's slope may vanish")
                }
                for (i, c) in residues.enumerated() {
                    let psi: TailComplex
                    if p.moving[i] {
                        // z = (b − ω) + ν: its side is b's (the real axis'), kept if Im(b − ω) keeps it.
                        let moved = (p.bases[i] - shift).rounded(bits: sigma.bits)
                        guard ComplexBall(moved.center.im, radius: moved.radius).excludesZero, (moved.center.im.signum > 0) == p.upper[i] else {
                            throw CondensationError.integral("Im ω moves a pole's ψ argument off Re ≥ 1/2 on the tails")
                        }
                        let m = try digammaGrowth(base: moved, mu: mu, scale: scale)
                        psi = TailComplex(re: m, im: m)
                    } else {
                        let w = (ComplexBall(GaussianRational(BigRational.zero, BigRational(-1))) * scale * (p.bases[i] - mu)).rounded(bits: sigma.bits)
                        let half = ComplexBall(BigRational(1) / BigRational(2))
                        guard let v = ComplexBall.digamma(p.upper[i] ? half + w : half - w, bits: sigma.bits) else {
                            throw CondensationError.integral("ψ at a fixed pole's argument")
                        }
                        psi = try TailComplex(v, log2R: log2R)
                    }
                    let two = try TailComplex(ComplexBall(BigRational(-2)), log2R: log2R)
                    term = try term + two * c * psi
                }
            } else {
                for (c, up) in zip(residues, p.upper) where up { term = try term + c }
                let twoPi = try TailComplex((ComplexBall(BigRational(2)) * BallTanhConvolution.pi(bits: sigma.bits)).rounded(bits: sigma.bits), log2R: log2R)
                term = try (twoPi * term).timesI
            }
            entries[p.piece.entry] = try entries[p.piece.entry] + term
        }
        return entries
    }

    /// |ψ(½ ± β(b + ν − μ)/(2πi))| ≤ U·|ν|^(1/4) for |ν| ≥ R (the type's comment), from the balls
    /// of b, μ and β/2π, in 64-bit MPFR rounded away from the bound's favour.
    func digammaGrowth(base b: ComplexBall, mu: ComplexBall, scale: ComplexBall) throws -> TailBound {
        func up(_ q: BigRational) -> Double { q.toDouble().nextUp.nextUp }
        func down(_ q: BigRational) -> Double { max(0, q.toDouble().nextDown.nextDown) }
        let offset = up(ComplexBall.l1((b - mu).center) + (b - mu).radius)       // ≥ |Re b − μ|, ≥ |b − μ|
        let height = up(b.center.im.abs + b.radius)
        let scaleHigh = up(ComplexBall.l1(scale.center) + scale.radius)
        let scaleLow = down(scale.center.re.abs - scale.radius)
        let r = Double(sign: .plus, exponent: log2R, significand: 1)
        let slack = 1 + 0x1p-40
        let sMin = scaleLow * (r - offset) / slack
        guard sMin > 1 else { throw CondensationError.integral("the tail's cutoff 2^\(log2R) is too close to a moving pole's ψ") }
        let a = (scaleHigh * (1 + (height + offset) / r) + 0.5 / r) * slack
        // C = log a + π/2 + 1/(2S) + 1/(3S²); log from MPFR, padded.
        let logA = BigFloat.log(BigFloat(a, precision: 64)).toDouble() + 0x1p-40 * (1 + abs(log(a)))
        let c = (logA + Double.pi / 2 + 0.5 / sMin + 1 / (3 * sMin * sMin)) * slack + 0x1p-40
        let logR = Double(log2R) * 0.6931471805599453 * slack
        guard logR + c >= 4 else { throw CondensationError.integral("the tail's cutoff 2^\(log2R) is below ψ's monotone range") }
        let u = (logR + c) * slack / Double(sign: .plus, exponent: log2R / 4, significand: 1)
        return try TailBound.bound(quarters: -1, upper: u.nextUp, log2R: log2R)
    }
}
