import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import Symbolic
import Testing

/// `TailTapeEvaluator` and `TailBound`: bounds L·|ν|^(−k) ≤ |x(ν)| ≤ U·|ν|^(−k) on |ν| ≥ R for
/// expressions compiled the project's normal way, checked against the exact sup and inf over the
/// tail worked out by hand (rational functions, the Green's function), against MPFR at many
/// sampled ν up to 10^30 (a second method), and for refusals naming the operation.
@Suite struct TailTapeEvaluatorTests {
    let nu = Symbol("nu", .real)
    static let precision = 256

    static func big(_ x: Double) -> BigFloat { BigFloat(x, precision: precision) }
    static func big(_ p: Int, _ q: Int = 1) -> BigFloat { BigFloat(BigRational(BigInt(p), BigInt(q)), precision: precision) }

    func moduli(_ e: Expr, log2R: Int) throws -> [TailBound] {
        let f = try CompiledFunction(e, parameters: [nu])
        return try TailTapeEvaluator(f, log2R: log2R).evaluateModuli([.nu(log2R: log2R)])
    }

    func parts(_ e: Expr, log2R: Int) throws -> (re: TailBound, im: TailBound) {
        let f = try CompiledFunction(e, parameters: [nu])
        return try TailTapeEvaluator(f, log2R: log2R).evaluate([.nu(log2R: log2R)])[0]
    }

    /// 1/(ν² + 1): |x|ν² = ν²/(ν² + 1) increases in |ν|, so on |ν| ≥ R its inf is R²/(R² + 1) (at
    /// |ν| = R) and its sup 1 (the limit). The arithmetic gives ν² + 1 ∈ [1 − R^−2, 1 + R^−2]·ν², so
    /// U = 1/(1 − R^−2) and L = 1/(1 + R^−2) = R²/(R² + 1), up to roundings of 2^−50.
    @Test func reciprocalOfNuSquaredPlusOneAgainstTheExactSupAndInf() throws {
        for log2R in [4, 8, 20] {
            let b = try moduli(1 / (nu.expr * nu.expr + 1), log2R: log2R)[0]
            let r2 = Self.big(1 << log2R) * Self.big(1 << log2R)
            let inf = r2 / (r2 + Self.big(1)), sup = Self.big(1)
            #expect(b.order == 2)
            #expect(Self.big(b.upper) >= sup && Self.big(b.lower) <= inf, "\(b)")
            let slack = Self.big(1) + Self.big(1, 1 << 40)
            #expect(Self.big(b.upper) <= Self.big(1) / (Self.big(1) - Self.big(1) / r2) * slack, "\(b)")
            #expect(Self.big(b.lower) * slack >= inf, "\(b)")
            #expect(b.sign == .nonnegative)
        }
        // R = 1: ν²/(ν² + 1) on |ν| ≥ 1 has inf 1/2 (at |ν| = 1) and sup 1; the difference bound
        // 1 − R^−2 = 0 is useless there, but both terms are nonnegative, so ν² + 1 ∈ [1, 2]·ν².
        let b = try moduli(1 / (nu.expr * nu.expr + 1), log2R: 0)[0]
        #expect(b.order == 2 && b.lower <= 0.5 && b.lower >= 0.5 * (1 - 1e-15) && b.upper >= 1 && b.upper <= 1 + 1e-15, "\(b)")
    }

    /// G = 1/(ν − ε + iγ) for ε = 3/2, γ = 1/4, R = 2^8. By hand: |G|·|ν| = |ν|/√((ν − ε)² + γ²);
    /// t²/((t − ε)² + γ²) decreases for t > ε + γ²/ε (derivative ∝ γ² − ε(t − ε)) and
    /// t²/((t + ε)² + γ²) increases for t > 0 (∝ ε(t + ε) + γ²), so on the tail the sup is at ν = R
    /// and the inf at ν = −R: sup = R/√((R − ε)² + γ²), inf = R/√((R + ε)² + γ²). Likewise
    /// |Im G|·ν² = γν²/((ν − ε)² + γ²) has sup γR²/((R − ε)² + γ²) and inf γR²/((R + ε)² + γ²).
    /// The bounds lose at most a few ε/R (ν − ε's bounds 1 ± ε/R enter squared).
    @Test func greensFunctionHasOrderOneAndItsImaginaryPartOrderTwo() throws {
        let log2R = 8
        let g = 1 / (nu.expr - Expr.rational(3, 2) + Expr.i * Expr.rational(1, 4))
        let fromRationals = try parts(g, log2R: log2R)
        // The same with ε and γ as parameters given by exact balls (the tape then takes them as
        // inputs, not as constants).
        let epsilon = Symbol("epsilon", .real), gamma = Symbol("gamma", .positive)
        let f = try CompiledFunction(1 / (nu.expr - epsilon.expr + Expr.i * gamma.expr), parameters: [nu, epsilon, gamma])
        let evaluator = TailTapeEvaluator(f, log2R: log2R)
        let inputs = try evaluator.inputs(nu: 0, parameters: [RealBall(1.5, precision: 64), RealBall(0.25, precision: 64)])
        let fromBalls = try evaluator.evaluate(inputs)[0]

        let r = Self.big(256), e = Self.big(3, 2), y = Self.big(1, 4)
        let below = (r - e) * (r - e) + y * y, above = (r + e) * (r + e) + y * y
        let tolerance = Self.big(4) * e / r
        for (re, im) in [fromRationals, fromBalls] {
            let modulus = try TailBound.modulus(re: re, im: im)
            #expect(modulus.order == 1 && re.order == 1 && im.order == 2, "\(modulus) \(re) \(im)")
            #expect(Self.big(modulus.upper) >= r / BigFloat.sqrt(below), "\(modulus)")
            #expect(Self.big(modulus.lower) <= r / BigFloat.sqrt(above), "\(modulus)")
            #expect(Self.big(im.upper) >= y * r * r / below && Self.big(im.lower) <= y * r * r / above, "\(im)")
            // Not loose: within 4ε/R of the exact values.
            #expect(Self.big(modulus.upper) <= r / BigFloat.sqrt(below) + tolerance, "\(modulus)")
            #expect(Self.big(modulus.lower) >= r / BigFloat.sqrt(above) - tolerance, "\(modulus)")
            #expect(Self.big(im.upper) <= y * (r * r / below + tolerance) && Self.big(im.lower) >= y * (r * r / above - tolerance), "\(im)")
            #expect(im.sign == .nonpositive)   // Im G = −γ/((ν − ε)² + γ²) < 0 for γ > 0
        }
    }

    /// ν·tanh(ν/2)/(ν² + 4) at R = 16: |x|·|ν| = tanh(|ν|/2)·ν²/(ν² + 4), a product of increasing
    /// functions of |ν|: sup 1 (the limit), inf tanh(8)·256/260 at |ν| = 16.
    @Test func nuTanhOverQuadraticHasOrderOne() throws {
        let x = nu.expr * Expr.tanh(nu.expr / 2) / (nu.expr * nu.expr + 4)
        let b = try moduli(x, log2R: 4)[0]
        let inf = BigFloat.tanh(Self.big(8)) * Self.big(256, 260)
        #expect(b.order == 1)
        #expect(Self.big(b.upper) >= Self.big(1) && Self.big(b.lower) <= inf, "\(b)")
        // Tight to the bounds of the divisor, 1 ± 4/R²: U ≤ 1/(1 − 1/64), L ≥ inf·(1 − 1/32).
        #expect(Self.big(b.upper) <= Self.big(64, 63) && Self.big(b.lower) >= inf * Self.big(31, 32), "\(b)")
    }

    /// Expressions for the sampling check, with their orders worked out by hand.
    var sampled: [(Expr, String, Double)] {
        let v = nu.expr
        return [
            (1 / (v * v + 1), "1/(ν²+1), order 2", 2),
            (1 / (v - Expr.rational(3, 2) + Expr.i / 4), "G, order 1 (Im: 2)", 1),
            (v * Expr.tanh(v / 2) / (v * v + 4), "ν tanh(ν/2)/(ν²+4), order 1", 1),
            (Expr.exp(1 / v) / (v * v), "e^(1/ν)/ν², order 2", 2),
            (v * Expr.sin(2 / v), "ν sin(2/ν), order 0", 0),
            (Expr.cos(1 / v) / (v * v - v + 3), "cos(1/ν)/(ν²−ν+3), order 2", 2),
            (Expr.atan(v) / v, "atan ν/ν, order 1", 1),
            (Expr.sqrt(v * v + 1) / (v * v * v), "√(ν²+1)/ν³, order 2", 2),
            (Expr.sinh(1 / v) * Expr.tanh(1 / v) * v * v, "sinh(1/ν) tanh(1/ν) ν², order 0", 0),
            (Expr.abs(v) / (v * v + v + 1), "|ν|/(ν²+ν+1), order 1", 1),
            (Expr.pow(v + Expr.i, Expr.integer(2)) / (Expr.pow(v, Expr.integer(4)) + 1), "(ν+i)²/(ν⁴+1), order 2", 2),
            (Expr.sqrt(Expr.sqrt(v * v + 1) + 1) / v, "√(√(ν²+1)+1)/ν, order 1/2", 0.5),
            (Expr.sign(v) * v / (v * v + 1) + Expr.sin(v) / (v * v * v), "sign(ν)ν/(ν²+1) + sin ν/ν³, order 1", 1),
            (Expr.cosh(1 / v) * Expr.atan(3 / v) * Expr.sqrt(v - Expr.i), "cosh(1/ν) atan(3/ν) √(ν−i), order 1/2", 0.5),
        ]
    }

    /// A second method: at 200 values of ν per tail R = 2^4, 2^8 (log-uniform |ν| ∈ [R, 10^30],
    /// both signs, seeded, plus ν = ±R), MPFR's value at 256 bits satisfies L ≤ |x|·|ν|^k ≤ U for
    /// the real part, the imaginary part and the modulus of every expression, and has the sign recorded.
    @Test func mpfrValuesAtSampledNuLieWithinTheBounds() throws {
        var rng = SplitMix64(seed: 31_013)
        for (e, name, order) in sampled {
            let f = try CompiledFunction(e, parameters: [nu])
            let mpfr = MPFREvaluator(f, precision: Self.precision)
            for log2R in [4, 8] {
                let (re, im) = try TailTapeEvaluator(f, log2R: log2R).evaluate([.nu(log2R: log2R)])[0]
                let modulus = try TailBound.modulus(re: re, im: im)
                #expect(modulus.order == order, "\(name): \(modulus)")
                let r = Double(1 << log2R)
                var points = [r, -r]
                for _ in 0..<200 {
                    let t = r * Foundation.pow(10, rng.uniform(0, 30 - log10(r)))
                    points.append(rng.uniform(0, 1) < 0.5 ? t : -t)
                }
                for p in points {
                    let v = mpfr.evaluate([Self.big(p)])[0]
                    let absNu = Self.big(Swift.abs(p))
                    for (bound, value, part) in [(re, v.re, "re"), (im, v.im, "im"), (modulus, BigFloat.hypot(v.re, v.im), "|·|")] {
                        guard let k = bound.quarters else {
                            #expect(value.isZero, "\(name) \(part) at \(p): \(value) but bound 0")
                            continue
                        }
                        let scaled = BigFloat.abs(value) * BigFloat.pow(absNu, Self.big(k, 4))
                        #expect(Self.big(bound.lower) <= scaled && scaled <= Self.big(bound.upper),
                                "\(name) \(part) at ν = \(p): |x||ν|^k = \(scaled.toDouble()) outside \(bound)")
                        if bound.sign == .nonnegative { #expect(value.sign >= 0, "\(name) \(part) at \(p)") }
                        if bound.sign == .nonpositive { #expect(value.sign <= 0, "\(name) \(part) at \(p)") }
                    }
                }
            }
        }
    }

    /// What has no power bound, or a divisor that may vanish, is refused with the operation named.
    @Test func refusalsNameTheOperation() throws {
        let v = nu.expr
        let cases: [(Expr, TapeOp)] = [
            (Expr.exp(v), .exp),                         // e^ν grows faster than any power
            (Expr.sinh(v / 3), .sinh),
            (1 / (v - Expr.abs(v)), .div),               // ν − |ν| vanishes on the right tail
            (1 / Expr.sin(v), .div),                     // sin ν vanishes infinitely often
            (1 / (Expr.sin(1 / v) * v - 1), .div),       // ν sin(1/ν) − 1 → 0: equal orders cancel
            (Expr.theta(v), .theta),                     // θ(ν) jumps between the two tails
            (Expr.log(v * v + 1), .log),                 // log grows like log|ν|
            (Expr.tan(v), .tan),
        ]
        let input = try TailBound.nu(log2R: 8)
        for (e, op) in cases {
            let f = try CompiledFunction(e, parameters: [nu])
            do {
                let out = try TailTapeEvaluator(f, log2R: 8).evaluate([input])
                Issue.record("\(e) was not refused: \(out)")
            } catch {
                #expect(error.op == op && error.instruction != nil, "\(e): \(error)")
                #expect(error.description.contains(String(describing: op)), "\(error)")
            }
        }
        // θ of a quantity of one known sign is decided, not refused: θ(ν² + 1) = 1.
        let one = try parts(Expr.theta(v * v + 1), log2R: 8).re
        #expect(one.order == 0 && one.lower == 1 && one.upper == 1)
        // A tail R that is not 2^(4j), and a wrong input count, fail without a crash.
        let f = try CompiledFunction(1 / v, parameters: [nu])
        #expect(throws: TailTapeFailure.self) { try TailTapeEvaluator(f, log2R: 6).evaluate([.nu(log2R: 8)]) }
        #expect(throws: TailTapeFailure.self) { try TailTapeEvaluator(f, log2R: 8).evaluate([]) }
        #expect(throws: TailRefusal.self) { try TailBound.nu(log2R: 6) }
    }

    /// ∫_{|ν|≥R} dν/ν² = 2/R exactly (by hand); the helper gives 2U R^(1−k)/(k−1) = 2/R for U = 1,
    /// k = 2, rounded up by at most a few ulps. For 1/(ν² + 1) the exact tail integral is
    /// 2(π/2 − atan R) < 2/R, below the helper's 2/(R(1 − R^−2)).
    @Test func tailIntegralBoundAgainstTwoOverR() throws {
        for log2R in [0, 4, 8, 40] {
            let nu = try TailBound.nu(log2R: log2R)
            let x = try TailBound.constant(1, log2R: log2R) / nu.power(2)
            let bound = try x.tailIntegralBound()
            let exact = 2 / Double(sign: .plus, exponent: log2R, significand: 1)
            #expect(bound >= exact && bound <= exact * (1 + 1e-14), "R = 2^\(log2R): \(bound)")
        }
        let b = try moduli(1 / (nu.expr * nu.expr + 1), log2R: 8)[0]
        let exact = Self.big(2) * (BigFloat.pi(precision: Self.precision) / Self.big(2) - BigFloat.atan(Self.big(256)))
        #expect(Self.big(try b.tailIntegralBound()) >= exact)
        #expect(try b.tailIntegralBound() <= 2.0 / 256 * 1.0001)
        // Order 1 (∫ dν/|ν| diverges) is refused.
        #expect(throws: TailRefusal.self) { try (TailBound.constant(1, log2R: 8) / TailBound.nu(log2R: 8)).tailIntegralBound() }
    }

    /// The arithmetic by hand at R = 16: ν + 1 ∈ [15/16, 17/16]·|ν| (align 1 = 1·|ν|^0 ≤ R^−1|ν|);
    /// ν − ν may cancel (L = 0, U = 2); ν² + ν² has L = 2 (same signs add); hypot(ν, 1) is
    /// [1, √(1 + 1/256)]·|ν|; a ball 3 ± 1/2 is [5/2, 7/2], positive.
    @Test func arithmeticByHand() throws {
        let nu = try TailBound.nu(log2R: 4), one = try TailBound.constant(1, log2R: 4)
        let s = try nu + one
        #expect(s.quarters == -4 && s.upper >= 17.0 / 16 && s.upper <= 17.0 / 16 * (1 + 1e-15)
                && s.lower <= 15.0 / 16 && s.lower >= 15.0 / 16 * (1 - 1e-15), "\(s)")
        let d = try nu - nu
        #expect(d.lower == 0 && d.upper >= 2 && d.sign == .unknown, "\(d)")
        let q = try nu.squared() + nu.squared()
        #expect(q.quarters == -8 && q.lower >= 2 * (1 - 1e-15) && q.lower <= 2 && q.sign == .nonnegative, "\(q)")
        let h = try TailBound.hypot(nu, one)
        #expect(h.lower <= 1 && h.upper >= (1 + 1.0 / 256).squareRoot() && h.upper <= (1 + 1.0 / 256).squareRoot() * (1 + 1e-15), "\(h)")
        let c = try TailBound.constant(RealBall(3, radius: 0.5, precision: 64), log2R: 4)
        #expect(c.quarters == 0 && c.lower <= 2.5 && c.upper >= 3.5 && c.sign == .nonnegative, "\(c)")
        do {
            _ = try one / d
            Issue.record("division by a bound with L = 0 was not refused")
        } catch {
            #expect(error.op == "÷")
        }
    }
}
