import ArbitraryPrecision
import KeldyshNumerics

/// K₁^R(0)'s loop density (paper 000 B15) enclosed at a ball ν, on the real axis or off it (the
/// analytic continuation, as `BallSelfEnergy`): G₀⁻¹ by the kernel's tape in balls, G₀ by the
/// block inverse, Σ[G₀] by `BallSelfEnergy`, G under one-shot or first-order, then the loop's
/// tape in balls with G's entries in its slots (at ν and at ν − ω, ω = 0). The next brick of a
/// certified threshold: a quadrature bound needs the density's maximum on a region off the axis.
public final class BallLoopDensity {
    public let problem: CondensationProblem
    public let bits: Int
    public let sigma: BallSelfEnergy
    private let kernel: BallTapeEvaluator, loop: BallTapeEvaluator

    /// Throws where the kernel's or the loop's expressions are not visibly analytic in the frequency.
    public init(_ problem: CondensationProblem, bits: Int) throws {
        self.problem = problem
        self.bits = bits
        sigma = BallSelfEnergy(problem, bits: bits)
        kernel = BallTapeEvaluator(try FrequencyContinuation.continued(problem.kernel), precision: bits)
        loop = BallTapeEvaluator(try FrequencyContinuation.continued(problem.loop), precision: bits)
    }

    /// The loop density on the disk |ν − c| ≤ r about a point of the real axis (its maximum
    /// bounds a quadrature's error): the tapes on the disk's square, Σ on the disk itself.
    public func density(inDisk center: BigRational, radius: BigRational, parameters: [RealBall], reading: DysonReading) throws -> ComplexBall {
        guard let re = RealBall.enclosing(center, radius: radius, precision: bits + 16),
              let im = RealBall.enclosing(.zero, radius: radius, precision: bits) else { throw CondensationError.nonFinite("the disk") }
        let nu = (re: re, im: im)
        return try density(at: nu, parameters: parameters, reading: reading) {
            try self.sigma.entries(inDisk: center, radius: radius, parameters: parameters)
        }
    }

    /// The loop density at ν = re + i·im under `reading` (one-shot or first-order; g0: G = G₀).
    public func density(at nu: (re: RealBall, im: RealBall), parameters: [RealBall], reading: DysonReading) throws -> ComplexBall {
        try density(at: nu, parameters: parameters, reading: reading) { try self.sigma.entries(at: nu, parameters: parameters) }
    }

    private func density(at nu: (re: RealBall, im: RealBall), parameters: [RealBall], reading: DysonReading,
                         selfEnergy: () throws -> [ComplexBall]) throws -> ComplexBall {
        func balls(_ outputs: [(re: RealBall, im: RealBall)]) throws -> [ComplexBall] {
            try outputs.map { o in
                guard let c = RealBall.complexBall(re: o.re, im: o.im) else { throw CondensationError.nonFinite("a ball of the loop's chain") }
                return c
            }
        }
        func tape(_ t: BallTapeEvaluator, _ inputs: [RealBall]) throws -> [ComplexBall] {
            do { return try balls(try t.evaluate(inputs)) } catch let e as BallTapeFailure {
                throw CondensationError.integral("the loop's chain in balls: \(e.description)")
            }
        }
        // G₀⁻¹, row-major 4 × 4 in (b¹, a¹, b², a²): the blocks as in `CondensationNumerics`.
        // The block algebra runs on MPFR-centered balls (`ComplexFloatBall`, bits + 8): exact
        // rationals cost ~25 µs an operation.
        let p = bits + 8
        let outputs: [(re: RealBall, im: RealBall)]
        do { outputs = try kernel.evaluate([nu.re, nu.im] + parameters) } catch {
            throw CondensationError.integral("the loop's chain in balls: \(error.description)")
        }
        let k = try outputs.map { o in
            guard let c = ComplexFloatBall(re: o.re, im: o.im, precision: p) else { throw CondensationError.nonFinite("a ball of the loop's chain") }
            return c
        }
        let k0 = [BallKeldyshBlock(r: k[0], k: k[2], a: k[10]), BallKeldyshBlock(r: k[5], k: k[7], a: k[15])]
        let g0 = try k0.map { try $0.inverse() }
        var g = g0
        if reading != .g0 {
            let e = try selfEnergy().map { b in
                guard let c = ComplexFloatBall(b, precision: p) else { throw CondensationError.nonFinite("a Σ entry in balls") }
                return c
            }
            let s = [BallKeldyshBlock(r: e[0], k: e[1], a: e[2]), BallKeldyshBlock(r: e[3], k: e[4], a: e[5])]
            let sign = ComplexFloatBall(real: BigFloat(Int(problem.selfEnergySign), precision: p), precision: p)
            switch reading {
            case .oneShot:
                g = try zip(k0, s).map { try ($0 + $1.scaled(sign)).inverse() }
            case .firstOrder:
                g = zip(g0, s).map { g0, s in g0 + (g0 * s * g0).scaled(-sign) }
            case .g0, .selfConsistent:
                throw CondensationError.integral("the \(reading.rawValue) reading has no loop density in balls")
            }
        }
        // The loop's inputs: ν (two reals), ω = 0, the parameters, then G's six entries at ν and
        // again at ν − ω (each two reals).
        let zero = RealBall(0, precision: bits)
        var inputs = [nu.re, nu.im, zero] + parameters
        let slots = g.flatMap { [$0.r, $0.k, $0.a] }
        for _ in 0..<2 {
            for c in slots {
                guard c.isFinite else { throw CondensationError.nonFinite("a G entry in balls") }
                inputs += [c.parts.re, c.parts.im]
            }
        }
        guard let value = try tape(loop, inputs).first else { throw CondensationError.integral("the loop has no output") }
        return value
    }
}

/// `KeldyshBlock` over balls: [[R, K], [0, A]].
struct BallKeldyshBlock {
    var r: ComplexFloatBall, k: ComplexFloatBall, a: ComplexFloatBall

    static func * (x: BallKeldyshBlock, y: BallKeldyshBlock) -> BallKeldyshBlock {
        BallKeldyshBlock(r: x.r * y.r, k: x.r * y.k + x.k * y.a, a: x.a * y.a)
    }

    static func + (x: BallKeldyshBlock, y: BallKeldyshBlock) -> BallKeldyshBlock {
        BallKeldyshBlock(r: x.r + y.r, k: x.k + y.k, a: x.a + y.a)
    }

    func scaled(_ s: ComplexFloatBall) -> BallKeldyshBlock { BallKeldyshBlock(r: s * r, k: s * k, a: s * a) }

    func inverse() throws -> BallKeldyshBlock {
        guard let ri = r.reciprocal, let ai = a.reciprocal else {
            throw CondensationError.integral("a block of the loop's chain may be singular")
        }
        return BallKeldyshBlock(r: ri, k: -(ri * k * ai), a: ai)
    }
}
