import ArbitraryPrecision

/// Rigorous one-sided bounds in exact rationals, for the radii of the ball functions: square
/// roots from integer square roots (GMP's floor sqrt), exponentials from a correctly rounded
/// MPFR value widened by its error, and short dyadic roundings in a chosen direction. Radii
/// need few bits, so every bound here carries about 64 and is rounded to about 8.
enum RationalBounds {
    /// A rational at most √q (q ≥ 0), relative error below 2^−60: ⌊√(n·d·4^k)⌋/(d·2^k) ≤ √(n/d).
    static func sqrtBelow(_ q: BigRational) -> BigRational {
        guard q.signum > 0 else { return .zero }
        let (s, scale) = scaledRoot(q)
        return roundDown(BigRational(s, scale))
    }

    /// A rational at least √q (q ≥ 0): (⌊√(n·d·4^k)⌋ + 1)/(d·2^k) ≥ √(n/d).
    static func sqrtAbove(_ q: BigRational) -> BigRational {
        guard q.signum > 0 else { return .zero }
        let (s, scale) = scaledRoot(q)
        return ComplexBall.roundUp(BigRational(s + BigInt.one, scale))
    }

    /// ⌊√(n·d·4^k)⌋ and d·2^k, with k making n·d·4^k at least 2^128 (so the floor costs a
    /// relative 2^−64 at most).
    private static func scaledRoot(_ q: BigRational) -> (BigInt, BigInt) {
        let nd = q.numerator * q.denominator
        let k = Swift.max(0, (129 - nd.bitWidth) / 2 + 1)
        return ((nd << (2 * k)).isqrt()!, q.denominator << k)
    }

    /// |z| from below: √(re² + im²) (exact norm, floor root).
    static func modulusBelow(_ z: GaussianRational) -> BigRational { sqrtBelow(z.re * z.re + z.im * z.im) }

    /// |z| from above.
    static func modulusAbove(_ z: GaussianRational) -> BigRational { sqrtAbove(z.re * z.re + z.im * z.im) }

    /// A dyadic lower bound of a nonnegative rational with about 16 significant bits.
    static func roundDown(_ r: BigRational) -> BigRational {
        if r.signum <= 0 || r.denominator.isOne && r.numerator.magnitude.bitWidth <= 16 { return r }
        let k = 16 - (r.numerator.magnitude.bitWidth - r.denominator.bitWidth)
        let scale = BigRational(k >= 0 ? BigInt.one << k : .one, k >= 0 ? .one : BigInt.one << -k)
        return BigRational((r * scale).floor) / scale
    }

    /// π < 355/113 (355/113 − π ≈ 2.7·10⁻⁷ > 0).
    static let piAbove = BigRational(355, 113)

    /// e^x from above for a rational x with |x| < 2^40: MPFR's exp at 64 bits of the 64-bit
    /// rounding x′ of x is within 2^−64 of e^{x′} (relative, correctly rounded), and
    /// e^x = e^{x′}·e^{x − x′} with |x − x′| ≤ 2^−64|x| ≤ 2^−24, so the factor 1 + 2^−20 covers both.
    static func expAbove(_ x: BigRational) -> BigRational? {
        guard x.abs < BigRational(BigInt.one << 40) else { return nil }
        guard let e = BigFloat.exp(BigFloat(x, precision: 64)).toBigRational() else { return nil }
        return ComplexBall.roundUp(e * BigRational(BigInt((1 << 20) + 1), BigInt(1 << 20)))
    }

    /// e^r − 1 from above for r ≥ 0: r/(1 − r) for r < ½ (e^r ≤ 1/(1 − r), the geometric series
    /// dominates the exponential one term by term), else e^r from above minus 1.
    static func expMinusOneAbove(_ r: BigRational) -> BigRational? {
        if r.isZero { return .zero }
        if r < BigRational(1, 2) { return ComplexBall.roundUp(r / (1 - r)) }
        return expAbove(r).map { $0 - 1 }
    }

    /// The MPFR value of a dyadic rational, exactly, at a precision of at least `precision`
    /// (so functions of it round at that precision or finer); nil when q is not dyadic. A
    /// dyadic n/2^k needs the bits of n and no more.
    static func exactFloat(_ q: BigRational, precision: Int) -> BigFloat? {
        let d = q.denominator
        guard d == BigInt.one << (d.bitWidth - 1) else { return nil }
        return BigFloat(q, precision: Swift.max(q.numerator.magnitude.bitWidth, precision, 2))
    }

    /// 2^−k.
    static func twoToMinus(_ k: Int) -> BigRational { BigRational(.one, BigInt.one << k) }
}
