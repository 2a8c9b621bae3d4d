import Testing
@testable import Symbolic

/// Collection by powers and coefficient extraction; expected values by hand.
@Suite struct RewriteCollectTests {
    let xs = Symbol("x")
    var x: Expr { .symbol(xs) }
    let a = Expr.symbol("a"), b = Expr.symbol("b"), c = Expr.symbol("c"), d = Expr.symbol("d"), y = Expr.symbol("y")

    @Test func collectByPowers() {
        // a x² + b x + c x² + d + x y = (a + c) x² + (b + y) x + d.
        let e = a * Expr.pow(x, 2) + b * x + c * Expr.pow(x, 2) + d + x * y
        #expect(e.collect(xs) == Expr.mul(Expr.pow(x, 2), a + c) + Expr.mul(x, b + y) + d)
        #expect(e.coefficient(of: xs, degree: 2) == a + c)
        #expect(e.coefficient(of: xs) == b + y)
        #expect(e.coefficient(of: xs, degree: 0) == d)
        #expect(e.coefficient(of: xs, degree: 3) == 0)
        // The collected form is the same expression: expanding it back (by substitution of
        // numbers) agrees, e.g. at x = 2: 4(a + c) + 2(b + y) + d.
        #expect(e.collect(xs).substitute([xs: 2]) == 4 * a + 4 * c + 2 * b + 2 * y + d)
    }

    @Test func polynomialDegreeInSomeSymbols() {
        let ys = Symbol("y")
        // By hand: a x² y + b x + c has degree 3 in {x, y}, 2 in {x}; (a + x)(b + y) degree 2.
        #expect((a * Expr.pow(x, 2) * y + b * x + c).polynomialDegree(in: [xs, ys]) == 3)
        #expect((a * Expr.pow(x, 2) * y + b * x + c).polynomialDegree(in: [xs]) == 2)
        #expect(Expr.mul(a + x, b + y).polynomialDegree(in: [xs, ys]) == 2)
        // The other symbols, and functions and powers of them, are coefficients: degree 0 or 1.
        #expect((Expr.pow(a, -1) * x + Expr.pow(b, Expr.symbol("n"))).polynomialDegree(in: [xs]) == 1)
        // x in a denominator, an exponent or a non-integer power: not a polynomial in x.
        #expect((a / x).polynomialDegree(in: [xs]) == nil)
        #expect(Expr.pow(a, x).polynomialDegree(in: [xs]) == nil)
        #expect(Expr.pow(x, Expr.one / 2).polynomialDegree(in: [xs]) == nil)
        #expect(Expr.pow(x + a, -2).polynomialDegree(in: [xs]) == nil)
        #expect(Expr.sin(x).polynomialDegree(in: [xs]) == nil)
        #expect((Expr.sin(a) * x).polynomialDegree(in: [xs]) == 1)
    }

    @Test func collectInSeveralSymbols() {
        let ys = Symbol("y")
        // x y + 2 x y a + x + x b = x y (1 + 2a) + x (1 + b).
        let e = x * y + 2 * x * y * a + x + x * b
        #expect(e.collect([xs, ys]) == Expr.mul(x * y, 1 + 2 * a) + Expr.mul(x, 1 + b))
        #expect(e.coefficient(ofTerm: x * y) == 1 + 2 * a)
        // 3xy + x²y + xyz: the coefficient of xy is 3 + z (x²y has a different power of x).
        let z = Expr.symbol("z")
        #expect((3 * x * y + Expr.pow(x, 2) * y + x * y * z).coefficient(ofTerm: x * y) == 3 + z)
    }

    @Test func grassmannCoefficientsStandRightOfTheMonomial() {
        let psiS = Symbol("psi", commutation: .grassmann)
        let psi = Expr.symbol(psiS)
        let chi = Expr.symbol(Symbol("chi", commutation: .grassmann))
        let eta = Expr.symbol(Symbol("eta", commutation: .grassmann))
        // The coefficient of ψ in a ψ + b χ is a.
        #expect((a * psi + b * chi).coefficient(of: psiS) == a)
        // χ ψ = ψ·(−χ): the coefficient is −χ, as the left derivative gives.
        #expect((chi * psi).coefficient(of: psiS) == -chi)
        #expect((chi * psi).coefficient(of: psiS) == (chi * psi).derivative(psiS))
        // For a bilinear monomial, ψχ·K must give the term back.
        let term = 2 * eta * chi * psi
        let k = term.coefficient(ofTerm: psi * chi)
        #expect(psi * chi * k == term)
        #expect(k != 0)
    }

    @Test func operatorFactorsStayInOrder() {
        let op = Expr.symbol(Symbol("a", commutation: .operator(space: 0)))
        let opd = Expr.symbol(Symbol("a†", commutation: .operator(space: 0)))
        // x a† a + y a: the coefficient of x is a† a (order kept), of x⁰ it is y a.
        let e = x * opd * op + y * op
        #expect(e.coefficient(of: xs) == opd * op)
        #expect(e.coefficient(of: xs, degree: 0) == y * op)
        // The coefficient of the word a† a in 3 b a† a + a a† is 3b (a a† is another word).
        #expect((3 * b * opd * op + op * opd).coefficient(ofTerm: opd * op) == 3 * b)
    }
}
