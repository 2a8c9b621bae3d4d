import ComplexModule
import KeldyshNumerics
import RealModule

/// The per-node fast path: a piece with simple poles from factors of degree ≤ 2, its roots and
/// residues found at this node with the general path's arithmetic (so the same bits), and the
/// closed forms of the residues shared with the translation plans.
extension ClosedFormConvolution {
    /// One piece with simple poles from factors of degree 1 or 2, or nil when it has anything
    /// else (the general path then takes it, and makes the same refusals). Its arithmetic is
    /// the general path's, step for step.
    func fastPiece(_ plan: PiecePlan, _ o: UnsafePointer<Double>) -> Complex<Double>? {
        @inline(__always) func value(_ k: Int) -> Complex<Double> { Complex(o[2 * k], o[2 * k + 1]) }
        @inline(__always) func isZero(_ k: Int) -> Bool { o[2 * k] == 0 && o[2 * k + 1] == 0 }
        @inline(__always) func top(_ lower: Int, _ upper: Int) -> Int {
            var t = upper - 1
            while t > lower, isZero(t) { t -= 1 }
            return t
        }
        var constant = Complex<Double>(1, 0)
        var degree = 0
        let fs = factors + plan.firstFactor
        // The constant factors first, then the leading coefficients: the general path's order.
        for i in 0..<plan.factorCount {
            let d = fs[i]
            let n = top(d.lower, d.upper) - d.lower
            if n == 0 {
                for _ in 0..<d.exponent { constant *= value(d.lower) }
                continue
            }
            guard d.exponent == 1, n <= 2 else { return nil }
            degree += n
        }
        let nt = top(plan.numeratorLower, plan.numeratorUpper)
        if nt == plan.numeratorLower, isZero(nt) { return .zero }
        let numeratorDegree = nt - plan.numeratorLower
        guard numeratorDegree <= degree - 2 else { return nil }
        var count = 0
        // A pole within 10⁻⁷|z| of another is a double pole: the general path's.
        @inline(__always) func add(_ z: Complex<Double>, _ fixed: Bool) -> Bool {
            let near = 1e-14 * max(1, z.lengthSquared)
            for j in 0..<count where (poles[j] - z).lengthSquared <= near { return false }
            poles[count] = z
            poleFixed[count] = fixed
            count += 1
            return true
        }
        for i in 0..<plan.factorCount {
            let d = fs[i]
            let t = top(d.lower, d.upper)
            let n = t - d.lower
            if n == 0 { continue }
            let c0 = value(d.lower), c1 = value(d.lower + 1), a = value(t)
            constant *= a
            if d.fixed, rootsKnown[plan.firstFactor + i] {
                let (z1, z2) = factorRoots[plan.firstFactor + i]
                guard add(z1, true), n == 1 || add(z2, true) else { return nil }
                continue
            }
            let z1: Complex<Double>, z2: Complex<Double>
            if n == 1 {
                z1 = -c0 / c1
                z2 = .zero
            } else {
                (z1, z2) = Self.quadraticRoots(c0, c1, a)
            }
            if d.fixed {
                factorRoots[plan.firstFactor + i] = (z1, z2)
                rootsKnown[plan.firstFactor + i] = true
            }
            guard add(z1, d.fixed), n == 1 || add(z2, d.fixed) else { return nil }
        }
        for k in 0...numeratorDegree { numerator[k] = value(plan.numeratorLower + k) / constant }
        // Residues P(z)/Π_{j≠k}(z − z_j).
        for k in 0..<count {
            let z = poles[k]
            // A pole on the real axis (|Im z| ≤ 10⁻¹³|z|): the general path refuses it.
            guard z.imaginary * z.imaginary > 1e-26 * max(1, z.lengthSquared) else { return nil }
            var s = Complex<Double>(1, 0)
            for j in 0..<count where j != k { s *= z - poles[j] }
            var acc = numerator[numeratorDegree]
            for m in stride(from: numeratorDegree - 1, through: 0, by: -1) { acc = acc * z + numerator[m] }
            residues[k] = acc / s
        }
        return finish(count, plan, o, knownPsi: nil, known: 0)
    }

    /// Σ c over the upper poles (times 2πi), or −2 Σ c ψ(½ ± β(z − μ)/2πi) with tanh, from the
    /// residues in `residues`, after what rounding leaves of Σ c (zero: deg N ≤ deg D − 2) is
    /// spread over them (then Σ c vanishes to rounding, so the general path's convergence check
    /// cannot fail here). The first `known` poles' ψ are `knownPsi`; the others come from the
    /// memos (per point for `poleFixed`, else per node).
    @inline(__always)
    func finish(_ count: Int, _ plan: PiecePlan, _ o: UnsafePointer<Double>,
                        knownPsi: UnsafePointer<Complex<Double>>?, known: Int) -> Complex<Double> {
        var drift = Complex<Double>.zero
        for k in 0..<count { drift += residues[k] }
        drift = drift / Complex(Double(count), 0)
        for k in 0..<count { residues[k] -= drift }
        guard plan.slope >= 0 else {
            var upper = Complex<Double>.zero
            for k in 0..<count where poles[k].imaginary > 0 { upper += residues[k] }
            return Complex(0, 2 * Double.pi) * upper
        }
        let slope = o[2 * plan.slope]
        let (scale, mu) = Self.tanhScale(plan, o)
        var total = Complex<Double>.zero
        for k in 0..<count {
            let psi: Complex<Double>
            if k < known, let knownPsi {
                psi = knownPsi[k]
            } else {
                let argument = Self.digammaArgument(poles[k], scale: scale, mu: mu)
                psi = poleFixed[k] ? pointMemo.digamma(argument) : nodeMemo.digamma(argument)
            }
            total -= Complex<Double>(2, 0) * residues[k] * psi
        }
        return slope < 0 ? -total : total
    }

    /// a/b with one real division (b b̄ = |b|², then two products); `/` of swift-numerics
    /// divides twice. Where |b|² is not a normal number, `/` with its rescaling.
    @inline(__always)
    static func quotient(_ a: Complex<Double>, _ b: Complex<Double>) -> Complex<Double> {
        let n = b.lengthSquared
        guard n.isNormal else { return a / b }
        let r = 1 / n
        return a * Complex(b.real * r, -b.imaginary * r)
    }

    /// β/(2π) and μ of the piece's tanh(slope·ν + offset) = sign(slope)·tanh(β(ν − μ)/2).
    @inline(__always)
    static func tanhScale(_ plan: PiecePlan, _ o: UnsafePointer<Double>) -> (scale: Double, mu: Double) {
        let slope = o[2 * plan.slope], offset = o[2 * plan.offset]
        let beta = 2 * abs(slope)
        return (beta / (2 * Double.pi), -offset / slope)
    }

    /// ½ ± β(z − μ)/(2πi) with the sign of Im z (Re ≥ ½): β(z − μ)/(2πi) = −i·scale·(z − μ).
    @inline(__always)
    static func digammaArgument(_ z: Complex<Double>, scale: Double, mu: Double) -> Complex<Double> {
        let w = Complex(scale * z.imaginary, -scale * (z.real - mu))
        return z.imaginary > 0 ? Complex(0.5 + w.real, w.imaginary) : Complex(0.5 - w.real, -w.imaginary)
    }
}
