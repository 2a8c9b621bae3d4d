import ArbitraryPrecision
import CMPFR

/// The operations with a cut or a jump: atan2 and the complex square root (cut along
/// y = 0, x ≤ 0), a^b, and the step functions θ, sign, δ. A box that meets the cut is refused,
/// except on the line y = 0 itself when y is the exact number ±0 — the tape's real arguments
/// of log and √ (log|x| + i·atan2(0, x), √(x + 0i)) — where the function is continuous along
/// the line and takes the value of its side (the sign bit of the zero, as MPFR does).
extension RealBallKernel {
    /// atan2(y = a, x = b). Off the cut the box (convex) lies where atan2 is smooth, with
    /// |∇atan2| = 1/|z| ≤ 1/dist(0, box) and dist ≥ max(|a| − r_a, |b| − r_b): the spread is at
    /// most (r_a + r_b)/dist.
    func atan2(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        let ra = radii[a], rb = radii[b]
        if isExactZero(a) {
            // y = ±0 exactly: atan2 is exactly ±0 for x > 0 and ±π for x < 0.
            if isPositive(b) {
                mpfr_set(c(d), c(a), MPFR_RNDN)
                return finish(d, 0)
            }
            guard mpfr_cmp_d(c(b), -rb) < 0 else { return .atan2OnBranchCut }
            let t = mpfr_const_pi(c(d), MPFR_RNDN)
            if mpfr_signbit(c(a)) != 0 { mpfr_neg(c(d), c(d), MPFR_RNDN) }
            return finish(d, rounding(t, d))
        }
        if !excludesZero(a) && !isPositive(b) { return .atan2OnBranchCut }
        let t = mpfr_atan2(c(d), c(a), c(b), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 || rb != 0 {
            let dist = Swift.max(distanceFromZeroBelow(a), distanceFromZeroBelow(b))
            guard dist > 0 else { return .atan2OnBranchCut }
            r = Self.plus(r, Self.up(Self.plus(ra, rb) / dist))
        }
        return finish(d, r)
    }

    /// a^b for a > 0 (the tape emits `pow` only for a base known positive and real exponents;
    /// integer and half-integer powers are multiplications and square roots), as the ball chain
    /// exp(b·log a): each link encloses, so the chain does. The center is not MPFR's pow of the
    /// centers but within a few roundings of it.
    func pow(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        guard isPositive(a) else { return .powOfNonpositive }
        let l = scratchBase, m = scratchBase + 1
        if let refusal = log(l, a) { return refusal == .logOfNonpositive ? .powOfNonpositive : refusal }
        if let refusal = mul(m, b, l) { return refusal }
        return exp(d, m)
    }

    /// θ with θ(0) = ½: exact where the ball excludes 0 (and at the exact 0), refused otherwise.
    func theta(_ d: Int, _ a: Int) -> BallRefusal? {
        if isExactZero(a) {
            mpfr_set_d(c(d), 0.5, MPFR_RNDN)
        } else {
            guard excludesZero(a) else { return .signUndecided }
            mpfr_set_ui(c(d), mpfr_sgn(c(a)) > 0 ? 1 : 0, MPFR_RNDN)
        }
        return finish(d, 0)
    }

    /// sign (0 at 0): exact where the ball excludes 0 or is the exact 0, refused otherwise.
    func sign(_ d: Int, _ a: Int) -> BallRefusal? {
        if isExactZero(a) {
            mpfr_set_ui(c(d), 0, MPFR_RNDN)
        } else {
            guard excludesZero(a) else { return .signUndecided }
            mpfr_set_si(c(d), mpfr_sgn(c(a)) > 0 ? 1 : -1, MPFR_RNDN)
        }
        return finish(d, 0)
    }

    /// δ(a, 0): 1 at the exact 0, 0 where the ball excludes 0, refused otherwise.
    func isZero(_ d: Int, _ a: Int) -> BallRefusal? {
        if isExactZero(a) {
            mpfr_set_ui(c(d), 1, MPFR_RNDN)
        } else {
            guard excludesZero(a) else { return .signUndecided }
            mpfr_set_ui(c(d), 0, MPFR_RNDN)
        }
        return finish(d, 0)
    }

    /// The principal √(a + ib) into d (real part) and d + 1 (imaginary part), by the tape's
    /// formula t = √((|a| + |z|)/2), then (t, b/2t) for a ≥ 0 and (|b|/2t, ±t) for a < 0.
    ///
    /// Rounding: |z| (1 rounding), |a| + |z| (1, on nonnegative terms), the halving (exact),
    /// √ (1; it halves the relative error before it) and b/2t (1) leave each part within
    /// 3.1·2^−p of its exact value relatively, so 2^(3−p)·|computed part| covers it.
    /// Spread: off the cut the box lies in one of the half-planes Re > 0, Im > 0, Im < 0,
    /// whose square roots lie in a sector of opening π/2, so |√w + √z| ≥ |√z| and
    /// |√w − √z| = |w − z|/|√w + √z| ≤ (r_a + r_b)/√|z|, with |z| ≥ max(|a|, |b|).
    func complexSqrt(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        let ra = radii[a], rb = radii[b]
        if isExactZero(b) { return complexSqrtOnRealLine(d, a, b) }
        if !excludesZero(b) && !isPositive(a) { return .complexSqrtOnBranchCut }
        let t = scratchBase + 2, u = scratchBase + 3
        let rnd = MPFR_RNDN
        mpfr_hypot(c(t), c(a), c(b), rnd)
        mpfr_abs(c(u), c(a), rnd)
        mpfr_add(c(t), c(t), c(u), rnd)
        mpfr_div_2ui(c(t), c(t), 1, rnd)
        mpfr_sqrt(c(t), c(t), rnd)
        mpfr_mul_2ui(c(u), c(t), 1, rnd)
        let re = d, im = d + 1
        if mpfr_sgn(c(a)) >= 0 {
            mpfr_div(c(im), c(b), c(u), rnd)
            mpfr_set(c(re), c(t), rnd)
        } else {
            mpfr_abs(c(re), c(b), rnd)
            mpfr_div(c(re), c(re), c(u), rnd)
            if mpfr_signbit(c(b)) != 0 { mpfr_neg(c(im), c(t), rnd) } else { mpfr_set(c(im), c(t), rnd) }
        }
        guard mpfr_number_p(c(re)) != 0, mpfr_number_p(c(im)) != 0 else { return .notFinite }
        // The relative bound needs no underflow (below 2^(−2^30)): t ≠ 0, and b/2t ≠ 0 for b ≠ 0.
        guard mpfr_zero_p(c(t)) == 0, mpfr_zero_p(c(re)) == 0 || mpfr_zero_p(c(b)) != 0,
              mpfr_zero_p(c(im)) == 0 || mpfr_zero_p(c(b)) != 0 else { return .notFinite }
        var spread = 0.0
        if ra != 0 || rb != 0 {
            let modulus = Swift.max(magnitudeBelow(a), magnitudeBelow(b))
            let root = Self.down(modulus.squareRoot())
            guard root > 0 else { return .complexSqrtOnBranchCut }
            spread = Self.up(Self.plus(ra, rb) / root)
        }
        for part in [re, im] {
            let roundingBound = Self.product(magnitudeAbove(part), Self.up(8 * twoToMinusPrecision))
            if let refusal = finish(part, Self.plus(spread, roundingBound)) { return refusal }
        }
        return nil
    }

    /// 2^−p as a Double (0.nextUp below Double's range).
    var twoToMinusPrecision: Double {
        precision > 1074 ? Double.leastNonzeroMagnitude : Double(sign: .plus, exponent: -precision, significand: 1)
    }

    /// √(a ± 0i) with the imaginary part the exact ±0 b: (√a, b) for a ≥ 0, (0, ±√−a) for a ≤ 0
    /// (both 0 at 0, so the function is continuous along the line); a ball holding 0 inside
    /// gives parts in [0, S] (times the sign) with S ≥ √max|a|.
    private func complexSqrtOnRealLine(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        let re = d, im = d + 1
        let negative = mpfr_signbit(c(b)) != 0
        if isNonnegative(a) {
            if let refusal = sqrt(re, a) { return refusal }
            mpfr_set(c(im), c(b), MPFR_RNDN)
            return finish(im, 0)
        }
        if mpfr_cmp_d(c(a), -radii[a]) <= 0 {
            let n = scratchBase + 2
            _ = neg(n, a)
            if let refusal = sqrt(im, n) { return refusal }
            if negative { mpfr_neg(c(im), c(im), MPFR_RNDN) }
            mpfr_set_ui(c(re), 0, MPFR_RNDN)
            return finish(re, 0)
        }
        let s = Self.up(Self.plus(magnitudeAbove(a), radii[a]).squareRoot())
        guard s.isFinite else { return .notFinite }
        let half = s / 2   // exact unless s is subnormal, where the radius below still covers [0, s]
        let radius = Self.up(half)
        mpfr_set_d(c(re), half, MPFR_RNDN)
        mpfr_set_d(c(im), negative ? -half : half, MPFR_RNDN)
        if let refusal = finish(re, radius) { return refusal }
        return finish(im, radius)
    }
}
