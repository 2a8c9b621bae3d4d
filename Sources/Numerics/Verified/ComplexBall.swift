import ArbitraryPrecision
import Symbolic

/// A closed disk {z : |z − center| ≤ radius} of ℂ with an exact Gaussian-rational center and
/// an exact rational radius: the number type of verified computations (ball arithmetic, as in
/// Arb). Every operation returns a ball that contains every result of the operation on
/// members of its operands, so a chain of operations encloses the exact value of the chain.
///
/// Moduli are bounded by |re| + |im| (≥ |z|, at most √2 too large): radii lose less than a
/// bit that way and no square root is taken. `rounded(bits:)` keeps the centers short (a
/// dyadic with `bits` significant bits) by moving the rounding error into the radius, which
/// is what stops exact rationals from growing through a long computation.
public struct ComplexBall: Sendable, CustomStringConvertible {
    public var center: GaussianRational
    public var radius: BigRational

    public init(_ center: GaussianRational, radius: BigRational = .zero) {
        precondition(radius.signum >= 0, "a ball has a nonnegative radius")
        self.center = center
        self.radius = radius
    }

    public init(_ x: BigRational, radius: BigRational = .zero) {
        self.init(GaussianRational(x), radius: radius)
    }

    /// The ball around an MPFR complex (exact conversion of its value) with the given radius.
    public init(_ z: BigComplex, radius: BigRational = .zero) {
        self.init(GaussianRational(z.re.toBigRational() ?? .zero, z.im.toBigRational() ?? .zero), radius: radius)
    }

    public var isExact: Bool { radius.isZero }

    /// An upper bound of |z| over the ball.
    public var magnitudeUpperBound: BigRational { Self.l1(center) + radius }

    /// |re| + |im| ≥ |z|.
    public static func l1(_ z: GaussianRational) -> BigRational { z.re.abs + z.im.abs }

    /// Whether 0 is certainly not in the ball: |center|² > radius² (exact).
    public var excludesZero: Bool {
        let c = center
        return c.re * c.re + c.im * c.im > radius * radius
    }

    /// The same ball with a center of at most `bits` significant bits in each part (a dyadic
    /// rational) and the rounding error added to the radius; the radius itself is rounded up to
    /// a dyadic of a few bits. Nothing changes for `bits` ≤ 0.
    public func rounded(bits: Int) -> ComplexBall {
        guard bits > 0 else { return self }
        let (re, e1) = Self.roundDyadic(center.re, bits: bits)
        let (im, e2) = Self.roundDyadic(center.im, bits: bits)
        return ComplexBall(GaussianRational(re, im), radius: Self.roundUp(radius + e1 + e2))
    }

    /// q rounded to the nearest multiple of 2^(−k), k = bits − ⌊log2 |q|⌋, and an upper bound of
    /// the error (exact when q already is such a dyadic).
    static func roundDyadic(_ q: BigRational, bits: Int) -> (BigRational, BigRational) {
        if q.isZero || q.denominator.isOne && q.numerator.magnitude.bitWidth <= bits { return (q, .zero) }
        let k = bits - (q.numerator.magnitude.bitWidth - q.denominator.bitWidth)
        let scale = BigRational(k >= 0 ? BigInt.one << k : .one, k >= 0 ? .one : BigInt.one << -k)
        let scaled = q * scale
        let n = (scaled + BigRational(1, 2)).floor
        let r = BigRational(n) / scale
        return (r, (r - q).abs)
    }

    /// A dyadic upper bound of a nonnegative rational with about 8 significant bits (radii need
    /// no more, and short radii keep every later product short).
    static func roundUp(_ r: BigRational) -> BigRational {
        if r.isZero || r.denominator.isOne && r.numerator.magnitude.bitWidth <= 8 { return r }
        let k = 8 - (r.numerator.magnitude.bitWidth - r.denominator.bitWidth)
        let scale = BigRational(k >= 0 ? BigInt.one << k : .one, k >= 0 ? .one : BigInt.one << -k)
        return BigRational((r * scale).ceil) / scale
    }

    public var description: String {
        "[\(center) ± \(BigFloat(radius, precision: 64).toString(digits: 3))]"
    }
}

extension ComplexBall: CommutativeRing {
    public static var zero: ComplexBall { ComplexBall(GaussianRational.zero) }
    public static var one: ComplexBall { ComplexBall(GaussianRational.one) }
    public var isZero: Bool { center.isZero && radius.isZero }

    public static func + (a: ComplexBall, b: ComplexBall) -> ComplexBall {
        ComplexBall(a.center + b.center, radius: a.radius + b.radius)
    }

    public static func - (a: ComplexBall, b: ComplexBall) -> ComplexBall {
        ComplexBall(a.center - b.center, radius: a.radius + b.radius)
    }

    public static prefix func - (a: ComplexBall) -> ComplexBall { ComplexBall(-a.center, radius: a.radius) }

    /// |xy − ab| ≤ |a|·r_b + |b|·r_a + r_a·r_b for |x − a| ≤ r_a, |y − b| ≤ r_b.
    public static func * (a: ComplexBall, b: ComplexBall) -> ComplexBall {
        if a.isExact && b.isExact { return ComplexBall(a.center * b.center) }
        let r = l1(a.center) * b.radius + l1(b.center) * a.radius + a.radius * b.radius
        return ComplexBall(a.center * b.center, radius: r)
    }

    /// 1/z over the ball, which must exclude 0: |1/x − 1/c| = |x − c|/(|x||c|) ≤ r/(|c|(|c| − r)),
    /// with |c| bounded below by max(|re|, |im|).
    public var reciprocal: ComplexBall? {
        let c = center
        if isExact { return c.isZero ? nil : ComplexBall(GaussianRational.one / c) }
        let lower = Swift.max(c.re.abs, c.im.abs)
        guard lower > radius else { return nil }
        return ComplexBall(GaussianRational.one / c, radius: radius / (lower * (lower - radius)))
    }
}

extension ComplexBall {
    /// Σ c_k z^k (Horner) over balls.
    public static func evaluate(_ coefficients: [ComplexBall], at z: ComplexBall, bits: Int = 0) -> ComplexBall {
        var acc = ComplexBall.zero
        for c in coefficients.reversed() { acc = (acc * z + c).rounded(bits: bits) }
        return acc
    }

    /// A polynomial with exact coefficients (lowest degree first, in the symbol x) evaluated
    /// over the real interval [lower, upper] as a ball: its value at the midpoint m, exactly,
    /// and the radius Σ |c_j|·((|m| + h)^j − |m|^j) with h the half-width — the majorant
    /// bound of |f(x) − f(m)|, since every term of (m + t)^j − m^j has |coefficient| at most
    /// that of (|m| + |t|)^j − |m|^j.
    public static func enclosure(of coefficients: [GaussianRational], over lower: BigRational,
                                 _ upper: BigRational) -> ComplexBall {
        let m = (lower + upper) / 2, h = (upper - lower) / 2
        var value = GaussianRational.zero
        for c in coefficients.reversed() { value = value * GaussianRational(m) + c }
        if h.isZero { return ComplexBall(value) }
        let am = m.abs
        var radius = BigRational.zero
        var pm = BigRational.one, ph = BigRational.one
        for c in coefficients {
            radius += l1(c) * (ph - pm)
            pm *= am
            ph *= am + h
        }
        return ComplexBall(value, radius: radius)
    }
}
