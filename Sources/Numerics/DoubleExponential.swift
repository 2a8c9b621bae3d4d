import ArbitraryPrecision
import RealModule

/// Double-exponential quadrature in MPFR (Takahasi–Mori): after the change
/// of variables the integrand decays doubly exponentially and the trapezoid
/// rule with step h converges like exp(−c/h). The rule follows the interval:
/// tanh-sinh on [a, b], exp-sinh on [a, ∞) (mirrored for (−∞, b]), sinh-sinh
/// on (−∞, ∞). Bounds are BigFloat; pass ±infinity for infinite ends.
///
/// Level k uses h = 2^(−k) (only the new odd nodes are evaluated); the error
/// estimate is |I_k − I_(k−1)|, which overestimates the error of I_k once
/// the rule converges (each level roughly doubles the correct digits).
/// Stops when the estimate is at most 10^(−digits)·max(|I|, 10^(−digits)·∫|f|)
/// at level ≥ 3. f receives points at `BigFloat.bits(forDigits: digits + 10)`
/// bits and should compute at the precision of its argument; NaN or ±∞
/// values throw `nonFiniteValue`.
public func preciseIntegrate(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat,
                             digits: Int, maxLevel: Int = 12) throws -> QuadratureResult<BigFloat> {
    guard digits >= 1 else { throw NumericsError.invalidArgument("digits must be positive") }
    guard !a.isNaN && !b.isNaN else { throw NumericsError.invalidArgument("NaN integration bound") }
    let p = BigFloat.bits(forDigits: digits + 10)
    if a == b {
        let z = BigFloat(0, precision: p)
        return QuadratureResult(value: z, errorEstimate: z, converged: true, evaluations: 0, refinements: 0)
    }
    if a > b {
        var r = try preciseIntegrate(f, from: b, to: a, digits: digits, maxLevel: maxLevel)
        r.value = -r.value
        return r
    }
    let lo = a.rounded(toPrecision: p), hi = b.rounded(toPrecision: p)
    let one = BigFloat(1, precision: p), two = BigFloat(2, precision: p)
    let halfPi = BigFloat.pi(precision: p) / two
    let ln2 = BigFloat.ln2(precision: p)
    let halfWidth = (hi - lo) / two
    let rule: Rule = switch (lo.isInfinite, hi.isInfinite) {
    case (false, false): .tanhSinh
    case (false, true): .expSinh(origin: lo, direction: 1)
    case (true, false): .expSinh(origin: hi, direction: -1)
    case (true, true): .sinhSinh
    }
    var evaluations = 0

    /// Node x(t) and weight x'(t) times f(x); nil where the node rounds onto a finite endpoint.
    func term(_ tDouble: Double) throws -> BigFloat? {
        let t = BigFloat(tDouble, precision: p)
        let (sh, ch) = BigFloat.sinhCosh(t)
        let u = halfPi * sh
        let x: BigFloat, weight: BigFloat
        switch rule {
        case .tanhSinh:
            // 1 − tanh|u| = 2/(e^(2|u|) + 1), computed directly so nodes near
            // the ends keep their full relative distance to the endpoint.
            let e = BigFloat.exp(two * BigFloat.abs(u))
            let gap = two / (e + one)
            x = u.sign >= 0 ? hi - halfWidth * gap : lo + halfWidth * gap
            if x <= lo || x >= hi { return nil }
            let cu = BigFloat.cosh(u)
            weight = halfWidth * halfPi * ch / (cu * cu)
        case let .expSinh(origin, direction):
            let e = BigFloat.exp(u)
            x = direction > 0 ? origin + e : origin - e
            if x == origin { return nil }
            weight = halfPi * ch * e
        case .sinhSinh:
            let (s, c) = BigFloat.sinhCosh(u)
            x = s
            weight = halfPi * ch * c
        }
        evaluations += 1
        let y = try f(x)
        guard y.isFinite else { throw NumericsError.nonFiniteValue(at: x.toDouble()) }
        if weight.isZero || y.isZero { return BigFloat(0, precision: p) }
        return weight * y
    }

    // Range of t. For tanh-sinh, beyond |t| with 1 − tanh(u) < 2^(−p) every
    // node rounds onto an endpoint. For the infinite rules, |u| ≤ 4p·ln 2 puts
    // nodes 2^(±4p) away, far past where any integrable f contributes.
    let uLimit: Double = switch rule {
    case .tanhSinh: (Double(p) * ln2.toDouble() + 1) / 2
    default: 4 * Double(p) * ln2.toDouble()
    }
    let tLimit = Double.asinh(uLimit / (Double.pi / 2))
    let eps = BigFloat.powerOfTwo(-p, precision: p)

    // Level 0 (h = 1/2 to see the decay finely): walk outwards until two
    // consecutive terms are negligible, fixing the range for all levels.
    let h0 = 0.5
    var sum = try term(0) ?? BigFloat(0, precision: p)
    var absSum = BigFloat.abs(sum)
    var extent = [0, 0]  // last index used on the left and on the right
    for (side, sign) in [(0, -1.0), (1, 1.0)] {
        var k = 1, small = 0
        while Double(k) * h0 <= tLimit {
            let v = try term(sign * Double(k) * h0)
            if let v {
                sum += v
                absSum += BigFloat.abs(v)
                small = BigFloat.abs(v) <= eps * absSum ? small + 1 : 0
            } else {
                small += 1
            }
            extent[side] = k
            if small >= 2 { break }
            k += 1
        }
    }
    let tLeft = Double(extent[0]) * h0, tRight = Double(extent[1]) * h0
    var h = h0
    var integral = sum * BigFloat(h, precision: p)
    var l1 = absSum * BigFloat(h, precision: p)
    var error = BigFloat(Double.infinity, precision: 53)
    let target = BigFloat.pow(BigFloat(10, precision: p), -digits)
    var level = 0
    var converged = false
    while level < maxLevel {
        level += 1
        h /= 2
        var newSum = BigFloat(0, precision: p), newAbs = BigFloat(0, precision: p)
        // New nodes: odd multiples of h inside [−tLeft, tRight].
        var k = 1
        while Double(k) * h <= max(tLeft, tRight) {
            let t = Double(k) * h
            if t <= tRight, let v = try term(t) { newSum += v; newAbs += BigFloat.abs(v) }
            if t <= tLeft, let v = try term(-t) { newSum += v; newAbs += BigFloat.abs(v) }
            k += 2
        }
        let hb = BigFloat(h, precision: p)
        let next = integral / two + newSum * hb
        l1 = l1 / two + newAbs * hb
        error = BigFloat.abs(next - integral)
        integral = next
        let scale = BigFloat.max(BigFloat.abs(integral), target * l1)
        if level >= 3 && error <= target * scale { converged = true; break }
    }
    return QuadratureResult(value: integral, errorEstimate: error.rounded(toPrecision: 53), converged: converged,
                            evaluations: evaluations, refinements: level)
}

private enum Rule {
    case tanhSinh
    case expSinh(origin: BigFloat, direction: Int)
    case sinhSinh
}
