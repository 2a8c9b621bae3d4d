import CMPFR
import Foundation

/// The digamma function ψ(z) = Γ′(z)/Γ(z) and the trigamma function ψ′(z) for complex z at
/// MPFR precision: the closed forms of frequency convolutions of rational functions with
/// tanh-type distributions are sums of ψ at the poles (paper 000's self-energies, issue 13).
///
/// Method (as Arb and mpmath do it, with the bound made explicit):
/// * reflection for Re z < ½: ψ(z) = ψ(1 − z) − π cot πz, ψ′(z) = −ψ′(1 − z) + π²/sin² πz;
/// * recurrence to w = z + N with |w| large: ψ(z) = ψ(w) − Σ_{k<N} 1/(z + k),
///   ψ′(z) = ψ′(w) + Σ_{k<N} 1/(z + k)², the sums kept as one fraction D/P (two products per
///   step instead of a division);
/// * the Stirling series ψ(w) = ln w − 1/(2w) − Σ_{k≤K} B_{2k}/(2k w^{2k}),
///   ψ′(w) = 1/w + 1/(2w²) + Σ_{k≤K} B_{2k}/w^{2k+1}, truncated where the first neglected
///   term times sec^{2K+4}(arg w/2) (the remainder bound of the series in |arg w| < π/2, DLMF
///   §5.11(ii); two powers more than needed, for safety) is below 2^{−(p+10)}.
/// N and K are planned in Double before any multiprecision work; the working precision is
/// p + 24 + 2⌈log₂(N + K + 2)⌉ bits, which covers the rounding of the N + K steps. The result
/// is rounded to p bits; away from the poles its absolute error is below 2^{−p}·max(1, |ψ|).
extension BigComplex {
    /// ψ(z) at `precision` bits (default: z's precision); nil at the poles z = 0, −1, −2, …
    /// and for a non-finite z.
    public static func digamma(_ z: BigComplex, precision: Int? = nil) -> BigComplex? {
        Polygamma.evaluate(order: 0, z, precision: precision ?? z.precision)
    }

    /// ψ′(z) at `precision` bits; nil at the poles and for a non-finite z.
    public static func trigamma(_ z: BigComplex, precision: Int? = nil) -> BigComplex? {
        Polygamma.evaluate(order: 1, z, precision: precision ?? z.precision)
    }
}

enum Polygamma {
    static func evaluate(order m: Int, _ z: BigComplex, precision p: Int) -> BigComplex? {
        guard z.isFinite, BigFloat.precisionRange.contains(p) else { return nil }
        if isPole(z) { return nil }
        let half = BigFloat(0.5, precision: 53)
        if z.re < half {
            // Reflection: the cot / sin² term is formed at a precision that covers the
            // cancellation between it and ψ(1 − z) near the poles.
            let wp = p + 24
            let oneMinusZ = BigComplex(BigFloat(1, precision: wp) - z.re.rounded(toPrecision: wp), -z.im.rounded(toPrecision: wp))
            guard let reflected = evaluate(order: m, oneMinusZ, precision: wp) else { return nil }
            let pi = BigFloat.pi(precision: wp)
            let piZ = BigComplex(pi * z.re.rounded(toPrecision: wp), pi * z.im.rounded(toPrecision: wp))
            let s = BigComplex.sin(piZ)
            if m == 0 {
                let cot = BigComplex.cos(piZ) / s
                return round(reflected - BigComplex(pi * cot.re, pi * cot.im), p)
            }
            let piSquared = pi * pi
            let inverse = BigComplex(piSquared, BigFloat(0, precision: wp)) / (s * s)
            return round(inverse - reflected, p)
        }
        return stirling(order: m, z, precision: p)
    }

    private static func isPole(_ z: BigComplex) -> Bool {
        guard z.im.isZero else { return false }
        return z.re.withUnsafeMPFR { mpfr_integer_p($0) != 0 } && z.re.sign <= 0
    }

    private static func round(_ z: BigComplex, _ p: Int) -> BigComplex {
        BigComplex(z.re.rounded(toPrecision: p), z.im.rounded(toPrecision: p))
    }

    /// The shift N and the number of Stirling terms K for |error| < 2^{−target}.
    static func plan(x: Double, y: Double, target: Int, order m: Int) -> (shift: Int, terms: Int) {
        var radius = max(8.0, 0.25 * Double(target))
        while true {
            let needed = radius * radius - y * y
            let shift = needed <= 0 ? max(0, Int((0.5 - x).rounded(.up))) : max(0, Int((needed.squareRoot() - x).rounded(.up)))
            if let k = terms(x: x + Double(shift), y: y, target: target, order: m) { return (shift, k) }
            radius *= 1.5
        }
    }

    /// The smallest K whose remainder bound is below 2^{−target}, or nil when the terms start to
    /// grow first (|w| too small).
    private static func terms(x: Double, y: Double, target: Int, order m: Int) -> Int? {
        let modulus = (x * x + y * y).squareRoot()
        let theta = atan2(y, x)
        let logSec = -log2(cos(theta / 2))
        let logW = log2(modulus)
        let log2TwoPi = log2(2 * Double.pi)
        var previous = Double.infinity
        var k = 1
        while k < 100_000 {
            // First neglected term: |B_{2k+2}| / ((2k+2) |w|^{2k+2}) for ψ, |B_{2k+2}| / |w|^{2k+3} for ψ′;
            // |B_{2j}| ≤ 2·ζ(2)·(2j)!/(2π)^{2j}.
            let j = Double(2 * k + 2)
            let logB = log2(2 * 1.645) + lgamma(j + 1) / M_LN2 - j * log2TwoPi
            let logTerm = (m == 0 ? logB - log2(j) - j * logW : logB - (j + 1) * logW) + (j + 2) * logSec
            if logTerm < -Double(target) { return k }
            if logTerm > previous { return nil }
            previous = logTerm
            k += 1
        }
        return nil
    }

    private static func stirling(order m: Int, _ z: BigComplex, precision p: Int) -> BigComplex {
        let x = z.re.toDouble(), y = z.im.toDouble()
        let (n, k) = plan(x: x, y: y, target: p + 10, order: m)
        let wp = p + 24 + 2 * Int(log2(Double(n + k + 2)).rounded(.up))
        let scratch = ComplexRegister(precision: wp), norm = MPFRBox(precision: wp)
        let zr = ComplexRegister(precision: wp)
        zr.set(z)
        // Σ_{j<N} 1/(z + j)^{m+1} as D/P.
        let numerator = ComplexRegister(precision: wp), product = ComplexRegister(precision: wp)
        mpfr_set_si(product.r, 1, MPFR_RNDN); mpfr_set_si(product.i, 0, MPFR_RNDN)
        mpfr_set_si(numerator.r, 0, MPFR_RNDN); mpfr_set_si(numerator.i, 0, MPFR_RNDN)
        let s = ComplexRegister(precision: wp)
        for j in 0..<n {
            mpfr_add_si(s.r, zr.r, j, MPFR_RNDN)
            mpfr_set(s.i, zr.i, MPFR_RNDN)
            if m == 1 { s.setProduct(s, s, scratch: scratch) }
            numerator.setProduct(numerator, s, scratch: scratch)
            numerator.add(product)
            product.setProduct(product, s, scratch: scratch)
        }
        // w = z + N, u = 1/w, u² = 1/w².
        let w = ComplexRegister(precision: wp)
        mpfr_add_si(w.r, zr.r, n, MPFR_RNDN)
        mpfr_set(w.i, zr.i, MPFR_RNDN)
        let u = ComplexRegister(precision: wp), u2 = ComplexRegister(precision: wp)
        u.setReciprocal(w, scratch: scratch)
        u2.setProduct(u, u, scratch: scratch)
        // Horner in u²: acc = Σ_{j=1}^{K} (−1)^{j−1} c_j u^{2(j−1)}.
        let table = BernoulliTable.coefficients(count: k, precision: wp)
        let c = m == 0 ? table.overTwoK : table.plain
        let acc = ComplexRegister(precision: wp)
        mpfr_set(acc.r, c[k - 1].pointer, MPFR_RNDN)
        if (k - 1) % 2 == 1 { mpfr_neg(acc.r, acc.r, MPFR_RNDN) }
        mpfr_set_si(acc.i, 0, MPFR_RNDN)
        var j = k - 1
        while j >= 1 {
            acc.setProduct(acc, u2, scratch: scratch)
            if (j - 1) % 2 == 0 { mpfr_add(acc.r, acc.r, c[j - 1].pointer, MPFR_RNDN) } else { mpfr_sub(acc.r, acc.r, c[j - 1].pointer, MPFR_RNDN) }
            j -= 1
        }
        let result = ComplexRegister(precision: wp)
        let sum = ComplexRegister(precision: wp)
        sum.setQuotient(numerator, product, scratch: scratch, norm: norm)
        if m == 0 {
            // ln w − u/2 − acc·u² − D/P.
            mpfr_fmma(norm.pointer, w.r, w.r, w.i, w.i, MPFR_RNDN)
            mpfr_log(result.r, norm.pointer, MPFR_RNDN)
            mpfr_div_2ui(result.r, result.r, 1, MPFR_RNDN)
            mpfr_atan2(result.i, w.i, w.r, MPFR_RNDN)
            mpfr_div_2ui(u.r, u.r, 1, MPFR_RNDN); mpfr_div_2ui(u.i, u.i, 1, MPFR_RNDN)
            result.subtract(u)
            acc.setProduct(acc, u2, scratch: scratch)
            result.subtract(acc)
            result.subtract(sum)
        } else {
            // u + u²/2 + u·(acc·u²) + D/P.
            result.set(u)
            acc.setProduct(acc, u2, scratch: scratch)
            acc.setProduct(acc, u, scratch: scratch)
            result.add(acc)
            mpfr_div_2ui(u2.r, u2.r, 1, MPFR_RNDN); mpfr_div_2ui(u2.i, u2.i, 1, MPFR_RNDN)
            result.add(u2)
            result.add(sum)
        }
        return result.value(precision: p)
    }
}
