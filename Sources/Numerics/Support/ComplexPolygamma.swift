import ComplexModule
import RealModule

/// ψ(z) and ψ′(z) for complex z in Double, for the hot path of the tanh convolutions
/// (`TanhConvolution.integrate` over Double), where the MPFR `BigComplex.digamma` is ~100×
/// too slow. The method is the MPFR one with the truncations fixed for 53 bits:
/// * reflection for Re z < ½, with cot πz and 1/sin² πz from the reduced real part
///   (x − round(x), exact) so that they stay accurate near the poles, and through
///   q = e^{±2πiz} for |Im z| ≥ ½ so that they neither overflow nor cancel at large |Im z|;
/// * recurrence to |w| ≥ 10 (Re w > 0);
/// * the Stirling series through B₂₀: in |arg w| ≤ π/2 the remainder is below the first
///   neglected term (B₂₂/(22w²²) ≈ 3·10⁻²⁰ at |w| = 10) times sec²²(π/4) = 2¹¹, i.e. < 10⁻¹⁶.
/// At a pole (z = 0, −1, −2, …) and for a non-finite z the result is `Complex.infinity`.
/// Accuracy against MPFR (ComplexPolygammaTests): ≤ 4·10⁻¹⁶ relative on a grid away from the
/// zeros of ψ; near a zero the error is absolute (~10⁻¹⁶ of the terms that cancel there).
public enum ComplexPolygamma {
    public static func digamma(_ z: Complex<Double>) -> Complex<Double> {
        guard z.isFinite, !isPole(z) else { return .infinity }
        if z.real < 0.5 {
            // ψ(z) = ψ(1 − z) − π cot πz.
            let cot = cotPi(z)
            return shifted(order: 0, Complex(1 - z.real, -z.imaginary)) - Complex(Double.pi * cot.real, Double.pi * cot.imaginary)
        }
        return shifted(order: 0, z)
    }

    public static func trigamma(_ z: Complex<Double>) -> Complex<Double> {
        guard z.isFinite, !isPole(z) else { return .infinity }
        if z.real < 0.5 {
            // ψ′(z) = π²/sin² πz − ψ′(1 − z).
            let csc2 = cscSquaredPi(z), pi2 = Double.pi * Double.pi
            return Complex(pi2 * csc2.real, pi2 * csc2.imaginary) - shifted(order: 1, Complex(1 - z.real, -z.imaginary))
        }
        return shifted(order: 1, z)
    }

    static func isPole(_ z: Complex<Double>) -> Bool {
        z.imaginary == 0 && z.real <= 0 && z.real == z.real.rounded()
    }

    /// B_{2k}/(2k), k = 1…10 (ψ) and B_{2k}, k = 1…10 (ψ′).
    static let digammaCoefficients: [Double] = [
        1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132,
        -691.0 / 32760, 1.0 / 12, -3617.0 / 8160, 43867.0 / 14364, -174611.0 / 6600,
    ]
    static let trigammaCoefficients: [Double] = [
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66,
        -691.0 / 2730, 7.0 / 6, -3617.0 / 510, 43867.0 / 798, -174611.0 / 330,
    ]

    /// ψ or ψ′ for Re z ≥ ½: recurrence up to |w| ≥ 10, then Stirling.
    @inline(__always)
    static func shifted(order: Int, _ z: Complex<Double>) -> Complex<Double> {
        var w = z
        var sum = Complex<Double>.zero
        while w.lengthSquared < 100 {
            let inverse = 1 / w
            sum += order == 0 ? inverse : inverse * inverse
            w = Complex(w.real + 1, w.imaginary)
        }
        let r = 1 / w
        let r2 = r * r
        if order == 0 {
            var series = Complex<Double>(digammaCoefficients[9], 0)
            for k in stride(from: 8, through: 0, by: -1) { series = series * r2 + Complex<Double>(digammaCoefficients[k], 0) }
            // ψ(w) = ln w − 1/(2w) − Σ B_{2k}/(2k w^{2k}).
            let halfR = Complex(0.5 * r.real, 0.5 * r.imaginary)
            let tail: Complex<Double> = series * r2
            return Complex.log(w) - halfR - tail - sum
        }
        var series = Complex<Double>(trigammaCoefficients[9], 0)
        for k in stride(from: 8, through: 0, by: -1) { series = series * r2 + Complex<Double>(trigammaCoefficients[k], 0) }
        // ψ′(w) = 1/w + 1/(2w²) + Σ B_{2k}/w^{2k+1}.
        let halfR2 = Complex(0.5 * r2.real, 0.5 * r2.imaginary)
        let tail: Complex<Double> = series * r2 * r
        return r + halfR2 + tail + sum
    }

    /// cot πz. Near the real axis from sin/cos of the reduced real part; away from it as
    /// ∓i(1 + q)/(1 − q), q = e^{±2πiz} (|q| ≤ e^{−π}), which cannot overflow.
    static func cotPi(_ z: Complex<Double>) -> Complex<Double> {
        let r = z.real - z.real.rounded()  // cot has period 1: exact reduction
        let y = z.imaginary
        if abs(y) < 0.5 {
            let (sr, cr) = (Double.sin(Double.pi * r), Double.cos(Double.pi * r))
            let (sh, ch) = (Double.sinh(Double.pi * y), Double.cosh(Double.pi * y))
            return Complex(cr * ch, -sr * sh) / Complex(sr * ch, cr * sh)
        }
        let q = expTwoPiI(r, y)
        let ratio = (1 + q) / (1 - q)
        return y > 0 ? Complex(ratio.imaginary, -ratio.real) : Complex(-ratio.imaginary, ratio.real)
    }

    /// 1/sin² πz, likewise: 1/s² near the axis, −4q/(1 − q)² away from it.
    static func cscSquaredPi(_ z: Complex<Double>) -> Complex<Double> {
        let r = z.real - z.real.rounded()  // sin² has period 1
        let y = z.imaginary
        if abs(y) < 0.5 {
            let s = Complex(Double.sin(Double.pi * r) * Double.cosh(Double.pi * y), Double.cos(Double.pi * r) * Double.sinh(Double.pi * y))
            return 1 / (s * s)
        }
        let q = expTwoPiI(r, y)
        let d = 1 - q
        return Complex(-4 * q.real, -4 * q.imaginary) / (d * d)
    }

    /// e^{2πi(r + iy)} for y > 0 and e^{−2πi(r + iy)} for y < 0: modulus e^{−2π|y|}.
    static func expTwoPiI(_ r: Double, _ y: Double) -> Complex<Double> {
        let m = Double.exp(-2 * Double.pi * abs(y))
        let a = 2 * Double.pi * r
        return Complex(m * Double.cos(a), (y > 0 ? 1 : -1) * m * Double.sin(a))
    }
}
