import Testing
import TestSupport
import ArbitraryPrecision
import ComplexModule
@testable import Symbolic

/// Point evaluation: values computed by hand or by an independent formula.
@Suite struct EvaluationTests {
    let xs = Symbol("x"), ys = Symbol("y")
    var x: Expr { .symbol(xs) }

    @Test func doubleValues() throws {
        // x² + 1/2 at x = 1 + 2i: (1 + 2i)² + 1/2 = −3 + 4i + 1/2 = −2.5 + 4i.
        let v = try (Expr.pow(x, 2) + Expr.half).evaluate([xs: Complex(1, 2)])
        #expect(v == Complex(-2.5, 4))
        // tan(π/4) = 1.
        #expect((try Expr.tan(Expr.pi / 4).evaluate([:]) - Complex(1, 0)).length < 1e-15)
        // √−4 was made exact at construction (2i); √x at x = −4 takes the principal branch too.
        #expect((try Expr.sqrt(x).evaluate([xs: Complex(-4, 0)]) - Complex(0, 2)).length < 1e-15)
    }

    @Test func conventionsForDistributions() throws {
        // θ(0) = 1/2 by convention; θ(x) + θ(−x) = 1 then holds at 0 too.
        #expect(try Expr.theta(x).evaluate([xs: Complex(0, 0)]) == Complex(0.5, 0))
        #expect(try Expr.theta(x).evaluate([xs: Complex(-0.3, 0)]) == Complex(0, 0))
        #expect(try Expr.diracDelta(x).evaluate([xs: Complex(0.7, 0)]) == Complex(0, 0))
        #expect(throws: EvaluationError.diracDeltaAtZero) { try Expr.diracDelta(x).evaluate([xs: Complex(0, 0)]) }
        #expect(throws: EvaluationError.nonRealArgument("θ")) { try Expr.theta(x).evaluate([xs: Complex(0, 1)]) }
    }

    @Test func errorsNameTheProblem() {
        #expect(throws: EvaluationError.unboundSymbol("y")) { try (x + .symbol(ys)).evaluate([xs: Complex(1, 0)]) }
        let w = Symbol("w", [.real])
        #expect(throws: EvaluationError.integral) {
            try Expr.integral(.symbol(w), w, from: 0, to: 1).evaluate([:])
        }
        let f = Symbol.function("F")
        #expect(throws: EvaluationError.userFunction("F")) { try f(x).evaluate([xs: Complex(1, 0)]) }
        let a = Expr.symbol(Symbol("a", commutation: .operator(space: 0)))
        #expect(throws: EvaluationError.notANumber("a")) { try a.evaluate([:]) }
    }

    @Test func finiteSums() throws {
        let k = Symbol("k", [.integer])
        // Σ_{k=1}^{10} k² = 10·11·21/6 = 385.
        #expect(try Expr.sum(Expr.pow(.symbol(k), 2), k, from: 1, to: 10).evaluate([:]) == Complex(385, 0))
        // Σ_{k=0}^{n} x^k at x = 1/2, n = 4: (1 − 2⁻⁵)/(1 − 1/2) = 31/16.
        let n = Symbol("n", [.integer])
        let geometric = Expr.sum(Expr.pow(x, .symbol(k)), k, from: 0, to: .symbol(n))
        #expect(try geometric.evaluate([xs: Complex(0.5, 0), n: Complex(4, 0)]) == Complex(31.0 / 16, 0))
        #expect(throws: EvaluationError.nonIntegerSumLimit) {
            try geometric.evaluate([xs: Complex(0.5, 0), n: Complex(2.5, 0)])
        }
    }

    @Test func mpfrAgainstMachinsFormula() throws {
        // π = 16 atan(1/5) − 4 atan(1/239) (Machin), against MPFR's own constant at 400 bits.
        let bits = 400
        let machin = 16 * Expr.atan(Expr.rational(1, 5)) - 4 * Expr.atan(Expr.rational(1, 239))
        let v = try machin.evaluate([:], precision: bits)
        let error = BigFloat.abs(v.re - BigFloat.pi(precision: bits))
        #expect(error < BigFloat.pow(BigFloat(2, precision: bits), -390))
        #expect(v.im.isZero)
        // The symbol π evaluates to the same constant.
        let p = try (Expr.pi - machin).evaluate([:], precision: bits)
        #expect(BigFloat.abs(p.re) < BigFloat.pow(BigFloat(2, precision: bits), -390))
    }
}
