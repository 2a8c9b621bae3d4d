import ArbitraryPrecision
import KeldyshNumerics

/// A certified zero of K₁^R(ω) of B15 near a threshold: a box [ω_lo, ω_hi] × [p_lo, p_hi] in
/// K₁^R's own frequency ω (in a fixed frame μ_S = μ₀) and a parameter p, on which
/// Poincaré–Miranda's theorem proves a zero of K₁^R — a real frequency at which the photon's
/// kernel vanishes, the instability's onset (B15–B17) — for some p in [p_lo, p_hi].
///
/// Why ω and not μ_S: the frame only shifts frequencies, and K₁^R is analytic in its own ω, so
/// along ω Cauchy's estimates bound a Taylor model from one enclosure on a disk; plain balls in
/// μ_S widen K by 10³ times its variation (docs/condensation.md). Along p a ball suffices.
///
/// G = A·(Re K, Im K) with A ≈ J⁻¹ (any exact invertible A: the theorem holds for G, and A
/// invertible carries G's zero to K's):
/// - on ω = ω_lo and ω = ω_hi (p a ball): G₁ < 0 and G₁ > 0 respectively;
/// - on p = p_lo and p = p_hi (ω across the face): G₂ < 0 and G₂ > 0, with K over the face from
///   K(ω₀), K(ω₀ ± δ) and the maximum M of |K| on the disk |ω − ω₀| ≤ ρ:
///       K(ω) = K(ω₀) + D₁t + D₂t² + e,  t = ω − ω₀,  D₁, D₂ the central differences,
///       |e| ≤ |t|·Mδ²/(ρ³(1 − δ²/ρ²)) + t²·Mδ²/(ρ⁴(1 − δ²/ρ²)) + M(|t|/ρ)³/(1 − |t|/ρ),
///   from Cauchy's |a_k| ≤ Mρ^(−k): D₁ = a₁ + a₃δ² + a₅δ⁴ + …, D₂ = a₂ + a₄δ² + …, and the
///   Taylor remainder after a₂.
/// Ten enclosures of K₁^R in all (`CertifiedRetardedKernel`). It proves a zero in the box, not
/// that it is the first one in p (the Double scan's claim).
public enum CertifiedZeroBox {
    public struct Result: Sendable {
        public let omega: ClosedRange<BigRational>
        public let parameter: ClosedRange<BigRational>
        /// The four sign conditions' margins (the interval end nearest 0, as a Double).
        public let margins: [Double]
        public let enclosures: Int
    }

    public struct Request {
        /// Parameter balls in `problem.parameters` order (the varied one is replaced).
        public var parameters: [RealBall]
        public var varied: Int
        public var center: BigRational
        public var halfWidth: BigRational
        /// Half-width δ of the box in ω (about ω₀ = 0) and the Cauchy disk's radius ρ > δ.
        public var omegaHalfWidth: BigRational
        public var disk: BigRational
        /// J = ∂(Re K, Im K)/∂(ω, p) at the centre, from the Double route (for A = J⁻¹).
        public var jacobian: [[Double]]
        public var tolerance: BigRational

        public init(parameters: [RealBall], varied: Int, center: BigRational, halfWidth: BigRational, omegaHalfWidth: BigRational,
                    disk: BigRational, jacobian: [[Double]], tolerance: BigRational) {
            self.parameters = parameters
            self.varied = varied
            self.center = center
            self.halfWidth = halfWidth
            self.omegaHalfWidth = omegaHalfWidth
            self.disk = disk
            self.jacobian = jacobian
            self.tolerance = tolerance
        }
    }

    /// Throws with the failed condition where the box cannot be certified.
    public static func certify(_ kernel: CertifiedRetardedKernel, _ r: Request, progress: ((Int) -> Void)? = nil) throws -> Result {
        let j = r.jacobian
        let det = j[0][0] * j[1][1] - j[0][1] * j[1][0]
        guard j.count == 2, j.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isFinite) }), det != 0, det.isFinite else {
            throw CondensationError.noThreshold("the Jacobian of (Re K, Im K) in (ω, p) is singular: no box to certify")
        }
        guard r.disk > r.omegaHalfWidth, r.omegaHalfWidth.signum > 0, r.halfWidth.signum > 0 else {
            throw CondensationError.noThreshold("the box needs 0 < δ < ρ and a positive half-width")
        }
        // A = J⁻¹ in exact rationals (its Double entries taken as they are).
        let a = [[j[1][1] / det, -j[0][1] / det], [-j[1][0] / det, j[0][0] / det]].map { $0.map { BigRational(exactly: $0) } }
        guard !(a[0][0] * a[1][1] - a[0][1] * a[1][0]).isZero else { throw CondensationError.noThreshold("the preconditioner is singular") }
        var count = 0
        func k(_ omega: BallLoopDensity.AxisDisk, _ p: RealBall) throws -> ComplexBall {
            var parameters = r.parameters
            parameters[r.varied] = p
            count += 1
            progress?(count)
            return try kernel.enclosure(parameters: parameters, omega: omega, tolerance: r.tolerance).value
        }
        /// Row i of A applied to (Re z, Im z) over the disk z: an interval (centre, radius).
        func row(_ i: Int, _ z: ComplexBall) -> (BigRational, BigRational) {
            (a[i][0] * z.center.re + a[i][1] * z.center.im, (a[i][0].abs + a[i][1].abs) * z.radius)
        }
        let p0 = r.center, dp = r.halfWidth, d = r.omegaHalfWidth, rho = r.disk
        func exact(_ q: BigRational) throws -> RealBall {
            guard let b = RealBall.enclosing(q, precision: kernel.bits + 32) else { throw CondensationError.nonFinite("the box") }
            return b
        }
        guard let pBall = RealBall.enclosing(p0, radius: dp, precision: kernel.bits + 32) else { throw CondensationError.nonFinite("the box") }
        var margins: [Double] = []
        // ω faces: G₁ < 0 at ω₀ − δ, > 0 at ω₀ + δ, over the whole p interval.
        for (side, omega) in [(-1, -d), (1, d)] {
            let (c, rad) = row(0, try k(.init(omega), pBall))
            let margin = BigRational(side) * c - rad
            guard margin.signum > 0 else {
                throw CondensationError.noThreshold("Miranda: G1 = (J^-1 K)_1 does not keep its sign on the face omega = \(side > 0 ? "+" : "-")\(BigFloat(d, precision: 64).toString(digits: 3)) (centre \(c.toDouble()), radius \(rad.toDouble()))")
            }
            margins.append(margin.toDouble())
        }
        // p faces: G₂ < 0 at p₀ − δp, > 0 at p₀ + δp, for every ω in [−δ, δ] (the Taylor model).
        let q = d * d / (rho * rho)
        for (side, p) in [(-1, p0 - dp), (1, p0 + dp)] {
            let pb = try exact(p)
            let f0 = try k(.init(.zero), pb), fp = try k(.init(d), pb), fm = try k(.init(-d), pb)
            let m = try k(.init(.zero, radius: rho), pb).magnitudeUpperBound
            let d1 = (fp - fm) * ComplexBall(BigRational.one / (2 * d))
            let d2 = (fp - f0 - f0 + fm) * ComplexBall(BigRational.one / (2 * d * d))
            let e1 = m * d * d / (rho * rho * rho) / (1 - q), e2 = m * d * d / (rho * rho * rho * rho) / (1 - q)
            let remainder = d * e1 + d * d * e2 + m * (d / rho) * (d / rho) * (d / rho) / (1 - d / rho)
            let (g0, r0) = row(1, f0), (g1, r1) = row(1, d1), (g2, r2) = row(1, d2)
            // G₂ over t ∈ [−δ, δ]: g0 + g1·t + g2·t² ± (radii + |A₂|·e).
            let spread = (g1.abs + r1) * d + (g2.abs + r2) * d * d + r0 + (a[1][0].abs + a[1][1].abs) * remainder
            let margin = BigRational(side) * g0 - spread
            guard margin.signum > 0 else {
                throw CondensationError.noThreshold("Miranda: G2 = (J^-1 K)_2 does not keep its sign on the face p = \(BigFloat(p, precision: 64).toString(digits: 12)) (centre \(g0.toDouble()), spread \(spread.toDouble()); disk bound M = \(m.toDouble()))")
            }
            margins.append(margin.toDouble())
        }
        return Result(omega: (-d)...d, parameter: (p0 - dp)...(p0 + dp), margins: margins, enclosures: count)
    }
}
