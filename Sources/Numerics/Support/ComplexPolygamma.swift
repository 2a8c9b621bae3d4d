import ComplexModule
import RealModule

/// ψ(z) and ψ′(z) for complex z in Double, for the hot path of the tanh convolutions
/// (`TanhConvolution.integrate` over Double), where the MPFR `BigComplex.digamma` is ~100×
/// too slow. Both reflect for Re z < ½, with cot πz and 1/sin² πz from the reduced real part
/// (x − round(x), exact) so that they stay accurate near the poles, and through q = e^{±2πiz}
/// for |Im z| ≥ ½ so that they neither overflow nor cancel at large |Im z|. Then, for
/// w = x + iy with x ≥ ½:
/// * ψ (`digammaRight`, in real arithmetic): the recurrence ψ(w) = ψ(w + N) − Σ_{k<N} 1/(w + k)
///   with N the fewest steps to q = x² + y²/2 ≥ 50 (at most 7; one real division per step, the
///   divisions independent of each other); then the Stirling series
///   ψ(w) = ln w − 1/(2w) − Σ_{k≤K} B_{2k}/(2k w^{2k}) with K from q (12 below q = 54, 5 from
///   q = 380, 1 from q = 3.5·10⁷), ln w = ½ ln(x² + y²) + i atan(y/x). Remainder bound (DLMF
///   5.11(ii)): the first neglected term times sec^{2K+3}(½ ph w), i.e.
///   |B_{2K+2}|/(2K+2) · sec(½ ph w)/ρ^{2K+2} with ρ² = |w|² cos²(½ ph w) = |w|(|w| + x)/2 ≥ q,
///   and sec(½ ph w) ≤ √2: each threshold keeps it below 10⁻¹⁷. The sum is computed at |y| and
///   conjugated for y < 0, so ψ(z̄) = ψ(z)‾ holds bitwise (`DigammaMemo` relies on it).
/// * ψ′: recurrence to |w| ≥ 10, then the Stirling series through B₂₀, in complex arithmetic.
/// At a pole (z = 0, −1, −2, …) and for a non-finite z the result is `Complex.infinity`.
/// Accuracy against MPFR (ComplexPolygammaTests): ≤ 1.1·10⁻¹⁵ relative on a grid away from the
/// zeros of ψ, the worst at small real w where the recurrence's sum cancels against ψ(w + N)
/// (ψ(1) = −γ as ψ(8) − H₇); near a zero the error is absolute (~10⁻¹⁶ of the terms that
/// cancel there).
public enum ComplexPolygamma {
    public static func digamma(_ z: Complex<Double>) -> Complex<Double> {
        guard z.isFinite, !isPole(z) else { return .infinity }
        if z.real < 0.5 {
            // ψ(z) = ψ(1 − z) − π cot πz.
            let cot = cotPi(z)
            return digammaRight(1 - z.real, -z.imaginary) - Complex(Double.pi * cot.real, Double.pi * cot.imaginary)
        }
        return digammaRight(z.real, z.imaginary)
    }

    public static func trigamma(_ z: Complex<Double>) -> Complex<Double> {
        guard z.isFinite, !isPole(z) else { return .infinity }
        if z.real < 0.5 {
            // ψ′(z) = π²/sin² πz − ψ′(1 − z).
            let csc2 = cscSquaredPi(z), pi2 = Double.pi * Double.pi
            return Complex(pi2 * csc2.real, pi2 * csc2.imaginary) - trigammaRight(Complex(1 - z.real, -z.imaginary))
        }
        return trigammaRight(z)
    }

    static func isPole(_ z: Complex<Double>) -> Bool {
        z.imaginary == 0 && z.real <= 0 && z.real == z.real.rounded()
    }

    /// B_{2k}, k = 1…10.
    static let trigammaCoefficients: [Double] = [
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66,
        -691.0 / 2730, 7.0 / 6, -3617.0 / 510, 43867.0 / 798, -174611.0 / 330,
    ]

    /// ψ′ for Re z ≥ ½: recurrence up to |w| ≥ 10, then Stirling.
    @inline(__always)
    static func trigammaRight(_ z: Complex<Double>) -> Complex<Double> {
        var w = z
        var sum = Complex<Double>.zero
        while w.lengthSquared < 100 {
            let inverse = 1 / w
            sum += inverse * inverse
            w = Complex(w.real + 1, w.imaginary)
        }
        let r = 1 / w
        let r2 = r * r
        var series = Complex<Double>(trigammaCoefficients[9], 0)
        for k in stride(from: 8, through: 0, by: -1) { series = series * r2 + Complex<Double>(trigammaCoefficients[k], 0) }
        // ψ′(w) = 1/w + 1/(2w²) + Σ B_{2k}/w^{2k+1}.
        let halfR2 = Complex(0.5 * r2.real, 0.5 * r2.imaginary)
        let tail: Complex<Double> = series * r2 * r
        return r + halfR2 + tail + sum
    }

    /// ψ(x + iy) for x ≥ ½ (see the type's comment), computed at |y| and conjugated for y < 0.
    @inline(__always)
    static func digammaRight(_ x0: Double, _ y0: Double) -> Complex<Double> {
        let y = abs(y0), y2 = y * y
        var x = x0
        // Σ_{k<N} 1/(w + k) = A − iyB, A = Σ (x + k)/d_k, B = Σ 1/d_k, d_k = |w + k|²: positive
        // terms, no cancellation. (Kept as one fraction, one division in all, it measured no
        // faster — these divisions are independent and overlap — and up to 1.8× less accurate
        // at small |w|, its products carrying every step's rounding.)
        var a = 0.0, b = 0.0
        let shifts = x * x + 0.5 * y2 < 50
        if shifts {
            let target = (50 - 0.5 * y2).squareRoot() - x  // N = ⌈target⌉ ≥ 1 (ceil is a call)
            var n = Int(target)
            if Double(n) < target { n += 1 }
            for _ in 0..<n {
                let e = 1 / (x * x + y2)
                a += x * e
                b += e
                x += 1
            }
        }
        let s = x * x + y2
        guard s < 0x1p1000 else { return huge(x, y0) }
        let q = x * x + 0.5 * y2
        let inverse = 1 / s
        let t2 = inverse * inverse               // |1/w²|²
        let tr = (x * x - y2) * t2               // Re 1/w²
        let ti = -2 * x * y * t2                 // Im 1/w²
        let rr = tr + tr
        // Q = Σ_{k=1}^{K} B_{2k}/(2k) t^k, t = 1/w², by Knuth's scheme for a real polynomial at a
        // complex point (TAOCP 4.6.4: u(t) ≡ a·t + b mod t² − 2 Re t·t + |t|², two real
        // multiply-adds per coefficient instead of a complex multiplication).
        var qr: Double, qi: Double
        if q < 128 {
            // K = 12 (after the recurrence q ∈ [50, 65)) as t·E(t²) + t²·O(t²): two independent
            // chains of six instead of one of twelve.
            let tt = tr * tr - ti * ti, ti2 = 2 * tr * ti, r2 = tt + tt, s2 = t2 * t2
            var ue = 0.0, ve = 0.0, uo = 0.0, vo = 0.0
            @inline(__always) func step(_ ce: Double, _ co: Double) {
                (ue, ve, uo, vo) = (ve + r2 * ue, ce - s2 * ue, vo + r2 * uo, co - s2 * uo)
            }
            step(854513.0 / 3036, -236364091.0 / 65520)
            step(43867.0 / 14364, -174611.0 / 6600)
            step(1.0 / 12, -3617.0 / 8160)
            step(1.0 / 132, -691.0 / 32760)
            step(1.0 / 252, -1.0 / 240)
            step(1.0 / 12, -1.0 / 120)
            let er = tt * ue + ve, ei = ti2 * ue, or = tt * uo + vo, oi = ti2 * uo
            qr = (tr * er - ti * ei) + (tt * or - ti2 * oi)
            qi = (tr * ei + ti * er) + (tt * oi + ti2 * or)
        } else {
            var u = 0.0, v = 0.0
            @inline(__always) func step(_ c: Double) { (u, v) = (v + rr * u, c - t2 * u) }
            if q < 1024 {
                if q < 200 { step(1.0 / 12); step(-691.0 / 32760); step(1.0 / 132) }
                else if q < 380 { step(-691.0 / 32760); step(1.0 / 132) }
                else { step(1.0 / 132) }
                step(-1.0 / 240); step(1.0 / 252); step(-1.0 / 120); step(1.0 / 12)
            } else {
                if q < 5000 { step(-1.0 / 240); step(1.0 / 252); step(-1.0 / 120) }
                else if q < 83000 { step(1.0 / 252); step(-1.0 / 120) }
                else if q < 3.5e7 { step(-1.0 / 120) }
                step(1.0 / 12)
            }
            step(0)
            qr = tr * u + v
            qi = ti * u
        }
        var re = 0.5 * Double.log(s) - 0.5 * x * inverse - qr
        // atan(y/x) for x > 0: within an ulp of atan2, which costs ~25 % more.
        var im = Double.atan(y / x) + 0.5 * y * inverse - qi
        if shifts {
            re -= a
            im += y * b
        }
        return Complex(re, y0.sign == .minus ? -im : im)
    }

    /// |w| ≥ 2⁵⁰⁰: ψ(w) = ln w − 1/(2w) to far below an ulp (the next term is 1/(12w²)).
    @inline(never)
    static func huge(_ x: Double, _ y0: Double) -> Complex<Double> {
        let w = Complex(x, abs(y0))
        let v = Complex.log(w) - Complex(0.5, 0) / w
        return y0.sign == .minus ? v.conjugate : v
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
