import ArbitraryPrecision
import CMPFR

/// A closed disk {z : |z − c| ≤ radius} of ℂ with an MPFR center c = re + i·im (both parts at
/// one precision p, their exact binary values) and a Double radius: Arb's acb_t layout, the
/// fast sibling of `ComplexBall` (exact rationals, ~25 µs an operation at 200 bits, against
/// about a µs here). The hot path of the closed forms (`BallTanhConvolution`, ψ) runs on it and
/// hands `ComplexBall`s back.
///
/// Rounding: every center part is one MPFR operation rounded to nearest (mpfr_fmma/fmms for the
/// two-product sums, so one rounding per part); when MPFR reports it inexact, its error is at
/// most half an ulp, 2^(e−p−1) for a result in [2^(e−1), 2^e) (`halfUlp`), and the two parts'
/// errors join the radius as their sum (≥ the modulus of the error vector). Radius arithmetic
/// rounds to nearest and then takes `nextUp` (≥ the exact value for nonnegative operands,
/// underflow included); lower bounds take `nextDown`. Magnitudes of centers are read from MPFR
/// rounded away from 0 (upper bounds) or toward 0 (lower bounds). A radius or a magnitude that
/// overflows Double is ∞, and every operation that sees it returns nil (never an approximation).
public struct ComplexFloatBall: Sendable, CustomStringConvertible {
    public var re: BigFloat
    public var im: BigFloat
    public var radius: Double

    /// Parts of precision p; `radius` ≥ 0.
    public init(re: BigFloat, im: BigFloat, radius: Double = 0) {
        precondition(re.precision == im.precision && radius >= 0, "a ball's parts share one precision; radius ≥ 0")
        self.re = re
        self.im = im
        self.radius = radius
    }

    public var precision: Int { re.precision }
    public var isExact: Bool { radius == 0 }
    public var isFinite: Bool { radius.isFinite && re.isFinite && im.isFinite }

    /// The ball holding `z`: each center part rounded to `precision` bits (its error, when
    /// inexact, in the radius), the radius rounded up to a Double; nil beyond Double's range.
    public init?(_ z: ComplexBall, precision p: Int) {
        let (a, ea) = Self.result(p) { x in z.center.re.withMPQ { mpfr_set_q(x, $0, MPFR_RNDN) } }
        let (b, eb) = Self.result(p) { x in z.center.im.withMPQ { mpfr_set_q(x, $0, MPFR_RNDN) } }
        let r = Self.above(z.radius)
        self.init(re: a, im: b, radius: Self.plus(r, Self.plus(ea, eb)))
        guard isFinite else { return nil }
    }

    /// The disk holding the rectangle re × im of two real balls: centers rounded to p bits (their
    /// errors added), radius √(r_re² + r_im²) from above, taken as m·√(1 + (n/m)²) with m ≥ n
    /// the two radii so that nothing underflows; nil when not finite.
    public init?(re: RealBall, im: RealBall, precision p: Int) {
        guard re.radius.isFinite, im.radius.isFinite, re.radius >= 0, im.radius >= 0 else { return nil }
        let (a, ea) = Self.result(p) { d in re.center.withUnsafeMPFR { mpfr_set(d, $0, MPFR_RNDN) } }
        let (b, eb) = Self.result(p) { d in im.center.withUnsafeMPFR { mpfr_set(d, $0, MPFR_RNDN) } }
        self.init(re: a, im: b, radius: Self.plus(Self.diskRadius(re.radius, im.radius), Self.plus(ea, eb)))
        guard isFinite else { return nil }
    }

    /// √(x² + y²) from above for x, y ≥ 0.
    static func diskRadius(_ x: Double, _ y: Double) -> Double {
        let m = Swift.max(x, y), n = Swift.min(x, y)
        if n == 0 { return m }
        let t = up(n / m)
        return up(m * up(up(1 + times(t, t)).squareRoot()))
    }

    /// The real and imaginary parts as real balls (each part's interval holds the disk's
    /// projection, radius the disk's).
    public var parts: (re: RealBall, im: RealBall) {
        (RealBall(re, radius: radius), RealBall(im, radius: radius))
    }

    /// The exact ball around a real MPFR number x rounded to p bits (error in the radius).
    public init(real x: BigFloat, radius: Double = 0, precision p: Int) {
        let (a, e) = Self.result(p) { d in x.withUnsafeMPFR { mpfr_set(d, $0, MPFR_RNDN) } }
        self.init(re: a, im: BigFloat(0, precision: p), radius: Self.plus(radius, e))
    }

    /// The same disk as a `ComplexBall` (exact conversion: the center is dyadic, the radius a
    /// Double); nil when not finite.
    public var complexBall: ComplexBall? {
        guard isFinite, let a = re.toBigRational(), let b = im.toBigRational() else { return nil }
        return ComplexBall(GaussianRational(a, b), radius: BigRational(exactly: radius))
    }

    public var description: String {
        "[\(re.toString(digits: 20)) + \(im.toString(digits: 20))i ± \(radius)]"
    }

    // MARK: Bounds in Double

    /// A round-to-nearest result of nonnegative operands, moved up: at least the exact value.
    @inline(__always) static func up(_ x: Double) -> Double { x.nextUp }
    /// Moved down and clamped at 0 (for bounds of nonnegative quantities).
    @inline(__always) static func down(_ x: Double) -> Double { Swift.max(0, x.nextDown) }
    /// x + y ≥ 0 from above, exactly 0 for 0 + 0 (exact balls stay exact).
    @inline(__always) static func plus(_ x: Double, _ y: Double) -> Double {
        let s = x + y
        return s == 0 ? 0 : s.nextUp
    }
    /// x·y from above for x, y ≥ 0; 0 when either is 0.
    @inline(__always) static func times(_ x: Double, _ y: Double) -> Double { x == 0 || y == 0 ? 0 : (x * y).nextUp }

    /// ≥ |x| (∞ beyond Double).
    @inline(__always) static func magnitudeAbove(_ x: BigFloat) -> Double { Swift.abs(x.withUnsafeMPFR { mpfr_get_d($0, MPFR_RNDA) }) }
    /// ≤ |x|.
    @inline(__always) static func magnitudeBelow(_ x: BigFloat) -> Double { Swift.abs(x.withUnsafeMPFR { mpfr_get_d($0, MPFR_RNDZ) }) }

    /// A Double at least the nonnegative rational q (MPFR rounds the conversion upward).
    static func above(_ q: BigRational) -> Double {
        if q.isZero { return 0 }
        return q.withMPQ { r in
            var f = __mpfr_struct()
            mpfr_init2(&f, 53)
            defer { mpfr_clear(&f) }
            mpfr_set_q(&f, r, MPFR_RNDU)
            return mpfr_get_d(&f, MPFR_RNDU)
        }
    }

    /// ≥ |center|: √(a² + b²) of the parts' upper bounds, every step rounded up.
    var modulusAbove: Double {
        let a = Self.magnitudeAbove(re), b = Self.magnitudeAbove(im)
        if a == 0 { return b }
        if b == 0 { return a }
        return Self.up(Self.plus(Self.times(a, a), Self.times(b, b)).squareRoot())
    }

    /// ≤ |center|: the same from the parts' lower bounds, rounded down.
    var modulusBelow: Double {
        let a = Self.magnitudeBelow(re), b = Self.magnitudeBelow(im)
        if a == 0 { return b }
        if b == 0 { return a }
        return Self.down(Self.down(Self.down(a * a) + Self.down(b * b)).squareRoot())
    }

    /// Half an ulp of the p-bit number x (the error bound of the round-to-nearest operation
    /// that produced it); the least positive Double below Double's range, ∞ above it.
    static func halfUlp(_ x: UnsafePointer<__mpfr_struct>) -> Double {
        if mpfr_zero_p(x) != 0 { return Double.leastNonzeroMagnitude }
        let e = mpfr_get_exp(x) - mpfr_get_prec(x) - 1
        if e < -1074 { return Double.leastNonzeroMagnitude }
        if e > 1023 { return .infinity }
        return Double(sign: .plus, exponent: e, significand: 1)
    }

    /// One MPFR operation into a fresh p-bit number and its error bound (0 when exact).
    @inline(__always) static func result(_ p: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Int32) -> (BigFloat, Double) {
        var x = BigFloat(0, precision: p)
        let e: Double = x.withUnsafeMutableMPFR { d in
            let t = body(d)
            return t == 0 ? 0 : halfUlp(d)
        }
        return (x, e)
    }
}

// MARK: Arithmetic

extension ComplexFloatBall {
    public static func zero(precision p: Int) -> ComplexFloatBall {
        ComplexFloatBall(re: BigFloat(0, precision: p), im: BigFloat(0, precision: p))
    }

    /// Exactly 0 (center and radius).
    public var isZero: Bool { radius == 0 && re.isZero && im.isZero }

    /// |(x ± y) − (a ± b)| ≤ r_a + r_b, plus each part's rounding.
    public static func + (a: ComplexFloatBall, b: ComplexFloatBall) -> ComplexFloatBall {
        let p = a.precision
        let (x, ex) = result(p) { d in a.re.withUnsafeMPFR { u in b.re.withUnsafeMPFR { mpfr_add(d, u, $0, MPFR_RNDN) } } }
        let (y, ey) = result(p) { d in a.im.withUnsafeMPFR { u in b.im.withUnsafeMPFR { mpfr_add(d, u, $0, MPFR_RNDN) } } }
        return ComplexFloatBall(re: x, im: y, radius: plus(plus(a.radius, b.radius), plus(ex, ey)))
    }

    public static func - (a: ComplexFloatBall, b: ComplexFloatBall) -> ComplexFloatBall {
        let p = a.precision
        let (x, ex) = result(p) { d in a.re.withUnsafeMPFR { u in b.re.withUnsafeMPFR { mpfr_sub(d, u, $0, MPFR_RNDN) } } }
        let (y, ey) = result(p) { d in a.im.withUnsafeMPFR { u in b.im.withUnsafeMPFR { mpfr_sub(d, u, $0, MPFR_RNDN) } } }
        return ComplexFloatBall(re: x, im: y, radius: plus(plus(a.radius, b.radius), plus(ex, ey)))
    }

    /// Exact.
    public static prefix func - (a: ComplexFloatBall) -> ComplexFloatBall {
        ComplexFloatBall(re: -a.re, im: -a.im, radius: a.radius)
    }

    /// Times i, exact.
    public var timesI: ComplexFloatBall { ComplexFloatBall(re: -im, im: re, radius: radius) }

    /// Times 2^k: exact in MPFR's exponent range (an inexact result would add its half ulp); the
    /// radius scaled and rounded up.
    public func scaled(byPowerOfTwo k: Int) -> ComplexFloatBall {
        let p = precision
        let (x, ex) = Self.result(p) { d in re.withUnsafeMPFR { mpfr_mul_2si(d, $0, k, MPFR_RNDN) } }
        let (y, ey) = Self.result(p) { d in im.withUnsafeMPFR { mpfr_mul_2si(d, $0, k, MPFR_RNDN) } }
        let r = radius == 0 ? 0 : Self.up(Double(sign: .plus, exponent: k, significand: radius))
        return ComplexFloatBall(re: x, im: y, radius: Self.plus(r, Self.plus(ex, ey)))
    }

    /// Center (ar br − ai bi) + i(ar bi + ai br), one rounding per part (mpfr_fmms/fmma); radius
    /// |a|·r_b + |b|·r_a + r_a·r_b for |x − a| ≤ r_a, |y − b| ≤ r_b, with |a|, |b| the centers'
    /// moduli from above (Euclidean, where `ComplexBall` takes |re| + |im|).
    public static func * (a: ComplexFloatBall, b: ComplexFloatBall) -> ComplexFloatBall {
        let p = a.precision
        let (x, ex) = result(p) { d in
            a.re.withUnsafeMPFR { ar in b.re.withUnsafeMPFR { br in a.im.withUnsafeMPFR { ai in b.im.withUnsafeMPFR { bi in
                mpfr_fmms(d, ar, br, ai, bi, MPFR_RNDN) } } } }
        }
        let (y, ey) = result(p) { d in
            a.re.withUnsafeMPFR { ar in b.im.withUnsafeMPFR { bi in a.im.withUnsafeMPFR { ai in b.re.withUnsafeMPFR { br in
                mpfr_fmma(d, ar, bi, ai, br, MPFR_RNDN) } } } }
        }
        var r = plus(ex, ey)
        if a.radius != 0 || b.radius != 0 {
            let spread = plus(plus(times(a.modulusAbove, b.radius), times(b.modulusAbove, a.radius)), times(a.radius, b.radius))
            r = plus(r, spread)
        }
        return ComplexFloatBall(re: x, im: y, radius: r)
    }

    /// Whether 0 is certainly not in the ball: |c| > r with |c| from below.
    public var excludesZero: Bool { radius.isFinite && modulusBelow > radius }

    /// 1/z; nil when the ball may contain 0. Center (a − ib)/n with n = a² + b² rounded once
    /// (fmma): n = |c|²(1 + η), each part (a/n)(1 + δ), |η|, |δ| ≤ u = 2^−p, so each part is
    /// within (1 + u)/(1 − u) − 1 ≤ 2.01u of its exact value relatively, hence within
    /// 2.01u/(1 − 2.01u)·|computed| ≤ 3u·|computed| absolutely: 3u(|re| + |im|) covers both. The
    /// ball's spread |1/x − 1/c| = |x − c|/(|x||c|) ≤ r/(m(m − r)) with m ≤ |c|.
    public var reciprocal: ComplexFloatBall? {
        guard isFinite else { return nil }
        let p = precision
        if radius == 0, re.isZero, im.isZero { return nil }
        var n = BigFloat(0, precision: p)
        _ = n.withUnsafeMutableMPFR { d in re.withUnsafeMPFR { a in im.withUnsafeMPFR { b in mpfr_fmma(d, a, a, b, b, MPFR_RNDN) } } }
        guard !n.isZero, n.isFinite else { return nil }
        var x = BigFloat(0, precision: p), y = BigFloat(0, precision: p)
        _ = x.withUnsafeMutableMPFR { d in re.withUnsafeMPFR { a in n.withUnsafeMPFR { mpfr_div(d, a, $0, MPFR_RNDN) } } }
        _ = y.withUnsafeMutableMPFR { d in im.withUnsafeMPFR { b in n.withUnsafeMPFR { mpfr_div(d, b, $0, MPFR_RNDN) } } }
        y = -y
        let size = Self.plus(Self.magnitudeAbove(x), Self.magnitudeAbove(y))
        var r = Self.times(Self.up(3 * size), Double(sign: .plus, exponent: -p, significand: 1))
        if radius != 0 {
            let m = modulusBelow
            let gap = Self.down(m - radius)
            guard m > radius, gap > 0 else { return nil }
            let denominator = Self.down(m * gap)
            guard denominator > 0 else { return nil }
            r = Self.plus(r, Self.up(radius / denominator))
        }
        let v = ComplexFloatBall(re: x, im: y, radius: r)
        return v.isFinite ? v : nil
    }

    /// self/divisor; nil when the divisor's ball may contain 0.
    public func divided(by divisor: ComplexFloatBall) -> ComplexFloatBall? {
        guard let inverse = divisor.reciprocal else { return nil }
        let q = self * inverse
        return q.isFinite ? q : nil
    }

    /// Σ c_k z^k (Horner).
    public static func evaluate(_ coefficients: [ComplexFloatBall], at z: ComplexFloatBall) -> ComplexFloatBall {
        var acc = ComplexFloatBall.zero(precision: z.precision)
        for c in coefficients.reversed() { acc = acc * z + c }
        return acc
    }

    /// Π x_i with the radius Π(|c_i| + r_i) − Π|c_i| (the deviation's own bound, no √2 per
    /// factor), computed without cancellation: with P = Π|c| and D = Π(|c| + r) − P over the
    /// factors so far, a factor (M, r) gives D′ = D(M + r) + P·r and P′ = P·M (every step up).
    /// The bound increases in each |c_i|, so upper bounds of them serve. The centers' product
    /// is rounded factor by factor (`*` on exact balls), its rounding error added.
    public static func product(_ x: [ComplexFloatBall]) -> ComplexFloatBall? {
        guard let first = x.first else { return nil }
        var center = ComplexFloatBall(re: first.re, im: first.im)
        var size = first.modulusAbove, spread = first.radius
        for b in x.dropFirst() {
            center = center * ComplexFloatBall(re: b.re, im: b.im)
            let m = b.modulusAbove
            spread = plus(times(spread, plus(m, b.radius)), times(size, b.radius))
            size = times(size, m)
        }
        let v = ComplexFloatBall(re: center.re, im: center.im, radius: plus(center.radius, spread))
        return v.isFinite ? v : nil
    }
}

// MARK: Elementary functions

extension ComplexFloatBall {
    /// Whether the ball misses the half-line (−∞, 0]: for Re c < 0 the nearest point of the
    /// half-line is Re c, at distance |Im c|; otherwise it is 0, at distance |c|.
    public var missesNegativeRealAxis: Bool {
        guard radius.isFinite else { return false }
        if re.sign < 0 { return Self.magnitudeBelow(im) > radius }
        return modulusBelow > radius
    }

    /// The principal square root; nil when the ball meets (−∞, 0]. As `ComplexBall.sqrt`: any
    /// approximation s of √c is certified from the residual ρ ≥ |s² − c| (computed here in MPFR,
    /// each part one rounding plus the subtraction's, both bounded): when ρ < |s|², one of ±σ
    /// lies within δ = ρ/|s| of s, and when Re s > δ it is the principal one. The ball adds
    /// r·max|1/(2√w)| ≤ r/(2√(|c| − r)) (the segment from c stays in the ball, off the cut).
    public static func sqrt(_ z: ComplexFloatBall) -> ComplexFloatBall? {
        guard z.missesNegativeRealAxis else { return nil }
        let p = z.precision
        let s = BigComplex.sqrt(BigComplex(z.re, z.im))
        let sr = s.re.rounded(toPrecision: p), si = s.im.rounded(toPrecision: p)
        // s² − c: s_r² − s_i² and 2 s_r s_i at 2p + 8 bits (exact unless the exponents differ
        // widely; the ternary says), then minus c's parts at the same precision.
        let wide = 2 * p + 8
        let (u, eu) = result(wide) { d in sr.withUnsafeMPFR { a in si.withUnsafeMPFR { b in mpfr_fmms(d, a, a, b, b, MPFR_RNDN) } } }
        let (v, ev) = result(wide) { d in sr.withUnsafeMPFR { a in si.withUnsafeMPFR { b in mpfr_fmma(d, a, b, b, a, MPFR_RNDN) } } }
        let (rr, er) = result(wide) { d in u.withUnsafeMPFR { a in z.re.withUnsafeMPFR { mpfr_sub(d, a, $0, MPFR_RNDN) } } }
        let (ri, ei) = result(wide) { d in v.withUnsafeMPFR { a in z.im.withUnsafeMPFR { mpfr_sub(d, a, $0, MPFR_RNDN) } } }
        let residual = plus(plus(plus(magnitudeAbove(rr), magnitudeAbove(ri)), plus(eu, ev)), plus(er, ei))
        let root = ComplexFloatBall(re: sr, im: si)
        let size = root.modulusBelow
        guard size > 0, residual.isFinite, residual < down(size * size) else { return nil }
        let delta = up(residual / size)
        guard delta.isFinite, sr.withUnsafeMPFR({ mpfr_cmp_d($0, delta) }) > 0 else { return nil }
        var r = delta
        if z.radius != 0 {
            let gap = down(z.modulusBelow - z.radius)
            guard gap > 0 else { return nil }
            let rootGap = down(gap.squareRoot())
            guard rootGap > 0 else { return nil }
            r = plus(r, up(z.radius / down(2 * rootGap)))
        }
        let w = ComplexFloatBall(re: sr, im: si, radius: r)
        return w.isFinite ? w : nil
    }

    /// The principal logarithm; nil when the ball meets (−∞, 0]. ln|c| = ½ ln n with n = a² + b²
    /// rounded once (n′ = n(1 + ε), |ε| ≤ u = 2^−p): ln n′ − ln n = ln(1 + ε), |·| ≤ 1.01u, and
    /// the log rounds by u|L′|, so |½L′ − ln|c|| ≤ u(1 + |L′|) (½L′ exact); arg c = atan2(b, a)
    /// of exact arguments, rounded once: ≤ u·π < 4u. The ball adds |ln(c + d) − ln c| =
    /// |∫₀¹ d/(c + s·d) ds| ≤ r/(|c| − r).
    public static func log(_ z: ComplexFloatBall) -> ComplexFloatBall? {
        guard z.missesNegativeRealAxis else { return nil }
        let p = z.precision
        var n = BigFloat(0, precision: p)
        _ = n.withUnsafeMutableMPFR { d in z.re.withUnsafeMPFR { a in z.im.withUnsafeMPFR { b in mpfr_fmma(d, a, a, b, b, MPFR_RNDN) } } }
        guard !n.isZero, n.isFinite else { return nil }
        var l = BigFloat(0, precision: p)
        _ = l.withUnsafeMutableMPFR { d in n.withUnsafeMPFR { mpfr_log(d, $0, MPFR_RNDN) } }
        let magnitudeOfLog = magnitudeAbove(l)
        _ = l.withUnsafeMutableMPFR { mpfr_div_2ui($0, $0, 1, MPFR_RNDN) }
        var t = BigFloat(0, precision: p)
        _ = t.withUnsafeMutableMPFR { d in z.im.withUnsafeMPFR { b in z.re.withUnsafeMPFR { a in mpfr_atan2(d, b, a, MPFR_RNDN) } } }
        let unit = Double(sign: .plus, exponent: -p, significand: 1)
        var r = plus(times(unit, plus(1, magnitudeOfLog)), times(4, unit))
        if z.radius != 0 {
            let gap = down(z.modulusBelow - z.radius)
            guard gap > 0 else { return nil }
            r = plus(r, up(z.radius / gap))
        }
        let w = ComplexFloatBall(re: l, im: t, radius: r)
        return w.isFinite ? w : nil
    }

    /// π to p bits, its rounding in the radius.
    public static func pi(precision p: Int) -> ComplexFloatBall {
        let (x, e) = result(p) { mpfr_const_pi($0, MPFR_RNDN) }
        return ComplexFloatBall(re: x, im: BigFloat(0, precision: p), radius: e)
    }
}
