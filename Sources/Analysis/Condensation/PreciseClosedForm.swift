import ArbitraryPrecision
import KeldyshNumerics

/// `ClosedFormConvolution` in MPFR: ∫dν of N/(Π f_k), alone or times tanh(β(ν − μ)/2), from
/// its simple poles and residues at the working precision — 2πi Σ_{Im z > 0} c, or
/// −2 Σ c ψ(½ ± β(z − μ)/(2πi)) with tanh (the formula of `TanhConvolution`, ψ by
/// `BigComplex.digamma`). The poles are found factor by factor, as in Double (the denominator
/// is never expanded): a linear or quadratic factor by its formula at the working precision
/// (the quadratic one without cancellation), a factor of higher degree by `preciseAberthRoots`
/// (a Double Aberth start refined in MPFR). Two coinciding poles (a double pole: κ = Ω with the
/// photon's pole on the drive's) are refused here; the Double route handles them.
final class PreciseClosedForm {
    let precision: Int
    private let twoPiI: BigComplex
    private let half: BigComplex, two: BigComplex, one: BigComplex
    /// Two poles closer than this (relative) are one double pole.
    private let coincidence: BigFloat

    init(precision: Int) {
        self.precision = precision
        let zero = BigFloat(0, precision: precision)
        twoPiI = BigComplex(zero, BigFloat(2, precision: precision) * BigFloat.pi(precision: precision))
        half = BigComplex(BigFloat(0.5, precision: precision))
        two = BigComplex(BigFloat(2, precision: precision))
        one = BigComplex(BigFloat(1, precision: precision))
        coincidence = BigFloat("1e-\(max(8, Int(Double(precision) * 0.30103 / 3)))", precision: precision)!
    }

    /// The simple poles z_k of N/(Π f_k) with their residues c_k.
    func fraction(numerator: [BigComplex], factors: [(coefficients: [BigComplex], exponent: Int)]) throws -> [(z: BigComplex, c: BigComplex)] {
        var constant = one
        var moving: [[BigComplex]] = []
        for (c, e) in factors {
            var c = c
            while c.count > 1, c.last!.isZero { c.removeLast() }
            if c.count == 1 {
                for _ in 0..<e { constant = constant * c[0] }
                continue
            }
            guard e == 1 else { throw CondensationError.integral("a pole of order \(e): only simple poles have a closed form here") }
            moving.append(c)
        }
        var n = numerator
        while n.count > 1, n.last!.isZero { n.removeLast() }
        if n.allSatisfy(\.isZero) { return [] }
        let degree = moving.reduce(0) { $0 + $1.count - 1 }
        guard n.count - 1 <= degree - 2 else {
            throw CondensationError.integral("the integral diverges (numerator degree \(n.count - 1), denominator \(degree))")
        }
        var poles: [BigComplex] = []
        for f in moving {
            constant = constant * f[f.count - 1]
            poles += try roots(f)
        }
        let unit = BigFloat(1, precision: precision)
        for i in poles.indices {
            let size = poles[i].abs, scale = size > unit ? size : unit
            for j in 0..<i where (poles[i] - poles[j]).abs <= coincidence * scale {
                throw CondensationError.integral("a double pole at \(poles[i].toComplexDouble()): the many-digit route takes simple poles only")
            }
        }
        // c_k = N(z_k) / (constant·Π_{j≠k}(z_k − z_j)).
        var out: [(z: BigComplex, c: BigComplex)] = []
        out.reserveCapacity(poles.count)
        for (k, z) in poles.enumerated() {
            var d = constant
            for (j, y) in poles.enumerated() where j != k { d = d * (z - y) }
            out.append((z, evaluate(n, z) / d))
        }
        // deg N ≤ deg D − 2 makes Σ c = 0 exactly; what rounding leaves of it is spread over
        // the residues, as the closed forms assume the sum vanishes (as in Double).
        var drift = out.reduce(BigComplex(BigFloat(0, precision: precision))) { $0 + $1.c }
        drift = drift / BigComplex(BigFloat(out.count, precision: precision))
        for k in out.indices { out[k].c = out[k].c - drift }
        return out
    }

    func rational(_ f: [(z: BigComplex, c: BigComplex)]) throws -> BigComplex {
        var upper = BigComplex(BigFloat(0, precision: precision))
        for t in f {
            guard !t.z.im.isZero else { throw CondensationError.integral("a pole on the real axis at \(t.z.re.toDouble())") }
            if t.z.im.sign > 0 { upper = upper + t.c }
        }
        return twoPiI * upper
    }

    /// ψ(½ ± β(z − μ)/2πi) already computed: the fermions' poles (the same at every ω) and a
    /// photon pole that two pieces share (found from different factors, so equal only to the
    /// working precision). An entry not used by one `integrate` call is dropped at the next.
    private struct Known {
        let z: BigComplex, approximate: (Double, Double)
        let beta: BigFloat, mu: BigFloat
        let psi: BigComplex
        var used: Bool
    }
    private var known: [Known] = []
    /// Poles closer than this (relative) share their ψ: ψ′·Δz is then below the working precision.
    private lazy var same = BigFloat.pow(BigFloat(2, precision: precision), -(precision - 8))

    private func psi(_ z: BigComplex, beta: BigFloat, mu: BigFloat) throws -> BigComplex {
        let a = (z.re.toDouble(), z.im.toDouble())
        let scale = Swift.max(1, Swift.abs(a.0) + Swift.abs(a.1))
        for k in known.indices where Swift.abs(known[k].approximate.0 - a.0) <= 1e-12 * scale && Swift.abs(known[k].approximate.1 - a.1) <= 1e-12 * scale
            && known[k].beta == beta && known[k].mu == mu {
            let d = z - known[k].z
            if BigFloat.abs(d.re) + BigFloat.abs(d.im) <= same * BigFloat(scale, precision: 53) {
                known[k].used = true
                return known[k].psi
            }
        }
        let w = BigComplex(beta) * (z - BigComplex(mu)) / twoPiI
        guard let v = BigComplex.digamma(z.im.sign > 0 ? half + w : half - w, precision: precision) else {
            throw CondensationError.integral("ψ at a pole")
        }
        known.append(Known(z: z, approximate: a, beta: beta, mu: mu, psi: v, used: true))
        return v
    }

    func tanh(_ f: [(z: BigComplex, c: BigComplex)], beta: BigFloat, mu: BigFloat) throws -> BigComplex {
        var total = BigComplex(BigFloat(0, precision: precision))
        for t in f {
            guard !t.z.im.isZero else { throw CondensationError.integral("a pole on the real axis at \(t.z.re.toDouble())") }
            total = total - two * t.c * (try psi(t.z, beta: beta, mu: mu))
        }
        return total
    }

    /// Σ over `pieces` of ∫dν of each fraction (times its tanh), summed per `entry` into
    /// `count` slots; `value(k)` is output k of the compiled coefficients at this point.
    func integrate(_ pieces: [CondensationProblem.Piece], count: Int, value: (Int) -> BigComplex) throws -> [BigComplex] {
        known.removeAll { !$0.used }
        for k in known.indices { known[k].used = false }
        var e = [BigComplex](repeating: BigComplex(BigFloat(0, precision: precision)), count: count)
        for p in pieces {
            let f = try fraction(numerator: p.numerator.map(value),
                                 factors: p.denominator.map { (d: (range: Range<Int>, exponent: Int)) in (d.range.map(value), d.exponent) })
            if f.isEmpty { continue }
            if let (s, o) = p.tanh {
                let slope = value(s).re, offset = value(o).re
                // tanh(slope·ν + offset) = sign·tanh(β(ν − μ)/2), β = 2|slope|, μ = −offset/slope.
                let v = try tanh(f, beta: BigFloat.abs(slope) * BigFloat(2, precision: precision), mu: -offset / slope)
                e[p.entry] = slope.sign < 0 ? e[p.entry] - v : e[p.entry] + v
            } else {
                e[p.entry] = e[p.entry] + (try rational(f))
            }
        }
        return e
    }

    private func evaluate(_ c: [BigComplex], _ z: BigComplex) -> BigComplex {
        var acc = c[c.count - 1]
        for k in stride(from: c.count - 2, through: 0, by: -1) { acc = acc * z + c[k] }
        return acc
    }

    private func roots(_ c: [BigComplex]) throws -> [BigComplex] {
        switch c.count {
        case 2: return [-c[0] / c[1]]
        case 3:
            // q = −(b + sign·√(b² − 4ac))/2, roots q/a and c/q: no cancellation at any |ν|.
            let (a, b, cc) = (c[2], c[1], c[0])
            let s = BigComplex.sqrt(b * b - BigComplex(BigFloat(4, precision: precision)) * a * cc)
            let aligned = (b.re * s.re + b.im * s.im).sign >= 0
            let q = -(half * (aligned ? b + s : b - s))
            guard !q.isZero else { throw CondensationError.integral("a double root of a quadratic factor at 0") }
            return [q / a, cc / q]
        default:
            let r = preciseAberthRoots(c, bits: precision, realCoefficients: false)
            guard r.allSatisfy(\.isFinite) else { throw CondensationError.integral("the roots of a factor of degree \(c.count - 1) did not settle") }
            return r
        }
    }
}
