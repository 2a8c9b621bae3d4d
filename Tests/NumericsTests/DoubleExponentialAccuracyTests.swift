import ArbitraryPrecision
import KeldyshNumerics
import Testing

/// `preciseIntegrate` (closure) at 30–100 digits on integrands with closed forms: it reaches the
/// digits asked, and its error estimate never under-reports, converged or not.
@Suite("Double-exponential accuracy across precisions")
struct DoubleExponentialAccuracyTests {
    /// An integral with its closed form, both at `bits` bits.
    struct Case {
        var name: String
        var lo: BigFloat, hi: BigFloat
        var f: (BigFloat) -> BigFloat
        var exact: BigFloat
        /// False for the one case the rule cannot do from x alone (singular at an endpoint ≠ 0).
        var shouldConverge = true
    }

    static func cases(bits: Int) -> [Case] {
        func c(_ v: Int) -> BigFloat { BigFloat(v, precision: bits) }
        let pi = BigFloat.pi(precision: bits), one = c(1), zero = c(0)
        let inf = BigFloat(Double.infinity, precision: bits)
        return [
            // 4 arctan 1 = π: the integral that stalled at 40 digits (range cut at t = 4).
            Case(name: "4/(1+x²) on [0,1]", lo: zero, hi: one, f: { c(4) / (one + $0 * $0) }, exact: pi),
            // ∫₀¹ −ln x dx = [x − x ln x]₀¹ = 1.
            Case(name: "−ln x on [0,1]", lo: zero, hi: one, f: { -BigFloat.log($0) }, exact: one),
            // ∫₀¹ x^(−1/2) dx = 2: singular at 0, where the node's distance to the end is exact.
            Case(name: "1/√x on [0,1]", lo: zero, hi: one, f: { one / BigFloat.sqrt($0) }, exact: c(2)),
            // ∫₀¹ √(1 − x²) dx = π/4 (quarter disc): a square-root branch point at 1.
            Case(name: "√(1−x²) on [0,1]", lo: zero, hi: one, f: { BigFloat.sqrt((one - $0) * (one + $0)) }, exact: pi / c(4)),
            // ∫₁³ dx/x = ln 3: both ends away from 0.
            Case(name: "1/x on [1,3]", lo: one, hi: c(3), f: { one / $0 }, exact: BigFloat.log(c(3))),
            // ∫₀^∞ dx/(1 + x²) = π/2: decays only like 1/x².
            Case(name: "1/(1+x²) on [0,∞)", lo: zero, hi: inf, f: { one / (one + $0 * $0) }, exact: pi / c(2)),
            // ∫_ℝ dx/(1 + x²) = π.
            Case(name: "1/(1+x²) on ℝ", lo: -inf, hi: inf, f: { one / (one + $0 * $0) }, exact: pi),
            // ∫₀^∞ e^(−x)/√x dx = Γ(1/2) = √π: singular at 0 and infinite.
            Case(name: "e^(−x)/√x on [0,∞)", lo: zero, hi: inf, f: { BigFloat.exp(-$0) / BigFloat.sqrt($0) },
                 exact: BigFloat.sqrt(pi)),
            // ∫_ℝ e^(−x²) dx = √π.
            Case(name: "e^(−x²) on ℝ", lo: -inf, hi: inf, f: { BigFloat.exp(-$0 * $0) }, exact: BigFloat.sqrt(pi)),
            // ∫₀¹ (1 − x)^(−1/2) dx = 2, but x = 1 − δ keeps δ only to 2^(−p) absolute, so the
            // terms near 1 are wrong and the tail beyond the last distinguishable node is of
            // order 2^(−p/2): the estimate must say so.
            Case(name: "1/√(1−x) on [0,1]", lo: zero, hi: one, f: { one / BigFloat.sqrt(one - $0) }, exact: c(2),
                 shouldConverge: false),
        ]
    }

    func check(digits: Int) throws {
        let bits = BigFloat.bits(forDigits: digits + 20)
        for item in Self.cases(bits: bits) {
            let r = try preciseIntegrate(item.f, from: item.lo, to: item.hi, digits: digits)
            let error = BigFloat.abs(r.value - item.exact)
            let relative = error / BigFloat.abs(item.exact)
            // Never under-reports, converged or not.
            #expect(error <= r.errorEstimate, "\(item.name) at \(digits) digits: error \(error.toDouble()) above estimate \(r.errorEstimate.toDouble())")
            if item.shouldConverge {
                #expect(r.converged, "\(item.name) at \(digits) digits: estimate \(r.errorEstimate.toDouble()) after \(r.refinements) levels")
            }
            if r.converged {
                let bound = BigFloat.pow(BigFloat(10, precision: 53), -digits)
                #expect(relative <= bound, "\(item.name) at \(digits) digits: relative error \(relative.toDouble())")
            }
        }
    }

    @Test func thirtyDigits() throws { try check(digits: 30) }
    @Test func fortyDigits() throws { try check(digits: 40) }
    @Test func fiftyDigits() throws { try check(digits: 50) }
    @Test func sixtyDigits() throws { try check(digits: 60) }
    @Test func hundredDigits() throws { try check(digits: 100) }

    @Test func fortyDigitPiNoLongerStalls() throws {
        // The reported stall: ∫₀¹ 4/(1 + x²) dx = π at 40 digits ended at 1.7·10⁻³⁷ after 12
        // levels (65,537 evaluations). Doubling the digits of 20 per level, five levels suffice.
        let p = BigFloat.bits(forDigits: 60)
        let one = BigFloat(1, precision: p), four = BigFloat(4, precision: p)
        let r = try preciseIntegrate({ four / (one + $0 * $0) }, from: BigFloat(0, precision: p), to: one, digits: 40)
        #expect(r.converged && r.refinements <= 6 && r.evaluations < 1000, "\(r.refinements) levels, \(r.evaluations) evaluations")
        #expect(BigFloat.abs(r.value - BigFloat.pi(precision: p)) <= BigFloat.pow(BigFloat(10, precision: 53), -40))
    }

    @Test func zeroIntegralStopsAtTheRoundingFloor() throws {
        // ∫₋₁¹ x³ dx = 0 (odd): 30 digits relative to 0 are out of reach, so the result must say
        // unconverged with an estimate covering |value|, without running all 12 levels (65k nodes).
        let p = BigFloat.bits(forDigits: 30)
        let r = try preciseIntegrate({ $0 * $0 * $0 }, from: BigFloat(-1, precision: p), to: BigFloat(1, precision: p), digits: 30)
        #expect(!r.converged && BigFloat.abs(r.value) <= r.errorEstimate && r.errorEstimate.toDouble() < 1e-30)
        #expect(r.evaluations < 10_000, "\(r.evaluations) evaluations")
    }
}
