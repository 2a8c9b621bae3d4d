import Testing
import Symbolic
@testable import FieldTheory

/// Paper 000 A21 from the model: the Keldysh action of Eq. (1) with its baths (A2–A11), in the
/// frame of the condensate (A14), ψ split as ⟨ψ⟩ + δψ, δψ integrated out. Expected values: A21
/// transcribed as printed, and the rotating-frame photon propagator of A19 (ω → ω + μ_S).
@Suite("Paper 000 A21: the photon-mediated interaction from integrating out δψ")
struct PhotonMediatedInteractionTests {
    let g = Paper000Fixture.g, w0 = Paper000Fixture.w0, kappa = Paper000Fixture.kappa, muS = Paper000Fixture.muS
    let psiF = Paper000Fixture.psiF, eps0 = Paper000Fixture.eps0, omega = Paper000Fixture.omega
    let i = Expr.i
    func split() throws -> Action { try Paper000Fixture.split() }
    func f(_ name: String, _ c: Int, bar: Bool = false, at t: Expr) -> Expr { Paper000Fixture.f(name, c, bar: bar, at: t) }

    @Test func a21AsPrinted() throws {
        let m = try PhotonMediatedInteraction(try split(), fluctuation: "dpsi")
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        func gp(_ x: String) -> Expr { PhotonMediatedInteraction.propagator(x, "psi", t, t2) }
        // A21: −g²/2 [ (b̄¹a¹ + b̄²a²)_t G^K (ā¹b¹ + ā²b²)_t′ + (b̄¹a¹ + b̄²a²)_t G^R (ā²b¹ + ā¹b²)_t′
        //              + (b̄¹a² + b̄²a¹)_t G^A (ā¹b¹ + ā²b²)_t′ ].
        let bilinearCl = f("b", 1, bar: true, at: t) * f("a", 1, at: t) + f("b", 2, bar: true, at: t) * f("a", 2, at: t)
        let bilinearQ = f("b", 1, bar: true, at: t) * f("a", 2, at: t) + f("b", 2, bar: true, at: t) * f("a", 1, at: t)
        let conjCl = f("a", 1, bar: true, at: t2) * f("b", 1, at: t2) + f("a", 2, bar: true, at: t2) * f("b", 2, at: t2)
        let conjQ = f("a", 2, bar: true, at: t2) * f("b", 1, at: t2) + f("a", 1, bar: true, at: t2) * f("b", 2, at: t2)
        let a21 = Expr.neg(g * g / 2) * (bilinearCl * gp("K") * conjCl + bilinearCl * gp("R") * conjQ + bilinearQ * gp("A") * conjCl)
        #expect((distribute(m.interaction) - distribute(a21)).expand().isZero, "derived: \(m.interaction)")
    }

    @Test func propagatorIsA19InTheFrame() throws {
        let m = try PhotonMediatedInteraction(try split(), fluctuation: "dpsi")
        // A19 with ω → ω + μ_S (RotatingFrame shifts the kernel by the photon's rate).
        #expect((m.greens.retarded[0, 0] - 1 / (omega + muS - w0 + i * kappa)).cancel().isZero)
        #expect((m.greens.advanced[0, 0] - 1 / (omega + muS - w0 - i * kappa)).cancel().isZero)
    }

    @Test func droppedCrossTermsCancelTheBackgroundCoupling() throws {
        // The claim of the step's documentation, checked: the cross terms, their time integral done,
        // are minus the fermions' coupling to ⟨ψ⟩ in S₀, which comes straight from H (−g(ψ b̄a + h.c.)
        // on both branches at ψ_cl = √2ψ_f, ψ_q = 0). Keeping them would take ⟨ψ⟩ out of G₀.
        let s = try split()
        let m = try PhotonMediatedInteraction(s, fluctuation: "dpsi")
        let fermions = Set(s.components.filter { $0.field.statistics == .fermion }.map(\.symbol))
        let coupling = Expr.add(m.rest.terms.filter { !$0.freeSymbols.isDisjoint(with: fermions) && $0.contains(psiF.symbol!) })
        #expect(!coupling.isZero)
        // The coefficients are rational in κ, μ_S, ω₀: compared at an exact rational point (the
        // core's cancel does not collect coefficients of Grassmann monomials).
        let point: [Expr: Expr] = [kappa: 3, muS: 2, w0: 5, g: 7, psiF: 1 + 2 * i, eps0: 11]
        let sum = (m.localCrossTerms + coupling).substitute(point).expand()
        #expect(sum.isZero, "cross: \(m.localCrossTerms)\ncoupling: \(coupling)")
        #expect(!m.localCrossTerms.substitute(point).expand().isZero)
    }
}
