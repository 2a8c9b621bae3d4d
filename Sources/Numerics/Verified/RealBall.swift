import ArbitraryPrecision

/// A closed real interval [center − radius, center + radius]: an MPFR center and a Double
/// radius, an upper bound of the distance to the exact value the ball stands for. The number
/// type of `BallTapeEvaluator`'s registers (Arb's arb_t layout: arbitrary-precision midpoint,
/// short radius).
///
/// Why not exact rationals, as `ComplexBall`: a rational operation costs ~25 µs at 200 bits,
/// MPFR's a fraction of a µs, and a tape runs hundreds of them. Why a Double radius rather than
/// `RunningErrorComplex`'s count of 2^−p units: a tape's registers range over many magnitudes
/// and an absolute bound needs no rescaling per operation. Every radius operation rounds to
/// nearest and then takes `nextUp` (for a nonnegative result that is at least the exact value,
/// underflow included: 0.nextUp is the least positive Double); a radius that overflows Double is
/// ∞, which the evaluator refuses. Radii carry no information beyond their first bits, so the
/// factor 1 + 2^−52 per operation costs nothing of interest.
public struct RealBall: Sendable, CustomStringConvertible {
    public var center: BigFloat
    public var radius: Double

    public init(_ center: BigFloat, radius: Double = 0) {
        self.center = center
        self.radius = radius
    }

    /// The ball around a Double (exactly) at the given precision.
    public init(_ x: Double, radius: Double = 0, precision: Int) {
        self.init(BigFloat(x, precision: Swift.max(precision, 53)), radius: radius)
    }

    public var isExact: Bool { radius == 0 }

    /// Whether the ball holds x: |x − center| ≤ radius, decided in exact rationals.
    public func contains(_ x: BigFloat) -> Bool {
        guard radius.isFinite, radius >= 0, let c = center.toBigRational(), let q = x.toBigRational() else { return false }
        return (q - c).abs <= BigRational(exactly: radius)
    }

    /// The disk holding the rectangle re × im: radius √(r_re² + r_im²) from above (the sum
    /// r_re + r_im, used before, doubled a square's disk and made a quadrature's wide disks
    /// reach 0), for the exact-rational ball functions; nil when a part is not finite.
    public static func complexBall(re: RealBall, im: RealBall) -> ComplexBall? {
        guard re.radius.isFinite, im.radius.isFinite, re.radius >= 0, im.radius >= 0,
              let a = re.center.toBigRational(), let b = im.center.toBigRational() else { return nil }
        // √ in Double rounded up (no exact rational root: it cost more than the rest).
        return ComplexBall(GaussianRational(a, b), radius: BigRational(exactly: ComplexFloatBall.diskRadius(re.radius, im.radius)))
    }

    public var description: String {
        "[\(center.toString(digits: 20)) ± \(radius)]"
    }
}

extension RealBall {
    /// The ball around an exact rational: centre rounded to `precision` bits, the rounding
    /// (rounded up) as the radius; nil if it is not finite.
    public static func enclosing(_ q: BigRational, radius: BigRational = .zero, precision: Int) -> RealBall? {
        let c = BigFloat(q, precision: precision)
        guard let exact = c.toBigRational() else { return nil }
        let error = (q - exact).abs + radius
        if error.isZero { return RealBall(c, radius: 0) }
        let r = error.toDouble()
        guard r.isFinite else { return nil }
        // toDouble rounds to nearest: one step up is at least the exact value.
        return RealBall(c, radius: r.nextUp)
    }

    /// The real and imaginary parts of a complex ball as real balls (each part's interval holds
    /// the disk's projection): centres rounded to `precision` bits, the rounding and the disk's
    /// radius (as a Double rounded up) in the radii; nil for a non-finite part.
    public static func parts(of z: ComplexBall, precision: Int) -> (re: RealBall, im: RealBall)? {
        let r = z.radius.toDouble()
        guard r.isFinite else { return nil }
        let radius = r == 0 && z.radius.isZero ? 0 : r.nextUp
        func part(_ q: BigRational) -> RealBall? {
            let c = BigFloat(q, precision: precision)
            guard let exact = c.toBigRational() else { return nil }
            let rounding = (q - exact).abs.toDouble()
            guard rounding.isFinite else { return nil }
            let total = radius + (rounding == 0 && (q - exact).isZero ? 0 : rounding.nextUp)
            return RealBall(c, radius: total == 0 ? 0 : total.nextUp)
        }
        guard let re = part(z.center.re), let im = part(z.center.im) else { return nil }
        return (re, im)
    }
}
