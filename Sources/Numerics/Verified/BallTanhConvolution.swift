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
        let p = precision(bits)
        let (lead, poles) = try Self.poles(of: try factors.map { f throws(Refusal) in try floats(f, p) }, bits: bits)
        let n = trimmed(numerator)
        if n.count == 1, n[0].isZero { return ComplexBall(BigRational.zero) }
        var upper: [Bool] = []
        for z in poles {
            guard imaginaryPartExcludesZero(z) else { throw Refusal(reason: "a pole may lie on the real axis") }
            upper.append(z.im.sign > 0)
        }
        return try ball(closedForm(numerator: try floats(numerator, p), lead: lead, poles: poles, upper: upper, moving: nil, shift: nil,
                                   tanh: try tanh.map { t throws(Refusal) in (try float(t.slope, p), try float(t.offset, p)) }, bits: bits))
    }

    /// The product of the factors' leading coefficients and their roots, factor by factor.
    public static func poles(of factors: [[ComplexBall]], bits: Int) throws(Refusal) -> (lead: ComplexBall, poles: [ComplexBall]) {
        let p = precision(bits)
        let (lead, poles) = try Self.poles(of: try factors.map { f throws(Refusal) in try floats(f, p) }, bits: bits)
        return (try ball(lead), try poles.map { z throws(Refusal) in try ball(z) })
    }

    static func poles(of factors: [[ComplexFloatBall]], bits: Int) throws(Refusal) -> (lead: ComplexFloatBall, poles: [ComplexFloatBall]) {
        let p = precision(bits)
        var lead = ComplexFloatBall(real: BigFloat(1, precision: p), precision: p)
        var poles: [ComplexFloatBall] = []
        for f in factors {
            let c = trimmed(f)
            guard let top = c.last else { throw Refusal(reason: "a zero factor") }
            guard top.excludesZero else { throw Refusal(reason: "a factor's leading coefficient may vanish") }
            lead = lead * top
            switch c.count {
            case 1: continue
            case 2:
                guard let z = (-c[0]).divided(by: c[1]) else { throw Refusal(reason: "a linear factor's root") }
                poles.append(z)
            case 3: poles += try quadraticRoots(c[0], c[1], c[2])
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
        let p = precision(bits)
        return try ball(closedForm(numerator: try floats(numerator, p), lead: try float(lead, p), poles: try floats(bases, p), upper: upper,
                                   moving: moving, shift: try shift.map { s throws(Refusal) in try float(s, p) },
                                   tanh: try tanh.map { t throws(Refusal) in (try float(t.slope, p), try float(t.offset, p)) }, bits: bits))
    }

    /// `closedForm` on MPFR-centered balls (`ComplexFloatBall`, at `precision(bits)`), where
    /// the work is: exact rational balls cost ~25 µs an operation at 200 bits.
    static func closedForm(numerator: [ComplexFloatBall], lead: ComplexFloatBall, poles bases: [ComplexFloatBall], upper: [Bool],
                           moving: [Bool]?, shift: ComplexFloatBall?,
                           tanh: (slope: ComplexFloatBall, offset: ComplexFloatBall)?, bits: Int) throws(Refusal) -> ComplexFloatBall {
        precondition(upper.count == bases.count && (moving?.count ?? bases.count) == bases.count, "one side per pole")
        let p = precision(bits)
        let moves = moving ?? [Bool](repeating: false, count: bases.count)
        let poles = shift.map { s in zip(bases, moves).map { $1 ? $0 + s : $0 } } ?? bases
        /// z_i − z_j, from the bases where both move.
        func difference(_ i: Int, _ j: Int) -> ComplexFloatBall {
            guard let shift, moves[i] != moves[j] else { return bases[i] - bases[j] }
            return moves[i] ? (bases[i] - bases[j]) + shift : (bases[i] - bases[j]) - shift
        }
        let n = trimmed(numerator)
        if n.count == 1, n[0].isZero { return .zero(precision: p) }
        guard n.count - 1 <= poles.count - 2 else {
            throw Refusal(reason: "numerator degree \(n.count - 1) against denominator \(poles.count): not proven to converge")
        }
        var inverses = [[ComplexFloatBall?]](repeating: [ComplexFloatBall?](repeating: nil, count: poles.count), count: poles.count)
        for i in poles.indices {
            for j in 0..<i {
                let d = difference(i, j)
                guard d.excludesZero else { throw Refusal(reason: "two poles may coincide (a double pole)") }
                // 1/(z_j − z_i) = −1/(z_i − z_j): one inversion per pair.
                guard let inverse = d.reciprocal else { throw Refusal(reason: "a residue's denominator may vanish") }
                inverses[i][j] = inverse
                inverses[j][i] = -inverse
            }
        }
        var residues: [ComplexFloatBall] = []
        // c_z = N(z) · (1/lead) · Π 1/(z − w): each divisor inverted alone, so a wide ball
        // (a quadrature's disk) is refused only where one difference may vanish, and the
        // product's radius is the majorant Π(|c| + r) − Π|c| of the factors' deviations.
        guard let inverseLead = lead.reciprocal else { throw Refusal(reason: "a leading coefficient may vanish") }
        for (i, z) in poles.enumerated() {
            var factors = [ComplexFloatBall.evaluate(n, at: z), inverseLead]
            for j in poles.indices where j != i { factors.append(inverses[i][j]!) }
            guard let c = ComplexFloatBall.product(factors) else { throw Refusal(reason: "a residue beyond Double's range") }
            residues.append(c)
        }
        let pi = ComplexFloatBall.pi(precision: p)
        guard let (s, o) = tanh else {
            var sum = ComplexFloatBall.zero(precision: p)
            for (c, up) in zip(residues, upper) where up { sum = sum + c }
            return try finite((pi * sum).scaled(byPowerOfTwo: 1).timesI)
        }
        // s and o are real (their imaginary parts are dropped by the caller's convention only
        // if exactly zero).
        guard s.im.isZero, o.im.isZero else { throw Refusal(reason: "tanh's slope and offset must be real") }
        guard s.excludesZero else { throw Refusal(reason: "tanh's slope may vanish") }
        let negative = s.re.sign < 0
        let beta = (negative ? -s : s).scaled(byPowerOfTwo: 1)
        guard let mu = (-o).divided(by: s) else { throw Refusal(reason: "tanh's slope may vanish") }
        // β(z − μ)/(2πi) = −i·β/(2π)·(z − μ).
        guard let scale = beta.divided(by: pi.scaled(byPowerOfTwo: 1)) else { throw Refusal(reason: "π") }
        let half = ComplexFloatBall(real: BigFloat(0.5, precision: p), precision: p)
        var total = ComplexFloatBall.zero(precision: p)
        for ((z, c), up) in zip(zip(poles, residues), upper) {
            let w = -(scale * (z - mu)).timesI
            let argument = up ? half + w : half - w
            guard let psi = ComplexFloatBall.digamma(argument, bits: bits) else { throw Refusal(reason: "ψ at a pole's argument") }
            total = total - (c * psi).scaled(byPowerOfTwo: 1)
        }
        return try finite(negative ? -total : total)
    }

    /// The working precision of the centers for `bits`: 8 guard bits.
    static func precision(_ bits: Int) -> Int { Swift.max(bits + 8, 32) }

    static func float(_ b: ComplexBall, _ p: Int) throws(Refusal) -> ComplexFloatBall {
        guard let f = ComplexFloatBall(b, precision: p) else { throw Refusal(reason: "a ball beyond Double's range") }
        return f
    }

    static func floats(_ b: [ComplexBall], _ p: Int) throws(Refusal) -> [ComplexFloatBall] {
        try b.map { x throws(Refusal) in try float(x, p) }
    }

    static func ball(_ f: ComplexFloatBall) throws(Refusal) -> ComplexBall {
        guard let b = f.complexBall else { throw Refusal(reason: "a ball beyond Double's range") }
        return b
    }

    static func finite(_ f: ComplexFloatBall) throws(Refusal) -> ComplexFloatBall {
        guard f.isFinite else { throw Refusal(reason: "a ball beyond Double's range") }
        return f
    }

    /// Whether Im z, as a ball on the real line, excludes 0.
    static func imaginaryPartExcludesZero(_ z: ComplexFloatBall) -> Bool {
        z.radius.isFinite && ComplexFloatBall.magnitudeBelow(z.im) > z.radius
    }

    /// The coefficients without exactly-zero leading ones (a ball that only may be zero stays,
    /// and is refused where it leads).
    static func trimmed(_ c: [ComplexBall]) -> [ComplexBall] {
        var c = c
        while c.count > 1, c.last!.isZero { c.removeLast() }
        return c
    }

    static func trimmed(_ c: [ComplexFloatBall]) -> [ComplexFloatBall] {
        var c = c
        while c.count > 1, c.last!.isZero { c.removeLast() }
        return c
    }

    /// The two roots of a·ν² + b·ν + c: q = −(b + σ)/2 with σ a square root of b² − 4ac (either
    /// branch gives the pair; √ of the principal branch where the discriminant misses the
    /// negative axis, else i√(−disc)), the sign taken from the centers against cancellation;
    /// roots q/a and c/q.
    static func quadraticRoots(_ c: ComplexFloatBall, _ b: ComplexFloatBall, _ a: ComplexFloatBall) throws(Refusal) -> [ComplexFloatBall] {
        let disc = b * b - (a * c).scaled(byPowerOfTwo: 2)
        let root: ComplexFloatBall
        if disc.missesNegativeRealAxis, let r = ComplexFloatBall.sqrt(disc) {
            root = r
        } else if (-disc).missesNegativeRealAxis, let r = ComplexFloatBall.sqrt(-disc) {
            root = r.timesI
        } else {
            throw Refusal(reason: "a quadratic factor's discriminant may vanish (a double root)")
        }
        // Only a choice between b + σ and b − σ (both valid): the sign of Re(b·σ̄), roughly.
        let aligned = b.re.toDouble() * root.re.toDouble() + b.im.toDouble() * root.im.toDouble()
        let sum = aligned >= 0 ? b + root : b - root
        let q = -sum.scaled(byPowerOfTwo: -1)
        guard let z1 = q.divided(by: a), let z2 = c.divided(by: q) else {
            throw Refusal(reason: "a quadratic factor's roots (q may vanish)")
        }
        return [z1, z2]
    }

    /// π to `bits` bits: MPFR's correctly rounded value, its error below 2^−(bits−2).
    public static func pi(bits: Int) -> ComplexBall {
        let p = BigFloat.pi(precision: bits + 8)
        guard let q = p.toBigRational() else { return ComplexBall(BigRational(22) / BigRational(7), radius: BigRational(1) / BigRational(100)) }
        return ComplexBall(q, radius: RationalBounds.twoToMinus(bits + 5))
    }
}
