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
        let (lead, poles) = try Self.poles(of: factors, bits: bits)
        let n = trimmed(numerator)
        if n.count == 1, n[0].isZero { return ComplexBall(BigRational.zero) }
        var upper: [Bool] = []
        for z in poles {
            guard Self.imaginaryPart(z).excludesZero else { throw Refusal(reason: "a pole may lie on the real axis") }
            upper.append(z.center.im.signum > 0)
        }
        return try closedForm(numerator: numerator, lead: lead, poles: poles, upper: upper, tanh: tanh, bits: bits)
    }

    /// The product of the factors' leading coefficients and their roots, factor by factor.
    public static func poles(of factors: [[ComplexBall]], bits: Int) throws(Refusal) -> (lead: ComplexBall, poles: [ComplexBall]) {
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
        return (lead, poles)
    }

    /// The closed forms from the poles, each with the half-plane it lies in where the formula
    /// was derived (`upper[i]`: Im z_i > 0 for the real outer frequency). Off the axis this is
    /// the analytic continuation as long as every step is analytic on the inputs, which the
    /// balls prove or refuse: residues divide by differences of poles that exclude 0, ψ takes
    /// balls free of its poles. A pole may cross the real axis on the way; the formula with
    /// its real-axis side stays the same analytic function.
    ///
    /// `moving` (with `shift`): the poles that are `poles[i] + shift` (translates; `poles` then
    /// holds their bases): differences between two moving poles are taken between the bases,
    /// so a wide shift does not widen them (it cancels exactly).
    public static func closedForm(numerator: [ComplexBall], lead: ComplexBall, poles bases: [ComplexBall], upper: [Bool],
                                  moving: [Bool]? = nil, shift: ComplexBall? = nil,
                                  tanh: (slope: ComplexBall, offset: ComplexBall)?, bits: Int) throws(Refusal) -> ComplexBall {
        precondition(upper.count == bases.count && (moving?.count ?? bases.count) == bases.count, "one side per pole")
        let moves = moving ?? [Bool](repeating: false, count: bases.count)
        let poles = shift.map { s in zip(bases, moves).map { $1 ? ($0 + s).rounded(bits: bits) : $0 } } ?? bases
        /// z_i − z_j, from the bases where both move.
        func difference(_ i: Int, _ j: Int) -> ComplexBall {
            guard let shift, moves[i] != moves[j] else { return bases[i] - bases[j] }
            return moves[i] ? (bases[i] - bases[j]) + shift : (bases[i] - bases[j]) - shift
        }
        let n = trimmed(numerator)
        if n.count == 1, n[0].isZero { return ComplexBall(BigRational.zero) }
        guard n.count - 1 <= poles.count - 2 else {
            throw Refusal(reason: "numerator degree \(n.count - 1) against denominator \(poles.count): not proven to converge")
        }
        for i in poles.indices {
            for j in 0..<i where !difference(i, j).excludesZero { throw Refusal(reason: "two poles may coincide (a double pole)") }
        }
        var residues: [ComplexBall] = []
        // c_z = N(z) · (1/lead) · Π 1/(z − w): each divisor inverted alone, so a wide ball
        // (a quadrature's disk) is refused only where one difference may vanish, and the
        // product's radius is the majorant Π(|c| + r) − Π|c| of the factors' deviations.
        guard let inverseLead = reciprocal(lead, bits: bits + 8) else { throw Refusal(reason: "a leading coefficient may vanish") }
        for (i, z) in poles.enumerated() {
            var factors = [ComplexBall.evaluate(n, at: z, bits: bits), inverseLead]
            for j in poles.indices where j != i {
                guard let inverse = reciprocal(difference(i, j), bits: bits + 8) else { throw Refusal(reason: "a residue's denominator may vanish") }
                factors.append(inverse)
            }
            residues.append(product(factors, bits: bits))
        }
        let pi = Self.pi(bits: bits)
        guard let (s, o) = tanh else {
            var sum = ComplexBall(BigRational.zero)
            for (c, up) in zip(residues, upper) where up { sum = sum + c }
            return (ComplexBall(GaussianRational(BigRational.zero, BigRational(2))) * pi * sum).rounded(bits: bits)
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
        for ((z, c), up) in zip(zip(poles, residues), upper) {
            let w = (minusI * scale * (z - mu)).rounded(bits: bits)
            let half = ComplexBall(BigRational(1) / BigRational(2))
            let argument = up ? half + w : half - w
            guard let psi = ComplexBall.digamma(argument, bits: bits) else { throw Refusal(reason: "ψ at a pole's argument") }
            total = (total - ComplexBall(BigRational(2)) * c * psi).rounded(bits: bits)
        }
        return negative ? -total : total
    }

    /// Π x_i over balls with the radius Π(|c_i| + r_i) − Π|c_i| (|c_i| bounded above): the
    /// deviation's own bound. The pairwise product rule bounds |c| by |Re c| + |Im c|, up to √2
    /// per factor, which on a residue's wide differences (a quadrature's disk) made divisors
    /// seem to reach 0.
    static func product(_ x: [ComplexBall], bits: Int) -> ComplexBall {
        var center = GaussianRational.one
        var upper = BigRational.one, exact = BigRational.one
        for b in x {
            center = center * b.center
            let m = RationalBounds.modulusAbove(b.center)
            upper = upper * (m + b.radius)
            exact = exact * m
        }
        return ComplexBall(center, radius: upper - exact).rounded(bits: bits)
    }

    /// 1/x with |c| bounded below by the modulus itself: |1/y − 1/c| ≤ r/(|c|(|c| − r)).
    static func reciprocal(_ x: ComplexBall, bits: Int) -> ComplexBall? {
        if x.isExact { return x.center.isZero ? nil : ComplexBall(GaussianRational.one / x.center).rounded(bits: bits) }
        let m = RationalBounds.modulusBelow(x.center)
        guard m > x.radius else { return nil }
        return ComplexBall(GaussianRational.one / x.center, radius: x.radius / (m * (m - x.radius))).rounded(bits: bits)
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
    public static func pi(bits: Int) -> ComplexBall {
        let p = BigFloat.pi(precision: bits + 8)
        guard let q = p.toBigRational() else { return ComplexBall(BigRational(22) / BigRational(7), radius: BigRational(1) / BigRational(100)) }
        return ComplexBall(q, radius: RationalBounds.twoToMinus(bits + 5))
    }
}
