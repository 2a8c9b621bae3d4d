import ArbitraryPrecision
import CMPFR

/// The elementary functions of real balls. The radius of each is the center's rounding plus a
/// mean-value bound r·sup|f′| over the ball (or a sharper one where stated); every sup is taken
/// at a bound of the ball's extreme |x| computed with directed rounding.
extension RealBallKernel {
    /// Refused below 0. |√x − √c| = |x − c|/(√x + √c) ≤ r/√c, and ≤ √r always.
    func sqrt(_ d: Int, _ a: Int) -> BallRefusal? {
        guard isNonnegative(a) else { return .sqrtOfNegative }
        let ra = radii[a]
        let t = mpfr_sqrt(c(d), c(a), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 {
            var spread = Self.up(ra.squareRoot())   // IEEE √ is correctly rounded
            let root = Self.down(magnitudeBelow(d) - halfUlp(d))
            if root > 0 { spread = Swift.min(spread, Self.up(ra / root)) }
            r = Self.plus(r, spread)
        }
        return finish(d, r)
    }

    /// |e^x − e^c| = e^c|e^(x−c) − 1| ≤ e^c(e^r − 1).
    func exp(_ d: Int, _ a: Int) -> BallRefusal? {
        let ra = radii[a]
        let t = mpfr_exp(c(d), c(a), MPFR_RNDN)
        guard mpfr_number_p(c(d)) != 0 else { return .notFinite }
        var r = rounding(t, d)
        if ra != 0 {
            let grow = expMinusOneAbove(ra)
            if grow.isFinite {
                r = Self.plus(r, Self.product(exactMagnitudeAbove(d), grow))
            } else {
                // e^c(e^r − 1) ≤ e^(c + r): a wide argument far left of 0 (e^(−2|x|) over a
                // quadrature's disk) has a tiny exponential whose e^r − 1 alone overflows.
                let s = scratchBase
                mpfr_set_prec(c(s), 64)
                mpfr_add_d(c(s), c(a), ra, MPFR_RNDU)
                mpfr_exp(c(s), c(s), MPFR_RNDU)
                let bound = mpfr_get_d(c(s), MPFR_RNDU)
                mpfr_set_prec(c(s), precision)
                r = Self.plus(r, bound == 0 ? Double.leastNonzeroMagnitude : bound)
            }
        }
        return finish(d, r)
    }

    /// Refused unless c − r > 0. |log x − log c| ≤ r/(c − r) (log′ = 1/x ≤ 1/(c − r)).
    func log(_ d: Int, _ a: Int) -> BallRefusal? {
        guard isPositive(a) else { return .logOfNonpositive }
        let ra = radii[a]
        let t = mpfr_log(c(d), c(a), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 {
            let gap = distanceFromZeroBelow(a)
            guard gap > 0 else { return .logOfNonpositive }
            r = Self.plus(r, Self.up(ra / gap))
        }
        return finish(d, r)
    }

    /// sin and cos are 1-Lipschitz and vary by at most 2.
    func sin(_ d: Int, _ a: Int) -> BallRefusal? {
        let t = mpfr_sin(c(d), c(a), MPFR_RNDN)
        return finish(d, Self.plus(Swift.min(radii[a], 2), rounding(t, d)))
    }

    func cos(_ d: Int, _ a: Int) -> BallRefusal? {
        let t = mpfr_cos(c(d), c(a), MPFR_RNDN)
        return finish(d, Self.plus(Swift.min(radii[a], 2), rounding(t, d)))
    }

    /// |cos x| ≥ |cos c| − r = g on the ball (cos is 1-Lipschitz): g > 0 means no pole, and
    /// tan′ = 1/cos² ≤ 1/g². |cos c| from below: MPFR's cos rounded toward 0 at 53 bits.
    func tan(_ d: Int, _ a: Int) -> BallRefusal? {
        let ra = radii[a]
        _ = mpfr_cos(low, c(a), MPFR_RNDZ)
        let gap = Self.down(Swift.abs(mpfr_get_d(low, MPFR_RNDZ)) - ra)
        guard gap > 0 else { return .tanNearPole }
        let t = mpfr_tan(c(d), c(a), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 { r = Self.plus(r, Self.up(ra / Self.down(gap * gap))) }
        return finish(d, r)
    }

    /// sinh′ = cosh ≤ cosh(|c| + r).
    func sinh(_ d: Int, _ a: Int) -> BallRefusal? {
        let ra = radii[a]
        let t = mpfr_sinh(c(d), c(a), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 {
            r = Self.plus(r, Self.product(ra, low(mpfr_cosh, Self.plus(magnitudeAbove(a), ra), MPFR_RNDU)))
        }
        return finish(d, r)
    }

    /// |cosh′| = |sinh| ≤ sinh(|c| + r).
    func cosh(_ d: Int, _ a: Int) -> BallRefusal? {
        let ra = radii[a]
        let t = mpfr_cosh(c(d), c(a), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 {
            r = Self.plus(r, Self.product(ra, low(mpfr_sinh, Self.plus(magnitudeAbove(a), ra), MPFR_RNDU)))
        }
        return finish(d, r)
    }

    /// tanh′ = 1/cosh² ≤ 1/cosh²(m), m = max(0, |c| − r) the least |x| of the ball (and ≤ 1).
    func tanh(_ d: Int, _ a: Int) -> BallRefusal? {
        let ra = radii[a]
        let t = mpfr_tanh(c(d), c(a), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 {
            let m = distanceFromZeroBelow(a)
            var spread = ra
            if m > 0 {
                let ch = low(mpfr_cosh, m, MPFR_RNDD)   // ≥ 1, at most Double's largest
                spread = Swift.min(spread, Self.up(ra / Self.down(ch * ch)))
            }
            r = Self.plus(r, spread)
        }
        return finish(d, r)
    }

    /// atan′ = 1/(1 + x²) ≤ 1/(1 + m²), m the least |x| of the ball.
    func atan(_ d: Int, _ a: Int) -> BallRefusal? {
        let ra = radii[a]
        let t = mpfr_atan(c(d), c(a), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 {
            let m = distanceFromZeroBelow(a)
            r = Self.plus(r, Self.up(ra / Self.down(1 + Self.down(m * m))))
        }
        return finish(d, r)
    }
}
