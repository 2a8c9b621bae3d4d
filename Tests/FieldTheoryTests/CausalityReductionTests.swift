import Testing
import Symbolic
@testable import FieldTheory

/// Paper 000 A40–A50 from the derived Σ of A25–A32 (HubbardStratonovichTests): the causal
/// names of Q (A40–A43) and the supports of G_ψ(±τ) decide which Σ components are retarded,
/// advanced, Keldysh or zero. Expected: A44–A50 as printed, except A48 (named below).
@Suite("Paper 000 A40–A50: causality reduction of the self-energy")
struct CausalityReductionTests {
    typealias P = Paper000Fixture
    let t = Paper000Fixture.t, t2 = Paper000Fixture.t2
    let i = Expr.i

    func qc(_ x: String, _ s: String) -> Expr { Expr.apply(Symbol.function("Q^\(x)_\(s)", slots: [.time, .time]), [t, t2]) }

    func reduced() throws -> CausalityReduction {
        let (hs, _) = try HubbardStratonovichTests().decoupled()
        let bars = [P.f("b", 1, bar: true, at: t), P.f("a", 1, bar: true, at: t), P.f("b", 2, bar: true, at: t), P.f("a", 2, bar: true, at: t)]
        let fields = [P.f("b", 1, at: t2), P.f("a", 1, at: t2), P.f("b", 2, at: t2), P.f("a", 2, at: t2)]
        let sigma = try SelfEnergy(hs.linear, bars: bars, fields: fields, times: Action.time, PhotonMediatedInteraction.otherTime)
        var replacements: [Expr: Expr] = [:]
        for s in ["a", "b"] {
            replacements[P.q(s, 1, 1, t, t2)] = qc("R", s)    // A40
            replacements[P.q(s, 1, 2, t, t2)] = qc("K", s)    // A41
            replacements[P.q(s, 2, 1, t, t2)] = .zero         // A42
            replacements[P.q(s, 2, 2, t, t2)] = qc("A", s)    // A43
        }
        // G^R(τ) ∝ θ(τ), G^A(τ) ∝ θ(−τ); at −τ (arguments (t′, t)) the other way round.
        let supports: [Expr: CausalSupport] = [
            P.gp("R"): .retarded, P.gp("A"): .advanced, P.gp("R", t2, t): .advanced, P.gp("A", t2, t): .retarded,
            qc("R", "a"): .retarded, qc("A", "a"): .advanced, qc("R", "b"): .retarded, qc("A", "b"): .advanced,
        ]
        return CausalityReduction(sigma.matrix, replacements: replacements, supports: supports)
    }

    @Test func componentsAreA44toA50() throws {
        let c = try reduced()
        // Rows (b̄¹, ā¹, b̄², ā²), columns (b¹, a¹, b², a²).
        // A44 Σ_bb^{(1,1)} = R, A45 Σ_bb^{(1,2)} = K, A46 Σ_bb^{(2,1)} = Σ_aa^{(2,1)} = 0, A47 Σ_bb^{(2,2)} = A,
        // A49 Σ_aa^{(1,2)} = K, A50 Σ_aa^{(2,2)} = A.
        // ERRATUM (A48): printed Σ_aa^{(1,1)} = Σ_aa^K; A29 with A40–A43 is G^K(−τ)Q^R(τ) + G^A(−τ)Q^K(τ),
        // both ∝ θ(τ): retarded, Σ_aa^R (the R/A/K pattern of the b block and of A52).
        let expected: [[CausalSupport]] = [
            [.retarded, .empty, .unrestricted, .empty],
            [.empty, .retarded, .empty, .unrestricted],
            [.empty, .empty, .advanced, .empty],
            [.empty, .empty, .empty, .advanced],
        ]
        #expect(c.support == expected, "\(c.support)")
    }

    @Test func retardedEntriesAreWhatA53Convolves() throws {
        // Σ^R_bb(τ) = −i g²/4 (G^K_ψ(τ)Q^R_a(τ) + G^R_ψ(τ)Q^K_a(τ)): A25 with A40–A42, the G^A Q^{(2,1)} term gone;
        // Σ^R_aa(τ) = −i g²/4 (G^K_ψ(−τ)Q^R_b(τ) + G^A_ψ(−τ)Q^K_b(τ)) from A29 (G^R(−τ)Q^{(2,1)} gone).
        let c = try reduced()
        let k = -i * P.g * P.g / 4
        #expect((c.reduced[0, 0] - k * (P.gp("K") * qc("R", "a") + P.gp("R") * qc("K", "a"))).expand().isZero)
        #expect((c.reduced[1, 1] - k * (P.gp("K", t2, t) * qc("R", "b") + P.gp("A", t2, t) * qc("K", "b"))).expand().isZero)
        // Σ^{(2,1)} vanishes: G^R(τ)Q^A(τ) + G^A(τ)Q^R(τ) are products of opposite supports.
        #expect(c.reduced[2, 0].isZero && c.reduced[3, 1].isZero)
    }
}
