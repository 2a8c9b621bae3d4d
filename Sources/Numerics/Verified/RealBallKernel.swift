import ArbitraryPrecision
import CMPFR

/// Why a ball operation gave no enclosure: the function is not continuous (or not defined) on
/// the whole ball, so no finite ball would be honest.
public enum BallRefusal: String, Sendable, Hashable {
    case divisorMayBeZero = "the divisor's ball contains 0"
    case sqrtOfNegative = "√ of a ball reaching below 0"
    case logOfNonpositive = "log of a ball reaching 0 or below"
    case tanNearPole = "tan of a ball that may hold a pole (cos may vanish)"
    case atan2OnBranchCut = "atan2 of a box meeting the cut y = 0, x ≤ 0"
    case powOfNonpositive = "a^b (real) of a base ball reaching 0 or below"
    case signUndecided = "θ, sign or δ of a ball holding 0 and more"
    case complexSqrtOnBranchCut = "complex √ of a box meeting the cut (−∞, 0] off the real line"
    case notFinite = "a center or radius beyond the exponent range (overflow or a NaN input)"
}

/// Ball registers of a tape — MPFR centers at one precision p, Double radii — and the
/// operations on them. Each operation writes `dest` from its operands (never aliased: the tape
/// is SSA) and returns nil or why it refuses.
///
/// The center of a result is one correctly rounded MPFR operation on the operands' centers
/// (round to nearest), so it is within half an ulp, 2^(e−p−1) for an exponent e, of the
/// function at the centers — added to the radius when MPFR reports the rounding inexact. The
/// rest of the radius bounds |f(x) − f(c)| over the ball, each operation stating its bound.
final class RealBallKernel {
    let precision: Int
    let count: Int
    let centers: UnsafeMutablePointer<__mpfr_struct>
    let radii: UnsafeMutablePointer<Double>
    /// 53-bit numbers for directed-rounding bounds (cosh of a radius, say).
    let low: UnsafeMutablePointer<__mpfr_struct>
    /// Registers `scratchBase ..< count` are temporaries of the compound operations.
    let scratchBase: Int
    static let scratchCount = 4

    init(registers: Int, precision: Int) {
        self.precision = precision
        scratchBase = registers
        count = registers + Self.scratchCount
        centers = .allocate(capacity: count)
        radii = .allocate(capacity: count)
        for k in 0..<count {
            mpfr_init2(centers + k, precision)
            mpfr_set_ui(centers + k, 0, MPFR_RNDN)
            radii[k] = 0
        }
        low = .allocate(capacity: 2)
        for k in 0..<2 { mpfr_init2(low + k, 53) }
    }

    deinit {
        for k in 0..<count { mpfr_clear(centers + k) }
        for k in 0..<2 { mpfr_clear(low + k) }
        centers.deallocate()
        radii.deallocate()
        low.deallocate()
    }

    @inline(__always) func c(_ r: Int) -> UnsafeMutablePointer<__mpfr_struct> { centers + r }

    // MARK: Upper and lower bounds in Double

    /// A round-to-nearest result of nonnegative operands, moved up: at least the exact value.
    @inline(__always) static func up(_ x: Double) -> Double { x.nextUp }
    /// x + y from above for x, y ≥ 0, and exactly 0 for 0 + 0 (a sum of nonnegative Doubles
    /// rounds to 0 only when it is 0), so exact balls stay exact.
    @inline(__always) static func plus(_ x: Double, _ y: Double) -> Double {
        let s = x + y
        return s == 0 ? 0 : s.nextUp
    }
    /// Likewise moved down (never below 0).
    @inline(__always) static func down(_ x: Double) -> Double { Swift.max(0, x.nextDown) }
    /// x·y from above, 0 when either is 0 (so 0·∞ is not NaN).
    @inline(__always) static func product(_ x: Double, _ y: Double) -> Double { x == 0 || y == 0 ? 0 : up(x * y) }

    /// ≥ |x| (rounded away from 0; ∞ beyond Double).
    @inline(__always) func magnitudeAbove(_ r: Int) -> Double { Swift.abs(mpfr_get_d(c(r), MPFR_RNDA)) }
    /// ≤ |x| (rounded toward 0).
    @inline(__always) func magnitudeBelow(_ r: Int) -> Double { Swift.abs(mpfr_get_d(c(r), MPFR_RNDZ)) }

    /// Half an ulp of the p-bit number in r, 2^(e−p−1) for r in [2^(e−1), 2^e): the bound of a
    /// round-to-nearest error that produced it (0 for 0; the least positive Double below
    /// Double's range; ∞ above it).
    func halfUlp(_ r: Int) -> Double {
        if mpfr_zero_p(c(r)) != 0 { return 0 }
        let e = mpfr_get_exp(c(r)) - precision - 1
        if e < -1074 { return Double.leastNonzeroMagnitude }
        if e > 1023 { return .infinity }
        return Double(sign: .plus, exponent: e, significand: 1)
    }

    /// The rounding error bound of a result with MPFR's ternary value t. An inexact 0 is an
    /// underflow below MPFR's least exponent (about 2^(−2^30)), under the least positive Double.
    @inline(__always) func rounding(_ t: Int32, _ r: Int) -> Double {
        if t == 0 { return 0 }
        return mpfr_zero_p(c(r)) != 0 ? Double.leastNonzeroMagnitude : halfUlp(r)
    }

    /// ≥ |exact value| of a result within halfUlp of the p-bit number in r.
    func exactMagnitudeAbove(_ r: Int) -> Double { Self.plus(magnitudeAbove(r), halfUlp(r)) }

    /// |center| > radius, exactly (the ball excludes 0).
    func excludesZero(_ r: Int) -> Bool {
        let s = mpfr_sgn(c(r))
        if s == 0 { return false }
        return s > 0 ? mpfr_cmp_d(c(r), radii[r]) > 0 : mpfr_cmp_d(c(r), -radii[r]) < 0
    }

    /// The ball is the exact number 0.
    func isExactZero(_ r: Int) -> Bool { mpfr_zero_p(c(r)) != 0 && radii[r] == 0 }

    /// center − radius > 0 (strict) or ≥ 0, exactly.
    func isPositive(_ r: Int) -> Bool { mpfr_cmp_d(c(r), radii[r]) > 0 }
    func isNonnegative(_ r: Int) -> Bool { mpfr_cmp_d(c(r), radii[r]) >= 0 }

    /// min |x| over the ball from below, max(0, |c| − r).
    func distanceFromZeroBelow(_ r: Int) -> Double { Self.down(magnitudeBelow(r) - radii[r]) }

    /// Sets d's radius, refusing what is not finite.
    @inline(__always) func finish(_ d: Int, _ radius: Double) -> BallRefusal? {
        radii[d] = radius
        return radius.isFinite && mpfr_number_p(c(d)) != 0 ? nil : .notFinite
    }

    // MARK: Arithmetic

    /// |(x ± y) − (a ± b)| ≤ r_a + r_b.
    func add(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        let t = mpfr_add(c(d), c(a), c(b), MPFR_RNDN)
        return finish(d, Self.plus(Self.plus(radii[a], radii[b]), rounding(t, d)))
    }

    func sub(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        let t = mpfr_sub(c(d), c(a), c(b), MPFR_RNDN)
        return finish(d, Self.plus(Self.plus(radii[a], radii[b]), rounding(t, d)))
    }

    /// |xy − ab| ≤ |a| r_b + |b| r_a + r_a r_b.
    func mul(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        let ra = radii[a], rb = radii[b]
        let t = mpfr_mul(c(d), c(a), c(b), MPFR_RNDN)
        var r = rounding(t, d)
        if ra != 0 || rb != 0 {
            let spread = Self.plus(Self.plus(Self.product(magnitudeAbove(a), rb), Self.product(magnitudeAbove(b), ra)),
                                   Self.product(ra, rb))
            r = Self.plus(r, spread)
        }
        return finish(d, r)
    }

    /// x/y − a/b = ((x − a) − (a/b)(y − b))/y, so |x/y − a/b| ≤ (r_a + |a/b| r_b)/(|b| − r_b);
    /// refused unless |b| > r_b.
    func div(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        guard excludesZero(b) else { return .divisorMayBeZero }
        let ra = radii[a], rb = radii[b]
        let t = mpfr_div(c(d), c(a), c(b), MPFR_RNDN)
        guard mpfr_number_p(c(d)) != 0 else { return .notFinite }
        var r = rounding(t, d)
        if ra != 0 || rb != 0 {
            let gap = distanceFromZeroBelow(b)
            guard gap > 0 else { return .divisorMayBeZero }
            r = Self.plus(r, Self.up(Self.plus(ra, Self.product(exactMagnitudeAbove(d), rb)) / gap))
        }
        return finish(d, r)
    }

    /// Exact.
    func neg(_ d: Int, _ a: Int) -> BallRefusal? {
        mpfr_neg(c(d), c(a), MPFR_RNDN)
        return finish(d, radii[a])
    }

    /// Exact: | |x| − |a| | ≤ |x − a|.
    func abs(_ d: Int, _ a: Int) -> BallRefusal? {
        mpfr_abs(c(d), c(a), MPFR_RNDN)
        return finish(d, radii[a])
    }

    /// hypot is 1-Lipschitz in the Euclidean norm, and √(r_a² + r_b²) ≤ r_a + r_b.
    func hypot(_ d: Int, _ a: Int, _ b: Int) -> BallRefusal? {
        let t = mpfr_hypot(c(d), c(a), c(b), MPFR_RNDN)
        return finish(d, Self.plus(Self.plus(radii[a], radii[b]), rounding(t, d)))
    }

    /// An exact constant rounded once.
    func setConstant(_ d: Int, _ k: TapeConstant) -> BallRefusal? {
        let t: Int32
        switch k {
        case .pi: t = mpfr_const_pi(c(d), MPFR_RNDN)
        case .rational(let q): t = q.withMPQ { mpfr_set_q(c(d), $0, MPFR_RNDN) }
        }
        return finish(d, rounding(t, d))
    }

    /// An input ball rounded to p bits (the rounding joins the radius).
    func setInput(_ d: Int, _ x: RealBall) -> BallRefusal? {
        guard x.radius >= 0 else { return .notFinite }
        let t = x.center.withUnsafeMPFR { mpfr_set(c(d), $0, MPFR_RNDN) }
        return finish(d, Self.plus(x.radius, rounding(t, d)))
    }

    /// The ball in register r.
    func read(_ r: Int) -> RealBall {
        var x = BigFloat(0, precision: precision)
        x.withUnsafeMutableMPFR { _ = mpfr_set($0, c(r), MPFR_RNDN) }
        return RealBall(x, radius: radii[r])
    }

    // MARK: Directed bounds at 53 bits (MPFR rounds them correctly in the asked direction)

    /// f(x) rounded up (or down) for a Double x, by MPFR at 53 bits.
    func low(_ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32,
             _ x: Double, _ rounding: mpfr_rnd_t) -> Double {
        mpfr_set_d(low, x, MPFR_RNDN)   // exact: 53 bits hold any Double
        _ = f(low + 1, low, rounding)
        return mpfr_get_d(low + 1, rounding)
    }

    /// e^r − 1 from above for r ≥ 0: r/(1 − r) for r < ½ (the geometric series dominates the
    /// exponential one term by term), else MPFR's expm1 rounded up.
    func expMinusOneAbove(_ r: Double) -> Double {
        if r == 0 { return 0 }
        if r < 0.5 { return Self.up(r / Self.down(1 - r)) }
        return low(mpfr_expm1, r, MPFR_RNDU)
    }
}
