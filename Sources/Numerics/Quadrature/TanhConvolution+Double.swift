import ComplexModule
import RealModule

/// The tanh convolution (and the plain rational integral) in Double, for the hot path: the
/// self-energies are evaluated 10⁵–10⁶ times per threshold, where the MPFR closed form costs
/// tens of µs. Same formula as the MPFR version (see `TanhConvolution`): each pole z with
/// partial-fraction coefficients c (of 1/(ω − z)) and a (of 1/(ω − z)²) contributes
/// −2c ψ(½ ± β(z − μ)/(2πi)) − 2a(±β/(2πi)) ψ′(…), upper sign for Im z > 0. Both arguments
/// have Re > ½, so the Double ψ never reflects here.
///
/// Three entries, cheapest last: from P/Q (roots by Aberth, Newton-polished in Double), from
/// P and the known poles of Q, or from the partial fractions themselves. Same refusals as the
/// MPFR version; a pole counts as real when |Im z| ≤ 10⁻¹³·max(1, |z|) (below that the
/// integral is a near-principal value whose Double evaluation has no digits left).
extension TanhConvolution {
    /// One pole of R with its Laurent coefficients: R = Σ simple/(ω − pole) + double/(ω − pole)².
    public struct PartialFraction: Sendable, Equatable {
        public var pole: Complex<Double>
        /// Coefficient of 1/(ω − pole) (the residue).
        public var simple: Complex<Double>
        /// Coefficient of 1/(ω − pole)²; zero for a simple pole.
        public var double: Complex<Double>

        public init(pole: Complex<Double>, simple: Complex<Double>, double: Complex<Double> = .zero) {
            self.pole = pole
            self.simple = simple
            self.double = double
        }
    }

    /// ∫dω P/Q tanh(β(ω − μ)/2); coefficients lowest degree first.
    public static func integrate(numerator p: [Complex<Double>], denominator q: [Complex<Double>],
                                 beta: Double, mu: Double) throws(Failure) -> Complex<Double> {
        try integrate(partialFractions: partialFractions(numerator: p, denominator: q), beta: beta, mu: mu)
    }

    /// ∫dω P(ω)/Π_k(ω − z_k)^{m_k} tanh(β(ω − μ)/2) with the poles given (no root finding):
    /// the denominator is monic, so divide P by Q's leading coefficient.
    public static func integrate(numerator p: [Complex<Double>], poles: [(z: Complex<Double>, order: Int)],
                                 beta: Double, mu: Double) throws(Failure) -> Complex<Double> {
        try integrate(partialFractions: partialFractions(numerator: p, poles: poles), beta: beta, mu: mu)
    }

    /// ∫dω R tanh(β(ω − μ)/2) from R's partial fractions. Σ simple must vanish (R ~ 1/ω²);
    /// it is refused as divergent when |Σ simple| > 10⁻¹⁰ Σ|simple|.
    public static func integrate(partialFractions terms: [PartialFraction], beta: Double, mu: Double) throws(Failure) -> Complex<Double> {
        try checkConvergent(terms)
        let scale = beta / (2 * Double.pi)
        var total = Complex<Double>.zero
        for t in terms {
            try checkOffAxis(t.pole)
            // β(z − μ)/(2πi) = −i·scale·(z − μ).
            let w = Complex(scale * t.pole.imaginary, -scale * (t.pole.real - mu))
            let upper = t.pole.imaginary > 0
            let argument = upper ? Complex(0.5 + w.real, w.imaginary) : Complex(0.5 - w.real, -w.imaginary)
            total -= Complex<Double>(2, 0) * t.simple * ComplexPolygamma.digamma(argument)
            if t.double != .zero {
                // d/dz of ψ(½ ± β(z − μ)/(2πi)) = ±(β/(2πi)) ψ′ = ∓i·scale·ψ′.
                let slope = Complex<Double>(0, upper ? -scale : scale)
                total -= Complex<Double>(2, 0) * t.double * slope * ComplexPolygamma.trigamma(argument)
            }
        }
        return total
    }

    /// ∫dω P/Q = 2πi Σ_{Im z > 0} Res (deg P ≤ deg Q − 2).
    public static func rationalIntegral(numerator p: [Complex<Double>], denominator q: [Complex<Double>]) throws(Failure) -> Complex<Double> {
        try rationalIntegral(partialFractions: partialFractions(numerator: p, denominator: q))
    }

    /// ∫dω R from R's partial fractions (same conditions as the tanh entry).
    public static func rationalIntegral(partialFractions terms: [PartialFraction]) throws(Failure) -> Complex<Double> {
        try checkConvergent(terms)
        var upper = Complex<Double>.zero
        for t in terms {
            try checkOffAxis(t.pole)
            if t.pole.imaginary > 0 { upper += t.simple }
        }
        return Complex(0, 2 * Double.pi) * upper
    }

    /// The partial fractions of P/Q: poles by Aberth (Double), clusters closer than
    /// 10⁻⁵·max(1, |z|) taken as one double pole, each pole Newton-polished in Double on Q
    /// (simple) or Q′ (double).
    public static func partialFractions(numerator p: [Complex<Double>], denominator q: [Complex<Double>]) throws(Failure) -> [PartialFraction] {
        let p = trimmed(p), q = trimmed(q)
        let dp = p.count - 1, dq = q.count - 1
        let zeroNumerator = p.allSatisfy { $0 == .zero }
        guard dq >= 2, dp <= dq - 2 || zeroNumerator else { throw .divergent(numeratorDegree: dp, denominatorDegree: dq) }
        guard q.allSatisfy(\.isFinite), p.allSatisfy(\.isFinite) else { throw .roots("a coefficient is not finite") }
        let lead = q[dq]
        let monic = q.map { $0 / lead }
        var finder = PolynomialRootFinder(degree: dq)
        // Whether Aberth settled is not asked: beside a double root it converges only linearly
        // and may not, while the simple roots are already good starts; Newton decides.
        _ = monic.withUnsafeBufferPointer { finder.solve($0.baseAddress!, maxSweeps: 200) }
        let approximate = finder.roots
        guard approximate.allSatisfy(\.isFinite) else { throw .roots("Aberth did not converge") }
        var used = [Bool](repeating: false, count: dq)
        var poles: [(z: Complex<Double>, order: Int)] = []
        let dMonic = derivative(monic)
        for i in 0..<dq where !used[i] {
            used[i] = true
            var sum = approximate[i], count = 1
            for j in (i + 1)..<max(i + 1, dq) where !used[j] && (approximate[j] - approximate[i]).length <= 1e-5 * max(1, approximate[i].length) {
                used[j] = true
                sum += approximate[j]
                count += 1
            }
            guard count <= 2 else { throw .highOrderPole(count) }
            let start = sum / Complex(Double(count), 0)
            // A double root of Q is a simple root of Q′.
            poles.append((try polish(count == 1 ? monic : dMonic, start), count))
        }
        if zeroNumerator { return poles.map { PartialFraction(pole: $0.z, simple: .zero) } }
        return try partialFractions(numerator: p.map { $0 / lead }, poles: poles)
    }

    /// The partial fractions of P/Π(ω − z_k)^{m_k}, m_k ∈ {1, 2}: with S the product of the
    /// other factors, c = P(z)/S(z) for a simple pole; a = P(z)/S(z) and
    /// c = (P′(z) − P(z)·Σ_j m_j/(z − z_j))/S(z) (i.e. (P/S)′) for a double one.
    public static func partialFractions(numerator p: [Complex<Double>], poles: [(z: Complex<Double>, order: Int)]) throws(Failure) -> [PartialFraction] {
        let p = trimmed(p)
        let degree = poles.reduce(0) { $0 + $1.order }
        if let bad = poles.first(where: { $0.order > 2 }) { throw .highOrderPole(bad.order) }
        guard poles.allSatisfy({ $0.order >= 1 && $0.z.isFinite }) else { throw .roots("a pole of order < 1 or not finite") }
        let zeroNumerator = p.allSatisfy { $0 == .zero }
        guard degree >= 2, p.count - 1 <= degree - 2 || zeroNumerator else { throw .divergent(numeratorDegree: p.count - 1, denominatorDegree: degree) }
        var out: [PartialFraction] = []
        out.reserveCapacity(poles.count)
        for (k, pole) in poles.enumerated() {
            try checkOffAxis(pole.z)
            var s = Complex<Double>(1, 0), logDerivative = Complex<Double>.zero
            for (j, other) in poles.enumerated() where j != k {
                let d = pole.z - other.z
                guard d != .zero else { throw .roots("the pole \(pole.z) is listed twice") }
                s *= other.order == 1 ? d : d * d
                logDerivative += Complex(Double(other.order), 0) / d
            }
            let pz = evaluate(p, pole.z)
            if pole.order == 1 {
                out.append(PartialFraction(pole: pole.z, simple: pz / s))
            } else {
                let dpz = evaluate(derivative(p), pole.z)
                out.append(PartialFraction(pole: pole.z, simple: (dpz - pz * logDerivative) / s, double: pz / s))
            }
        }
        return out
    }

    static func checkOffAxis(_ z: Complex<Double>) throws(Failure) {
        guard abs(z.imaginary) > 1e-13 * max(1, z.length) else { throw .poleOnTheRealAxis("\(z.real)") }
    }

    static func checkConvergent(_ terms: [PartialFraction]) throws(Failure) {
        var sum = Complex<Double>.zero, size = 0.0
        var order = 0
        for t in terms {
            sum += t.simple
            size += t.simple.length
            order += t.double == .zero ? 1 : 2
        }
        guard sum.length <= 1e-10 * size else { throw .divergent(numeratorDegree: order - 1, denominatorDegree: order) }
    }

    /// Newton on f from z0 until the step is at the rounding level (below 4ε|z|, or no longer
    /// shrinking once below 10⁻⁸|z|: the noise floor of the Horner evaluation).
    static func polish(_ f: [Complex<Double>], _ z0: Complex<Double>) throws(Failure) -> Complex<Double> {
        let df = derivative(f)
        var z = z0
        var previous = Double.infinity
        for _ in 0..<100 {
            let fz = evaluate(f, z), dfz = evaluate(df, z)
            if fz == .zero { return z }
            let step = fz / dfz
            guard step.isFinite else { break }
            let size = step.length, scale = max(1, z.length)
            if size >= previous && previous <= 1e-8 * scale { return z }
            z -= step
            if size <= 4 * Double.ulpOfOne * scale { return z }
            previous = size
        }
        throw .roots("Newton did not settle near \(z0)")
    }

    static func evaluate(_ c: [Complex<Double>], _ z: Complex<Double>) -> Complex<Double> {
        var acc = c[c.count - 1]
        for k in stride(from: c.count - 2, through: 0, by: -1) { acc = acc * z + c[k] }
        return acc
    }

    static func derivative(_ c: [Complex<Double>]) -> [Complex<Double>] {
        guard c.count > 1 else { return [.zero] }
        return (1..<c.count).map { k in Complex(c[k].real * Double(k), c[k].imaginary * Double(k)) }
    }

    static func trimmed(_ c: [Complex<Double>]) -> [Complex<Double>] {
        var c = c.isEmpty ? [.zero] : c
        while c.count > 1, c.last! == .zero { c.removeLast() }
        return c
    }
}
