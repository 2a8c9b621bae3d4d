import Testing
@testable import Symbolic

/// Substitution: expected results are written by hand next to each check.
@Suite struct SubstitutionTests {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")

    @Test func simultaneousSwap() {
        // x + 2y with x↔y at once is y + 2x (a sequential x→y, y→x would give 3x).
        #expect((x + 2 * y).substitute([x: y, y: x]) == y + 2 * x)
        #expect(Expr.sin(x * Expr.pow(y, 2)).substitute([x: y, y: x]) == Expr.sin(y * Expr.pow(x, 2)))
    }

    @Test func resultsAreCanonical() {
        // x + y + x = 2x + y; with x → −x it is y − 2x.
        #expect((x + y + x).substitute([x: -x]) == y - 2 * x)
        // x·y + y with x → 1 is 2y: like terms combine after substitution.
        #expect((x * y + y).substitute([x: 1]) == 2 * y)
        // (x + 1)² with x → −1 is 0.
        #expect(Expr.pow(x + 1, 2).substitute([x: -1]) == 0)
    }

    @Test func subexpressionKeys() {
        // sin(x)² + cos(x) with sin(x) → t is t² + cos(x).
        let t = Expr.symbol("t")
        #expect((Expr.pow(Expr.sin(x), 2) + Expr.cos(x)).substitute(Expr.sin(x), with: t) == Expr.pow(t, 2) + Expr.cos(x))
        // A shared subtree is replaced everywhere it occurs.
        let s = Expr.exp(x + y)
        #expect((s + z * s).substitute([s: t]) == t + z * t)
    }

    @Test func bindersDoNotCapture() {
        let w = Symbol("w", [.real]), v = Symbol("v", [.real])
        let f = Symbol.function("F")
        let integral = Expr.integral(f(.symbol(w)) * x, w, from: 0, to: 1)
        // Replacing x by the name of the bound variable must not capture it:
        // ∫₀¹ F(w)·x dw with x → w is ∫₀¹ F(v)·w dv.
        #expect(integral.substitute([x: .symbol(w)]) == Expr.integral(f(.symbol(v)) * .symbol(w), v, from: 0, to: 1))
        // Substituting for the bound variable's name changes nothing under the binder.
        #expect(integral.substitute([.symbol(w): 3]) == integral)
        // The limits are outside the binder and are substituted.
        let upper = Expr.integral(f(.symbol(w)), w, from: 0, to: x)
        #expect(upper.substitute([x: 2]) == Expr.integral(f(.symbol(v)), v, from: 0, to: 2))
    }
}
