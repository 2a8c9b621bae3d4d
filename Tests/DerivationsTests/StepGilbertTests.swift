import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// The Gilbert-damped variant of paper 003 (Eq. C1, figures/model-gilbert.kd: no D[a] and
/// `gilbert kappa a`) and its stability matrix (Fig. 7), against model.kd at κ = 0.
@Suite("Gilbert damping of 003 (C1)")
struct StepGilbertTests {
    let f: Paper003ModelFile
    let i = Expr.i
    static let normalState = "about a = 0, S- = 0, Sz = -1/2, T- = 0, Tz = (gup - gdown)/(2 gt); order a, a*, S-, S+, T-, T+"

    init() throws { f = try Paper003ModelFile() }

    @Test func bosonEquationC1() throws {
        let gilbert = try #require(try f.step("meanfield C1: a, Sz, S-, Tz, T-; from figures/model-gilbert.kd").derivation as? MeanFieldSystem)
        let plain = try #require(try f.step("meanfield A1: a, Sz, S-, Tz, T-; where kappa = 0").derivation as? MeanFieldSystem)
        let (a, sm, tm) = (try f.e("<a>"), try f.e("<S->"), try f.e("<T->"))
        let (wc, k, eta, l) = (try f.e("wc"), try f.e("kappa"), try f.e("eta"), try f.e("lambda"))
        // (C1) as printed, with ω_c standing for ω_c − Δ̃: (1 + iκ/2)ȧ = −iω_c a − iηT^- − iλ(S^+ + S^-).
        let rhs = Expr.neg(i * wc * a) - i * eta * tm - i * l * (Expr.conj(sm) + sm)
        #expect(((1 + i * k / 2) * (try gilbert.rhs(for: a)) - rhs).cancel().isZero)
        // The other equations are those of (A1) at κ = 0, unchanged.
        for e in plain.equations where e.variable != a {
            #expect(same(try gilbert.rhs(for: e.variable), e.rhs))
        }
    }

    @Test func stabilityMatrixIsA2WithDividedRows() throws {
        let g = try #require(try f.step("linearize G: of a, Sz, S-, Tz, T-; from figures/model-gilbert.kd; " + Self.normalState)
            .derivation as? Linearization).stabilityMatrix
        let a2 = try #require(try f.step("linearize A2: of a, Sz, S-, Tz, T-; where kappa = 0; " + Self.normalState)
            .derivation as? Linearization).stabilityMatrix
        let (k, wc) = (try f.e("kappa"), try f.e("wc"))
        // (A2) at κ = 0 (second source: the matrix checked against the printed (A2) in
        // Paper003Tests), rows 1 and 2 divided by (1 + iκ/2) and (1 − iκ/2).
        for r in 0..<6 {
            let d: Expr = r == 0 ? 1 + i * k / 2 : (r == 1 ? 1 - i * k / 2 : 1)
            for c in 0..<6 {
                #expect((g[r, c] - a2[r, c] / d).cancel().isZero, "entry (\(r + 1), \(c + 1))")
            }
        }
        // A hand value: entry (1,1) is −iω_c/(1 + iκ/2).
        #expect((g[0, 0] + i * wc / (1 + i * k / 2)).cancel().isZero)
    }
}
