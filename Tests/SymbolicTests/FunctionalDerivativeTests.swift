import Testing
@testable import Symbolic

/// Functional derivatives δ/δψ(x₀), δ/δψ̄(x₀) (ψ̄ = conj(ψ)) with the signs of a left
/// derivative, worked out by hand: δ(AB) = (δA)B + (−1)^|A| A δB, δψ(t)/δψ(t₀) = δ(t − t₀),
/// then sifted through the integrals over t.
@Suite struct FunctionalDerivativeTests {
    let psi = Symbol.function("ψ_fd", commutation: .grassmann, slots: [.time])
    let t = Symbol("t_fd", [.real]), s = Symbol("s_fd", [.real])
    let t0 = Expr.symbol(Symbol("t0_fd", [.real])), t1 = Expr.symbol(Symbol("t1_fd", [.real]))
    let t2 = Expr.symbol(Symbol("t2_fd", [.real])), t3 = Expr.symbol(Symbol("t3_fd", [.real]))

    func bar(_ e: Expr) -> Expr { Expr.conj(e) }
    func delta(_ e: Expr) -> Expr { Expr.diracDelta(e) }
    func integral(_ body: Expr, _ v: Symbol, _ lower: Expr = -.infinity, _ upper: Expr = .infinity) -> Expr {
        Expr.integral(body, v, from: lower, to: upper)
    }

    @Test func bilinearAtOnePoint() {
        let (p, pb) = (psi(t.expr), bar(psi(t.expr)))
        // δ/δψ(t₀) [ψ̄(t)ψ(t)]: δ passes ψ̄ (odd): −ψ̄(t) δ(t − t₀).
        #expect((pb * p).functionalDerivative(psi(t0)) == -(pb * delta(t.expr - t0)))
        // δ/δψ̄(t₀) [ψ̄(t)ψ(t)] = δ(t − t₀) ψ(t).
        #expect((pb * p).functionalDerivative(bar(psi(t0))) == delta(t.expr - t0) * p)
        // ψ and ψ̄ are independent: δψ̄(t)/δψ(t₀) = 0 = δψ(t)/δψ̄(t₀).
        #expect(pb.functionalDerivative(psi(t0)) == 0)
        #expect(p.functionalDerivative(bar(psi(t0))) == 0)
        // The same point: δψ(t₀)/δψ(t₀) = δ(0), left as it is.
        #expect(psi(t0).functionalDerivative(psi(t0)) == delta(0))
    }

    @Test func productsOfThreeGrassmannFields() {
        let (a, b, c) = (psi(t1), bar(psi(t2)), psi(t3))
        let e = Expr.mul([a, b, c])
        // δ/δψ(t₀) [ψ(t₁)ψ̄(t₂)ψ(t₃)] = δ(t₁ − t₀) ψ̄(t₂)ψ(t₃) + ψ(t₁)ψ̄(t₂) δ(t₃ − t₀)
        // (the second term passes two odd factors: +).
        #expect(e.functionalDerivative(psi(t0))
                == delta(t1 - t0) * b * c + Expr.mul([a, b, delta(t3 - t0)]))
        // δ/δψ̄(t₀) [ψ(t₁)ψ̄(t₂)ψ(t₃)] = −ψ(t₁) δ(t₂ − t₀) ψ(t₃).
        #expect(e.functionalDerivative(bar(psi(t0))) == -Expr.mul([a, delta(t2 - t0), c]))
        // Both ways of writing the product give the same derivative: ψ(t₁)ψ̄(t₂)ψ(t₃) = −ψ̄(t₂)ψ(t₁)ψ(t₃).
        #expect((-Expr.mul([b, a, c])).functionalDerivative(psi(t0)) == e.functionalDerivative(psi(t0)))
    }

    @Test func integralsAreSifted() {
        let action = integral(bar(psi(t.expr)) * psi(t.expr), t)
        // δ/δψ(t₀) ∫dt ψ̄(t)ψ(t) = −ψ̄(t₀); δ/δψ̄(t₀) ∫dt ψ̄(t)ψ(t) = ψ(t₀).
        #expect(action.functionalDerivative(psi(t0)) == -bar(psi(t0)))
        #expect(action.functionalDerivative(bar(psi(t0))) == psi(t0))
        // S = ∫dt ∫ds ψ̄(t) K(t, s) ψ(s): δS/δψ(t₀) = −∫dt ψ̄(t) K(t, t₀), δS/δψ̄(t₀) = ∫ds K(t₀, s) ψ(s),
        // and δ/δψ̄(t₁) δ/δψ(t₀) S = −K(t₁, t₀).
        let k = Symbol.function("K_fd")
        let s2 = integral(integral(bar(psi(t.expr)) * k(t.expr, s.expr) * psi(s.expr), s), t)
        #expect(s2.functionalDerivative(psi(t0)) == -integral(bar(psi(t.expr)) * k(t.expr, t0), t))
        #expect(s2.functionalDerivative(bar(psi(t0))) == integral(k(t0, s.expr) * psi(s.expr), s))
        #expect(s2.functionalDerivative(psi(t0)).functionalDerivative(bar(psi(t1))) == -k(t1, t0))
        // A finite time range: sifted under the default assumption that t₀ lies in it, left
        // under the integral without it.
        let finite = integral(bar(psi(t.expr)) * psi(t.expr), t, 0, Expr.symbol("T_fd", [.positive]))
        #expect(finite.functionalDerivative(psi(t0)) == -bar(psi(t0)))
        #expect(finite.functionalDerivative(psi(t0), assumingPointInRange: false)
                == -integral(bar(psi(t.expr)) * delta(t.expr - t0), t, 0, Expr.symbol("T_fd", [.positive])))
    }

    @Test func contourAndTimeSlots() throws {
        var context = ParseContext()
        try context.declare(specification: "sigma:contour, sigma0:contour, t:time, t0:time, "
                            + "psi:grassmann&function(contour,time)")
        let field = context.symbol(named: "psi")!
        let (sigma, sigma0) = (context.symbol(named: "sigma")!.expr, context.symbol(named: "sigma0")!.expr)
        let (tt, tt0) = (context.symbol(named: "t")!.expr, context.symbol(named: "t0")!.expr)
        // δ/δψ(σ₀, t₀) [ψ̄(σ, t)ψ(σ, t)] = −ψ̄(σ, t) δ_{σσ₀} δ(t − t₀): Kronecker on the contour slot.
        let local = try parseExpr("conj(psi(sigma, t))*psi(sigma, t)", context: context)
        #expect(local.functionalDerivative(field(sigma0, tt0))
                == -Expr.mul([bar(field(sigma, tt)), Expr.kroneckerDelta(sigma, sigma0), delta(tt - tt0)]))
        // Σ_σ ∫dt ψ̄(σ, t)ψ(σ, t): the sum and the integral are both sifted, −ψ̄(σ₀, t₀).
        let action = try parseExpr("sum(integral(conj(psi(sigma, t))*psi(sigma, t), t, -oo, oo), sigma, 1, 2)",
                                   context: context)
        #expect(action.functionalDerivative(field(sigma0, tt0)) == -bar(field(sigma0, tt0)))
        // A numeric contour index: δ_{1, σ₀} stays a Kronecker delta.
        #expect(field(1, tt).functionalDerivative(field(sigma0, tt0)) == Expr.kroneckerDelta(1, sigma0) * delta(tt - tt0))
    }

    @Test func undeclaredSlotsAndBosonicFields() {
        // Slots without declared kinds: an integer-valued argument pairs through δ_ij, a real one δ(x).
        let phi = Symbol.function("φ_fd")
        let i = Expr.symbol(Symbol("i_fd", [.integer])), j = Expr.symbol(Symbol("j_fd", [.integer]))
        #expect(phi(i, t.expr).functionalDerivative(phi(j, t0)) == Expr.kroneckerDelta(i, j) * delta(t.expr - t0))
        // A commuting field takes no sign: δ/δφ(t₀) ∫dt φ̄(t)φ(t) = φ̄(t₀), δ/δφ̄(t₀) = φ(t₀).
        let action = integral(bar(phi(t.expr)) * phi(t.expr), t)
        #expect(action.functionalDerivative(phi(t0)) == bar(phi(t0)))
        #expect(action.functionalDerivative(bar(phi(t0))) == phi(t0))
        // ∫dt φ(t)² : 2φ(t₀).
        #expect(integral(Expr.pow(phi(t.expr), 2), t).functionalDerivative(phi(t0)) == 2 * phi(t0))
        // A separate symbol for the bar is a field of its own.
        let phibar = Symbol.function("φbar_fd")
        #expect(integral(phibar(t.expr) * phi(t.expr), t).functionalDerivative(phibar(t0)) == phi(t0))
    }
}
