import Testing
import TestSupport
import Symbolic
@testable import Algebra

/// The solver on small systems solved by hand.
@Suite("Steady states: solver")
struct SteadyStateSolverTests {
    @Test func drivenDampedOscillator() throws {
        // dx/dt = −(iω + κ/2)x − iF: x = −iF/(iω + κ/2) = −F/(ω − iκ/2) (by hand).
        let (w, k, f) = (Expr.symbol("ω", [.real]), Expr.symbol("κ", [.positive]), Expr.symbol("F", [.real]))
        let x = Expr.symbol("⟨x⟩")
        let eq = MeanFieldEquation(operatorWord: x, variable: x, rhs: Expr.neg(Expr.i * w + k / 2) * x - Expr.i * f, subleading: [])
        let branches = try SteadyStateProblem(system: MeanFieldSystem(equations: [eq], added: [])).solve()
        #expect(branches.count == 1)
        #expect((branches[0][x]! + f / (w - Expr.i * k / 2)).cancel().isZero)
        #expect(branches[0].verifiedSymbolically)
    }

    @Test func complexParameterIsReported() throws {
        let g = Expr.symbol("g")  // not declared real
        let x = Expr.symbol("⟨x⟩")
        let eq = MeanFieldEquation(operatorWord: x, variable: x, rhs: Expr.neg(x) + g, subleading: [])
        #expect(throws: SteadyStateError.complexParameter("g")) {
            try SteadyStateProblem(system: MeanFieldSystem(equations: [eq], added: [])).solve()
        }
    }

    @Test func quadraticBranchesWithRealityCondition() throws {
        // dz/dt = c − z², z real: z = ±√c for c ≥ 0 (two branches, condition c ≥ 0);
        // with c = −1 there is no real steady state at all.
        let c = Expr.symbol("c", [.real])
        let z = Expr.symbol("z", [.real])
        let eq = MeanFieldEquation(operatorWord: z, variable: z, rhs: c - z * z, subleading: [])
        let branches = try SteadyStateProblem(system: MeanFieldSystem(equations: [eq], added: [])).solve()
        #expect(Set(branches.map { $0[z]! }) == [Expr.sqrt(c), Expr.neg(Expr.sqrt(c))])
        #expect(branches.allSatisfy { $0.realityConditions == [c] })
        let none = MeanFieldEquation(operatorWord: z, variable: z, rhs: -1 - z * z, subleading: [])
        #expect(try SteadyStateProblem(system: MeanFieldSystem(equations: [none], added: [])).solve().isEmpty)
    }

    @Test func rotatingFrameNeedsU1Covariance() throws {
        // The Dicke coupling λ(a + a†)(S^+ + S^-) breaks the U(1) of (B1): with λ ≠ 0 the
        // frame must be refused; with λ = η' = 0 it is accepted and adds iΔ⟨a⟩.
        let m = try Paper003()
        let (al, tm) = (try m.system.expectation(m.a.annihilation), try m.system.expectation(m.T.minus))
        let delta = Expr.symbol("Δ", [.real])
        #expect(throws: AlgebraError.self) {
            try m.meanField.rotatingFrame(frequency: delta, charges: [al: 1, tm: 1, try m.system.expectation(m.S.minus): 1])
        }
        let tcModel = try Paper003(values: [m.lambda: 0, m.eta2: 0])
        let tc = try tcModel.system.meanField([m.a.annihilation, m.T.z, m.T.minus],
                                              options: MeanFieldOptions(order: .first, systemSize: m.N))
        let rotated = try tc.rotatingFrame(frequency: delta, charges: [al: 1, tm: 1])
        #expect(same(try rotated.rhs(for: al) - tc.rhs(for: al), Expr.i * delta * al))
    }
}
