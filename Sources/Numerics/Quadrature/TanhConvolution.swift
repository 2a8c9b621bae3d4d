import ArbitraryPrecision
import ComplexModule

/// I = ∫_{−∞}^{∞} dω R(ω) tanh(β(ω − μ)/2) for a rational R = P/Q, in closed form: the
/// convolution of a Green's function with a fermionic distribution F(ω) = tanh(β(ω ∓ μ_B)/2)
/// (paper 000, Eq. 5), which the self-energies of A53–A58 are made of.
///
/// With the Mittag-Leffler series tanh(βx/2) = (4/β)Σ_n x/(x² + ν_n²), ν_n = (2n + 1)π/β, each
/// simple pole z of R (residue c) contributes −2c ψ(½ + β(z − μ)/(2πi)) when Im z > 0 and
/// −2c ψ(½ − β(z − μ)/(2πi)) when Im z < 0 (the divergent constant of each term cancels in the
/// sum, since Σ c = 0 when deg P ≤ deg Q − 2, which convergence requires anyway); a double
/// pole's 1/(ω − z)² coefficient a contributes the z-derivative, −2a·(±β/(2πi))ψ′(…).
/// Checked against quadrature (mpmath and the package's own) in the tests.
///
/// The poles are found in Double (Aberth) and polished by Newton's method at the working
/// precision; a cluster of two roots is a double pole (polished as a root of Q′). Refused:
/// deg P > deg Q − 2 (divergent), a pole on the real axis (no ordinary integral), a pole of
/// order three or more, and roots that do not settle.
public enum TanhConvolution {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case divergent(numeratorDegree: Int, denominatorDegree: Int)
        case poleOnTheRealAxis(String)
        case highOrderPole(Int)
        case roots(String)

        public var description: String {
            switch self {
            case .divergent(let p, let q):
                return "∫ R tanh diverges: deg P = \(p) > deg Q − 2 = \(q - 2) (R must fall off like 1/ω²)"
            case .poleOnTheRealAxis(let z): return "R has a pole on the real axis (\(z)): the integral is not an ordinary one"
            case .highOrderPole(let m): return "R has a pole of order \(m); only simple and double poles have a closed form here"
            case .roots(let why): return "the poles of R could not be found: \(why)"
            }
        }
    }

    /// The integral to `bits` bits; P and Q by their coefficients, lowest degree first.
    public static func integrate(numerator p: [BigComplex], denominator q: [BigComplex],
                                 beta: BigFloat, mu: BigFloat, bits: Int) throws(Failure) -> BigComplex {
        let wp = bits + 32
        let p = trimmed(p.map { $0.rounded(toPrecision: wp) }), q = trimmed(q.map { $0.rounded(toPrecision: wp) })
        let dp = p.count - 1, dq = q.count - 1
        guard dq >= 2, dp <= dq - 2 || p.allSatisfy(\.isZero) else { throw .divergent(numeratorDegree: dp, denominatorDegree: dq) }
        let twoPiI = BigComplex(BigFloat(0, precision: wp), BigFloat(2, precision: wp) * BigFloat.pi(precision: wp))
        let b = beta.rounded(toPrecision: wp), m = BigComplex(mu.rounded(toPrecision: wp))
        let half = BigComplex(BigFloat(0.5, precision: wp))
        let two = BigComplex(BigFloat(2, precision: wp))
        var total = BigComplex.zero(precision: wp)
        for pole in try poles(q, wp) {
            guard !pole.z.im.isZero, BigFloat.abs(pole.z.im) > BigFloat.abs(pole.z.re + BigFloat(1, precision: wp)) * BigFloat("1e-\(wp / 4)", precision: wp)! else {
                throw .poleOnTheRealAxis(pole.z.re.toString(digits: 12))
            }
            let upper = pole.z.im.sign > 0
            let w = BigComplex(b) * (pole.z - m) / twoPiI
            let argument = upper ? half + w : half - w
            guard let psi = BigComplex.digamma(argument, precision: wp) else { throw .roots("ψ at a pole") }
            // −2·(coefficient of 1/(ω − z))·ψ.
            total = total - two * pole.simple(p, q) * psi
            if pole.order == 2 {
                guard let psi1 = BigComplex.trigamma(argument, precision: wp) else { throw .roots("ψ′ at a pole") }
                let slope = BigComplex(b) / twoPiI
                let signed = upper ? slope : -slope
                total = total - two * pole.double(p, q) * signed * psi1
            }
        }
        return total.rounded(toPrecision: bits)
    }

    /// A pole of P/Q: its position and order, with its Laurent coefficients.
    struct Pole {
        let z: BigComplex
        let order: Int

        /// Coefficient of 1/(ω − z): P(z)/Q′(z) for a simple pole; for a double one, with
        /// Q = (ω − z)² S, (P/S)′(z) = (P′S − PS′)/S² at z.
        func simple(_ p: [BigComplex], _ q: [BigComplex]) -> BigComplex {
            if order == 1 { return evaluate(p, z) / evaluate(derivative(q), z) }
            let s = deflated(deflated(q, z), z)
            let (pz, sz) = (evaluate(p, z), evaluate(s, z))
            return (evaluate(derivative(p), z) * sz - pz * evaluate(derivative(s), z)) / (sz * sz)
        }

        /// Coefficient of 1/(ω − z)² of a double pole: P(z)/S(z).
        func double(_ p: [BigComplex], _ q: [BigComplex]) -> BigComplex {
            evaluate(p, z) / evaluate(deflated(deflated(q, z), z), z)
        }
    }

    static func poles(_ q: [BigComplex], _ wp: Int) throws(Failure) -> [Pole] {
        let n = q.count - 1
        let lead = q[n].toComplexDouble()
        let monic = q.map { $0.toComplexDouble() / lead }
        var finder = PolynomialRootFinder(degree: n)
        let settled = monic.withUnsafeBufferPointer { finder.solve($0.baseAddress!, maxSweeps: 200) }
        let approximate = finder.roots
        guard approximate.allSatisfy({ $0.real.isFinite && $0.imaginary.isFinite }) else { throw .roots("Aberth did not converge") }
        // Clusters: roots closer than 1e-5 of their scale are one multiple pole.
        var used = [Bool](repeating: false, count: n)
        var out: [Pole] = []
        for i in 0..<n where !used[i] {
            used[i] = true
            var cluster = [approximate[i]]
            for j in (i + 1)..<max(i + 1, n) where !used[j] && (approximate[j] - approximate[i]).length <= 1e-5 * max(1, approximate[i].length) {
                used[j] = true
                cluster.append(approximate[j])
            }
            guard cluster.count <= 2 else { throw .highOrderPole(cluster.count) }
            if cluster.count == 1 && !settled { throw .roots("Aberth did not settle") }
            let start = cluster.reduce(Complex<Double>.zero, +) * Complex(1 / Double(cluster.count), 0)
            // A double root of Q is a simple root of Q′.
            let target = cluster.count == 1 ? q : derivative(q)
            out.append(Pole(z: try polish(target, BigComplex(start, precision: wp), wp), order: cluster.count))
        }
        return out
    }

    /// Newton on f from z0 until the step is below 2^{−(wp − 8)}|z|.
    static func polish(_ f: [BigComplex], _ z0: BigComplex, _ wp: Int) throws(Failure) -> BigComplex {
        let df = derivative(f)
        var z = z0
        let tolerance = BigFloat("1e-\(Int(Double(wp - 8) * 0.30103))", precision: wp)!
        for _ in 0..<200 {
            let step = evaluate(f, z) / evaluate(df, z)
            z = z - step
            if step.abs <= tolerance * BigFloat.max(BigFloat(1, precision: wp), z.abs) { return z }
        }
        throw .roots("Newton did not settle near \(z0.toComplexDouble())")
    }

    static func evaluate(_ c: [BigComplex], _ z: BigComplex) -> BigComplex {
        var acc = c[c.count - 1]
        for k in stride(from: c.count - 2, through: 0, by: -1) { acc = acc * z + c[k] }
        return acc
    }

    static func derivative(_ c: [BigComplex]) -> [BigComplex] {
        guard c.count > 1 else { return [c[0] - c[0]] }
        return (1..<c.count).map { k in c[k] * BigComplex(BigFloat(k, precision: c[k].precision)) }
    }

    /// c / (ω − z) by synthetic division (the remainder, ~0 at a root, dropped).
    static func deflated(_ c: [BigComplex], _ z: BigComplex) -> [BigComplex] {
        let n = c.count - 1
        var out = [BigComplex](repeating: c[n], count: n)
        var acc = c[n]
        for k in stride(from: n - 1, through: 1, by: -1) {
            acc = acc * z + c[k]
            out[k - 1] = acc
        }
        return out
    }

    static func trimmed(_ c: [BigComplex]) -> [BigComplex] {
        var c = c
        while c.count > 1, c.last!.isZero { c.removeLast() }
        return c
    }
}
