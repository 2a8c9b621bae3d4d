import Testing
import Symbolic
@testable import Algebra
@testable import Derivations

/// Appendix D of paper 003 (D1–D4 and the effective S^- equation) derived from (A1) and
/// compared with the printed equations, typed in below.
@Suite("Variants: adiabatic elimination of T (Appendix D of 003)")
struct VariantAdiabaticEliminationTests {
    let m = Paper003Model()
    var wz2: Expr { m.omegaZPrime }
    var gt: Expr { m.gammaT }
    var eta: Expr { m.eta }
    var eta2: Expr { m.etaPrime }
    var dz: Expr { wz2 * wz2 + gt * gt / 4 }   // ω'_z² + γ_t²/4
    let i = Expr.i

    func agree(_ a: Expr, _ b: Expr) throws -> Bool {
        let symbolic = (a - b).cancel().isZero
        let numeric = try Expr.numericallyEqual(a, b, digits: 100, samples: 4, seed: 23).equal
        return symbolic && numeric
    }

    @Test func enslavedSpinsD1() throws {
        let ad = try m.adiabaticElimination()
        let (al, sm, tz) = (try m.variable(m.a.annihilation), try m.variable(m.S.minus), try m.variable(m.T.z))
        // (D1) as printed.
        #expect(try agree(ad.tMinus, 2 * tz * (wz2 + i * gt / 2) / dz * (eta * al + eta2 * sm)))
        #expect(try agree(ad.tPlus, 2 * tz * (wz2 - i * gt / 2) / dz * (eta * Expr.conj(al) + eta2 * Expr.conj(sm))))
        #expect(try agree(ad.tz, (m.gammaUp - m.gammaDown) / (2 * gt)))
    }

    @Test func bosonEquationD2D3() throws {
        let ad = try m.adiabaticElimination()
        let (al, sm, tz) = (try m.variable(m.a.annihilation), try m.variable(m.S.minus), try m.variable(m.T.z))
        let (wc, k, l) = (m.omegaC, m.kappa, m.lambda)
        // (D2) as printed: the 1/(ω'_z − iγ_t/2) form and (D1)'s (ω'_z + iγ_t/2)/(ω'_z² + γ_t²/4)
        // are the same number, so (D1) substituted into (A1) must give (D2) exactly.
        let d2 = Expr.neg(i * wc + k / 2) * al
            - i * eta * (2 * eta * tz / (wz2 - i * gt / 2) * al + 2 * eta2 * tz / (wz2 - i * gt / 2) * sm)
            - i * l * (Expr.conj(sm) + sm)
        #expect(try agree(ad.boson, d2))
        // (D3): the ⟨S^-⟩ coefficient is −iλ − 2iηη'⟨T^z⟩/(ω'_z − iγ_t/2).
        #expect(try agree(ad.bosonSpinCoupling, Expr.neg(i * l) - 2 * i * eta * eta2 * tz / (wz2 - i * gt / 2)))
    }

    @Test func effectiveFrequencyAndDampingD4() throws {
        let ad = try m.adiabaticElimination()
        let tz = try m.variable(m.T.z)
        let (wc, k) = (m.omegaC, m.kappa)
        // κ̃ of (D4) as printed agrees.
        #expect(try agree(ad.kappaTilde, k / 2 - (m.gammaUp - m.gammaDown) / 2 * eta * eta / dz))
        // ω̃ of (D4) as printed has the opposite sign of the shift: from (D2),
        // −iη·2η⟨T^z⟩/(ω'_z − iγ_t/2) = −i·2η²⟨T^z⟩ω'_z/D + …, so ω̃ = ω_c + 2η²ω'_z⟨T^z⟩/D.
        let printed = wc - 2 * eta * eta * wz2 * tz / dz
        let corrected = wc + 2 * eta * eta * wz2 * tz / dz
        #expect(try agree(ad.omegaTilde, corrected))
        #expect(!(ad.omegaTilde - printed).cancel().isZero)
    }

    @Test func effectiveSpinEquation() throws {
        let ad = try m.adiabaticElimination()
        let (al, sm, sz) = (try m.variable(m.a.annihilation), try m.variable(m.S.minus), try m.variable(m.S.z))
        let (wz, l, up, down) = (m.omegaZ, m.lambda, m.gammaUp, m.gammaDown)
        // The unnumbered equation after (D4), as printed.
        let printed = Expr.neg(i * wz * sm) + 2 * i * l * (al + Expr.conj(al)) * sz
            + 2 * i * eta2 * (wz2 + i * gt / 2) * (up - down) * sz / (gt * dz) * (eta * al + eta2 * sm)
        #expect(try agree(ad.spin, printed))
        // Its dissipative part: η'(γ↑ − γ↓)(−⟨S^z⟩)/(ω'_z² + γ_t²/4), the paper's "∝" holds
        // with constant 1.
        #expect(try agree(ad.spinPumpDissipative, eta2 * (up - down) * Expr.neg(sz) / dz))
    }
}
