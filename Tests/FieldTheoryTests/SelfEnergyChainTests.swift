import Testing
import Symbolic
import Algebra
@testable import FieldTheory

/// `SelfEnergyChain` from paper 000's framed action (Paper000Fixture without its split: the
/// chain splits ψ itself) against the steps built one by one in the other suites, and A38 and
/// A53 by hand.
@Suite("Paper 000 A21–A58: the chain of steps from the framed action")
struct SelfEnergyChainTests {
    typealias P = Paper000Fixture
    let i = Expr.i

    func chain(_ sign: SelfEnergySign = .asA23) throws -> SelfEnergyChain {
        // The fixture's action before FieldSplitting, and the background ⟨ψ_cl⟩ = √2ψ_f it splits with.
        try SelfEnergyChain(try P.framed(), boson: "psi", background: [.classical: Expr.sqrt(2) * P.psiF],
                            spinor: [Field("b", .fermion), Field("a", .fermion)], sign: sign)
    }

    @Test func sigmaIsTheOneBuiltStepByStep() throws {
        let c = try chain()
        let (hs, _) = try HubbardStratonovichTests().decoupled()
        let sigma = try SelfEnergy.spinor(hs.linear, fields: [Field("b", .fermion), Field("a", .fermion)])
        #expect(c.selfEnergy.matrix == sigma.matrix)
        #expect(c.records.map(\.step) == ["field-splitting", "photon-mediated-interaction", "hubbard-stratonovich", "self-energy",
                                          "effective-action", "photon-saddle-point", "causality-reduction", "fluctuation-kernel"])
    }

    @Test func a38TimesMinusRootTwo() throws {
        // A38: (ω₀ − μ_S − iκ)ψ_f = i(g/2)G^K_ba(τ = 0); δS/δψ̄_q is −√2 times lhs − rhs (PhotonSaddlePointTests).
        let eq = try chain().saddlePoint.equation
        let a38 = (P.w0 - P.muS - i * P.kappa) * P.psiF - i * P.g / 2 * PhotonSaddlePoint.equalTime("K", "ba")
        #expect((eq + Expr.sqrt(2) * a38).expand().isZero, "\(eq)")
    }

    @Test func a53InTheDysonSignIsThePrintedIntegrand() throws {
        // A53 as printed, i g²/(4π)(G^R_aa ∘ G^K_ψ + G^K_aa ∘ G^R_ψ) with ∘ = ∫dν f(ν)g(ω − ν): the density per dν.
        let f = try chain(.dyson).frequency(.convolution)
        let nu = Expr.symbol(f.nu), omega = P.omega
        func g(_ name: String, _ x: Expr) -> Expr { Expr.apply(Symbol.function(name), [x]) }
        let printed = i * P.g * P.g / (4 * Expr.pi) * (g("GR_aa", nu) * g("GK_psi", omega - nu) + g("GK_aa", nu) * g("GR_psi", omega - nu))
        #expect((f.densities["R_bb"]! - printed).expand().isZero, "\(f.densities["R_bb"]!)")
    }
}
