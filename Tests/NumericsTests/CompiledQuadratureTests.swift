import ArbitraryPrecision
import KeldyshNumerics
import Symbolic
import RealModule
import Testing
import TestSupport

/// `preciseIntegrate` with a compiled integrand (MPFR tape, cached nodes), against closed forms.
@Suite("Compiled double-exponential quadrature")
struct CompiledQuadratureTests {
    let digits = 50
    var p: Int { BigFloat.bits(forDigits: digits + 10) }
    let x = Symbol("x", .real)
    func inf(_ sign: Double) -> BigFloat { BigFloat(sign * .infinity, precision: p) }
    func integrand(_ e: Expr) throws -> CompiledFunction { try CompiledFunction(e, parameters: [x]) }

    func expectAccurate(_ r: QuadratureResult<BigFloat>, _ exact: BigFloat) {
        #expect(r.converged)
        let err = distance(r.value, exact)
        #expect(err <= 1e-50 * max(1, BigFloat.abs(exact).toDouble()), "error \(err)")
        #expect(err <= r.errorEstimate.toDouble() + 1e-55, "error \(err) above estimate \(r.errorEstimate)")
    }

    @Test func rationalTimesTanhOverRealLine() throws {
        // ∫_ℝ x tanh(x)/(x² + π²/4)² dx = 1/3: tanh x = Σ_k 2x/(x² + c_k²), c_k = (k + ½)π
        // (Mittag-Leffler), ∫_ℝ x²/((x² + a²)(x² + b²)(x² + c²)) dx = π/((a + b)(b + c)(c + a))
        // (residues), so with a = b = π/2 term k is 2/(π²(k + 1)²), and Σ 1/(k + 1)² = π²/6.
        let e = x.expr * Expr.tanh(x.expr) / Expr.pow(Expr.pow(x.expr, .integer(2)) + Expr.pow(Expr.pi, .integer(2)) / 4, .integer(2))
        let r = try preciseIntegrate(try integrand(e), from: inf(-1), to: inf(1), digits: digits)
        expectAccurate(r, BigFloat(1, precision: p) / BigFloat(3, precision: p))
        // Repeating the integral reuses the cached nodes and must give the same bits.
        let again = try preciseIntegrate(try integrand(e), from: inf(-1), to: inf(1), digits: digits)
        #expect(again.value == r.value && again.evaluations == r.evaluations)
    }

    @Test func agreesWithClosureVersion() throws {
        // Same rule, levels and stopping test as the closure version: same node count, same value
        // to the digits asked. e^(−(x−1)²) is not even, so no node is mirrored.
        let shifted = x.expr - 1
        let e = Expr.exp(-shifted * shifted)
        let compiled = try preciseIntegrate(try integrand(e), from: inf(-1), to: inf(1), digits: digits)
        let one = BigFloat(1, precision: p)
        let closure = try preciseIntegrate({ (t: BigFloat) in BigFloat.exp(-(t - one) * (t - one)) }, from: inf(-1), to: inf(1), digits: digits)
        #expect(compiled.evaluations == closure.evaluations && compiled.refinements == closure.refinements)
        // ∫ e^(−(x−1)²) dx = √π.
        expectAccurate(compiled, BigFloat.sqrt(BigFloat.pi(precision: p)))
    }

    @Test func evenIntegrandEvaluatesHalfTheNodes() throws {
        // e^(−x²) is even (the canonical forms of f(−x) and f(x) are one node), so on ℝ the
        // sinh-sinh node at −x reuses the term at x: the closure version, which cannot know,
        // evaluates 1 + 2P nodes where the compiled one evaluates 1 + P, at the same levels.
        let e = Expr.exp(-x.expr * x.expr)
        let compiled = try preciseIntegrate(try integrand(e), from: inf(-1), to: inf(1), digits: digits)
        let closure = try preciseIntegrate({ BigFloat.exp(-$0 * $0) }, from: inf(-1), to: inf(1), digits: digits)
        #expect(compiled.refinements == closure.refinements)
        #expect(compiled.evaluations <= closure.evaluations / 2 + 1, "\(compiled.evaluations) of \(closure.evaluations)")
        // ∫ e^(−x²) dx = √π.
        expectAccurate(compiled, BigFloat.sqrt(BigFloat.pi(precision: p)))
        expectAccurate(closure, BigFloat.sqrt(BigFloat.pi(precision: p)))
    }

    @Test func tanhSinhFiniteInterval() throws {
        // ∫₀¹ 4/(1 + x²) dx = 4 arctan 1 = π.
        let r = try preciseIntegrate(try integrand(4 / (1 + x.expr * x.expr)), from: BigFloat(0, precision: p),
                                     to: BigFloat(1, precision: p), digits: digits)
        expectAccurate(r, BigFloat.pi(precision: p))
        // Reversed bounds change the sign.
        let reversed = try preciseIntegrate(try integrand(4 / (1 + x.expr * x.expr)), from: BigFloat(1, precision: p),
                                            to: BigFloat(0, precision: p), digits: digits)
        #expect(reversed.value == -r.value)
    }

    @Test func fortyAndHundredDigitsConverge() throws {
        // ∫₀¹ 4/(1 + x²) dx = π, which stalled at 1.7·10⁻³⁷ at 40 digits when the t range was fixed
        // at level 0; and ∫₀^∞ dx/(1 + x²) = π/2, whose terms decay only like 1/x².
        for d in [40, 100] {
            let bits = BigFloat.bits(forDigits: d + 20)
            let zero = BigFloat(0, precision: bits), one = BigFloat(1, precision: bits)
            let pi = BigFloat.pi(precision: bits)
            let tolerance = BigFloat.pow(BigFloat(10, precision: 53), -d)
            for (e, hi, exact) in [(4 / (1 + x.expr * x.expr), one, pi),
                                   (1 / (1 + x.expr * x.expr), BigFloat(Double.infinity, precision: bits), pi / BigFloat(2, precision: bits))] {
                let r = try preciseIntegrate(try integrand(e), from: zero, to: hi, digits: d)
                let error = BigFloat.abs(r.value - exact)
                #expect(r.converged && error <= tolerance * exact, "\(d) digits: error \(error.toDouble())")
                #expect(error <= r.errorEstimate, "\(d) digits: error \(error.toDouble()) above estimate \(r.errorEstimate.toDouble())")
            }
        }
    }

    @Test func tanhSinhEndpointSingularity() throws {
        // ∫₀¹ −ln x dx = 1, singular at 0.
        let r = try preciseIntegrate(try integrand(-Expr.log(x.expr)), from: BigFloat(0, precision: p),
                                     to: BigFloat(1, precision: p), digits: digits)
        expectAccurate(r, BigFloat(1, precision: p))
    }

    @Test func expSinhBothDirections() throws {
        // ∫₀^∞ x² e^(−x) dx = Γ(3) = 2 and ∫_{−∞}^0 x² eˣ dx = 2.
        let right = try preciseIntegrate(try integrand(x.expr * x.expr * Expr.exp(-x.expr)), from: BigFloat(0, precision: p),
                                         to: inf(1), digits: digits)
        expectAccurate(right, BigFloat(2, precision: p))
        let left = try preciseIntegrate(try integrand(x.expr * x.expr * Expr.exp(x.expr)), from: inf(-1),
                                        to: BigFloat(0, precision: p), digits: digits)
        expectAccurate(left, BigFloat(2, precision: p))
    }

    @Test func rejectsIntegrandsItCannotRun() throws {
        let y = Symbol("y", .real)
        let twoParameters = try CompiledFunction(x.expr * y.expr, parameters: [x, y])
        #expect(throws: NumericsError.self) {
            try preciseIntegrate(twoParameters, from: BigFloat(0, precision: p), to: BigFloat(1, precision: p), digits: 10)
        }
        // √x is complex on x < 0: an error, not the real part.
        #expect(throws: NumericsError.self) {
            try preciseIntegrate(try integrand(Expr.sqrt(x.expr) * Expr.exp(x.expr)), from: inf(-1), to: BigFloat(0, precision: p), digits: 10)
        }
        // 1/x has a pole at the sinh-sinh node x = 0: a clear error, not a wrong number.
        #expect(throws: NumericsError.self) {
            try preciseIntegrate(try integrand(1 / x.expr), from: inf(-1), to: inf(1), digits: 10)
        }
    }

    @Test func evaluatorTanhIsFaithful() throws {
        // The evaluator's table-based tanh against MPFR's correctly rounded mpfr_tanh
        // (BigFloat.tanh): within one ulp everywhere (also for small |x|, where e − 1 cancels), equal (±1) beyond (p + 2)(ln 2)/2 + 1,
        // and equal on most points (it errs only within 2^(−18) ulp of a rounding boundary).
        for precision in [64, 149, 300] {
            let evaluator = MPFREvaluator(try integrand(Expr.tanh(x.expr)), precision: precision)
            var equal = 0, count = 0
            var points = ["1e-30", "0.1", "0.125", "-0.2", "0.5", "-3", "0.34657359", "17.3", "52.5", "53.4", "60", "-60", "1e6", "-1e300",
                          // the widened path for 2^(−16) ≤ |x| < 1/8, where e − 1 cancels:
                          "0.1249", "-0.0245", "0.0039", "1e-4", "-1.6e-5", "1.52e-5"]
            for k in 0..<200 { points.append("\(Double(k - 100) * 0.3719 + 0.0137)") }
            for v in points {
                let t = BigFloat(v, precision: precision)!
                let fast = evaluator.evaluate([t])[0].re, exact = BigFloat.tanh(t)
                let ulp = BigFloat.powerOfTwoForTests(exponentOf: exact, precision: precision)
                #expect(BigFloat.abs(fast - exact) <= ulp, "tanh(\(v)) at \(precision) bits")
                if fast == exact { equal += 1 }
                count += 1
                if BigFloat.abs(t) > BigFloat(Double(precision + 2) * 0.3466 + 1.01, precision: 53) { #expect(fast == exact) }
            }
            #expect(equal >= count - 3, "\(equal) of \(count) correctly rounded at \(precision) bits")
        }
    }
}

extension BigFloat {
    /// One ulp of `x` at `precision` bits: 2^(e − precision) with x = m·2^e, ½ ≤ |m| < 1.
    static func powerOfTwoForTests(exponentOf x: BigFloat, precision: Int) -> BigFloat {
        let e = Int(Double.log2(BigFloat.abs(x).toDouble()).rounded(.down)) + 1
        return BigFloat.pow(BigFloat(2, precision: 64), e - precision)
    }
}
