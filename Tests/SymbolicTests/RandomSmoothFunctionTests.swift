import ArbitraryPrecision
import Testing
@testable import Symbolic

/// The random smooth functions that stand for user functions in numeric identity checks: their
/// closed-form derivatives against difference quotients computed from values alone, and the
/// declared assumptions on the real axis.
@Suite struct RandomSmoothFunctionTests {
    let bits = BigFloat.bits(forDigits: 200)
    let f = RandomSmoothFunction(Symbol.function("F_b", [.real]), arity: 1, seed: 41)
    let g = RandomSmoothFunction(Symbol.function("G"), arity: 1, seed: 41)

    func c(_ re: Double, _ im: Double = 0) -> BigComplex {
        BigComplex(BigFloat(re, precision: bits), BigFloat(im, precision: bits))
    }
    func value(_ f: RandomSmoothFunction, _ z: BigComplex, _ order: Int = 0) -> BigComplex {
        f.value(at: [z], orders: [order], precision: bits)
    }
    func relative(_ a: BigComplex, _ b: BigComplex) -> Double { ((a - b).abs / b.abs).toDouble() }

    @Test func derivativesAreDifferenceQuotients() {
        // Central differences with h = 10⁻⁴⁰ at 200 digits: truncation O(h²) ≈ 10⁻⁸⁰, rounding
        // 10⁻²⁰⁰/h³ at worst; so agreement to 10⁻⁶⁰ tests the Hermite formula order by order.
        let h = c(1e-40), x = c(0.37)
        let two = c(2)
        let d1 = (value(f, x + h) - value(f, x - h)) / (two * h)
        let d2 = (value(f, x + h) - two * value(f, x) + value(f, x - h)) / (h * h)
        let d3 = (value(f, x + two * h) - two * value(f, x + h) + two * value(f, x - h) - value(f, x - two * h))
            / (two * h * h * h)
        #expect(relative(d1, value(f, x, 1)) < 1e-60)
        #expect(relative(d2, value(f, x, 2)) < 1e-60)
        #expect(relative(d3, value(f, x, 3)) < 1e-60)
        // A complex function at a complex point: the quotient along the real and along the
        // imaginary direction agree with F' (Cauchy–Riemann: the function is holomorphic).
        let z = c(-0.8, 0.6), ih = BigComplex.i(precision: bits) * h
        let alongReal = (value(g, z + h) - value(g, z - h)) / (two * h)
        let alongImaginary = (value(g, z + ih) - value(g, z - ih)) / (two * ih)
        #expect(relative(alongReal, value(g, z, 1)) < 1e-60)
        #expect(relative(alongImaginary, value(g, z, 1)) < 1e-60)
    }

    @Test func mixedPartialsOfTwoArguments() {
        // ∂²F/∂x∂y ≈ [F(x+h, y+h) − F(x+h, y−h) − F(x−h, y+h) + F(x−h, y−h)]/(4h²).
        let k = RandomSmoothFunction(Symbol.function("K", [.real]), arity: 2, seed: 42)
        let h = c(1e-40), x = c(1.1), y = c(-0.4)
        let at = { (a: BigComplex, b: BigComplex) in k.value(at: [a, b], orders: [0, 0], precision: bits) }
        let quotient = (at(x + h, y + h) - at(x + h, y - h) - at(x - h, y + h) + at(x - h, y - h)) / (c(4) * h * h)
        #expect(relative(quotient, k.value(at: [x, y], orders: [1, 1], precision: bits)) < 1e-60)
    }

    @Test func assumptionsHoldOnTheRealAxis() {
        let positive = RandomSmoothFunction(Symbol.function("n", [.positive]), arity: 1, seed: 43)
        for k in 0...40 {
            let x = c(-6 + 0.3 * Double(k))
            // Real: real values; positive: at least c₀ ≥ 1/4; all: |F| ≤ 1 + 6 bumps of |c| ≤ 1.
            #expect(value(f, x).im.isZero)
            #expect(value(positive, x).im.isZero && value(positive, x).re.toDouble() >= 0.25)
            #expect(value(f, x).abs.toDouble() <= 7 && value(g, x).abs.toDouble() <= 7 * 2.0.squareRoot())
        }
        // A function with no assumption is complex-valued on the real axis.
        #expect(!value(g, c(0.5)).im.isZero)
    }

    @Test func theSameFunctionForTheSameSeedAndName() {
        let again = RandomSmoothFunction(Symbol.function("F_b", [.real]), arity: 1, seed: 41)
        let otherSeed = RandomSmoothFunction(Symbol.function("F_b", [.real]), arity: 1, seed: 44)
        let otherName = RandomSmoothFunction(Symbol.function("F_a", [.real]), arity: 1, seed: 41)
        let x = c(0.25)
        #expect(value(again, x).re == value(f, x).re)
        #expect(relative(value(otherSeed, x), value(f, x)) > 1e-3)
        #expect(relative(value(otherName, x), value(f, x)) > 1e-3)
    }
}
