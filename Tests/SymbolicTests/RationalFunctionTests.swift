import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// together, cancel (normal form), numerator/denominator and partial fractions. Expected
/// decompositions were done by hand (cover-up rule for the simple poles, matching
/// coefficients for the repeated and quadratic parts); recombination by `together` is the
/// second check.
@Suite struct RationalFunctionTests {
    let x = Symbol("x")
    var X: Expr { .symbol(x) }
    let y = Expr.symbol("y"), z = Expr.symbol("z")
    func h(_ p: Int, _ q: Int = 1) -> Expr { Expr.rational(p, q) }

    @Test func cancelSimple() {
        // (x² − 1)/(x − 1) = x + 1.
        #expect(((X * X - 1) / (X - 1)).cancel() == X + 1)
        // (x² − 1)/(2x + 2) = (x − 1)/2.
        #expect(((X * X - 1) / (2 * X + 2)).cancel() == (X - 1) / 2)
        // A polynomial is its own normal form (expanded).
        #expect((Expr.pow(X + 1, 2)).cancel() == X * X + 2 * X + 1)
        #expect(Expr.zero.cancel() == 0)
    }

    @Test func cancelIsANormalForm() {
        // 1/(x − 1) − 1/(x + 1) and 2/(x² − 1) are equal; so are the written-out 2/((x−1)(x+1))
        // and −4/(2 − 2x²): all must give the identical expression.
        let forms = [
            1 / (X - 1) - 1 / (X + 1),
            2 / (X * X - 1),
            2 / ((X - 1) * (X + 1)),
            -4 / (2 - 2 * X * X),
            (2 * X + 2) / ((X + 1) * (X * X - 1)),
        ].map { $0.cancel() }
        for f in forms { #expect(f == forms[0]) }
        // Denominator normalised: primitive, positive leading coefficient.
        #expect(forms[0].denominator == X * X - 1)
        #expect(forms[0].numerator == 2)
    }

    @Test func cancelMultivariate() {
        // (x² − y²)/(x² + 2xy + y²) = (x − y)/(x + y), written in two different ways.
        let a = ((X * X - y * y) / (X * X + 2 * X * y + y * y)).cancel()
        let b = ((X - y) * (z + 1) / ((X + y) * (z + 1))).cancel()
        #expect(a == b)
        #expect(a == (X - y) / (X + y))
        // With a function generator: (F(y)² − 1)/(F(y) + 1) = F(y) − 1.
        let f = Expr.apply(Symbol.function("F"), [y])
        #expect(((f * f - 1) / (f + 1)).cancel() == f - 1)
        // Nested fractions: (1 + 1/x)/(1 − 1/x²) = x/(x − 1).
        #expect(((1 + 1 / X) / (1 - 1 / (X * X))).cancel() == X / (X - 1))
    }

    @Test func cancelOverGaussianRationals() {
        // (ω − ω₀ − iκ)/((ω − ω₀)² + κ²) = 1/(ω − ω₀ + iκ).
        let w = Expr.symbol("ω"), w0 = Expr.symbol("ω₀"), k = Expr.symbol("κ")
        let lhs = ((w - w0 - Expr.i * k) / (Expr.pow(w - w0, 2) + k * k)).cancel()
        let rhs = (1 / (w - w0 + Expr.i * k)).cancel()
        #expect(lhs == rhs)
        // The normal form keeps the real coefficients real and ω first positive: 1/(ω − ω₀ + iκ).
        #expect(rhs == Expr.pow(w - w0 + Expr.i * k, -1))
        // Multiplying numerator and denominator by i changes nothing.
        #expect((Expr.i / (Expr.i * (w - w0 + Expr.i * k))).cancel() == rhs)
    }

    @Test func togetherMakesOneFraction() {
        // 1/x + 1/y = (x + y)/(x y), no cancellation attempted.
        let t = (1 / X + 1 / y).together()
        #expect(t == (X + y) / (X * y))
        // Factors equal up to a constant are merged: 1/(x − 1) + 1/(2 − 2x) = 1/(2(x − 1)).
        #expect((1 / (X - 1) + 1 / (2 - 2 * X)).together() == h(1, 2) * Expr.pow(X - 1, -1))
    }

    @Test func apartSimplePoles() throws {
        // 1/(x² − 1) = 1/(2(x − 1)) − 1/(2(x + 1)) (cover-up: residues ±1/2).
        let f = 1 / (X * X - 1)
        let expected = h(1, 2) * Expr.pow(X - 1, -1) - h(1, 2) * Expr.pow(X + 1, -1)
        let parts = try f.apart(x)
        #expect(parts == expected)
        #expect(parts.together().cancel() == f.cancel())
    }

    @Test func apartRepeatedAndQuadraticFactors() throws {
        // (x² + 2)/((x − 1)²(x² + 1)): with A/(x−1) + B/(x−1)² + (Cx + D)/(x² + 1),
        // B = 3/2 (cover-up at x = 1); matching coefficients of
        //   x² + 2 = A(x−1)(x²+1) + B(x²+1) + (Cx + D)(x−1)²
        // x³: A + C = 0; x¹: A + C − 2D = 0 ⇒ D = 0; x⁰: −A + B + D = 2 ⇒ A = −1/2, C = 1/2.
        let f = (X * X + 2) / (Expr.pow(X - 1, 2) * (X * X + 1))
        let expected = h(-1, 2) * Expr.pow(X - 1, -1) + h(3, 2) * Expr.pow(X - 1, -2)
            + h(1, 2) * X * Expr.pow(X * X + 1, -1)
        let parts = try f.apart(x)
        #expect(parts == expected)
        #expect(parts.together().cancel() == f.cancel())
        // A polynomial part: (x³ + 1)/(x − 2) = x² + 2x + 4 + 9/(x − 2).
        #expect(try ((Expr.pow(X, 3) + 1) / (X - 2)).apart(x) == X * X + 2 * X + 4 + 9 * Expr.pow(X - 2, -1))
    }

    @Test func apartRejectsOtherSymbols() {
        #expect(throws: RationalFunctionError.self) { try (1 / (X - y)).apart(x) }
    }
}
