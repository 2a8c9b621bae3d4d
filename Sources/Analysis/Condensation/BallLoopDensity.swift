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

    /// A frequency on the real axis or a disk about one: exact centre, radius ≥ 0.
    public struct AxisDisk: Sendable {
        public var center: BigRational
        public var radius: BigRational
        public init(_ center: BigRational, radius: BigRational = .zero) {
            self.center = center
            self.radius = radius
        }
        public var isZero: Bool { center.isZero && radius.isZero }
    }

    /// The loop with ω complex too (K₁^R(ω) off the axis in ω: a Cauchy bound in ω).
    private lazy var loopInOmega: BallTapeEvaluator? = (try? FrequencyContinuation.continued(problem.loop, frequencies: [0, 1]))
        .map { BallTapeEvaluator($0, precision: bits) }

    /// The loop density on the disk |ν − c| ≤ r about a point of the real axis (its maximum
    /// bounds a quadrature's error): the tapes on the disk's square, Σ on the disk itself.
    public func density(inDisk center: BigRational, radius: BigRational, parameters: [RealBall], reading: DysonReading) throws -> ComplexBall {
        try density(nu: AxisDisk(center, radius: radius), parameters: parameters, reading: reading)
    }

    /// The loop density of K₁^R(ω) for every ν in `nu` and ω in `omega` (points or disks about
    /// the axis): G at ν and at ν − ω (a disk about c_ν − c_ω of radius r_ν + r_ω), the loop's
    /// tape continued in both.
    public func density(nu: AxisDisk, omega: AxisDisk = AxisDisk(.zero), parameters: [RealBall], reading: DysonReading) throws -> ComplexBall {
        let g1 = try greens(at: nu, parameters: parameters, reading: reading)
        let x = try rectangle(nu)
        if omega.isZero { return try loopValue(nu: x, omega: nil, g1, g1, parameters) }
        let g2 = try greens(at: AxisDisk(nu.center - omega.center, radius: nu.radius + omega.radius), parameters: parameters, reading: reading)
        return try loopValue(nu: x, omega: try rectangle(omega), g1, g2, parameters)
    }

    /// The loop density at ν = re + i·im under `reading` (one-shot or first-order; g0: G = G₀), ω = 0.
    public func density(at nu: (re: RealBall, im: RealBall), parameters: [RealBall], reading: DysonReading) throws -> ComplexBall {
        let g = try greens(at: nu, parameters: parameters, reading: reading) { try self.sigma.entries(at: nu, parameters: parameters) }
        return try loopValue(nu: nu, omega: nil, g, g, parameters)
    }

    /// The square holding a disk about the axis (a point: its rounding only).
    private func rectangle(_ d: AxisDisk) throws -> (re: RealBall, im: RealBall) {
        guard let re = RealBall.enclosing(d.center, radius: d.radius, precision: bits + 16),
              let im = RealBall.enclosing(.zero, radius: d.radius, precision: bits) else { throw CondensationError.nonFinite("the disk") }
        return (re, im)
    }

    private func greens(at d: AxisDisk, parameters: [RealBall], reading: DysonReading) throws -> [BallKeldyshBlock] {
        let x = try rectangle(d)
        return try greens(at: x, parameters: parameters, reading: reading) {
            d.radius.isZero ? try self.sigma.entries(at: x.re, parameters: parameters)
                            : try self.sigma.entries(inDisk: d.center, radius: d.radius, parameters: parameters)
        }
    }

    /// G's two blocks at ν under the reading, Σ from `selfEnergy`.
    private func greens(at nu: (re: RealBall, im: RealBall), parameters: [RealBall], reading: DysonReading,
                        selfEnergy: () throws -> [ComplexBall]) throws -> [BallKeldyshBlock] {
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
        guard reading != .g0 else { return g0 }
        let e = try selfEnergy().map { b in
            guard let c = ComplexFloatBall(b, precision: p) else { throw CondensationError.nonFinite("a Σ entry in balls") }
            return c
        }
        let s = [BallKeldyshBlock(r: e[0], k: e[1], a: e[2]), BallKeldyshBlock(r: e[3], k: e[4], a: e[5])]
        let sign = ComplexFloatBall(real: BigFloat(Int(problem.selfEnergySign), precision: p), precision: p)
        switch reading {
        case .oneShot:
            return try zip(k0, s).map { try ($0 + $1.scaled(sign)).inverse() }
        case .firstOrder:
            return zip(g0, s).map { g0, s in g0 + (g0 * s * g0).scaled(-sign) }
        case .g0, .selfConsistent:
            throw CondensationError.integral("the \(reading.rawValue) reading has no loop density in balls")
        }
    }

    /// The loop's tape: ν, ω (nil: exactly 0), the parameters, G's six entries at ν (`g1`) and at
    /// ν − ω (`g2`), each two reals.
    private func loopValue(nu: (re: RealBall, im: RealBall), omega: (re: RealBall, im: RealBall)?,
                           _ g1: [BallKeldyshBlock], _ g2: [BallKeldyshBlock], _ parameters: [RealBall]) throws -> ComplexBall {
        let tape: BallTapeEvaluator
        var inputs = [nu.re, nu.im]
        if let omega {
            guard let t = loopInOmega else { throw CondensationError.integral("the loop is not analytic in ω as written") }
            tape = t
            inputs += [omega.re, omega.im]
        } else {
            tape = loop
            inputs.append(RealBall(0, precision: bits))
        }
        inputs += parameters
        for c in g1.flatMap({ [$0.r, $0.k, $0.a] }) + g2.flatMap({ [$0.r, $0.k, $0.a] }) {
            guard c.isFinite else { throw CondensationError.nonFinite("a G entry in balls") }
            inputs += [c.parts.re, c.parts.im]
        }
        let out: [(re: RealBall, im: RealBall)]
        do { out = try tape.evaluate(inputs) } catch {
            throw CondensationError.integral("the loop's chain in balls: \(error.description)")
        }
        guard let o = out.first, let value = RealBall.complexBall(re: o.re, im: o.im) else { throw CondensationError.integral("the loop has no output") }
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
