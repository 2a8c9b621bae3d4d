import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// Appendix D of paper 003 (D1–D4 and the effective S^- equation): the mean-field equations
/// of the model file with T eliminated by the `values` functions (solve, subs, coefficient,
/// re) as verify.kd writes them, compared with the printed equations typed in below.
@Suite("Adiabatic elimination of T (Appendix D of 003)")
struct StepAdiabaticEliminationTests {
    let f: Paper003ModelFile
    let v: [String: Expr]
    let wc: Expr, wz: Expr, wz2: Expr, k: Expr, l: Expr, eta: Expr, eta2: Expr, gt: Expr, up: Expr, down: Expr
    let a: Expr, sm: Expr, sz: Expr, tz: Expr
    var dz: Expr { wz2 * wz2 + gt * gt / 4 }   // ω'_z² + γ_t²/4
    let i = Expr.i

    init() throws {
        f = try Paper003ModelFile()
        v = try f.step("meanfield D: a, Sz, S-, Tz, T-; values Tminus = solve(rhs(<T->), <T->), Tplus = conj(Tminus), "
                       + "tz0 = solve(subs(rhs(<Tz>), eta, 0, eta', 0), <Tz>), a_dot = subs(rhs(<a>), <T->, Tminus, <T+>, Tplus), "
                       + "coupling = coefficient(a_dot, <S->), omegaTilde = re(i coefficient(a_dot, <a>)), "
                       + "kappaTilde = cancel(subs(re(-coefficient(a_dot, <a>)), <Tz>, tz0)), "
                       + "S_dot = subs(rhs(<S->), <T->, Tminus, <T+>, Tplus, <Tz>, tz0), "
                       + "K = (coefficient(S_dot, <a>) - coefficient(S_dot, <a†>))/eta, pump = re(K)").results.values
        (wc, wz, wz2, k, l) = (try f.e("wc"), try f.e("wz"), try f.e("wz'"), try f.e("kappa"), try f.e("lambda"))
        (eta, eta2, gt, up, down) = (try f.e("eta"), try f.e("eta'"), try f.e("gt"), try f.e("gup"), try f.e("gdown"))
        (a, sm, sz, tz) = (try f.e("<a>"), try f.e("<S->"), try f.e("<Sz>"), try f.e("<Tz>"))
    }

    func agree(_ x: Expr, _ y: Expr) throws -> Bool { try f.agree(x, y, seed: 23) }

    @Test func enslavedSpinsD1() throws {
        // (D1) as printed.
        #expect(try agree(v["Tminus"]!, 2 * tz * (wz2 + i * gt / 2) / dz * (eta * a + eta2 * sm)))
        #expect(try agree(v["Tplus"]!, 2 * tz * (wz2 - i * gt / 2) / dz * (eta * Expr.conj(a) + eta2 * Expr.conj(sm))))
        #expect(try agree(v["tz0"]!, (up - down) / (2 * gt)))
    }

    @Test func bosonEquationD2D3() throws {
        // (D2) as printed: the 1/(ω'_z − iγ_t/2) form and (D1)'s (ω'_z + iγ_t/2)/(ω'_z² + γ_t²/4)
        // are the same number, so (D1) substituted into (A1) must give (D2) exactly.
        let d2 = Expr.neg(i * wc + k / 2) * a
            - i * eta * (2 * eta * tz / (wz2 - i * gt / 2) * a + 2 * eta2 * tz / (wz2 - i * gt / 2) * sm)
            - i * l * (Expr.conj(sm) + sm)
        #expect(try agree(v["a_dot"]!, d2))
        // (D3): the ⟨S^-⟩ coefficient is −iλ − 2iηη'⟨T^z⟩/(ω'_z − iγ_t/2).
        #expect(try agree(v["coupling"]!, Expr.neg(i * l) - 2 * i * eta * eta2 * tz / (wz2 - i * gt / 2)))
    }

    @Test func effectiveFrequencyAndDampingD4() throws {
        // κ̃ of (D4) as printed agrees.
        #expect(try agree(v["kappaTilde"]!, k / 2 - (up - down) / 2 * eta * eta / dz))
        // ω̃ of (D4) as printed has the opposite sign of the shift: from (D2),
        // −iη·2η⟨T^z⟩/(ω'_z − iγ_t/2) = −i·2η²⟨T^z⟩ω'_z/D + …, so ω̃ = ω_c + 2η²ω'_z⟨T^z⟩/D.
        let printed = wc - 2 * eta * eta * wz2 * tz / dz
        let corrected = wc + 2 * eta * eta * wz2 * tz / dz
        #expect(try agree(v["omegaTilde"]!, corrected))
        #expect(!(v["omegaTilde"]! - printed).cancel().isZero)
    }

    @Test func effectiveSpinEquation() throws {
        // The unnumbered equation after (D4), as printed.
        let printed = Expr.neg(i * wz * sm) + 2 * i * l * (a + Expr.conj(a)) * sz
            + 2 * i * eta2 * (wz2 + i * gt / 2) * (up - down) * sz / (gt * dz) * (eta * a + eta2 * sm)
        #expect(try agree(v["S_dot"]!, printed))
        // Its dissipative part: η'(γ↑ − γ↓)(−⟨S^z⟩)/(ω'_z² + γ_t²/4), the paper's "∝" holds
        // with constant 1 (K is the coefficient of η⟨a⟩ + η'⟨S^-⟩; ⟨a⟩ and ⟨a†⟩ enter alike
        // through λ, so the difference of their coefficients isolates it).
        #expect(try agree(v["pump"]!, eta2 * (up - down) * Expr.neg(sz) / dz))
    }
}
