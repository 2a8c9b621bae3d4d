import ArbitraryPrecision

/// Division, square root, exponential and logarithm of balls. Each works the same way: the
/// input is first rounded to a dyadic center of `bits + 8` bits (the rounding goes into the
/// radius), so MPFR takes the center exactly; the function at the center is one correctly
/// rounded MPFR operation per part (error ≤ 2^−p of the part at precision p, round to
/// nearest), whose bound joins the radius; the radius then grows by a bound of |f(c + d) − f(c)|
/// over |d| ≤ r, stated where it is used. The result is rounded to `bits` bits. nil means the
/// function is not analytic on the whole ball (a pole or the branch cut meets it), never an
/// approximation.
extension ComplexBall {
    /// 1/z with the center kept to `bits` bits; nil when the ball may contain 0.
    public func reciprocal(bits: Int) -> ComplexBall? { reciprocal?.rounded(bits: bits) }

    /// self/divisor; nil when the divisor's ball may contain 0.
    public func divided(by divisor: ComplexBall, bits: Int) -> ComplexBall? {
        guard let inverse = divisor.reciprocal(bits: bits + 8) else { return nil }
        return (self * inverse).rounded(bits: bits)
    }

    /// Whether the ball misses the half-line (−∞, 0], the cut of the principal log and √ (and
    /// their branch point): for Re c < 0 the nearest point of the half-line is Re c, at distance
    /// |Im c|; otherwise it is 0, at distance |c|. Exact comparisons.
    public var missesNegativeRealAxis: Bool {
        let a = center.re, b = center.im
        if a.signum < 0 { return b.abs > radius }
        return a * a + b * b > radius * radius
    }

    /// The principal logarithm; nil when the ball meets (−∞, 0].
    public static func log(_ z: ComplexBall, bits: Int) -> ComplexBall? {
        guard bits > 0 else { return nil }
        let wp = bits + 8
        let x = z.rounded(bits: wp)
        guard x.missesNegativeRealAxis else { return nil }
        let c = x.center
        guard let re = RationalBounds.exactFloat(c.re, precision: wp),
              let im = RationalBounds.exactFloat(c.im, precision: wp) else { return nil }
        let norm = c.re * c.re + c.im * c.im
        // ln|c| = ½ ln(re² + im²): the norm is exact; its conversion q′ = q(1 + ε), |ε| ≤ 2^−wp,
        // moves ln by |ln(1 + ε)| ≤ 2^(1−wp), and the log of q′ rounds by 2^−wp·|L′|(1 + 2^(1−wp)):
        // |½L′ − ln|c|| ≤ 2^−wp(1 + |L′|).
        let logNorm = BigFloat.log(BigFloat(norm, precision: wp))
        // arg c = atan2(im, re) of exact arguments, rounded once: ≤ 2^−wp·π < 2^(2−wp).
        let angle = BigFloat.atan2(y: im, x: re)
        guard let l = logNorm.toBigRational(), let t = angle.toBigRational() else { return nil }
        var radius = RationalBounds.twoToMinus(wp) * (1 + l.abs) + RationalBounds.twoToMinus(wp - 2)
        if !x.radius.isZero {
            // |ln(c + d) − ln c| = |∫₀¹ d/(c + s·d) ds| ≤ r/(|c| − r): the segment lies in the
            // ball, off the cut, where |c + s·d| ≥ |c| − r.
            let gap = RationalBounds.modulusBelow(c) - x.radius
            guard gap.signum > 0 else { return nil }
            radius += x.radius / gap
        }
        return ComplexBall(GaussianRational(l / 2, t), radius: roundUp(radius)).rounded(bits: bits)
    }

    /// The principal square root (Re ≥ 0); nil when the ball meets (−∞, 0].
    public static func sqrt(_ z: ComplexBall, bits: Int) -> ComplexBall? {
        guard bits > 0 else { return nil }
        let wp = bits + 8
        let x = z.rounded(bits: wp)
        guard x.missesNegativeRealAxis else { return nil }
        let c = x.center
        // Any approximation s of √c will do; its error is certified from the exact residual:
        // (s − σ)(s + σ) = s² − c for both roots ±σ, and (s − σ) + (s + σ) = 2s, so when
        // ρ ≥ |s² − c| is below |s|² exactly one of ±σ lies within δ = ρ/|s| of s (the other is
        // farther than |s|); when moreover Re s > δ, that root has Re > 0 and is the principal one.
        let approximate = BigComplex.sqrt(BigComplex(c, precision: wp + 8))
        let s = ComplexBall(approximate).rounded(bits: wp).center
        let residual = l1(s * s - c)
        let size = RationalBounds.modulusBelow(s)
        guard size.signum > 0, residual < size * size else { return nil }
        let delta = roundUp(residual / size)
        guard s.re > delta else { return nil }
        var radius = delta
        if !x.radius.isZero {
            // |√(c + d) − √c| ≤ r·max |1/(2√w)| over the segment (in the ball, off the cut)
            // ≤ r/(2√(|c| − r)).
            let gap = RationalBounds.modulusBelow(c) - x.radius
            guard gap.signum > 0 else { return nil }
            let root = RationalBounds.sqrtBelow(gap)
            guard root.signum > 0 else { return nil }
            radius += x.radius / (2 * root)
        }
        return ComplexBall(s, radius: roundUp(radius)).rounded(bits: bits)
    }

    /// e^z; nil only for |Re z| ≥ 2^20 (a result beyond any use, whose exact rational would be
    /// millions of bits long).
    public static func exp(_ z: ComplexBall, bits: Int) -> ComplexBall? {
        guard bits > 0 else { return nil }
        let wp = bits + 8
        let x = z.rounded(bits: wp)
        let c = x.center
        guard c.re.abs + x.radius < BigRational(BigInt.one << 20) else { return nil }
        guard let re = RationalBounds.exactFloat(c.re, precision: wp),
              let im = RationalBounds.exactFloat(c.im, precision: wp) else { return nil }
        let (sine, cosine) = BigFloat.sinCos(im)
        guard let e = BigFloat.exp(re).toBigRational(), let s = sine.toBigRational(),
              let k = cosine.toBigRational() else { return nil }
        // E′ = e^a(1 + ε), C′ = cos b + η₁, S′ = sin b + η₂ with |ε|, |η| ≤ 2^−wp (one rounding
        // each, |cos|, |sin| ≤ 1): |E′(C′ + iS′) − e^c| ≤ |E′ − e^a|·|C′ + iS′| + e^a·|η₁ + iη₂|
        // ≤ e^a·2^−wp·(2 + 2) ≤ E′·2^(3−wp).
        var radius = e * RationalBounds.twoToMinus(wp - 3)
        if !x.radius.isZero {
            // |e^(c+d) − e^c| = e^a·|e^d − 1| ≤ e^a·(e^r − 1) (the series of e^d − 1 termwise),
            // with e^a = E′/(1 + ε) ≤ E′(1 + 2^(1−wp)).
            guard let grow = RationalBounds.expMinusOneAbove(x.radius) else { return nil }
            radius += e * (1 + RationalBounds.twoToMinus(wp - 1)) * grow
        }
        return ComplexBall(GaussianRational(e * k, e * s), radius: roundUp(radius)).rounded(bits: bits)
    }
}
