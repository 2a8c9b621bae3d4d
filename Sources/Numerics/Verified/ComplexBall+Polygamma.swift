import ArbitraryPrecision
import Foundation

/// Rigorous digamma ψ and trigamma ψ′ of a ball whose center has Re c > 0 and which either lies
/// in Re z > 0 or stays clear of the real axis (so it holds no pole 0, −1, …). The closed forms
/// of the tanh convolutions only take ψ at ½ + β|Im z|/(2π) ∓ iβ(Re z − μ)/(2π), real part ≥ ½,
/// so no reflection is needed; a center with Re c ≤ 0 is refused with nil, as is a ball that
/// reaches Re z ≤ 0 and meets the real axis. A wide ball around ½ + iy, |y| large, may reach
/// far into Re z < 0: only the radius bound looks there.
///
/// Value at the center c (exact, a dyadic of `bits + 16` bits, Re c > 0):
/// * recurrence to w = c + N with |w| ≥ 0.15·(bits + 16) + 2: ψ(c) = ψ(w) − Σ_{k<N} 1/(c + k),
///   ψ′(c) = ψ′(w) + Σ_{k<N} 1/(c + k)², in MPFR with a running error bound
///   (`RunningErrorComplex`);
/// * the Stirling series ψ(w) = ln w − 1/(2w) − Σ_{k<n} B_{2k}/(2k·w^{2k}) + R,
///   ψ′(w) = 1/w + 1/(2w²) + Σ_{k<n} B_{2k}/w^{2k+1} + R′, the same way (ln w a ball), with
///   |R| ≤ 2|B_{2n}|/|w|^{2n} and |R′| ≤ 2(2n + 1)|B_{2n}|/|w|^{2n+1} for Re w ≥ 0. Source: the
///   remainder of the ln Γ series is R_n(w) = ∫₀^∞ (B_{2n} − B̃_{2n}(t))/(2n(w + t)^{2n}) dt
///   (Olver, Asymptotics and Special Functions, ch. 8 eq. (4.03); the basis of DLMF §5.11(ii));
///   ψ's remainder is its derivative and ψ′'s its second. |B_{2n} − B̃_{2n}(t)| ≤ 2|B_{2n}|
///   (B̃_{2n} ranges between B_{2n} and −(1 − 2^{1−2n})B_{2n}), |w + t|² ≥ |w|² + t² for
///   Re w ≥ 0, and ∫₀^∞ (|w|² + t²)^{−j/2} dt ≤ |w|^{1−j} for j ≥ 3. (DLMF §5.11(ii)'s own
///   bound for ψ, sec^{2n+1}(½ arg w) times the first neglected term, is sharper near the
///   real axis but grows like 2^n near the imaginary axis, where the closed forms live.)
/// Radius from the input ball (radius r, after the center's rounding): the mean-value bound
/// r·sup|ψ′| (resp. r·sup|ψ″|) over the ball (the segment from c lies in it), with the sup
/// bounded in `derivativeBound`.
extension ComplexBall {
    /// ψ over the ball, center kept to `bits` bits; nil unless the ball lies in Re z > 0.
    public static func digamma(_ z: ComplexBall, bits: Int) -> ComplexBall? {
        BallPolygamma.evaluate(order: 0, z, bits: bits)
    }

    /// ψ′ over the ball; nil unless the ball lies in Re z > 0.
    public static func trigamma(_ z: ComplexBall, bits: Int) -> ComplexBall? {
        BallPolygamma.evaluate(order: 1, z, bits: bits)
    }
}

enum BallPolygamma {
    static func evaluate(order m: Int, _ z: ComplexBall, bits: Int) -> ComplexBall? {
        guard bits > 0, m == 0 || m == 1 else { return nil }
        let wp = bits + 16
        let x = z.rounded(bits: wp)
        let c = x.center, r = x.radius
        guard c.re.signum > 0 else { return nil }
        let (shift, terms) = plan(c, bits: wp, order: m)
        let w = c + GaussianRational(shift)
        let size = RationalBounds.modulusBelow(w)
        guard size.signum > 0 else { return nil }
        let b = BernoulliRationals.evenBernoulli(terms)

        // The series and the recurrence in MPFR with a running error bound (exact rationals
        // would cost ~25 µs per operation); ln w as a ball of its own.
        guard let cr = RationalBounds.exactFloat(c.re, precision: wp),
              let ci = RationalBounds.exactFloat(c.im, precision: wp) else { return nil }
        let shifted = RunningErrorComplex(re: cr + BigFloat(shift, precision: wp), im: ci, error: 0)
        // c + N rounds once (c's bits and N's need not fit in wp bits).
        let wValue = RunningErrorComplex(re: shifted.re, im: shifted.im, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(shifted.re)))
        guard let v = wValue.reciprocal else { return nil }
        let t = v * v
        // Horner in τ = t·2^e, |τ| ∈ (¼, 1], on the coefficients times 2^(−ek) (exact powers of
        // two): the same sum, but every intermediate stays near the size of the series' terms
        // instead of growing like B_{2k} (which overflows the Double error bound past k ≈ 150).
        let e = Swift.max(0, Int((2 * Foundation.log2(size.toDouble())).rounded(.down)))
        let tau = t.scaled(by: BigFloat(BigRational(BigInt.one << e), precision: wp), error: 0)
        func scaledCoefficient(_ q: BigRational, _ k: Int) -> BigFloat {
            BigFloat(q / BigRational(BigInt.one << (e * k)), precision: wp)
        }
        var acc = RunningErrorComplex(re: BigFloat(0, precision: wp), im: BigFloat(0, precision: wp), error: 0)
        let half = BigFloat(0.5, precision: wp)
        var approximate: RunningErrorComplex
        let remainder: BigRational
        if m == 0 {
            for k in stride(from: terms - 1, through: 1, by: -1) {
                let coefficient = scaledCoefficient(b[k - 1] / BigRational(2 * k), k)
                acc = acc.adding(real: coefficient, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(coefficient))) * tau
            }
            approximate = RunningErrorComplex(re: BigFloat(0, precision: wp), im: BigFloat(0, precision: wp), error: 0)
                - v.scaled(by: half, error: 0) - acc
            remainder = 2 * b[terms - 1].abs / size.power(2 * terms)
        } else {
            for k in stride(from: terms - 1, through: 1, by: -1) {
                let coefficient = scaledCoefficient(b[k - 1], k)
                acc = acc.adding(real: coefficient, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(coefficient))) * tau
            }
            approximate = v + t.scaled(by: half, error: 0) + v * acc
            remainder = BigRational(2 * (2 * terms + 1)) * b[terms - 1].abs / size.power(2 * terms + 1)
        }
        for k in 0..<shift {
            let term = RunningErrorComplex(re: cr + BigFloat(k, precision: wp), im: ci, error: 0)
            let x = RunningErrorComplex(re: term.re, im: term.im, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(term.re)))
            guard let inverse = x.reciprocal else { return nil }
            approximate = m == 0 ? approximate - inverse : approximate + inverse * inverse
        }
        guard var value = approximate.ball(precision: wp) else { return nil }
        if m == 0 {
            guard let logW = ComplexBall.log(ComplexBall(w), bits: wp) else { return nil }
            value = value + logW
        }
        value.radius = ComplexBall.roundUp(value.radius + remainder)
        if !r.isZero {
            guard let slope = derivativeBound(order: m, center: c, radius: r) else { return nil }
            value.radius = ComplexBall.roundUp(value.radius + r * slope)
        }
        return value.rounded(bits: bits)
    }

    /// sup |ψ^(m+1)| over the ball (center c, radius r), or nil when the ball may hold a pole.
    /// In Re w ≥ x₀ > 0 with |w| ≥ m₀: the sums ψ′ = Σ 1/(w + k)², ψ″ = −2Σ 1/(w + k)³ have
    /// terms decreasing in k, so they are at most their first term plus the integral over
    /// k ∈ [0, ∞) (bounded by |w + t| ≥ x + t and by |w + t|² ≥ |w|² + t²). A ball reaching
    /// Re w ≤ 0 but clear of the real axis (|Im w| ≥ y₀ > 0) is first shifted by K = ⌊−x₀⌋ + 1:
    /// ψ′(w) = ψ′(w + K) + Σ_{k<K} 1/(w + k)², each of the K terms at most 1/y₀² (resp. 2/y₀³).
    static func derivativeBound(order m: Int, center c: GaussianRational, radius r: BigRational) -> BigRational? {
        var x0 = RationalBounds.roundDown(c.re - r)
        var lowestIm = BigRational.zero
        var shifted = BigRational.zero
        var modulus = RationalBounds.modulusBelow(c) - r
        if x0.signum <= 0 {
            lowestIm = RationalBounds.roundDown(c.im.abs - r)
            guard lowestIm.signum > 0 else { return nil }
            let k = (c.re - r).floor
            let shift = BigRational(-k + BigInt.one)
            shifted = shift
            x0 = RationalBounds.roundDown(c.re - r + shift)
            guard x0.signum > 0 else { return nil }
            modulus = Swift.max(lowestIm, RationalBounds.modulusBelow(c + GaussianRational(shift)) - r)
        }
        let m0 = Swift.max(x0, RationalBounds.roundDown(modulus))
        if m == 0 {
            let tail = 1 / (m0 * m0) + Swift.min(1 / x0, RationalBounds.piAbove / (2 * m0))
            return shifted.isZero ? tail : tail + shifted / (lowestIm * lowestIm)
        }
        let tail = 2 / (m0 * m0 * m0) + 2 * Swift.min(1 / (2 * x0 * x0), 1 / (m0 * m0))
        return shifted.isZero ? tail : tail + 2 * shifted / (lowestIm * lowestIm * lowestIm)
    }

    /// The shift N (|c + N| ≥ 0.15·bits + 2) and the number n of Stirling terms that brings the
    /// remainder bound below 2^−(bits + 4), planned in Double from |B_{2k+2}/B_{2k}| ≈
    /// (2k + 1)(2k + 2)/(2π)² (ζ(2k) ≈ 1). Only the cost depends on the plan: the remainder is
    /// bounded afterwards in exact arithmetic.
    static func plan(_ c: GaussianRational, bits: Int, order m: Int) -> (shift: Int, terms: Int) {
        plan(re: c.re.toDouble(), im: c.im.toDouble(), bits: bits, order: m)
    }

    static func plan(re: Double, im: Double, bits: Int, order m: Int) -> (shift: Int, terms: Int) {
        let target = 0.15 * Double(bits) + 2
        var shift = 0
        if (re * re + im * im).squareRoot() < target { shift = Int((target - re).rounded(.up)) }
        let size = ((re + Double(shift)) * (re + Double(shift)) + im * im).squareRoot()
        let logSize = Foundation.log2(size)
        var n = 1
        var logB = Foundation.log2(1.0 / 6)
        let goal = -Double(bits + 4)
        func bound(_ n: Int) -> Double {
            1 + logB - Double(2 * n + m) * logSize + (m == 1 ? Foundation.log2(Double(2 * n + 1)) : 0)
        }
        while bound(n) > goal && n < 2000 {
            let before = bound(n)
            logB += Foundation.log2(Double((2 * n + 1) * (2 * n + 2)) / (4 * Double.pi * Double.pi))
            n += 1
            if bound(n) >= before { n -= 1; break }
        }
        return (shift, n)
    }
}
