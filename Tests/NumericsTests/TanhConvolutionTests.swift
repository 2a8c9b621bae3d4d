import Testing
import ArbitraryPrecision
@testable import KeldyshNumerics

/// ∫dω R(ω) tanh(β(ω − μ)/2) in closed form (residues and ψ at the poles) against mpmath.quad
/// at 45 digits (run once on 2026-12-06, poles and parameters given as decimal strings, subdivisions at −20, −5, −1, μ, 1, 5, 20, maxdegree
/// 12; the values below). Two independent methods agreeing to 38 digits is the check.
@Suite struct TanhConvolutionTests {
    let bits = 160

    func c(_ re: String, _ im: String = "0") -> BigComplex {
        BigComplex(BigFloat(re, precision: 200)!, BigFloat(im, precision: 200)!)
    }
    func f(_ x: String) -> BigFloat { BigFloat(x, precision: 200)! }

    func close(_ x: BigComplex, _ re: String, _ im: String, digits: Int = 38) -> Bool {
        let tolerance = f("1e-\(digits)") * BigFloat.max(f("1"), BigFloat.hypot(f(re), f(im)))
        return BigFloat.abs(x.re - f(re)) <= tolerance && BigFloat.abs(x.im - f(im)) <= tolerance
    }

    @Test func aLorentzianAgainstATanh() throws {
        // R = 1/((ω − 0.4)² + 0.25²) = 1/(ω² − 0.8ω + 0.2225), β = 2, μ = −0.5.
        let r = try TanhConvolution.integrate(numerator: [c("1")], denominator: [c("0.2225"), c("-0.8"), c("1")],
                                              beta: f("2"), mu: f("-0.5"), bits: bits)
        #expect(close(r, "7.44847984343185199746485995974799770214139", "0"), "\(r)")
    }

    @Test func complexPolesOnBothSides() throws {
        // R = (ω + 1 + 2i)/((ω − 0.3 − 0.7i)(ω + 1.2 + 0.5i)(ω − 2 − 0.1i)), β = 1.3, μ = 0.2:
        // the denominator multiplied out by hand, (ω − a)(ω − b)(ω − c) = ω³ − (a+b+c)ω² + (ab+ac+bc)ω − abc.
        let a = c("0.3", "0.7"), b = c("-1.2", "-0.5"), cc = c("2", "0.1")
        let one = c("1")
        let q = [c("0") - a * b * cc, a * b + a * cc + b * cc, c("0") - (a + b + cc), one]
        let r = try TanhConvolution.integrate(numerator: [c("1", "2"), one], denominator: q, beta: f("1.3"), mu: f("0.2"), bits: bits)
        #expect(close(r, "-1.57491023151489265623765904955578664773303", "1.05719837772005570143248100657058452983652"), "\(r)")
    }

    @Test func aDoublePoleUsesTrigamma() throws {
        // R = 1/((ω − z)²(ω − w)), z = 0.5 + 0.6i, w = −0.7 − 0.9i, β = 0.8, μ = −0.25.
        let z = c("0.5", "0.6"), w = c("-0.7", "-0.9"), zero = c("0"), one = c("1")
        // (ω − z)²(ω − w) = ω³ − (2z + w)ω² + (z² + 2zw)ω − z²w.
        let q = [zero - z * z * w, z * z + c("2") * z * w, zero - (c("2") * z + w), one]
        let r = try TanhConvolution.integrate(numerator: [one], denominator: q, beta: f("0.8"), mu: f("-0.25"), bits: bits)
        #expect(close(r, "0.218930153488052378564289994415435819210559", "0.482373832251549008469707256044912403340719"), "\(r)")
    }

    @Test func refusals() {
        // 1/ω falls off too slowly; 1/(ω² + 1)·ω likewise.
        #expect(throws: TanhConvolution.Failure.divergent(numeratorDegree: 1, denominatorDegree: 2)) {
            try TanhConvolution.integrate(numerator: [c("0"), c("1")], denominator: [c("1"), c("0"), c("1")], beta: f("1"), mu: f("0"), bits: bits)
        }
        // 1/(ω² − 1): poles at ±1 on the axis.
        #expect(throws: TanhConvolution.Failure.self) {
            try TanhConvolution.integrate(numerator: [c("1")], denominator: [c("-1"), c("0"), c("1")], beta: f("1"), mu: f("0"), bits: bits)
        }
        // 1/((ω − i)³(ω + i)): a triple pole.
        let i = c("0", "1"), zero = c("0"), one = c("1")
        // (ω − i)³(ω + i) = (ω − i)²(ω² + 1) = (ω² − 2iω − 1)(ω² + 1) = ω⁴ − 2iω³ − 2iω − 1.
        #expect(throws: TanhConvolution.Failure.highOrderPole(3)) {
            try TanhConvolution.integrate(numerator: [one], denominator: [c("-1"), zero - c("2") * i, zero, zero - c("2") * i, one],
                                          beta: f("1"), mu: f("0"), bits: bits)
        }
    }
}
