import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// The Gilbert-damped variant of paper 003 (Eq. C1) and its stability matrix (Fig. 7).
@Suite("Variants: Gilbert damping of 003 (C1)")
struct VariantGilbertTests {
    let m = Paper003Model()
    let i = Expr.i

    @Test func bosonEquationC1() throws {
        let mf = try m.gilbertDamped()
        let (al, sm, tm) = (try m.variable(m.a.annihilation), try m.variable(m.S.minus), try m.variable(m.T.minus))
        let k = m.kappa
        // (C1) as printed, with ω_c standing for ω_c − Δ̃: (1 + iκ/2)ȧ = −iω_c a − iηT^- − iλ(S^+ + S^-).
        let rhs = Expr.neg(i * m.omegaC * al) - i * m.eta * tm - i * m.lambda * (Expr.conj(sm) + sm)
        #expect(((1 + i * k / 2) * (try mf.rhs(for: al)) - rhs).cancel().isZero)
        // The other equations are those of (A1), unchanged (they contain no κ).
        let a1 = try m.meanField()
        for e in a1.equations where e.variable != al {
            #expect(same(try mf.rhs(for: e.variable), e.rhs))
        }
    }

    @Test func stabilityMatrixIsA2WithDividedRows() throws {
        let g = try m.gilbertStabilityMatrix()
        let a2 = try m.restricted([m.kappa: .zero]).normalStateStabilityMatrix()
        let k = m.kappa
        // (A2) at κ = 0 (second source: the matrix checked against the printed (A2) in
        // Paper003Tests), rows 1 and 2 divided by (1 + iκ/2) and (1 − iκ/2).
        for r in 0..<6 {
            let d: Expr = r == 0 ? 1 + i * k / 2 : (r == 1 ? 1 - i * k / 2 : 1)
            for c in 0..<6 {
                #expect((g[r, c] - a2[r, c] / d).cancel().isZero, "entry (\(r + 1), \(c + 1))")
            }
        }
        // A hand value: entry (1,1) is −iω_c/(1 + iκ/2).
        #expect((g[0, 0] + i * m.omegaC / (1 + i * k / 2)).cancel().isZero)
    }
}
