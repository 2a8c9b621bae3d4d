import Testing
import TestSupport
import Symbolic
@testable import Algebra

@Suite("Lindblad: Heisenberg equations, collective and per-site dissipators")
struct LindbladTests {
    let N = Expr.symbol("N", [.positive])
    let up = Expr.symbol("γ↑", [.positive])
    let down = Expr.symbol("γ↓", [.positive])

    @Test func cavityLoss() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let w = Expr.symbol("ω", [.real]), kappa = Expr.symbol("κ", [.positive])
        let sys = try OpenSystem(algebra: alg, hamiltonian: w * a.creation * a.annihilation,
                                 dissipators: [.collective(a.annihilation, rate: kappa)])
        // By hand: i[ωa†a, a] = −iωa; κ(a† a a − ½{a†a, a}) = κ(a†a a − ½(a†a a + a a†a)) = −κa/2.
        #expect(same(try sys.heisenberg(a.annihilation), (-Expr.i * w - kappa / 2) * a.annihilation))
        // d(a†a)/dt = −κ a†a (photon number decays at κ).
        #expect(same(try sys.heisenberg(a.creation * a.annihilation), -kappa * a.creation * a.annihilation))
    }

    @Test func termsOnOtherModesDropOutUnlessBothAreFermionOdd() throws {
        // heisenberg skips the terms of H and the dissipators that commute with O by support;
        // two odd fermion words on different modes anticommute instead, so they must stay.
        var alg = OperatorAlgebra()
        let c = alg.fermion("c"), d = alg.fermion("d")
        let b = alg.boson("b")
        let e = Expr.symbol("ε", [.real]), g = Expr.symbol("γ", [.positive]), k = Expr.symbol("k", [.positive])
        let sys = try OpenSystem(algebra: alg, hamiltonian: e * d.creation * d.annihilation,
                                 dissipators: [.collective(d.annihilation, rate: g), .collective(b.annihilation, rate: k)])
        // By hand: [ε d†d, c] = 0 and D†[b] c = 0 (even, other modes). D†[d] c = d†c d − ½{d†d, c}
        // with d†c d = −c d†d and {d†d, c} = 2 c d†d, so γD†[d]c = −2γ c d†d.
        // (normalOrder puts both sides in the algebra's one order, signs included).
        #expect(same(try sys.heisenberg(c.annihilation), try alg.normalOrder(-2 * g * c.annihilation * d.creation * d.annihilation)))
        // The even observable c†c commutes with everything on d and b: its equation is 0.
        #expect(same(try sys.heisenberg(c.creation * c.annihilation), 0))
        // On d itself nothing is skipped: i[εd†d, d] = −iεd, γD†[d]d = −γd/2.
        #expect(same(try sys.heisenberg(d.annihilation), (-Expr.i * e - g / 2) * d.annihilation))
    }

    @Test func singleSpinSiteLettersHaveOneCanonicalForm() throws {
        // For one spin-1/2, σ_i^α and S^α are the same operator, so σ_i^+ a and S^+ a must
        // normal-order to one node (the site letter was renamed only when it stood alone).
        var alg = OperatorAlgebra()
        let s = alg.spinHalf("s")
        let a = alg.boson("a")
        #expect(try alg.normalOrder(s.sitePlus * a.annihilation) == (try alg.normalOrder(s.plus * a.annihilation)))
        // σ_i^+ a σ_i^- = S^+ S^- a = (1/2 + S^z) a for a spin-1/2 (σ^+σ^- = 1/2 + σ^z with σ^z = ±1/2).
        #expect(same(try alg.normalOrder(s.sitePlus * a.annihilation * s.siteMinus),
                     try alg.normalOrder((Expr.rational(1, 2) + s.z) * a.annihilation)))
        #expect(try alg.normalOrder(a.creation * s.siteZ * a.annihilation) == (try alg.normalOrder(a.creation * a.annihilation * s.z)))
    }

    @Test func collectiveDecay() throws {
        var alg = OperatorAlgebra()
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let gamma = Expr.symbol("Γ", [.positive])
        let sys = try OpenSystem(algebra: alg, hamiltonian: 0, dissipators: [.collective(S.minus, rate: gamma)])
        // By hand: S^+S^zS^- = S^+S^-S^z − S^+S^-, S^zS^+S^- = S^+S^-S^z, so
        // Γ(S^+S^zS^- − ½{S^+S^-, S^z}) = −Γ S^+S^- (superradiant decay of the inversion).
        #expect(same(try sys.heisenberg(S.z), -gamma * S.plus * S.minus))
    }

    /// γ↑ Σ_i D[τ_i^+] + γ↓ Σ_i D[τ_i^-] on an ensemble of N spins.
    func pumped(_ alg: inout OperatorAlgebra) throws -> (OpenSystem, SpinEnsemble) {
        let T = alg.spinEnsemble("T", site: "τ", size: N)
        let sys = try OpenSystem(algebra: alg, hamiltonian: 0,
                                 dissipators: [.perSite(T.sitePlus, rate: up), .perSite(T.siteMinus, rate: down)])
        return (sys, T)
    }

    @Test func perSitePumpOnLinearOperators() throws {
        var alg = OperatorAlgebra()
        let (sys, T) = try pumped(&alg)
        // By hand on one site: D†[τ^+](τ^z) = τ^-τ^zτ^+ − ½{τ^-τ^+, τ^z} = 1/2 − τ^z,
        // D†[τ^-](τ^z) = −1/2 − τ^z; summed over N sites: N(γ↑ − γ↓)/2 − (γ↑ + γ↓) T^z,
        // which is the (γ↑ − γ↓)/2 − γ_t⟨T^z⟩ of Eq. (A1) of 003 after dividing by N.
        #expect(same(try sys.heisenberg(T.z), N * (up - down) / 2 - (up + down) * T.z))
        // By hand: D†[τ^±](τ^-) = −τ^-/2 (τ^-τ^-τ^+ = 0, {τ^∓τ^±, τ^-} = τ^-): −γ_t/2 T^- as in (A1).
        #expect(same(try sys.heisenberg(T.minus), -(up + down) / 2 * T.minus))
        #expect(same(try sys.heisenberg(T.plus), -(up + down) / 2 * T.plus))
    }

    @Test func perSitePumpOnQuadraticOperators() throws {
        var alg = OperatorAlgebra()
        let (sys, T) = try pumped(&alg)
        // By hand: Σ_{j≠k} τ_j^+τ_k^- loses γ_t/2 from each site; the diagonal Σ_j τ_j^+τ_j^- =
        // Σ_j (1/2 + τ_j^z) gains γ↑(1/2 − τ^z) − γ↓(1/2 + τ^z) per site. Altogether
        // d(T^+T^-)/dt = −γ_t T^+T^- + γ_t (N/2 + T^z) + γ↑(N/2 − T^z) − γ↓(N/2 + T^z)
        //            = −γ_t T^+T^- + γ↑ N.
        #expect(same(try sys.heisenberg(T.plus * T.minus), -(up + down) * T.plus * T.minus + up * N))
    }

    @Test func perSiteAtNEqualsOneMatchesOneSpin() throws {
        // Second method: the per-site result at N = 1 (T^α → σ^α) equals the plain collective
        // Lindblad computation for a single spin-1/2, whose products reduce exactly.
        var alg = OperatorAlgebra()
        let (sys, T) = try pumped(&alg)
        let s = alg.spinHalf("s")
        let one = try OpenSystem(algebra: alg, hamiltonian: 0,
                                 dissipators: [.collective(s.plus, rate: up), .collective(s.minus, rate: down)])
        let toOne: [Symbol: Expr] = [N.symbol!: 1, T.plus.symbol!: s.plus, T.minus.symbol!: s.minus, T.z.symbol!: s.z]
        for (o, o1) in [(T.z, s.z), (T.minus, s.minus), (T.plus * T.minus, s.plus * s.minus), (T.z * T.minus, s.z * s.minus)] {
            let ensemble = try alg.normalOrder((try sys.heisenberg(o)).substitute(toOne))
            #expect(same(ensemble, try one.heisenberg(o1)))
        }
        // And by hand for N = 1: dσ^z/dt = (γ↑ − γ↓)/2 − (γ↑ + γ↓)σ^z.
        #expect(same(try one.heisenberg(s.z), (up - down) / 2 - (up + down) * s.z))
    }

    @Test func perSiteAtNEqualsTwoMatchesTwoExplicitSpins() throws {
        // Second method: two explicit spins s1, s2 with T = s1 + s2 and collective dissipators on
        // each; the per-site result with N = 2 must agree for quadratic observables.
        var alg = OperatorAlgebra()
        let (sys, T) = try pumped(&alg)
        let s1 = alg.spinHalf("s1"), s2 = alg.spinHalf("s2")
        let two = try OpenSystem(algebra: alg, hamiltonian: 0, dissipators: [
            .collective(s1.plus, rate: up), .collective(s1.minus, rate: down),
            .collective(s2.plus, rate: up), .collective(s2.minus, rate: down)])
        let (p, m, z) = (s1.plus + s2.plus, s1.minus + s2.minus, s1.z + s2.z)
        let toTwo: [Symbol: Expr] = [N.symbol!: 2, T.plus.symbol!: p, T.minus.symbol!: m, T.z.symbol!: z]
        for o in [T.plus * T.minus, T.z * T.minus, T.z * T.z, T.minus * T.minus] {
            let ensemble = try alg.normalOrder((try sys.heisenberg(o)).substitute(toTwo))
            #expect(same(ensemble, try two.heisenberg(o.substitute(toTwo))))
        }
    }

    @Test func perSiteJumpOnOneSpinIsItsCollectiveJump() throws {
        // For a single spin-1/2 σ_i is σ itself: γ Σ_i D[σ_i^±] must give the Heisenberg
        // equations of γ D[σ^±] node for node (canonical words hold no σ_i letters), also for
        // observables that carry another mode's letters next to the spin's.
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let s = alg.spinHalf("s")
        let g = Expr.symbol("g", [.real])
        let h = g * (a.annihilation * s.plus + a.creation * s.minus)
        let perSite = try OpenSystem(algebra: alg, hamiltonian: h,
                                     dissipators: [.perSite(s.sitePlus, rate: up), .perSite(s.siteMinus, rate: down)])
        let collective = try OpenSystem(algebra: alg, hamiltonian: h,
                                        dissipators: [.collective(s.plus, rate: up), .collective(s.minus, rate: down)])
        for o in [s.z, s.minus, a.annihilation * s.z, a.creation * a.annihilation * s.plus, a.annihilation * a.creation * s.minus] {
            #expect(try perSite.heisenberg(o) == collective.heisenberg(o), "d(\(o))/dt")
        }
    }

    @Test func perSiteOperatorsOnlyInPerSiteJumps() throws {
        var alg = OperatorAlgebra()
        let T = alg.spinEnsemble("T", site: "τ", size: N)
        #expect(throws: AlgebraError.self) {
            try OpenSystem(algebra: alg, hamiltonian: 0, dissipators: [.collective(T.sitePlus, rate: up)])
        }
        #expect(throws: AlgebraError.self) {
            try OpenSystem(algebra: alg, hamiltonian: 0, dissipators: [.perSite(T.plus, rate: up)])
        }
        #expect(throws: AlgebraError.self) { try OpenSystem(algebra: alg, hamiltonian: T.siteZ) }
    }
}
