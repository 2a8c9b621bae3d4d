import Testing
import ArbitraryPrecision
@testable import Symbolic

/// Resultants, discriminants and square-free factorisation against closed forms worked out
/// by hand (res(f, x − r) = f(r); res of two linears a x + b, c x + d is a d − b c; the
/// textbook discriminants of the quadratic and the depressed cubic).
@Suite struct ResultantTests {
    let x = Symbol("x")
    var X: Expr { .symbol(x) }
    let a = Expr.symbol("a"), b = Expr.symbol("b"), c = Expr.symbol("c"), d = Expr.symbol("d")
    let p = Expr.symbol("p"), q = Expr.symbol("q"), r = Expr.symbol("r")

    @Test func resultantWithALinearFactorIsTheValue() throws {
        // res(x² + b x + c, x − r) = r² + b r + c.
        let res = try Expr.resultant(X * X + b * X + c, X - r, in: x)
        #expect(res == (r * r + b * r + c).expand())
        // Order swapped: (−1)^(2·1) = 1, same value.
        #expect(try Expr.resultant(X - r, X * X + b * X + c, in: x) == res)
    }

    @Test func resultantOfTwoLinears() throws {
        // res(a x + b, c x + d) = a d − b c (Sylvester determinant of [[a, b], [c, d]]).
        #expect(try Expr.resultant(a * X + b, c * X + d, in: x) == (a * d - b * c).expand())
    }

    @Test func resultantVanishesOnACommonRoot() throws {
        // (x − 1)(x − 2) and (x − 2)(x + 5) share x = 2.
        #expect(try Expr.resultant((X - 1) * (X - 2), (X - 2) * (X + 5), in: x) == 0)
        // res((x−1)(x−2), x + 5) = (−5 − 1)(−5 − 2) = 42.
        #expect(try Expr.resultant((X - 1) * (X - 2), X + 5, in: x) == 42)
        // res(x² + 1, x² − 2) over ℚ: ∏ over roots ±i of (i² − 2) = (−3)² = 9.
        #expect(try Expr.resultant(X * X + 1, X * X - 2, in: x) == 9)
    }

    @Test func discriminants() throws {
        // a x² + b x + c: b² − 4ac.
        #expect(try Expr.discriminant(a * X * X + b * X + c, in: x) == (b * b - 4 * a * c).expand())
        // x³ + p x + q: −4p³ − 27q².
        #expect(try Expr.discriminant(Expr.pow(X, 3) + p * X + q, in: x) == (-4 * Expr.pow(p, 3) - 27 * q * q).expand())
        // (x − 1)²(x + 3) has a double root: discriminant 0.
        #expect(try Expr.discriminant(Expr.pow(X - 1, 2) * (X + 3), in: x) == 0)
    }

    @Test func squareFreeFactorization() throws {
        // (x−1)²(x+2)³(x²+1): factors of multiplicity 1, 2, 3 are x²+1, x−1, x+2.
        let f = Expr.pow(X - 1, 2) * Expr.pow(X + 2, 3) * (X * X + 1)
        let (constant, factors) = try Expr.squareFreeFactorization(f.expand(), in: x)
        #expect(constant == 1)
        #expect(factors.count == 3)
        #expect(factors[0].factor == X * X + 1 && factors[0].multiplicity == 1)
        #expect(factors[1].factor == X - 1 && factors[1].multiplicity == 2)
        #expect(factors[2].factor == X + 2 && factors[2].multiplicity == 3)
        // A leading constant is returned apart: 3(x − 1)² → 3, [(x − 1, 2)].
        let (c3, f3) = try Expr.squareFreeFactorization(3 * Expr.pow(X - 1, 2), in: x)
        #expect(c3 == 3 && f3.count == 1 && f3[0].factor == X - 1 && f3[0].multiplicity == 2)
    }

    @Test func nonPolynomialInputThrows() {
        #expect(throws: RationalFunctionError.self) { try Expr.resultant(1 / X, X, in: x) }
    }
}
