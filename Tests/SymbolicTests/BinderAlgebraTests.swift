import Testing
@testable import Symbolic

/// Sums and integrals: name hints, scoping (opening, shifting), linearity, δ sifting, Kronecker
/// contraction, exchange of order, and rules with binders in their patterns. Every function
/// and variable name is unique to this file (the first binder interned names the node).
@Suite struct BinderAlgebraTests {
    let t = Symbol("t_ba", [.real]), s = Symbol("s_ba", [.real]), nu = Symbol("ν_ba", [.real])
    let f = Symbol.function("f_ba"), g = Symbol.function("g_ba"), k = Symbol.function("K_ba")
    let a = Expr.symbol("a_ba"), b = Expr.symbol("b_ba")
    var oo: Expr { .infinity }
    var minusOo: Expr { -Expr.infinity }

    func integral(_ body: Expr, _ v: Symbol, _ lower: Expr = -.infinity, _ upper: Expr = .infinity) -> Expr {
        Expr.integral(body, v, from: lower, to: upper)
    }

    // MARK: Names

    @Test func theFirstNameBuiltNamesTheNode() throws {
        let first = integral(Symbol.function("h_first")(nu.expr), nu)
        let second = integral(Symbol.function("h_first")(t.expr), t)
        #expect(first == second)
        #expect(second.description == "integral(h_first(ν_ba), ν_ba, -oo, oo)")
        #expect(first.binderHint == nu)
        // Rebuilt by substitution, a binder keeps its name.
        let body = Symbol.function("h_keep")(s.expr) * a
        #expect(integral(body, s).substitute([a: b]).description == "integral(b_ba*h_keep(s_ba), s_ba, -oo, oo)")
        // Nested binders with the same name: the inner one is renamed on printing only.
        let tPositive = Symbol("t_ba", [.positive])
        let nested = integral(integral(k(t.expr, tPositive.expr), tPositive, 0, 1), t)
        #expect(nested.description.contains("t_ba1"))
        #expect(try parseExpr(nested.description) == nested)
        // LaTeX keeps the papers' ω unless asked for the names as built.
        let named = integral(Symbol.function("h_latex")(t.expr), t)
        #expect(named.latex == "\\int_{-\\infty}^{\\infty} d\\omega\\, h_{latex}\\left(\\omega\\right)")
        #expect(named.latex(options: LatexOptions(binderNames: .asBuilt))
                == "\\int_{-\\infty}^{\\infty} dt_{ba}\\, h_{latex}\\left(t_{ba}\\right)")
    }

    @Test func differentiatingUnderABinderDoesNotMeetTheVariable() {
        // d/dν ∫dω f(ω) = 0 even when ν is the name the walk would open the binder with.
        let w = Symbol("w_ba", [.real]), nuPlain = Symbol("ν", [.real])
        #expect(integral(f(w.expr), w, 0, 1).derivative(nuPlain) == 0)
    }

    // MARK: Scoping

    @Test func shiftingAndInstantiatingKeepOuterVariablesOuter() {
        let outer = integral(integral(k(t.expr, s.expr), s, 0, 1), t, 0, 1)
        // The inner binder's body mentions t as index 1; opening the inner binder alone lowers it.
        let inner = outer.binderParts!.body
        let opened = inner.instantiateBinder(with: nu.expr)
        #expect(outer.withChildren([opened, 0, 1]) == integral(k(t.expr, nu.expr), t, 0, 1))
        #expect(opened.shifted(by: 1).shifted(by: -1) == opened)
    }

    @Test func rulesWithBindersInThePattern() {
        let body = Wildcard("body")
        // ∫_0^1 dt F → 2∫_0^1 dt F keeps F under its binder.
        let double = Rule(integral(body.expr, t, 0, 1), 2 * integral(body.expr, t, 0, 1))
        #expect(double.apply(integral(f(s.expr), s, 0, 1)) == 2 * integral(f(s.expr), s, 0, 1))
        // ∫_0^1 dt F → F would take F out of the binder that binds its variable: declined;
        // with a body free of the variable it applies.
        let drop = Rule(integral(body.expr, t, 0, 1), body.expr)
        #expect(drop.apply(integral(f(s.expr), s, 0, 1)) == nil)
        #expect(drop.apply(integral(a, s, 0, 1)) == a)
        // A rule applied by a walk sees the opened variable as a symbol.
        let onSymbols = Rule(f(Wildcard("x", .symbol).expr), g(Wildcard("x", .symbol).expr))
        #expect(integral(f(t.expr), t, 0, 1).replacingAll([onSymbols]) == integral(g(t.expr), t, 0, 1))
    }

    // MARK: Linearity

    @Test func linearityPullsOutFactorsFreeOfTheVariable() {
        // ∫dt (a f(t) + b g(t)) = a ∫dt f + b ∫dt g.
        let e = integral(a * f(t.expr) + b * g(t.expr), t)
        #expect(e.splittingBinders() == a * integral(f(t.expr), t) + b * integral(g(t.expr), t))
        // Σ_k 3 a k² = 3a Σ_k k².
        let kk = Symbol("k_ba", [.integer])
        #expect(Expr.sum(3 * a * Expr.pow(kk.expr, 2), kk, from: 1, to: b).splittingBinders()
                == 3 * a * Expr.sum(Expr.pow(kk.expr, 2), kk, from: 1, to: b))
        // A Grassmann constant comes out with the sign of the move: ∫dt ψ(t)χ = (∫dt ψ(t))χ = −χ∫dt ψ(t).
        let psi = Symbol.function("ψ_ba", commutation: .grassmann)
        let chi = Expr.symbol(Symbol("χ_ba", commutation: .grassmann))
        let split = integral(psi(t.expr) * chi, t).splittingBinders()
        #expect(split == Expr.mul([integral(psi(t.expr), t), chi]))
        #expect(split == -(chi * integral(psi(t.expr), t)))
        // Nothing to pull out: unchanged.
        #expect(integral(f(t.expr), t).splittingBinders() == integral(f(t.expr), t))
        // A term free of the variable becomes term · ∫1.
        #expect(integral(a + f(t.expr), t, 0, 1).splittingBinders()
                == a * integral(1, t, 0, 1) + integral(f(t.expr), t, 0, 1))
    }

    // MARK: Sifting

    @Test func diracDeltasSiftThroughIntegrals() {
        let tau = Expr.symbol(Symbol("τ_ba", [.real]))
        // ∫ds δ(τ − s) f(s) = f(τ) = ∫ds δ(s − τ) f(s).
        #expect(integral(Expr.diracDelta(tau - s.expr) * f(s.expr), s).siftingDeltas() == f(tau))
        #expect(integral(Expr.diracDelta(s.expr - tau) * f(s.expr), s).siftingDeltas() == f(tau))
        // δ(2s − 2τ) = δ(s − τ)/2, δ(3τ − 3s) = δ(s − τ)/3.
        #expect(integral(Expr.diracDelta(2 * s.expr - 2 * tau) * f(s.expr), s).siftingDeltas() == f(tau) / 2)
        #expect(integral(Expr.diracDelta(3 * tau - 3 * s.expr) * f(s.expr), s).siftingDeltas() == f(tau) / 3)
        // δ(c(s − τ)) with c > 0 declared: f(τ)/c; c of unknown sign: left alone.
        let c = Expr.symbol("c_ba", [.positive]), cc = Expr.symbol("cc_ba")
        #expect(integral(Expr.diracDelta(c * s.expr - c * tau) * f(s.expr), s).siftingDeltas() == f(tau) / c)
        let unknown = integral(Expr.diracDelta(cc * s.expr - cc * tau) * f(s.expr), s)
        #expect(unknown.siftingDeltas() == unknown)
        // Not linear in s: left alone.
        let square = integral(Expr.diracDelta(Expr.pow(s.expr, 2) - 1) * f(s.expr), s)
        #expect(square.siftingDeltas() == square)
        // Only the terms with a delta leave the integral.
        #expect(integral(Expr.diracDelta(s.expr - tau) * f(s.expr) + g(s.expr), s).siftingDeltas()
                == f(tau) + integral(g(s.expr), s))
    }

    @Test func siftingOverFiniteRanges() {
        let tau = Expr.symbol(Symbol("τ_fin", [.real]))
        // Numeric roots against numeric limits: inside, outside, on an end point (undecided).
        #expect(integral(Expr.diracDelta(s.expr - .half) * f(s.expr), s, 0, 1).siftingDeltas() == f(.half))
        #expect(integral(Expr.diracDelta(s.expr - 2) * f(s.expr), s, 0, 1).siftingDeltas() == 0)
        let endPoint = integral(Expr.diracDelta(s.expr - 1) * f(s.expr), s, 0, 1)
        #expect(endPoint.siftingDeltas() == endPoint)
        // A symbolic root in a finite range: only under the assumption.
        let symbolic = integral(Expr.diracDelta(s.expr - tau) * f(s.expr), s, 0, 1)
        #expect(symbolic.siftingDeltas() == symbolic)
        #expect(symbolic.siftingDeltas(assumingInRange: true) == f(tau))
    }

    @Test func kroneckerDeltasContractSums() throws {
        var context = ParseContext()
        try context.declare(specification: "N_ba:positive&integer, i:index, alpha:site(1..N_ba)")
        let x = Symbol.function("x_ba")
        let j = Symbol("j_ba", [.integer])
        let i = context.symbol(named: "i")!.expr, alpha = context.symbol(named: "alpha")!.expr
        let n = context.symbol(named: "N_ba")!.expr
        // Σ_{j=1}^{N} δ_{αj} x_j = x_α: α declared in 1…N.
        #expect(Expr.sum(Expr.kroneckerDelta(alpha, j.expr) * x(j.expr), j, from: 1, to: n)
            .contractingKroneckerDeltas() == x(alpha))
        // i has no declared range: contracted only under the assumption.
        let free = Expr.sum(Expr.kroneckerDelta(i, j.expr) * x(j.expr), j, from: 1, to: n)
        #expect(free.contractingKroneckerDeltas() == free)
        #expect(free.contractingKroneckerDeltas(assumingInRange: true) == x(i))
        // Parsed with i declared an index (not the imaginary unit).
        #expect(try parseExpr("sum(kdelta(i,j)*x_ba(j), j, 1, N_ba)", context: context)
            .contractingKroneckerDeltas(assumingInRange: true) == x(i))
        // Numbers: Σ_{j=1}^{3} δ_{2j} x_j = x_2, Σ_{j=1}^{3} δ_{5j} x_j = 0.
        #expect(Expr.sum(Expr.kroneckerDelta(2, j.expr) * x(j.expr), j, from: 1, to: 3).contractingKroneckerDeltas() == x(2))
        #expect(Expr.sum(Expr.kroneckerDelta(5, j.expr) * x(j.expr), j, from: 1, to: 3).contractingKroneckerDeltas() == 0)
    }

    // MARK: Order

    @Test func exchangingTheOrderOfNestedIntegrals() {
        let e = integral(a * integral(k(t.expr, s.expr), s, 0, 2), t, 0, 1)
        #expect(e.exchangingBinderOrder() == integral(integral(a * k(t.expr, s.expr), t, 0, 1), s, 0, 2))
        // The outer factor c(t) goes inside: ∫dt f(t) ∫ds K = ∫ds ∫dt f(t) K.
        let withFactor = integral(f(t.expr) * integral(k(t.expr, s.expr), s, 0, 2), t, 0, 1)
        #expect(withFactor.exchangingBinderOrder()
                == integral(integral(f(t.expr) * k(t.expr, s.expr), t, 0, 1), s, 0, 2))
        // Exchanging twice gives the nested integrals back, the factor a now inside.
        #expect(e.exchangingBinderOrder()?.exchangingBinderOrder() == integral(integral(a * k(t.expr, s.expr), s, 0, 2), t, 0, 1))
        // A sum inside an integral.
        let kk = Symbol("k_order", [.integer])
        let mixed = integral(Expr.sum(k(t.expr, kk.expr), kk, from: 1, to: b), t, 0, 1)
        #expect(mixed.exchangingBinderOrder() == Expr.sum(integral(k(t.expr, kk.expr), t, 0, 1), kk, from: 1, to: b))
        // Inner limits depending on the outer variable: not exchanged.
        #expect(integral(integral(k(t.expr, s.expr), s, 0, t.expr), t, 0, 1).exchangingBinderOrder() == nil)
        #expect(integral(f(t.expr), t).exchangingBinderOrder() == nil)
    }
}
