import Testing
import Symbolic
@testable import FieldTheory

/// Paper 000 A35/A38 from the pieces of this layer: δS_eff/δψ̄_q at ψ_q = 0, with S_eff the photon's
/// own action plus the fermions' −i tr ln (A34), is the photon's background source J_bg,q (read
/// by `PhotonMediatedInteraction` from the model) plus the first-order term of the tr ln
/// expansion, −i tr(G M_x) with M_x = ∂G₀⁻¹/∂ψ̄_q (`TraceLogExpansion.first` times −i) and G at
/// equal times — the Keldysh component, continuous at τ = 0, so no equal-time convention enters.
@Suite("Paper 000 A38: the photon's saddle point from the first order of −i tr ln")
struct PhotonSaddlePointTests {
    typealias P = Paper000Fixture
    let i = Expr.i

    @Test func a38AsPrintedAndTheSignOfA61() throws {
        let s = try P.split()
        let m = try PhotonMediatedInteraction(s, fluctuation: "dpsi")
        let k = try KeldyshKernel.from(s, sector: ["b", "a"])
        let d = Field("dpsi", .boson)
        let mx = k.matrix.map { $0.derivative(d.component(.quantum, barred: true).symbol).expand() }
        // G at τ = 0 by name, Keldysh ⊗ Nambu [[R, K], [0, A]] (rows b¹, a¹, b², a²).
        func gn(_ x: String, _ s: String) -> Expr { .symbol(Symbol("G\(x)_\(s)")) }
        let g = Matrix([[gn("R", "bb"), gn("R", "ba"), gn("K", "bb"), gn("K", "ba")],
                        [gn("R", "ab"), gn("R", "aa"), gn("K", "ab"), gn("K", "aa")],
                        [0, 0, gn("A", "bb"), gn("A", "ba")], [0, 0, gn("A", "ab"), gn("A", "aa")]])
        let first = try TraceLogExpansion(propagator: g, perturbation: mx).first
        let equation = (m.backgroundSource[1] + Expr.neg(i) * first).expand()
        // A38: (ω₀ − μ_S − iκ)ψ_f = i(g/2) G^K_ba(τ = 0), times −√2 (ψ_cl = √2ψ_f, and δ/δψ̄_q of the
        // kernel term ψ̄_q(…)ψ_cl).
        let a38 = (P.w0 - P.muS - i * P.kappa) * P.psiF - i * P.g / 2 * gn("K", "ba")
        #expect((equation + Expr.sqrt(2) * a38).expand().isZero, "δS/δψ̄_q = \(equation)")
        // A60–A61 split A38 into real and imaginary parts (ψ_f real). READING (A61): at a point that
        // satisfies A38 — ω₀ = 5, μ_S = 2, κ = 2, g = 2, ψ_f = 1, G^K_ba = −2 − 3i, so X = i(g/2)G^K_ba =
        // 3 − 2i — A60 holds, while A61 as printed, κψ_f − Im X = 4, does not: the imaginary part of A38
        // is κψ_f + Im X = 0.
        let point: [Expr: Expr] = [P.w0: 5, P.muS: 2, P.kappa: 2, P.g: 2, P.psiF: 1, gn("K", "ba"): -2 - 3 * i]
        #expect(a38.substitute(point).expand().isZero)
        let x = (i * P.g / 2 * gn("K", "ba")).substitute(point).expand()
        #expect(x == 3 - 2 * i)
        #expect(((P.w0 - P.muS) * P.psiF).substitute(point) - Expr.re(x) == 0)       // A60
        #expect((P.kappa * P.psiF).substitute(point) + Expr.im(x) == 0)               // derived
        #expect((P.kappa * P.psiF).substitute(point) - Expr.im(x) == 4)               // A61 as printed
    }
}
