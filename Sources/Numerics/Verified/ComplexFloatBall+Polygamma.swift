import ArbitraryPrecision
import CMPFR
import Foundation
import Synchronization

/// ψ and ψ′ of a `ComplexFloatBall`: the method and the bounds of `ComplexBall.digamma` (see
/// ComplexBall+Polygamma.swift: recurrence to |w| ≥ 0.15·wp + 2, Stirling with Olver's
/// remainder, the mean-value radius r·sup|ψ^(m+1)|), with every bound that was an exact rational
/// there taken in Double with directed rounding here (MPFR at 64 bits rounding up or down where
/// a power or a Bernoulli number is involved), and ln w a `ComplexFloatBall`.
extension ComplexFloatBall {
    /// ψ over the ball at a working precision of `bits + 16`; nil unless the ball lies in
    /// Re z > 0 or stays clear of the real axis with Re c > 0 (as `ComplexBall.digamma`).
    public static func digamma(_ z: ComplexFloatBall, bits: Int) -> ComplexFloatBall? {
        FloatPolygamma.evaluate(order: 0, z, bits: bits)
    }

    /// ψ′ over the ball.
    public static func trigamma(_ z: ComplexFloatBall, bits: Int) -> ComplexFloatBall? {
        FloatPolygamma.evaluate(order: 1, z, bits: bits)
    }
}

enum FloatPolygamma {
    typealias Ball = ComplexFloatBall

    /// ψ^(m) at the exact center (its ball holds the value there), keyed by the center's exact
    /// parts, the working precision and the order.
    struct Key: Hashable {
        let re: BigRational, im: BigRational, precision: Int, order: Int
    }

    /// The closed forms take ψ at the same centers over and over (pieces of Σ share their poles,
    /// and the fixed poles' arguments do not move with the frequency; the Double route memoizes
    /// the same way): the value at a center is a function of the key alone, so it is kept, and
    /// only the radius term r·sup|ψ^(m+1)| is redone per ball. Bounded: cleared when full.
    private static let memo = Mutex<[Key: ComplexFloatBall]>([:])
    static let memoCapacity = 4096

    static func evaluate(order m: Int, _ z: ComplexFloatBall, bits: Int) -> ComplexFloatBall? {
        guard bits > 0, m == 0 || m == 1, z.isFinite else { return nil }
        let wp = Swift.max(bits + 16, z.precision)
        // The center at wp ≥ its precision: exact.
        let cr = z.re.rounded(toPrecision: wp), ci = z.im.rounded(toPrecision: wp)
        let r = z.radius
        guard cr.sign > 0, let qr = cr.toBigRational(), let qi = ci.toBigRational() else { return nil }
        let key = Key(re: qr, im: qi, precision: wp, order: m)
        var value: ComplexFloatBall
        if let known = memo.withLock({ $0[key] }) {
            value = known
        } else {
            guard let computed = atCenter(order: m, cr, ci, wp: wp) else { return nil }
            memo.withLock { table in
                if table.count >= memoCapacity { table.removeAll(keepingCapacity: true) }
                table[key] = computed
            }
            value = computed
        }
        if r != 0 {
            guard let slope = derivativeBound(order: m, re: cr, im: ci, radius: r) else { return nil }
            value.radius = Ball.plus(value.radius, Ball.times(r, slope))
        }
        return value.isFinite ? value : nil
    }

    /// ψ^(m) at the exact center cr + i·ci (Re > 0), precision wp.
    static func atCenter(order m: Int, _ cr: BigFloat, _ ci: BigFloat, wp: Int) -> ComplexFloatBall? {
        let (shift, terms) = BallPolygamma.plan(re: cr.toDouble(), im: ci.toDouble(), bits: wp, order: m)
        // w = c + N, rounded once (its error, if any, is the input error of ln w below and is
        // what `RunningErrorComplex` carries for the series).
        let (wr, ewr) = Ball.result(wp) { d in cr.withUnsafeMPFR { mpfr_add_si(d, $0, shift, MPFR_RNDN) } }
        let w = Ball(re: wr, im: ci, radius: ewr)
        let size = Ball.down(w.modulusBelow - ewr)
        guard size > 0 else { return nil }
        let b = BernoulliRationals.evenBernoulli(terms)

        let shifted = RunningErrorComplex(re: wr, im: ci, error: 0)
        let wValue = RunningErrorComplex(re: shifted.re, im: shifted.im, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(shifted.re)))
        guard let v = wValue.reciprocal else { return nil }
        let t = v * v
        // Horner in τ = t·2^e (see BallPolygamma): coefficients q·2^(−ek), rounded once
        // (mpfr_set_q, then an exact power-of-two scaling).
        let e = Swift.max(0, Int((2 * Foundation.log2(size)).rounded(.down)))
        let tau = t.scaled(by: BigFloat(BigRational(BigInt.one << e), precision: wp), error: 0)
        func scaledCoefficient(_ q: BigRational, _ k: Int) -> BigFloat {
            var x = BigFloat(q, precision: wp)
            _ = x.withUnsafeMutableMPFR { mpfr_div_2ui($0, $0, UInt(e * k), MPFR_RNDN) }
            return x
        }
        var acc = RunningErrorComplex(re: BigFloat(0, precision: wp), im: BigFloat(0, precision: wp), error: 0)
        let half = BigFloat(0.5, precision: wp)
        var approximate: RunningErrorComplex
        let remainder: Double
        if m == 0 {
            for k in stride(from: terms - 1, through: 1, by: -1) {
                let coefficient = scaledCoefficient(b[k - 1] / BigRational(2 * k), k)
                acc = acc.adding(real: coefficient, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(coefficient))) * tau
            }
            approximate = RunningErrorComplex(re: BigFloat(0, precision: wp), im: BigFloat(0, precision: wp), error: 0)
                - v.scaled(by: half, error: 0) - acc
            // |R| ≤ 2|B_{2n}|/|w|^{2n}
            remainder = bernoulliOverPower(b[terms - 1], 2, size, 2 * terms)
        } else {
            for k in stride(from: terms - 1, through: 1, by: -1) {
                let coefficient = scaledCoefficient(b[k - 1], k)
                acc = acc.adding(real: coefficient, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(coefficient))) * tau
            }
            approximate = v + t.scaled(by: half, error: 0) + v * acc
            // |R′| ≤ 2(2n + 1)|B_{2n}|/|w|^{2n+1}
            remainder = bernoulliOverPower(b[terms - 1], 2 * (2 * terms + 1), size, 2 * terms + 1)
        }
        for k in 0..<shift {
            let term = RunningErrorComplex(re: cr + BigFloat(k, precision: wp), im: ci, error: 0)
            let x = RunningErrorComplex(re: term.re, im: term.im, error: RunningErrorComplex.up(2 * RunningErrorComplex.magnitude(term.re)))
            guard let inverse = x.reciprocal else { return nil }
            approximate = m == 0 ? approximate - inverse : approximate + inverse * inverse
        }
        guard approximate.error.isFinite, approximate.re.precision == wp, approximate.im.precision == wp else { return nil }
        let unit = Double(sign: .plus, exponent: -wp, significand: 1)
        var value = Ball(re: approximate.re, im: approximate.im, radius: Ball.times(approximate.error, unit))
        if m == 0 {
            guard let logW = Ball.log(w) else { return nil }
            value = value + logW
        }
        value.radius = Ball.plus(value.radius, remainder)
        return value.isFinite ? value : nil
    }

    /// factor·|B|/size^k from above (size > 0 a lower bound of |w|), in MPFR at 64 bits with
    /// every step rounded up (the power rounded down): no overflow in between.
    static func bernoulliOverPower(_ bernoulli: BigRational, _ factor: Int, _ size: Double, _ k: Int) -> Double {
        var x = BigFloat(0, precision: 64), y = BigFloat(0, precision: 64)
        _ = x.withUnsafeMutableMPFR { d in bernoulli.abs.withMPQ { mpfr_set_q(d, $0, MPFR_RNDU) } }
        _ = x.withUnsafeMutableMPFR { mpfr_mul_ui($0, $0, UInt(factor), MPFR_RNDU) }
        _ = y.withUnsafeMutableMPFR { mpfr_set_d($0, size, MPFR_RNDD) }
        _ = y.withUnsafeMutableMPFR { mpfr_pow_ui($0, $0, UInt(k), MPFR_RNDD) }
        _ = x.withUnsafeMutableMPFR { d in y.withUnsafeMPFR { mpfr_div(d, d, $0, MPFR_RNDU) } }
        return x.withUnsafeMPFR { mpfr_get_d($0, MPFR_RNDU) }
    }

    /// `BallPolygamma.derivativeBound` in Double: sup |ψ^(m+1)| over the ball (center re + i·im,
    /// radius r), or nil when the ball may hold a pole. Every lower bound (x₀, |Im| − r, the
    /// moduli) rounds down, every term of the sum up; π from above is Double.pi.nextUp.
    static func derivativeBound(order m: Int, re: BigFloat, im: BigFloat, radius r: Double) -> Double? {
        let down = Ball.down, up = Ball.up
        let reLow = re.withUnsafeMPFR { mpfr_get_d($0, MPFR_RNDD) }
        guard reLow.isFinite else { return nil }
        let center = Ball(re: re, im: im)
        var x0 = (reLow - r).nextDown
        var lowestIm = 0.0
        var shifted = 0.0
        var modulus = down(center.modulusBelow - r)
        if x0 <= 0 {
            lowestIm = down(Ball.magnitudeBelow(im) - r)
            guard lowestIm > 0, x0 > -0x1p40 else { return nil }
            let shift = -x0.rounded(.down) + 1
            shifted = shift
            x0 = down(down(reLow + shift) - r)
            guard x0 > 0 else { return nil }
            // |c + K| ≥ Re(c + K) > 0 and |Im c|: √ of both squares from below.
            let a = down(reLow + shift), b = Ball.magnitudeBelow(im)
            let shiftedModulus = down(down(down(a * a) + down(b * b)).squareRoot() - r)
            modulus = Swift.max(lowestIm, shiftedModulus)
        }
        let m0 = Swift.max(x0, modulus)
        let piAbove = Double.pi.nextUp
        if m == 0 {
            let tail = Ball.plus(up(1 / down(m0 * m0)), Swift.min(up(1 / x0), up(piAbove / down(2 * m0))))
            return shifted == 0 ? tail : Ball.plus(tail, up(shifted / down(lowestIm * lowestIm)))
        }
        let tail = Ball.plus(up(2 / down(down(m0 * m0) * m0)), Swift.min(up(1 / down(x0 * x0)), up(2 / down(m0 * m0))))
        return shifted == 0 ? tail : Ball.plus(tail, up(2 * shifted / down(down(lowestIm * lowestIm) * lowestIm)))
    }
}
