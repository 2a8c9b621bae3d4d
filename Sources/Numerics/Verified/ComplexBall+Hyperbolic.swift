import ArbitraryPrecision

/// tanh and coth of real intervals, the thermal factors of the Keldysh distribution
/// (tanh(β(ν − μ)/2)). A ball with a real center is read here as the real interval
/// [c − r, c + r], not as a disk: complex tanh has poles at iπ(k + ½), which a disk may hold.
/// Same scheme as the elementary functions: dyadic center, one correctly rounded MPFR value,
/// and a derivative bound over the interval for the radius.
extension ComplexBall {
    /// tanh over the interval; nil when the center is not real.
    public static func tanh(real x: ComplexBall, bits: Int) -> ComplexBall? {
        guard bits > 0, x.center.im.isZero else { return nil }
        let wp = bits + 8
        let b = x.rounded(bits: wp)
        guard let a = RationalBounds.exactFloat(b.center.re, precision: wp),
              let t = BigFloat.tanh(a).toBigRational() else { return nil }
        // One rounding of |tanh| ≤ 1.
        var radius = RationalBounds.twoToMinus(wp)
        if !b.radius.isZero {
            // |tanh′| = sech² = 4/(e^t + e^−t)² ≤ min(1, 4e^(−2|t|)), largest at the point of the
            // interval nearest 0, |t| ≥ y = max(0, |c| − r).
            let y = nearestToZero(b)
            var slope = BigRational.one
            if y.signum > 0, let e = RationalBounds.expAbove(-2 * y), 4 * e < slope { slope = 4 * e }
            radius += b.radius * slope
        }
        return ComplexBall(GaussianRational(t), radius: roundUp(radius)).rounded(bits: bits)
    }

    /// coth over the interval; nil when the center is not real or the interval holds 0.
    public static func coth(real x: ComplexBall, bits: Int) -> ComplexBall? {
        guard bits > 0, x.center.im.isZero else { return nil }
        let wp = bits + 8
        let b = x.rounded(bits: wp)
        let y = nearestToZero(b)
        guard y.signum > 0 else { return nil }
        guard let a = RationalBounds.exactFloat(b.center.re, precision: wp),
              let t = BigFloat.tanh(a).toBigRational(), !t.isZero else { return nil }
        let value = t.reciprocal
        // T′ = tanh c·(1 + ε): |1/T′ − 1/tanh c| = |ε|/|T′| ≤ 2^−wp·|1/T′|.
        var radius = RationalBounds.twoToMinus(wp) * value.abs
        if !b.radius.isZero {
            // |coth′| = 1/sinh², largest at |t| = y; sinh y ≥ y + y³/6 (its Taylor series has
            // positive terms) and sinh y = (e^y − e^−y)/2 ≥ (1/u − u)/2 for u ≥ e^−y.
            var sinh = y + y * y * y / 6
            if let u = RationalBounds.expAbove(-y), u < 1 {
                let other = (u.reciprocal - u) / 2
                if other > sinh { sinh = other }
            }
            let lower = RationalBounds.roundDown(sinh)
            radius += b.radius / (lower * lower)
        }
        return ComplexBall(GaussianRational(value), radius: roundUp(radius)).rounded(bits: bits)
    }

    /// The smallest |t| over the interval, short (a dyadic of 16 bits, rounded down) and at most
    /// 4096: every bound that uses it decreases in |t|, and e^(−8192) is below any precision
    /// asked for here.
    private static func nearestToZero(_ b: ComplexBall) -> BigRational {
        let y = b.center.re.abs - b.radius
        guard y.signum > 0 else { return .zero }
        return Swift.min(RationalBounds.roundDown(y), BigRational(4096))
    }
}
