import ArbitraryPrecision
import Symbolic
import KeldyshNumerics

/// The frequency of a complex crossing, proven to the requested digits, and the proof line.
struct AxisFrequency {
    var text: String
    var value: Double
    var proof: String
}

/// The frequency ω > 0 of the eigenvalue pair on the imaginary axis at the root, to `digits`
/// digits, proven. For real q (no axis factor) by the first subresultant of E and O, which
/// costs a few integer determinants and one interval evaluation (`subresultantFrequency`);
/// otherwise, or when that does not decide, by verified inclusion disks of all roots
/// (`diskFrequency`, general but far dearer: the whole polynomial at D + 20 digits).
func axisFrequency(_ elimination: CrossingPolynomial, root: AxisRoot, digits: Int, name: String) -> AxisFrequency? {
    if let f = subresultantFrequency(elimination, root: root, digits: digits, name: name) { return f }
    return diskFrequency(elimination, root: root, digits: digits)
}

/// With t = d·s and q(iω') = E(ω'²) + i·ω'·O(ω'²) over ℤ[P], a pair ±iω' on the axis at the
/// root P* makes x = ω'² a common root of E and O. Their first subresultant
/// S₁(x; P) = s₁₁(P)·x + s₁₀(P) is u·E + v·O, so it vanishes at every common root; where
/// s₁₁(P*) ≠ 0 the common root is unique, x* = −s₁₀(P*)/s₁₁(P*). It exists when q(0; P*) ≠ 0:
/// then R(P*) = q(0)·res_x(E, O) = 0 forces res_x(E, O) = 0, and E or O has leading
/// coefficient ±1 (q is monic), so the formal resultant vanishing means a common root. So,
/// with s₁₁ and q(0) proven nonzero on the isolating interval and x* enclosed in (0, ∞),
/// ±i√x*/d is the only pair on the axis and ω = √x*/d. s₁ⱼ ∈ ℤ[P] come from integer
/// determinants at integer nodes (as R does); the enclosure is one exact evaluation per
/// polynomial at the interval's left end plus a derivative bound times its width.
func subresultantFrequency(_ elimination: CrossingPolynomial, root: AxisRoot, digits: Int, name: String) -> AxisFrequency? {
    guard elimination.axisFactor == nil, let q = elimination.scaledCharacteristic,
          let (s10, s11, linear) = CrossingPolynomial.linearCommonFactor(q) else { return nil }
    let q0 = q[0]
    let d = BigRational(elimination.scale)
    var fine = root.fine
    var bits = BigFloat.bits(forDigits: digits + 10)
    for _ in 0..<6 {
        let lo = fine.lower, width = fine.isExact ? BigRational.zero : fine.width
        let bound = max(lo.abs, (lo + width).abs)
        let (a, ra) = enclosure(s10, at: lo, width: width, bound: bound)
        let (b, rb) = enclosure(s11, at: lo, width: width, bound: bound)
        let (c, rc) = enclosure(q0, at: lo, width: width, bound: bound)
        // s₁₁ or q(0) may vanish at P*: then this route cannot tell, and a wider search does.
        guard b.abs > rb, c.abs > rc else { return nil }
        // x = −(a + δa)/(b + δb) with |δa| ≤ ra, |δb| ≤ rb: |x − xm| ≤ (ra + |xm|·rb)/(|b| − rb).
        let xm = -a / b
        let rx = (ra + xm.abs * rb) / (b.abs - rb)
        let xlo = xm - rx, xhi = xm + rx
        guard xlo.signum > 0 else { return nil }
        let omega = BigFloat.sqrt(BigFloat(xm, precision: bits)) / BigFloat(d, precision: bits)
        let text = omega.toString(digits: digits)
        // Proven when every ω with (d·ω)² ∈ [xlo, xhi] rounds to `text`: [√xlo, √xhi]/d lies
        // within half a unit of its last digit, checked on the squares, exactly.
        if let (center, unit) = decimalValue(text) {
            let below = center - unit / 2, above = center + unit / 2
            if below.signum > 0 && (d * below) * (d * below) <= xlo && xhi <= (d * above) * (d * above) {
                let p = elimination.removedFactor == nil ? "p" : "q"
                return AxisFrequency(
                    text: text, value: omega.toDouble(),
                    proof: "ω = \(text): x = ω² is the only common root of E and O at the root (\(linear) s₁₁(\(name))·x + s₁₀(\(name)) has s₁₁ ≠ 0, and \(p)(0; \(name)) ≠ 0, on the isolating interval), so ±iω is the only pair on the imaginary axis; ω² = −s₁₀/s₁₁ enclosed by interval evaluation over that interval")
            }
        }
        if fine.isExact { return nil }
        fine = fine.refined(toBits: max(ilog2(fine.width.reciprocal), 0) + 64)
        bits += 64
    }
    return nil
}

/// c(P) for every P in [lo, lo + width] lies within the returned radius of c(lo): the mean
/// value theorem with |c′| ≤ Σ j·|c_j|·M^(j−1), M ≥ |P| on the interval.
private func enclosure(_ c: [BigInt], at lo: BigRational, width: BigRational, bound: BigRational) -> (BigRational, BigRational) {
    if c.isEmpty { return (.zero, .zero) }
    // Horner over ℤ: with lo = u/v, Σ c_j u^j v^(n−j) = v^n·c(lo).
    let u = lo.numerator, v = lo.denominator
    let n = c.count - 1
    var acc = c[n], vk = BigInt.one
    for j in stride(from: n - 1, through: 0, by: -1) {
        vk = vk * v
        acc = acc * u + c[j] * vk
    }
    let value = BigRational(acc, vk)
    if width.isZero || n == 0 { return (value, .zero) }
    let m = bound.ceil
    var slope = BigInt.zero, power = BigInt.one
    for j in 1...n {
        slope = slope + BigInt(j) * c[j].magnitude * power
        power = power * m
    }
    return (value, BigRational(slope) * width)
}

extension CrossingPolynomial {
    /// (s₁₀, s₁₁, what it is) ∈ ℤ[P]: a polynomial s₁₁x + s₁₀ = u·E + v·O of degree ≤ 1 in x
    /// (real q ascending in t, formal degrees m of E and n of O in x): E itself when m = 1, O
    /// when n = 1, else the first subresultant; nil when m or n is 0 (and the other not 1).
    static func linearCommonFactor(_ q: [[BigInt]]) -> ([BigInt], [BigInt], String)? {
        var even: [[BigInt]] = [], odd: [[BigInt]] = []
        for (k, c) in q.enumerated() {
            let signed = (k / 2) % 2 == 0 ? c : c.map { -$0 }
            if k % 2 == 0 { even.append(signed) } else { odd.append(signed) }
        }
        if even.count == 2 { return (even[0], even[1], "E =") }
        if odd.count == 2 { return (odd[0], odd[1], "O =") }
        guard let (s10, s11) = firstSubresultant(even: even, odd: odd) else { return nil }
        return (s10, s11, "their first subresultant")
    }

    /// (s₁₀, s₁₁) ∈ ℤ[P]: the coefficients of the first subresultant of E and O (formal
    /// degrees ≥ 2), by integer determinants at integer nodes and interpolation, as
    /// `crossingResultant`.
    static func firstSubresultant(even: [[BigInt]], odd: [[BigInt]]) -> ([BigInt], [BigInt])? {
        let m = even.count - 1, n = odd.count - 1
        guard m >= 2, n >= 2 else { return nil }
        let degrees = (even.map { $0.count - 1 }, odd.map { $0.count - 1 })
        var out: [[BigInt]] = []
        for i in 0...1 {
            let pattern = UnivariateIntegerPolynomials.subresultantPattern(degrees.0, degrees.1, j: 1, column: i, empty: -1)
            guard let bound = UnivariateIntegerPolynomials.determinantDegreeBound(pattern) else {
                out.append([])
                continue
            }
            let nodes = UnivariateIntegerPolynomials.nodes(bound + 1)
            let values = nodes.map { x -> BigInt in
                let e = even.map { UnivariateIntegerPolynomials.evaluate($0, at: x) }
                let o = odd.map { UnivariateIntegerPolynomials.evaluate($0, at: x) }
                return UnivariateIntegerPolynomials.determinant(
                    UnivariateIntegerPolynomials.subresultantPattern(e, o, j: 1, column: i, empty: .zero))
            }
            guard let s = UnivariateIntegerPolynomials.interpolate(nodes: nodes, values: values) else { return nil }
            out.append(s)
        }
        return (out[0], out[1])
    }
}

/// The frequency from verified inclusion disks: the roots of q(t; P) for every P of the
/// isolating interval lie in the disks (ball coefficients over the interval); when exactly
/// one disk meets the upper imaginary axis and holds one root, it holds iω·d at the root (some
/// root is there, R(P*) = 0, and every root is in some disk), so ω lies in its imaginary
/// range / d. The interval is narrowed and the precision raised until that range fixes
/// `digits` digits.
func diskFrequency(_ elimination: CrossingPolynomial, root: AxisRoot, digits: Int) -> AxisFrequency? {
    var fine = root.fine
    var bits = BigFloat.bits(forDigits: digits + 20) + 32
    let real = elimination.isRealCharacteristic
    for _ in 0..<8 {
        let (pl, ph) = fine.isExact ? (fine.lower, fine.lower) : (fine.lower, fine.upper)
        let balls = elimination.reducedCoefficientPolynomials.map { ComplexBall.enclosure(of: $0, over: pl, ph) }
        if let clusters = try? rootInclusion(balls, realFamily: real, bits: bits) {
            let onAxis = clusters.filter { $0.realPartSign == 0 && $0.imaginaryRange.upper > .zero }
            if onAxis.count == 1, let c = onAxis.first, c.count == 1, c.imaginaryRange.lower > .zero {
                let d = BigRational(elimination.scale)
                let lo = c.imaginaryRange.lower / d, hi = c.imaginaryRange.upper / d
                if let text = commonDigits(lo, hi, digits) {
                    return AxisFrequency(text: text, value: ((lo + hi) / 2).toDouble(),
                                         proof: "ω = \(text): the only verified inclusion disk of the eigenvalues (for every \(elimination.parameter.name) in the isolating interval) that meets the upper imaginary axis holds iω")
                }
            }
        }
        if !fine.isExact { fine = fine.refined(toBits: max(ilog2(fine.width.reciprocal), 0) + 64 + bits / 4) }
        bits *= 2
    }
    return nil
}
