import Testing
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
    /// bitwise over the grid (both sides of the reflection line).
    @Test func conjugateArgumentGivesTheConjugateBitwise() {
        for x in Self.reals {
            for y in Self.imaginaries where y != 0 {
                let z = Complex(x, y)
                let a = ComplexPolygamma.digamma(z), b = ComplexPolygamma.digamma(z.conjugate)
                #expect(a.real.bitPattern == b.real.bitPattern && a.imaginary.bitPattern == (-b.imaginary).bitPattern,
                        "ψ(\(z)) = \(a), ψ(z̄) = \(b)")
            }
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
