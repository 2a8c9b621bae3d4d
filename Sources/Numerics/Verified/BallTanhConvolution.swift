import ArbitraryPrecision

/// The closed forms of the tanh convolutions (`TanhConvolution`), enclosed: ∫dν N(ν)/Π f_k(ν),
/// alone or times tanh(s·ν + o), from ball coefficients. Every factor has degree ≤ 2 and
/// exponent 1, and every pole must be proven simple (the balls of their differences exclude 0)
/// and proven off the real axis (the ball of Im z excludes 0); then
///
///     ∫ N/D dν = 2πi Σ_{Im z > 0} c_z,
///     ∫ N/D tanh(β(ν − μ)/2) dν = −2 Σ_z c_z ψ(½ ± β(z − μ)/(2πi))   (± the sign of Im z),
///
/// with c_z = N(z)/D′(z), deg N ≤ deg D − 2 (so Σ c_z = 0, which the formulas use: it holds
/// for the exact coefficients inside the balls, so the enclosure does not need it of the
/// balls), β = 2|s|, μ = −o/s, and tanh(s·ν + o) = sign(s)·tanh(β(ν − μ)/2). Anything that
/// cannot be decided on the balls (a leading coefficient that may vanish, poles that may
/// coincide or touch the axis, a slope that may be 0) is a refusal with its reason, never an
/// approximation: a certificate built on these values holds for every point of the inputs.
public enum BallTanhConvolution {
    public struct Refusal: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// The enclosure of the integral; `bits`: the working precision of the centers.
    public static func integrate(numerator: [ComplexBall], factors: [[ComplexBall]],
                                 tanh: (slope: ComplexBall, offset: ComplexBall)?, bits: Int) throws(Refusal) -> ComplexBall {
        var lead = ComplexBall(BigRational.one)
        var poles: [ComplexBall] = []
        for f in factors {
            let c = trimmed(f)
            guard let top = c.last else { throw Refusal(reason: "a zero factor") }
            guard top.excludesZero else { throw Refusal(reason: "a factor's leading coefficient may vanish") }
            lead = (lead * top).rounded(bits: bits)
            switch c.count {
            case 1: continue
            case 2:
                guard let z = (-c[0]).divided(by: c[1], bits: bits) else { throw Refusal(reason: "a linear factor's root") }
                poles.append(z)
            case 3: poles += try quadraticRoots(c[0], c[1], c[2], bits: bits)
            default: throw Refusal(reason: "a factor of degree \(c.count - 1): only degrees 1 and 2 are enclosed")
            }
        }
        let n = trimmed(numerator)
        if n.count == 1, n[0].isZero { return ComplexBall(BigRational.zero) }
        guard n.count - 1 <= poles.count - 2 else {
            throw Refusal(reason: "numerator degree \(n.count - 1) against denominator \(poles.count): not proven to converge")
        }
        // Simple poles, off the axis, each on a known side.
        for (i, z) in poles.enumerated() {
            guard Self.imaginaryPart(z).excludesZero else { throw Refusal(reason: "a pole may lie on the real axis") }
            for w in poles[..<i] where !(z - w).excludesZero { throw Refusal(reason: "two poles may coincide (a double pole)") }
        }
        var residues: [ComplexBall] = []
        for (i, z) in poles.enumerated() {
            var d = lead
            for (j, w) in poles.enumerated() where j != i { d = (d * (z - w)).rounded(bits: bits) }
            let p = ComplexBall.evaluate(n, at: z, bits: bits)
            guard let c = p.divided(by: d, bits: bits) else { throw Refusal(reason: "a residue's denominator may vanish") }
            residues.append(c)
        }
        let pi = Self.pi(bits: bits)
        guard let (s, o) = tanh else {
            var upper = ComplexBall(BigRational.zero)
            for (z, c) in zip(poles, residues) where z.center.im.signum > 0 { upper = upper + c }
            return (ComplexBall(GaussianRational(BigRational.zero, BigRational(2))) * pi * upper).rounded(bits: bits)
        }
        // s and o are real (their imaginary parts are dropped by the caller's convention only
        // if exactly zero).
        guard s.center.im.isZero, o.center.im.isZero else { throw Refusal(reason: "tanh's slope and offset must be real") }
        guard s.excludesZero else { throw Refusal(reason: "tanh's slope may vanish") }
        let negative = s.center.re.signum < 0
        let beta = (negative ? -s : s) + (negative ? -s : s)
        guard let mu = (-o).divided(by: s, bits: bits) else { throw Refusal(reason: "tanh's slope may vanish") }
        // β(z − μ)/(2πi) = −i·β/(2π)·(z − μ).
        guard let scale = beta.divided(by: (ComplexBall(BigRational(2)) * pi).rounded(bits: bits), bits: bits) else {
            throw Refusal(reason: "π")
        }
        let minusI = ComplexBall(GaussianRational(BigRational.zero, BigRational(-1)))
        var total = ComplexBall(BigRational.zero)
        for (z, c) in zip(poles, residues) {
            let w = (minusI * scale * (z - mu)).rounded(bits: bits)
            let half = ComplexBall(BigRational(1) / BigRational(2))
            let argument = z.center.im.signum > 0 ? half + w : half - w
            guard let psi = ComplexBall.digamma(argument, bits: bits) else { throw Refusal(reason: "ψ at a pole's argument") }
            total = (total - ComplexBall(BigRational(2)) * c * psi).rounded(bits: bits)
        }
        return negative ? -total : total
    }

    /// The coefficients without exactly-zero leading ones (a ball that only may be zero stays,
    /// and is refused where it leads).
    static func trimmed(_ c: [ComplexBall]) -> [ComplexBall] {
        var c = c
        while c.count > 1, c.last!.isZero { c.removeLast() }
        return c
    }

    /// The two roots of a·ν² + b·ν + c: q = −(b + σ)/2 with σ a square root of b² − 4ac (either
    /// branch gives the pair; √ of the principal branch where the discriminant misses the
    /// negative axis, else i√(−disc)), the sign taken from the centers against cancellation;
    /// roots q/a and c/q.
    static func quadraticRoots(_ c: ComplexBall, _ b: ComplexBall, _ a: ComplexBall, bits: Int) throws(Refusal) -> [ComplexBall] {
        let disc = (b * b - ComplexBall(BigRational(4)) * a * c).rounded(bits: bits)
        let root: ComplexBall
        if disc.missesNegativeRealAxis, let r = ComplexBall.sqrt(disc, bits: bits) {
            root = r
        } else if (-disc).missesNegativeRealAxis, let r = ComplexBall.sqrt(-disc, bits: bits) {
            root = ComplexBall(GaussianRational(BigRational.zero, BigRational.one)) * r
        } else {
            throw Refusal(reason: "a quadratic factor's discriminant may vanish (a double root)")
        }
        let aligned = b.center.re * root.center.re + b.center.im * root.center.im
        let sum = aligned.signum >= 0 ? b + root : b - root
        let q = (ComplexBall(BigRational(-1) / BigRational(2)) * sum).rounded(bits: bits)
        guard let z1 = q.divided(by: a, bits: bits), let z2 = c.divided(by: q, bits: bits) else {
            throw Refusal(reason: "a quadratic factor's roots (q may vanish)")
        }
        return [z1, z2]
    }

    /// Im z as a ball on the real line.
    static func imaginaryPart(_ z: ComplexBall) -> ComplexBall { ComplexBall(z.center.im, radius: z.radius) }

    /// π to `bits` bits: MPFR's correctly rounded value, its error below 2^−(bits−2).
    static func pi(bits: Int) -> ComplexBall {
        let p = BigFloat.pi(precision: bits + 8)
        guard let q = p.toBigRational() else { return ComplexBall(BigRational(22) / BigRational(7), radius: BigRational(1) / BigRational(100)) }
        return ComplexBall(q, radius: RationalBounds.twoToMinus(bits + 5))
    }
}
