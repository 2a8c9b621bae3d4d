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
    if let f = collisionFrequency(elimination, root: root, digits: digits, name: name) { return f }
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
    guard let (text, value) = provenLinearRoot(s10: s10, s11: s11, nonzero: q[0], fine: root.fine, digits: digits,
                                               scale: elimination.scale) else { return nil }
    let p = elimination.removedFactor == nil ? "p" : "q"
    return AxisFrequency(
        text: text, value: value,
        proof: "ω = \(text): x = ω² is the only common root of E and O at the root (\(linear) s₁₁(\(name))·x + s₁₀(\(name)) has s₁₁ ≠ 0, and \(p)(0; \(name)) ≠ 0, on the isolating interval), so ±iω is the only pair on the imaginary axis; ω² = −s₁₀/s₁₁ enclosed by interval evaluation over that interval")
}

/// At a collision of two pairs on the axis (a Krein collision: a root of disc_x h, h of degree
/// 2 in x = ω′²), ω′² is the double root of h there, the root of ∂h/∂x = 2h₂(P)·x + h₁(P):
/// x* = −h₁/(2h₂), enclosed over the isolating interval as above. Only when disc_x h changes
/// sign across that interval (so its root is the root of R there) and two pairs leave or
/// reach the axis there (4 marginal eigenvalues ↔ 2 with Re λ > 0 and their mirror images).
func collisionFrequency(_ elimination: CrossingPolynomial, root: AxisRoot, digits: Int, name: String) -> AxisFrequency? {
    guard let a = elimination.axisFactor, a.degree == 2,
          abs(root.above.marginal - root.below.marginal) == 4, abs(root.above.complex - root.below.complex) == 2 else { return nil }
    var c: [[BigInt]] = [[], [], []]
    var l = BigInt.one
    for t in a.h.terms {
        l = BigInt.lcm(l, t.coefficient.re.denominator)
    }
    for t in a.h.terms {
        let i = t.exponents.count > 0 ? t.exponents[0] : 0, j = t.exponents.count > 1 ? t.exponents[1] : 0
        while c[i].count <= j { c[i].append(.zero) }
        c[i][j] = c[i][j] + t.coefficient.re.numerator * l.exactlyDivided(by: t.coefficient.re.denominator)
    }
    let (h0, h1, h2) = (UnivariateIntegerPolynomials.trimmed(c[0]), UnivariateIntegerPolynomials.trimmed(c[1]),
                        UnivariateIntegerPolynomials.trimmed(c[2]))
    // disc = h₁² − 4h₂h₀ changes sign across the isolating interval (or vanishes at an exact root).
    func times(_ x: [BigInt], _ y: [BigInt]) -> [BigInt] {
        if x.isEmpty || y.isEmpty { return [] }
        var out = [BigInt](repeating: .zero, count: x.count + y.count - 1)
        for (i, u) in x.enumerated() { for (j, v) in y.enumerated() { out[i + j] = out[i + j] + u * v } }
        return out
    }
    var disc = times(h1, h1)
    let four = times(times(h2, h0), [BigInt(4)])
    if disc.count < four.count { disc += [BigInt](repeating: .zero, count: four.count - disc.count) }
    for (k, v) in four.enumerated() { disc[k] = disc[k] - v }
    disc = UnivariateIntegerPolynomials.trimmed(disc)
    let fine = root.fine
    if fine.isExact {
        guard BigRational.horner(disc, at: fine.lower).isZero else { return nil }
    } else {
        let sl = BigRational.horner(disc, at: fine.lower).signum, su = BigRational.horner(disc, at: fine.upper).signum
        guard sl * su < 0 else { return nil }
    }
    guard let (text, value) = provenLinearRoot(s10: h1, s11: times(h2, [BigInt(2)]), nonzero: [.one], fine: fine,
                                               digits: digits, scale: elimination.scale) else { return nil }
    return AxisFrequency(
        text: text, value: value,
        proof: "ω = \(text): two pairs on the imaginary axis collide here (disc_x h changes sign across the isolating interval, the only root of R in it), at the double root x = ω² of h, the root of ∂h/∂x = 2h₂(\(name))·x + h₁(\(name)) (h₂ ≠ 0 on the interval); enclosed by interval evaluation over that interval")
}

/// x* = −s₁₀(P*)/s₁₁(P*) > 0 for the root P* in `fine`, and ω = √x*/d to `digits` digits,
/// proven: s₁₁ and `nonzero` are nonzero on the interval, and every ω with (d·ω)² in the
/// enclosure of x* rounds to the digits; the interval is refined (up to six times) until it does.
func provenLinearRoot(s10: [BigInt], s11: [BigInt], nonzero q0: [BigInt], fine start: RealRoot, digits: Int,
                      scale: BigInt) -> (String, Double)? {
    let d = BigRational(scale)
    var fine = start
    var bits = BigFloat.bits(forDigits: digits + 10)
    for _ in 0..<6 {
        let lo = fine.lower
        // width = wn/wd (0 for an exact root); M ≥ |P| on [lo, lo + width] = [lo, upper].
        let (wn, wd) = fine.isExact ? (BigInt.zero, BigInt.one) : (fine.width.numerator, fine.width.denominator)
        let bound = fine.isExact ? lo.abs : max(lo.abs, fine.upper.abs)
        // Each value is A/V ± S·width (`enclosure`), all in integers: no rational arithmetic.
        let (ea, va, sa) = enclosure(s10, at: lo, bound: bound)
        let (eb, vb, sb) = enclosure(s11, at: lo, bound: bound)
        let (ec, vc, sc) = enclosure(q0, at: lo, bound: bound)
        // s₁₁ or q(0) may vanish at P*: then this route cannot tell, and a wider search does.
        // |b| > rb ⇔ |B|·wd > Sb·wn·Vb (and the same for q(0)).
        let rbScaled = sb * wn   // rb = rbScaled / wd
        guard eb.magnitude * wd > rbScaled * vb, ec.magnitude * wd > sc * wn * vc else { return nil }
        // x = −(a + δa)/(b + δb) with |δa| ≤ ra, |δb| ≤ rb: |x − xm| ≤ (ra + |xm|·rb)/(|b| − rb) = rx,
        // xm = α/β with α = −sign(b)·a, β = |b|. In integers (α′ = α·Va, β′ = β·Vb, ra′ = ra·wd):
        // xlo = xm − rx = N₁·Vb/(Va·D₁), N₁ = α′β′wd − 2α′rb′Vb − ra′β′Va, D₁ = β′(β′wd − rb′Vb);
        // xhi = xm + rx = (α′wd + ra′Va)·Vb/(Va·(β′wd − rb′Vb)).
        let alpha = eb.signum > 0 ? -ea : ea, beta = eb.magnitude
        guard alpha.signum > 0 else { return nil }
        let raScaled = sa * wn
        let gap = beta * wd - rbScaled * vb
        let n1 = alpha * beta * wd - BigInt(2) * alpha * rbScaled * vb - raScaled * beta * va
        guard n1.signum > 0 else { return nil }
        let xm = BigRational(alpha * vb, va * beta)
        let omega = BigFloat.sqrt(BigFloat(xm, precision: bits)) / BigFloat(d, precision: bits)
        let text = omega.toString(digits: digits)
        // Proven when every ω with (d·ω)² ∈ [xlo, xhi] rounds to `text`: [√xlo, √xhi]/d lies
        // within half a unit of its last digit, checked on the squares, exactly.
        if let (n, shift) = decimalMantissa(text) {
            // below, above = (2n ∓ 1)·u/w with u/w = 10^shift/2; (d·below)² ≤ xlo
            // ⇔ (d·(2n − 1)·u)²·Va·D₁ ≤ N₁·Vb·w², and xhi ≤ (d·above)² likewise.
            let ten = BigInt(10), two = BigInt(2)
            let (u, w) = shift >= 0 ? (ten.power(shift), two) : (BigInt.one, two * ten.power(-shift))
            let lowEnd = scale * (n * two - .one) * u, highEnd = scale * (n * two + .one) * u
            let w2 = w * w
            let d1 = beta * gap
            if lowEnd.signum > 0 && lowEnd * lowEnd * va * d1 <= n1 * vb * w2
                && (alpha * wd + raScaled * va) * vb * w2 <= highEnd * highEnd * va * gap {
                return (text, omega.toDouble())
            }
        }
        if fine.isExact { return nil }
        fine = fine.refined(toBits: max(ilog2(fine.width.reciprocal), 0) + 64)
        bits += 64
    }
    return nil
}

/// c(P) = A/V ± S·width for every P in [lo, lo + width]: A/V = c(lo) exactly (V > 0) and
/// S ≥ Σ j·|c_j|·M^(j−1) ≥ |c′| on the interval (M ≥ |P| there), by the mean value theorem.
private func enclosure(_ c: [BigInt], at lo: BigRational, bound: BigRational) -> (BigInt, BigInt, BigInt) {
    if c.isEmpty { return (.zero, .one, .zero) }
    // Horner over ℤ: with lo = u/v, Σ c_j u^j v^(n−j) = v^n·c(lo).
    let u = lo.numerator, v = lo.denominator
    let n = c.count - 1
    var acc = c[n], vk = BigInt.one
    for j in stride(from: n - 1, through: 0, by: -1) {
        vk = vk * v
        acc = acc * u + c[j] * vk
    }
    if n == 0 { return (acc, vk, .zero) }
    let m = bound.ceil
    var slope = BigInt.zero, power = BigInt.one
    for j in 1...n {
        slope = slope + BigInt(j) * c[j].magnitude * power
        power = power * m
    }
    return (acc, vk, slope)
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
        // j = 1 = n − 1: S₁ = ±prem(E, O) (the subresultant theorem), a few products in ℤ[P]
        // instead of determinants at nodes; the sign changes neither −s₁₀/s₁₁ nor s₁₁ ≠ 0.
        if n == 2 && m >= n { return pseudoRemainderInP(even, odd) }
        if m == 2 && n > m { return pseudoRemainderInP(odd, even) }
        return subresultantByDeterminants(even: even, odd: odd)
    }

    /// (s₁₀, s₁₁) from the determinants that define them (any formal degrees ≥ 2).
    static func subresultantByDeterminants(even: [[BigInt]], odd: [[BigInt]]) -> ([BigInt], [BigInt])? {
        let degrees = (even.map { $0.count - 1 }, odd.map { $0.count - 1 })
        let bounds = (0...1).map { i in
            UnivariateIntegerPolynomials.determinantDegreeBound(
                UnivariateIntegerPolynomials.subresultantPattern(degrees.0, degrees.1, j: 1, column: i, empty: -1))
        }
        // E and O at each node once, for both coefficients.
        let nodes = UnivariateIntegerPolynomials.nodes((bounds.compactMap { $0 }.max() ?? -1) + 1)
        let values = nodes.map { x in
            (even.map { UnivariateIntegerPolynomials.evaluate($0, at: x) }, odd.map { UnivariateIntegerPolynomials.evaluate($0, at: x) })
        }
        var out: [[BigInt]] = []
        for i in 0...1 {
            guard let bound = bounds[i] else {
                out.append([])
                continue
            }
            let determinants = values.prefix(bound + 1).map { e, o in
                UnivariateIntegerPolynomials.determinant(
                    UnivariateIntegerPolynomials.subresultantPattern(e, o, j: 1, column: i, empty: .zero))
            }
            guard let s = UnivariateIntegerPolynomials.interpolate(nodes: Array(nodes.prefix(bound + 1)), values: determinants) else { return nil }
            out.append(s)
        }
        return (out[0], out[1])
    }
}

/// prem_x(f, g) = lc(g)^(deg f − 2 + 1)·f mod g for deg_x g = 2 (f, g ascending in x,
/// coefficients in ℤ[P] ascending), as its two coefficients (s₁₀, s₁₁).
func pseudoRemainderInP(_ f: [[BigInt]], _ g: [[BigInt]]) -> ([BigInt], [BigInt]) {
    func times(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [BigInt](repeating: .zero, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where !x.isZero { for (j, y) in b.enumerated() where !y.isZero { out[i + j] = out[i + j] + x * y } }
        return UnivariateIntegerPolynomials.trimmed(out)
    }
    func minus(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        var out = a
        if out.count < b.count { out += [BigInt](repeating: .zero, count: b.count - out.count) }
        for (j, y) in b.enumerated() { out[j] = out[j] - y }
        return UnivariateIntegerPolynomials.trimmed(out)
    }
    let lead = g[g.count - 1]
    var r = f
    while let l = r.last, l.isEmpty { r.removeLast() }
    var steps = f.count - g.count + 1
    while r.count >= g.count {
        let top = r.removeLast()
        let shift = r.count + 1 - g.count
        for k in 0..<r.count { r[k] = times(r[k], lead) }
        for j in 0..<(g.count - 1) { r[shift + j] = minus(r[shift + j], times(top, g[j])) }
        while let l = r.last, l.isEmpty { r.removeLast() }
        steps -= 1
    }
    if steps > 0 {
        var factor: [BigInt] = [.one]
        for _ in 0..<steps { factor = times(factor, lead) }
        r = r.map { times($0, factor) }
    }
    return (r.count > 0 ? r[0] : [], r.count > 1 ? r[1] : [])
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
