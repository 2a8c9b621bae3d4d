import Testing
@testable import Symbolic

/// The probes of issue 11 (the core tried as a new user would, before the field-theory layer):
/// each failed on the core before mixed parity, binder scoping and name hints existed, and is
/// written with the API that existed then. Expected values are worked out by hand; names are
/// unique to this file so that no other test interns the same binder first (the first binder
/// built names the node).
@Suite struct FieldTheoryProbeTests {
    func grassmannContext() -> ParseContext {
        var context = ParseContext()
        context.declare("psi", commutation: .grassmann)
        context.declare("chi", commutation: .grassmann)
        return context
    }

    var psi: Expr { .symbol(Symbol("psi", commutation: .grassmann)) }
    var chi: Expr { .symbol(Symbol("chi", commutation: .grassmann)) }

    @Test func aSumOfAnEvenAndAnOddTermDoesNotCommuteWithAnOddFactor() throws {
        // (1 + ψ)χ − χ(1 + ψ) = χ + ψχ − χ − χψ = 2ψχ.
        let e = try parseExpr("(1+psi)*chi - chi*(1+psi)", context: grassmannContext())
        #expect(e != 0)
        #expect(e.expand() == Expr.mul([2, psi, chi]))
        #expect(e.expand().description == "2*psi*chi" || e.expand().description == "-2*chi*psi")
        // exp(ψ) = 1 + ψ is mixed as well.
        let exponential = try parseExpr("exp(psi)*chi - chi*exp(psi)", context: grassmannContext())
        #expect(exponential != 0)
        #expect(exponential.expand() == Expr.mul([2, psi, chi]))
    }

    @Test func productsOfMixedSums() throws {
        let context = grassmannContext()
        // (1 + ψ)(1 + χ) − (1 + χ)(1 + ψ) = (1 + ψ + χ + ψχ) − (1 + χ + ψ + χψ) = 2ψχ.
        let e = try parseExpr("(1+psi)*(1+chi) - (1+chi)*(1+psi)", context: context)
        #expect(e.expand() == Expr.mul([2, psi, chi]))
        // (a + ψ)(b + χ) = ab + aχ + bψ + ψχ, and the commutator is 2ψχ, for a, b even.
        let a = Expr.symbol("a"), b = Expr.symbol("b")
        #expect(try parseExpr("(a+psi)*(b+chi)", context: context).expand()
                == a * b + a * chi + b * psi + psi * chi)
        #expect(try parseExpr("(a+psi)*(b+chi) - (b+chi)*(a+psi)", context: context).expand()
                == Expr.mul([2, psi, chi]))
    }

    @Test func theBarOfAnOddElementIsOdd() throws {
        let context = grassmannContext()
        // ψ̄ψ + ψψ̄ = ψ̄ψ − ψ̄ψ = 0, and ψ̄² = 0.
        #expect(try parseExpr("conj(psi)*psi + psi*conj(psi)", context: context) == 0)
        #expect(try parseExpr("conj(psi)^2", context: context) == 0)
    }

    /// ψ(x) → ∫dν K(x, ν) φ(ν), a Fourier step, applied inside ∫dt ψ(t) g(t): the ν brought in
    /// by the rule must not capture t.
    @Test func aRuleBringingInABinderCapturesNothing() throws {
        let t = Symbol("t_probe", [.real]), nu = Symbol("nu_probe", [.real])
        let psiF = Symbol.function("psi_probe"), phi = Symbol.function("phi_probe")
        let k = Symbol.function("K_probe"), g = Symbol.function("g_probe")
        let x = Wildcard("x")
        let fourier = Rule(psiF(x.expr), Expr.integral(k(x.expr, nu.expr) * phi(nu.expr), nu, from: -.infinity, to: .infinity))
        let subject = Expr.integral(psiF(t.expr) * g(t.expr), t, from: -.infinity, to: .infinity)
        let expected = Expr.integral(Expr.integral(k(t.expr, nu.expr) * phi(nu.expr), nu, from: -.infinity, to: .infinity)
                                     * g(t.expr), t, from: -.infinity, to: .infinity)
        #expect(subject.replacingAll([fourier]) == expected)
        #expect(try Prewalk(fourier.rewriter)(subject) == expected)
    }

    /// Closing a binder over a body that mentions an outer bound variable, and substituting such
    /// a body under a binder, keep the outer variable outer.
    @Test func bodiesWithLooseVariablesAreShiftedNotCaptured() {
        let t = Symbol("t_scope", [.real]), nu = Symbol("nu_scope", [.real]), x = Symbol("x_scope")
        let f = Symbol.function("f_scope"), h = Symbol.function("h_scope")
        let outer = Expr.integral(f(t.expr), t, from: 0, to: 1)
        let looseBody = outer.binderParts!.body                      // f(#0), #0 bound by the t integral
        let expected = Expr.integral(Expr.integral(f(t.expr) * h(nu.expr), nu, from: 0, to: 1), t, from: 0, to: 1)
        // Closing ∫dν over f(#0)·h(ν), then putting it back under the t integral.
        let closed = Expr.integral(looseBody * h(nu.expr), nu, from: 0, to: 1)
        #expect(outer.withChildren([closed, 0, 1]) == expected)
        // Substituting f(#0) for x under ∫dν.
        let template = Expr.integral(x.expr * h(nu.expr), nu, from: 0, to: 1)
        #expect(outer.withChildren([template.substitute([x: looseBody]), 0, 1]) == expected)
    }

    @Test func boundVariablesPrintWithTheNameTheyWereBuiltWith() throws {
        #expect(try parseExpr("integral(f_hint(t)*g_hint(t), t, -oo, oo)").description
                == "integral(f_hint(t)*g_hint(t), t, -oo, oo)")
        // `i` declared an index is the index, not the imaginary unit.
        var context = ParseContext()
        try context.declare(specification: "i:index")
        let i = try #require(context.symbol(named: "i"))
        let e = try parseExpr("sum(kdelta(i,j)*x_hint(j), j, 1, N)", context: context)
        #expect(e.contains(i))
        #expect(e.text(context: context) == "sum(kdelta(i, j)*x_hint(j), j, 1, N)")
    }
}
