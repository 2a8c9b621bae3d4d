import Testing
@testable import Symbolic

/// The moves of a Fourier step, each against a value worked out by hand: products of binders
/// gathered under one binder (with Grassmann signs), exponentials merged, the plane-wave
/// integral ∫dt e^{iat} = 2πδ(a), and the whole chain ∫dt ψ̄(t)ψ(t) → ∫dω/2π ψ̄(ω)ψ(ω).
/// Names are unique to this file (the first binder interned names the node).
@Suite struct FourierAlgebraTests {
    let t = Symbol("t_fa", [.real]), nu = Symbol("ν_fa", [.real]), w = Symbol("ω_fa", [.real])
    let f = Symbol.function("f_fa"), g = Symbol.function("g_fa")
    let chi = Symbol.function("chi_fa", commutation: .grassmann)
    let eta = Expr.symbol(Symbol("eta_fa", commutation: .grassmann))
    let x = Expr.symbol("x_fa")

    func integral(_ body: Expr, _ v: Symbol) -> Expr { Expr.integral(body, v, from: -.infinity, to: .infinity) }

    @Test func productsOfBindersGatherUnderOne() {
        // x·∫dt f(t) = ∫dt x f(t); (∫dt f(t))(∫dν g(ν)) = ∫dt∫dν f(t)g(ν).
        #expect((x * integral(f(t.expr), t)).mergingBinderProducts() == integral(x * f(t.expr), t))
        let product = integral(f(t.expr), t) * integral(g(nu.expr), nu)
        let expected = integral(integral(f(t.expr) * g(nu.expr), nu), t)
        let merged = product.mergingBinderProducts()
        #expect(merged == expected || merged == integral(integral(f(t.expr) * g(nu.expr), t), nu))
    }

    @Test func gatheringKeepsTheGrassmannOrder() {
        // η·∫dν χ(ν) = ∫dν η χ(ν), and (∫dν χ(ν))·η = ∫dν χ(ν) η = −∫dν η χ(ν): the measure is
        // even, the body stands where its binder stood.
        let body = Expr.apply(chi, [nu.expr])
        #expect((eta * integral(body, nu)).mergingBinderProducts() == integral(eta * body, nu))
        #expect((integral(body, nu) * eta).mergingBinderProducts() == integral(Expr.neg(eta * body), nu))
        #expect((integral(body, nu) * eta + eta * integral(body, nu)).mergingBinderProducts().isZero)
    }

    @Test func exponentialsMerge() {
        let a = Expr.symbol("a_fa"), b = Expr.symbol("b_fa")
        #expect((x * Expr.exp(a) * Expr.exp(b)).combiningExponentials() == x * Expr.exp(a + b))
        // exp(a)²·exp(b) = exp(2a + b).
        #expect((Expr.pow(Expr.exp(a), 2) * Expr.exp(b)).combiningExponentials() == Expr.exp(2 * a + b))
        // A single exponential is left as it is.
        #expect((x * Expr.exp(a)).combiningExponentials() == x * Expr.exp(a))
    }

    @Test func planeWaveIntegralIsADelta() {
        let i = Expr.i, n = nu.expr, o = w.expr, tt = t.expr
        // ∫dt e^{i(ν−ω)t} = 2πδ(ν − ω) (δ is even: δ(ω − ν) is the same distribution).
        let r = integral(Expr.exp(i * (n - o) * tt), t).integratingPlaneWaves()
        #expect(r == 2 * Expr.pi * Expr.diracDelta(n - o) || r == 2 * Expr.pi * Expr.diracDelta(o - n))
        // ∫dt 3 e^{2it + 1} = 6π e δ(2): constant factors and offsets come out.
        let shifted = integral(3 * Expr.exp(2 * i * tt + 1), t).integratingPlaneWaves()
        #expect(shifted == 6 * Expr.pi * Expr.exp(1) * Expr.diracDelta(2))
        // Not plane waves: a real slope, a quadratic exponent, finite limits, a complex ω.
        let real = integral(Expr.exp(tt), t)
        #expect(real.integratingPlaneWaves() == real)
        let gaussian = integral(Expr.exp(-(tt * tt)), t)
        #expect(gaussian.integratingPlaneWaves() == gaussian)
        let finite = Expr.integral(Expr.exp(i * tt), t, from: 0, to: 1)
        #expect(finite.integratingPlaneWaves() == finite)
        let complexOmega = integral(Expr.exp(i * Expr.symbol("z_fa") * tt), t)
        #expect(complexOmega.integratingPlaneWaves() == complexOmega)
        // ∫dt 1 diverges and is not a δ(0).
        let constant = integral(Expr.exp(x), t)
        #expect(constant.integratingPlaneWaves() == constant)
    }

    @Test func theWholeChainOnABilinear() throws {
        // ∫dt f(t)g(t) with f(t) = ∫dν/2π e^{iνt} F(ν), g(t) = ∫dω/2π e^{−iωt} G(ω):
        // Parseval's ∫dω/2π F(ω)G(ω).
        let F = Symbol.function("F_fa"), G = Symbol.function("G_fa"), i = Expr.i, tt = t.expr
        let fT = integral(Expr.exp(i * nu.expr * tt) * F(nu.expr) / (2 * Expr.pi), nu)
        let gT = integral(Expr.exp(Expr.neg(i) * w.expr * tt) * G(w.expr) / (2 * Expr.pi), w)
        var e = integral(fT * gT, t).mergingBinderProducts()
        // t is outermost: move it in twice.
        e = try #require(e.exchangingBinderOrder())
        let (v, body) = try #require(e.openBinderFresh())
        e = Expr.integral(try #require(body.exchangingBinderOrder()), v, from: -.infinity, to: .infinity)
        e = e.combiningExponentials().splittingBinders().integratingPlaneWaves().siftingDeltas().splittingBinders()
        let s = Symbol("s_fa", [.real])
        #expect(e == integral(F(s.expr) * G(s.expr), s) / (2 * Expr.pi))
    }
}
