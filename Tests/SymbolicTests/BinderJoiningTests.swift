import Testing
@testable import Symbolic

/// Joining integrals over one range (the inverse of linearity) and re/im written by conjugates:
/// the two moves that let `keldysh verify` compare B15, A53–A58 and A60–A61 of paper 000 as whole
/// expressions. Expected values by hand; names unique to this file (the first binder interned
/// names the node).
@Suite struct BinderJoiningTests {
    let nu = Symbol("ν_bj", [.real]), mu = Symbol("μ_bj", [.real]), k = Symbol("k_bj", [.integer])
    let f = Symbol.function("f_bj"), g = Symbol.function("g_bj")
    let a = Expr.symbol("a_bj"), c = Expr.symbol("c_bj", [.real]), omega = Expr.symbol("ω_bj", [.real])

    func line(_ body: Expr, _ v: Symbol) -> Expr { Expr.integral(body, v, from: -.infinity, to: .infinity) }

    @Test func integralsOverOneRangeJoinUpToRenaming() {
        // a ∫dν f(ν) + ∫dμ g(μ − ω) = ∫dν (a f(ν) + g(ν − ω)): the bound variables differ in name only.
        let e = a * line(f(nu.expr), nu) + line(g(mu.expr - omega), mu)
        #expect(e.joiningBinders() == line(a * f(nu.expr) + g(nu.expr - omega), nu))
        // c ∫dν f − ∫dμ c f = 0: the joined body is 0 and the term goes.
        #expect((c * line(f(nu.expr), nu) - line(c * f(mu.expr), mu)).joiningBinders() == 0)
        // Different ranges, kinds or variable assumptions stay apart.
        let half = Expr.integral(f(mu.expr), mu, from: 0, to: .infinity)
        #expect((line(f(nu.expr), nu) + half).joiningBinders() == line(f(nu.expr), nu) + half)
        let s = Expr.sum(f(k.expr), k, from: 0, to: .infinity)
        let complexVariable = Symbol("z_bj")
        let overComplex = line(f(complexVariable.expr), complexVariable)
        #expect((line(f(nu.expr), nu) + s + overComplex).joiningBinders() == line(f(nu.expr), nu) + s + overComplex)
        // Two sums over one range join like integrals: Σ_k f(k) + 2 Σ_k g(k) = Σ_k (f(k) + 2g(k)).
        let s2 = Expr.sum(g(k.expr), k, from: 0, to: .infinity)
        #expect((s + 2 * s2).joiningBinders() == Expr.sum(f(k.expr) + 2 * g(k.expr), k, from: 0, to: .infinity))
    }

    @Test func aProductOfIntegralsAndOperatorsDoNotJoin() {
        // (∫f)(∫g) + ∫f: the first term holds two binders and stays as it is.
        let product = line(f(nu.expr), nu) * line(g(mu.expr), mu)
        #expect((product + line(f(nu.expr), nu)).joiningBinders() == product + line(f(nu.expr), nu))
    }

    @Test func factorsGoInOnlyWhenAsked() {
        // c ∫dν f alone: unchanged by default, ∫dν c f with takingFactorsIn.
        let e = c * line(f(nu.expr), nu) + a
        #expect(e.joiningBinders() == e)
        #expect(e.joiningBinders(takingFactorsIn: true) == line(c * f(nu.expr), nu) + a)
        // binderTerms: the binder-free part and one body per range, opened with the given variable.
        let parts = (e + line(g(mu.expr), mu)).binderTerms { _, _ in nu }
        #expect(parts.rest == a)
        #expect(parts.binders.count == 1 && parts.binders[0].body == c * f(nu.expr) + g(nu.expr))
    }

    @Test func bodiesAreMappedInnermostFirst() {
        // ∫dν (f(ν)(1 + a) − f(ν) − a f(ν)) is ∫dν 0 = 0 once its body is distributed.
        let body = f(nu.expr) * (1 + a) - f(nu.expr) - a * f(nu.expr)
        #expect(line(body, nu).mappingBinderBodies { distribute($0) } == 0)
        #expect(line(body, nu).mappingBinderBodies { $0 } == line(body, nu))
    }

    @Test func realPartsAsConjugates() {
        let z = Expr.symbol("z_bj"), psi = Expr.symbol("ψ_bj"), gg = Expr.symbol("g_bj", [.real])
        // re(i g z/2) = (i g z/2 − i g z̄/2)/2 by hand, and equals (g/2)·(−im z) = −g(z − z̄)/(4i).
        let lhs = Expr.re(Expr.i * gg * z / 2).realPartsAsConjugates()
        let rhs = (-gg / 2 * Expr.im(z)).realPartsAsConjugates()
        #expect(distribute(lhs - rhs).expand() == 0)
        #expect(distribute(lhs - (Expr.i * gg * z / 4 - Expr.i * gg * Expr.conj(z) / 4)).expand() == 0)
        // κ re(ψ) against κ(ψ + ψ̄)/2: equal only in the conjugate form (construction keeps re(ψ)).
        let kappa = Expr.symbol("κ_bj", [.positive])
        #expect(distribute(kappa * Expr.re(psi) - kappa * (psi + Expr.conj(psi)) / 2).expand() != 0)
        #expect(distribute((kappa * Expr.re(psi)).realPartsAsConjugates() - kappa * (psi + Expr.conj(psi)) / 2).expand() == 0)
        // im(z̄) = −im(z); re of a real expression is left to construction (re(κ) = κ).
        #expect(distribute((Expr.im(Expr.conj(z)) + Expr.im(z)).realPartsAsConjugates()).expand() == 0)
        #expect(Expr.re(kappa).realPartsAsConjugates() == kappa)
    }
}
