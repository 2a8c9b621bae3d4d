import ArbitraryPrecision
import KeldyshNumerics

/// K₁^R(0) of paper 000's B15 enclosed: every number it returns holds the exact value of the
/// derived kernel at every point of the parameter balls — the tree part by its tape in balls,
/// the loop ∫dν over the whole real line as
///
///     ∫_{−A}^{A} + Σ_k ∫_{A·2^k ≤ |ν| ≤ A·2^(k+1)}   (verified Gauss–Legendre, `VerifiedQuadrature`:
///                                                   point enclosures + Cauchy bound on a disk)
///     + ∫_{|ν| > R}                                  (a proven decay bound, `LoopTail`),
///
/// the density (`BallLoopDensity`) enclosed at each node and bounded on each panel's disk, where
/// its analyticity is proven by the balls themselves (Σ's translated closed forms, the tapes).
/// The shells keep each panel's tolerance share proportional to what it can contribute (a
/// uniform share over [−R, R] would ask the panels near 0 for 10⁻⁵ of their length's share).
public final class CertifiedRetardedKernel {
    public struct Enclosure: Sendable {
        /// K₁^R(0), tree + loop.
        public let value: ComplexBall
        public let tree: ComplexBall
        /// ∫_{|ν| ≤ R} of the density.
        public let core: ComplexBall
        /// The quadrature's proven truncation (inside `core`'s radius).
        public let truncation: BigRational
        /// |∫_{|ν| > R}| ≤ tail (inside `value`'s radius).
        public let tail: BigRational
        /// The density's proven decay on the tails: |loop| ≤ tailConstant·|ν|^(−tailOrder).
        public let tailOrder: Double
        public let tailConstant: Double
        public let cutoff: BigRational
        public let panels: Int
        public let evaluations: Int
        public let diskBounds: Int
    }

    public let problem: CondensationProblem
    public let bits: Int
    public let reading: DysonReading
    private let density: BallLoopDensity
    private let tree: BallTapeEvaluator
    private let tail: LoopTail
    /// The tree part with ω complex (K₁^R(ω) on a disk in ω).
    private lazy var treeInOmega: BallTapeEvaluator? = (try? FrequencyContinuation.continued(problem.tree)).map { BallTapeEvaluator($0, precision: bits) }
    /// The inner interval [−A, A] (singularities of the density lie within ~|μ| + Ω of 0) and
    /// the cutoff R = A·2^shells.
    public let inner: BigRational
    public let shells: Int
    /// log₂ R.
    public let log2Cutoff: Int

    /// `inner` = 2^log2Inner; the cutoff R = 2^(log2Inner + shells) (a multiple of 4 in the
    /// exponent, as `TailBound` needs).
    public init(_ problem: CondensationProblem, bits: Int, reading: DysonReading, log2Inner: Int = 3, shells: Int = 17) throws {
        guard reading == .firstOrder || reading == .oneShot || reading == .g0 else {
            throw CondensationError.integral("a certified K1^R(0) needs a reading with a closed-form G (g0, one-shot, first-order), not \(reading.rawValue)")
        }
        guard (0...8).contains(log2Inner), (1...40).contains(shells), (log2Inner + shells) % 4 == 0 else {
            throw CondensationError.integral("the certified kernel's cutoff 2^(\(log2Inner) + \(shells)) needs an exponent that is a multiple of 4")
        }
        let inner = 1 << log2Inner
        self.problem = problem
        self.bits = bits
        self.reading = reading
        self.inner = BigRational(inner)
        self.shells = shells
        log2Cutoff = log2Inner + shells
        density = try BallLoopDensity(problem, bits: bits)
        tree = BallTapeEvaluator(problem.tree, precision: bits)
        tail = LoopTail(problem, sigma: density.sigma, reading: reading, log2R: log2Cutoff)
    }

    public var cutoff: BigRational { inner * BigRational(BigInt.one << shells) }

    /// The enclosure at the parameter balls (in `problem.parameters` order); `tolerance` bounds
    /// the quadrature's truncation (the point enclosures' radii and the tail come on top).
    /// `progress(done, total)`: after each interval of the quadrature.
    /// `omega`: K₁^R's frequency, a point of the real axis or a disk about one (then the
    /// enclosure holds K₁^R(ω) for every ω in it: the analytic continuation, whose maximum on a
    /// disk bounds K's ω-derivatives by Cauchy).
    public func enclosure(parameters: [RealBall], omega: BallLoopDensity.AxisDisk = .init(.zero), tolerance: BigRational,
                          progress: ((Int, Int) -> Void)? = nil) throws -> Enclosure {
        let zero = RealBall(0, precision: bits)
        let t: [(re: RealBall, im: RealBall)]
        do {
            if omega.isZero {
                t = try tree.evaluate([zero] + parameters)
            } else {
                guard let treeInOmega, let re = RealBall.enclosing(omega.center, radius: omega.radius, precision: bits + 16),
                      let im = RealBall.enclosing(.zero, radius: omega.radius, precision: bits) else {
                    throw CondensationError.integral("K1^R's tree part is not analytic in ω as written")
                }
                t = try treeInOmega.evaluate([re, im] + parameters)
            }
        } catch let e as BallTapeFailure {
            throw CondensationError.integral("K1^R's tree part in balls: \(e.description)")
        }
        guard let treeBall = RealBall.complexBall(re: t[0].re, im: t[0].im) else { throw CondensationError.nonFinite("the tree part in balls") }

        func value(_ x: BigRational) throws -> ComplexBall {
            try density.density(nu: .init(x), omega: omega, parameters: parameters, reading: reading)
        }
        func diskBound(_ c: BigRational, _ r: BigRational) throws -> BigRational {
            try density.density(nu: .init(c, radius: r), omega: omega, parameters: parameters, reading: reading).magnitudeUpperBound
        }
        // A third of the tolerance for [−A, A], two thirds over the shells, evenly.
        var intervals: [(BigRational, BigRational, BigRational)] = [(-inner, inner, tolerance / 3)]
        let share = (tolerance * 2 / 3) / BigRational(2 * shells)
        for k in 0..<shells {
            let lo = inner * BigRational(BigInt.one << k), hi = lo * 2
            intervals.append((lo, hi, share))
            intervals.append((-hi, -lo, share))
        }
        var core = ComplexBall(BigRational.zero), truncation = BigRational.zero
        var panels = 0, evaluations = 0, disks = 0
        for (index, (a, b, tol)) in intervals.enumerated() {
            progress?(index, intervals.count)
            let r: VerifiedIntegral
            do {
                r = try VerifiedQuadrature.integrate(from: a, to: b, tolerance: tol, bits: bits, value: value, diskBound: diskBound)
            } catch let e as VerifiedQuadratureError {
                throw CondensationError.integral("K1^R's loop integral in balls: \(e.description)")
            }
            core = (core + r.value).rounded(bits: bits)
            truncation = truncation + r.truncation
            panels += r.panels.count
            evaluations += r.evaluations
            disks += r.diskBounds
        }
        progress?(intervals.count, intervals.count)
        let bound = try tail.bound(parameters: parameters, omega: ComplexBall(omega.center, radius: omega.radius))
        guard bound.integral.isFinite else { throw CondensationError.integral("the loop's tail bound is not finite") }
        let tail = BigRational(exactly: bound.integral)
        let total = (treeBall + core).rounded(bits: bits)
        return Enclosure(value: ComplexBall(total.center, radius: total.radius + tail), tree: treeBall, core: core,
                         truncation: truncation, tail: tail, tailOrder: bound.order, tailConstant: bound.constant, cutoff: cutoff, panels: panels, evaluations: evaluations, diskBounds: disks)
    }
}
