import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import Testing
import TestSupport

/// tanh(x)/(x(x² + π²/4)) integrates over ℝ to 16 ln 2/π². Derivation: the
/// Mittag-Leffler expansion tanh x = Σ_{k≥0} 2x/(x² + c_k²), c_k = (k + ½)π,
/// and ∫_ℝ dx/((x² + c²)(x² + a²)) = π/(ac(a + c)) (partial fractions) give
/// Σ_k 2π/(a c_k (a + c_k)) = (2/a²)[ψ(½ + a/π) − ψ(½)]; at a = π/2 this is
/// (8/π²)(ψ(1) − ψ(½)) = (8/π²)·2 ln 2 (ψ(½) = −γ − 2 ln 2, ψ(1) = −γ).
let tanhIntegralA = Double.pi / 2

@Suite("Quadrature")
struct QuadratureTests {
    // MARK: Gauss–Kronrod in double

    @Test func piFromArctangent() throws {
        // ∫₀¹ 4/(1 + x²) dx = 4 arctan 1 = π.
        let r = try integrate({ 4 / (1 + $0 * $0) }, from: 0, to: 1)
        #expect(r.converged && abs(r.value - Double.pi) < 1e-14)
        #expect(r.errorEstimate < 1e-12 && abs(r.value - Double.pi) <= max(r.errorEstimate, 4e-16))
    }

    @Test func gaussianOverRealLine() throws {
        // ∫ e^(−x²) dx over ℝ = √π (Gaussian integral).
        let r = try integrate({ exp(-$0 * $0) }, from: -.infinity, to: .infinity)
        #expect(r.converged && abs(r.value - Double.pi.squareRoot()) < 1e-13)
        #expect(abs(r.value - Double.pi.squareRoot()) <= r.errorEstimate + 1e-15)
    }

    @Test func planckIntegral() throws {
        // ∫₀^∞ x³/(eˣ − 1) dx = Γ(4)ζ(4) = 6·π⁴/90 = π⁴/15.
        let r = try integrate({ $0 * $0 * $0 / expm1($0) }, from: 0, to: .infinity)
        let exact = pow(Double.pi, 4) / 15
        #expect(r.converged && abs(r.value - exact) < 1e-12 * exact)
        #expect(abs(r.value - exact) <= r.errorEstimate + 1e-14)
    }

    @Test func rationalTimesTanhOverRealLine() throws {
        let a2 = tanhIntegralA * tanhIntegralA
        let r = try integrate({ x in x == 0 ? 1 / a2 : tanh(x) / (x * (x * x + a2)) }, from: -.infinity, to: .infinity)
        let exact = 16 * log(2.0) / (Double.pi * Double.pi)
        #expect(r.converged && abs(r.value - exact) < 1e-12)
        #expect(abs(r.value - exact) <= r.errorEstimate + 1e-15)
    }

    @Test func negativeSemiInfiniteAndReversedBounds() throws {
        // ∫_{−∞}^0 eˣ dx = 1; reversing the bounds flips the sign.
        let r = try integrate({ exp($0) }, from: 0, to: -.infinity)
        #expect(abs(r.value + 1) < 1e-13)
    }

    @Test func nonFiniteIntegrandIsReported() {
        #expect(throws: NumericsError.self) { try integrate({ 1 / ($0 - 0.5) - 1 / ($0 - 0.5) }, from: 0, to: 1) }
    }

    @Test func missedToleranceIsReported() throws {
        // 1/√x on [0, 1] is integrable (= 2) but too singular for 3 subintervals at 1e−14.
        let r = try integrate({ 1 / $0.squareRoot() }, from: 0, to: 1, absoluteTolerance: 1e-14,
                              relativeTolerance: 1e-14, maxSubintervals: 3)
        #expect(!r.converged && r.errorEstimate > 1e-14)
        #expect(abs(r.value - 2) <= r.errorEstimate)
    }

    // MARK: Double exponential in MPFR, 50 digits

    let digits = 50
    var p: Int { BigFloat.bits(forDigits: digits + 10) }
    func inf(_ sign: Double) -> BigFloat { BigFloat(sign * .infinity, precision: p) }

    func expectAccurate(_ r: QuadratureResult<BigFloat>, _ exact: BigFloat) {
        #expect(r.converged)
        let err = distance(r.value, exact)
        #expect(err <= 1e-50 * max(1, BigFloat.abs(exact).toDouble()), "error \(err)")
        #expect(err <= r.errorEstimate.toDouble() + 1e-55, "error \(err) above estimate \(r.errorEstimate)")
    }

    @Test func tanhSinhPi() throws {
        let four = BigFloat(4, precision: p), one = BigFloat(1, precision: p)
        let r = try preciseIntegrate({ four / (one + $0 * $0) }, from: BigFloat(0, precision: p), to: one, digits: digits)
        expectAccurate(r, BigFloat.pi(precision: p))
    }

    @Test func tanhSinhEndpointSingularity() throws {
        // ∫₀¹ −ln x dx = 1, singular at 0: the nodes' distance to 0 is kept exactly.
        let r = try preciseIntegrate({ -BigFloat.log($0) }, from: BigFloat(0, precision: p), to: BigFloat(1, precision: p), digits: digits)
        expectAccurate(r, BigFloat(1, precision: p))
    }

    @Test func sinhSinhGaussian() throws {
        let r = try preciseIntegrate({ BigFloat.exp(-$0 * $0) }, from: inf(-1), to: inf(1), digits: digits)
        expectAccurate(r, BigFloat.sqrt(BigFloat.pi(precision: p)))
    }

    @Test func expSinhPlanck() throws {
        let r = try preciseIntegrate({ x in x * x * x / BigFloat.expMinusOne(x) }, from: BigFloat(0, precision: p), to: inf(1), digits: digits)
        expectAccurate(r, BigFloat.pow(BigFloat.pi(precision: p), 4) / BigFloat(15, precision: p))
    }

    @Test func expSinhMirrored() throws {
        // ∫_{−∞}^0 x² eˣ dx = Γ(3) = 2.
        let r = try preciseIntegrate({ $0 * $0 * BigFloat.exp($0) }, from: inf(-1), to: BigFloat(0, precision: p), digits: digits)
        expectAccurate(r, BigFloat(2, precision: p))
    }

    @Test func sinhSinhRationalTimesTanh() throws {
        let pi = BigFloat.pi(precision: p)
        let a2 = pi * pi / BigFloat(4, precision: p)
        let r = try preciseIntegrate({ x in x.isZero ? BigFloat(1, precision: p) / a2 : BigFloat.tanh(x) / (x * (x * x + a2)) },
                                     from: inf(-1), to: inf(1), digits: digits)
        expectAccurate(r, BigFloat(16, precision: p) * BigFloat.ln2(precision: p) / (pi * pi))
    }

    @Test func levelLimitIsReported() throws {
        // One level cannot reach 50 digits; the result must say so.
        let one = BigFloat(1, precision: p)
        let r = try preciseIntegrate({ one / (one + $0 * $0) }, from: BigFloat(0, precision: p), to: one, digits: digits, maxLevel: 1)
        #expect(!r.converged && r.refinements == 1)
    }
}
