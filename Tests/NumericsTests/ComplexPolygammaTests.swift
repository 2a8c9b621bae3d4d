import Testing
import Foundation
import ArbitraryPrecision
import ComplexModule
@testable import KeldyshNumerics

/// The Double ψ and ψ′ against the MPFR ones (`BigComplex.digamma/trigamma` at 200 bits, an
/// independent implementation: other truncation, other reflection code, 147 more bits) on a
/// grid that crosses the reflection line Re z = ½, reaches |Im z| = 10⁶ and hugs the negative
/// real axis between the poles.
@Suite struct ComplexPolygammaTests {
    static let reals: [Double] = [-150.25, -30.7, -10.3, -2.5, -1.999, -0.9, -0.1, 0.1, 0.4999, 0.5, 0.9, 1, 2.3, 7.5, 9.99, 15, 120, 3.5e4]
    static let imaginaries: [Double] = [0, 1e-9, -1e-4, 0.01, -0.3, 0.49, 0.5, -0.51, 2, -9.5, 10, 55, -1e3, 1e6]

    /// Worst |ψ − ψ_MPFR|/|ψ_MPFR| over the grid and where it is.
    func worst(_ f: (Complex<Double>) -> Complex<Double>, _ exact: (BigComplex) -> BigComplex?) -> (Double, Complex<Double>) {
        var worst = (0.0, Complex<Double>.zero)
        for x in Self.reals {
            for y in Self.imaginaries {
                let z = Complex(x, y)
                let reference = exact(BigComplex(z, precision: 200))!.toComplexDouble()
                let error = (f(z) - reference).length / reference.length
                if !(error <= worst.0) { worst = (error, z) }
            }
        }
        return worst
    }

    @Test func digammaToDoubleAccuracy() {
        let (error, at) = worst(ComplexPolygamma.digamma) { BigComplex.digamma($0, precision: 200) }
        print("ComplexPolygamma.digamma: max relative error \(error) at \(at)")
        #expect(error < 2e-15, "at \(at)")
    }

    /// The condensation's arguments (`ClosedFormConvolution`): w = ½ + a + i·1.59·x, β/2π ≈ 1.59,
    /// |x| from 10⁻² to 10⁴, real offsets a from 0 to 20, against MPFR at 200 bits. Relative
    /// error where |ψ| ≥ ½; below that (only near ψ's zero at 1.4616…, a = 1, small x) the
    /// error is absolute, since ψ there is a difference of O(1) terms.
    static let hotRegion: [Complex<Double>] = {
        let xs = (0...60).map { 1e-2 * Foundation.pow(10, Double($0) / 10) }
        let offsets: [Double] = [0, 0.25, 1, 2.5, 5, 10, 20]
        return offsets.flatMap { a in ([0] + xs + xs.map { -$0 }).map { Complex(0.5 + a, 1.59 * $0) } }
    }()

    @Test func digammaInTheCondensationRegion() {
        var relative = (0.0, Complex<Double>.zero), absolute = (0.0, Complex<Double>.zero)
        for z in Self.hotRegion {
            let reference = BigComplex.digamma(BigComplex(z, precision: 200), precision: 200)!.toComplexDouble()
            let error = (ComplexPolygamma.digamma(z) - reference).length
            if reference.length >= 0.5 {
                if !(error / reference.length <= relative.0) { relative = (error / reference.length, z) }
            } else if !(error <= absolute.0) { absolute = (error, z) }
        }
        print("ComplexPolygamma.digamma, condensation region: max relative error \(relative.0) at \(relative.1), max absolute error where |ψ| < ½ \(absolute.0) at \(absolute.1)")
        #expect(relative.0 < 2e-15, "at \(relative.1)")
        #expect(absolute.0 < 2e-15, "at \(absolute.1)")
    }

    /// ψ's Stirling series changes its number of terms K with q = (Re w)² + (Im w)²/2 (12 below
    /// 54, down to 1 from 3.5·10⁷) and the recurrence stops at q = 50: points just on either side
    /// of each threshold, on rays from the real axis to near the imaginary one, against MPFR.
    /// A truncation one term short would stay below an ulp (that is what the thresholds' bound
    /// says), so this catches gross mistakes only: a wrong coefficient among B₂/2 … B₁₈/18
    /// (c·50⁻ᵏ is still above 10⁻¹⁵ there), a tier that drops several terms, a recurrence that
    /// stops short. The twelve coefficients themselves were checked against sympy's Bernoulli
    /// numbers when they were written.
    @Test func digammaAcrossItsTruncationThresholds() {
        var worst = (0.0, Complex<Double>.zero)
        for threshold in [50.0, 54, 61, 72, 92, 128, 200, 380, 1024, 5000, 83000, 3.5e7] {
            for side in [1 - 1e-12, 1 + 1e-12] {
                for angle in [0.0, 0.4, 0.8, 1.2, 1.5] {
                    // x² + y²/2 = q on the ray y = x tan(angle).
                    let t = Foundation.tan(angle), q = threshold * side
                    let x = (q / (1 + t * t / 2)).squareRoot()
                    let z = Complex(max(x, 0.5), x * t)
                    let reference = BigComplex.digamma(BigComplex(z, precision: 200), precision: 200)!.toComplexDouble()
                    let error = (ComplexPolygamma.digamma(z) - reference).length / reference.length
                    if !(error <= worst.0) { worst = (error, z) }
                }
            }
        }
        print("ComplexPolygamma.digamma across the truncation thresholds: max relative error \(worst.0) at \(worst.1)")
        #expect(worst.0 < 1e-15, "at \(worst.1)")
    }

    @Test func trigammaToDoubleAccuracy() {
        let (error, at) = worst(ComplexPolygamma.trigamma) { BigComplex.trigamma($0, precision: 200) }
        print("ComplexPolygamma.trigamma: max relative error \(error) at \(at)")
        #expect(error < 2e-15, "at \(at)")
    }

    @Test func polesAreInfinite() {
        // ψ has simple poles at 0, −1, −2, … (Γ has them there).
        for n in [0.0, -1, -7, -200] {
            #expect(!ComplexPolygamma.digamma(Complex(n, 0)).isFinite)
            #expect(!ComplexPolygamma.trigamma(Complex(n, 0)).isFinite)
        }
        #expect(!ComplexPolygamma.digamma(Complex(.nan, 0)).isFinite)
    }

    /// ψ(z̄) = ψ(z)‾ (Schwarz reflection: ψ is real on the positive axis). The condensation's
    /// `DigammaMemo` hands out the conjugate of a stored ψ for a conjugate argument and claims
    /// it changes no bit, which holds only if the Double ψ is exactly odd in Im z: checked here
    /// bitwise over the grid (both sides of the reflection line) and the condensation region.
    @Test func conjugateArgumentGivesTheConjugateBitwise() {
        let grid = Self.reals.flatMap { x in Self.imaginaries.map { Complex(x, $0) } }
        for z in grid + Self.hotRegion where z.imaginary != 0 {
            let a = ComplexPolygamma.digamma(z), b = ComplexPolygamma.digamma(z.conjugate)
            #expect(a.real.bitPattern == b.real.bitPattern && a.imaginary.bitPattern == (-b.imaginary).bitPattern,
                    "ψ(\(z)) = \(a), ψ(z̄) = \(b)")
        }
    }

    @Test func knownValues() {
        // ψ(1) = −γ (Euler's constant), ψ′(1) = π²/6, ψ(½) = −γ − 2 ln 2 (DLMF 5.4.12, 5.15.2, 5.4.13).
        let gamma = 0.57721566490153286
        #expect(abs(ComplexPolygamma.digamma(Complex(1, 0)).real + gamma) < 1e-15)
        #expect(abs(ComplexPolygamma.trigamma(Complex(1, 0)).real - Double.pi * Double.pi / 6) < 1e-15)
        #expect(abs(ComplexPolygamma.digamma(Complex(0.5, 0)).real - (-gamma - 2 * 0.69314718055994531)) < 1e-15)
    }
}
