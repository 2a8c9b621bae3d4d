import ComplexModule
import KeldyshNumerics
import RealModule

/// ∫dν of a fraction N/(Π f_k), alone or times tanh(β(ν − μ)/2), in closed form from its
/// simple poles and residues (the Double `TanhConvolution`: 2πi Σ_{Im z > 0} c, and
/// −2 Σ c ψ(½ ± β(z − μ)/2πi) with tanh). The poles are found factor by factor (the denominator is never expanded:
/// a product of quadratics with poles near 0 and near a large x would lose the cluster at x
/// to cancellation), by the quadratic formula or, for a factor of higher degree, by Aberth.
final class ClosedFormConvolution {
    struct Fraction {
        var terms: [TanhConvolution.PartialFraction] = []
    }

    /// Poles and partial fractions of N/(Π f_k^{e_k}); every e_k = 1 for factors in ν (a double
    /// pole arises only where two factors share a root).
    func fraction(numerator: [Complex<Double>], factors: [(coefficients: [Complex<Double>], exponent: Int)]) throws -> Fraction {
        var out = Fraction()
        var constant = Complex<Double>(1, 0)
        var moving: [[Complex<Double>]] = []
        for (c, e) in factors {
            var c = c
            while c.count > 1, c.last! == .zero { c.removeLast() }
            if c.count == 1 {
                for _ in 0..<e { constant *= c[0] }
                continue
            }
            guard e == 1 else { throw CondensationError.integral("a pole of order \(e): only simple poles have a closed form here") }
            moving.append(c)
        }
        let degree = moving.reduce(0) { $0 + $1.count - 1 }
        var n = numerator
        while n.count > 1, n.last! == .zero { n.removeLast() }
        if n.allSatisfy({ $0 == .zero }) { return out }
        guard n.count - 1 <= degree - 2 else {
            throw CondensationError.integral("the integral diverges (numerator degree \(n.count - 1), denominator \(degree))")
        }
        // Every root of every factor, the factors' leading coefficients taken into N; roots of
        // two factors that coincide (a photon pole on a drive pole when κ = Ω) are one double pole.
        var poles: [(z: Complex<Double>, order: Int)] = []
        for f in moving {
            constant *= f[f.count - 1]
            for z in try roots(f) {
                if let k = poles.firstIndex(where: { ($0.z - z).length <= 1e-7 * max(1, z.length) }) {
                    guard poles[k].order == 1 else { throw CondensationError.integral("a pole of order 3 at \(z)") }
                    poles[k] = ((poles[k].z + z) / Complex(2, 0), 2)
                } else {
                    poles.append((z, 1))
                }
            }
        }
        do {
            out.terms = try TanhConvolution.partialFractions(numerator: n.map { $0 / constant }, poles: poles)
        } catch {
            throw CondensationError.integral(error.description)
        }
        // deg N ≤ deg D − 2 (checked above, exactly) makes Σ c = 0; what rounding leaves of it
        // is spread over the residues, as the closed forms assume the sum vanishes.
        if !out.terms.isEmpty {
            let drift = out.terms.reduce(Complex<Double>.zero) { $0 + $1.simple } / Complex(Double(out.terms.count), 0)
            for k in out.terms.indices { out.terms[k].simple -= drift }
        }
        return out
    }

    func rational(_ f: Fraction) throws -> Complex<Double> {
        do { return try TanhConvolution.rationalIntegral(partialFractions: f.terms) } catch { throw CondensationError.integral(error.description) }
    }

    func tanh(_ f: Fraction, beta: Double, mu: Double) throws -> Complex<Double> {
        do { return try TanhConvolution.integrate(partialFractions: f.terms, beta: beta, mu: mu) } catch { throw CondensationError.integral(error.description) }
    }

    /// Σ over `pieces` of ∫dν of each fraction (times its tanh), summed per `entry` into
    /// `count` slots; `value(k)` is output k of the compiled coefficients at this point.
    func integrate(_ pieces: [CondensationProblem.Piece], count: Int, value: (Int) -> Complex<Double>) throws -> [Complex<Double>] {
        var e = [Complex<Double>](repeating: .zero, count: count)
        for p in pieces {
            let f = try fraction(numerator: p.numerator.map(value),
                                 factors: p.denominator.map { (d: (range: Range<Int>, exponent: Int)) in (d.range.map(value), d.exponent) })
            if let (s, o) = p.tanh {
                let slope = value(s).real, offset = value(o).real
                // tanh(slope·ν + offset) = sign·tanh(β(ν − μ)/2), β = 2|slope|, μ = −offset/slope.
                let v = try tanh(f, beta: 2 * abs(slope), mu: -offset / slope)
                e[p.entry] += slope < 0 ? -v : v
            } else {
                e[p.entry] += try rational(f)
            }
        }
        return e
    }

    private func roots(_ c: [Complex<Double>]) throws -> [Complex<Double>] {
        switch c.count {
        case 2: return [-c[0] / c[1]]
        case 3:
            // Without cancellation: q = −(b + sign·√(b² − 4ac))/2, roots q/a and c/q.
            let (a, b, cc) = (c[2], c[1], c[0])
            let s = Complex.sqrt(b * b - Complex(4, 0) * a * cc)
            let sign: Complex<Double> = (b.real * s.real + b.imaginary * s.imaginary) >= 0 ? Complex(1, 0) : Complex(-1, 0)
            let q = Complex(-0.5, 0) * (b + sign * s)
            if q == .zero { return [.zero, .zero] }
            return [q / a, cc / q]
        default:
            let n = c.count - 1
            let monic = c.map { $0 / c[n] }
            var finder = PolynomialRootFinder(degree: n)
            guard monic.withUnsafeBufferPointer({ finder.solve($0.baseAddress!, maxSweeps: 200) }) else {
                throw CondensationError.integral("the roots of a factor of degree \(n) did not settle")
            }
            return finder.roots
        }
    }

}
