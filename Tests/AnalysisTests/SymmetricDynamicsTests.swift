import Testing
@testable import Analysis
@testable import Derivations

/// `dynamics --symmetric` (issue 16): the moments odd under the Z₂ of 003 are dropped, as in
/// `derive --symmetric`. Second method: the full second-order equations (26 variables), started
/// in the same Z₂-symmetric state, must keep every dropped moment at exactly 0 and give the kept
/// ones the same trajectory.
@Suite("dynamics --symmetric: the reduced run equals the full run on the kept moments")
struct SymmetricDynamicsTests {
    func run(symmetric: Bool, observables: [String]) throws -> DynamicsOutcome {
        var o = DynamicsJobOptions(model: CrossingKindTests.model)
        // The L1 point of Fig. 2(a), (γ↑, λ) = (0.9, 0.2): the symmetric state is the unstable
        // normal state, so the second moments grow (a nontrivial trajectory) while the means stay 0.
        o.settings = CrossingKindTests.figure4 + ["gup=0.9", "lambda=0.2", "N=1000"]
        o.cumulantOrder = 2
        o.symmetric = symmetric
        o.dynamics.duration = 300
        o.dynamics.step = 1
        o.dynamics.observables = observables
        // Means with the symmetry (⟨a⟩ = ⟨S^-⟩ = ⟨T^-⟩ = 0); the second moments of the product
        // state on them are then Z₂-even too.
        o.dynamics.initial = "Sz=-0.49,Tz=0"
        o.dynamics.relativeTolerance = 1e-12
        o.dynamics.absoluteTolerance = 1e-14
        return try dynamics(o)
    }

    @Test func keptMomentsFollowTheFullEquations() throws {
        let kept = ["n=<a† a>", "Sz=<Sz>", "pm=<S+ S->", "mm=re(<S- S->)", "aa=im(<a a>)", "Tz=<Tz>", "TT=<T+ T->",
                    "ST=re(<S- T+>)", "aT=im(<a T+>)"]
        let odd = "odd=abs(<a>) + abs(<S->) + abs(<T->) + abs(<a Sz>) + abs(<Sz T->) + abs(<a Tz>) + abs(<S- Tz>) + abs(<Sz S->) + abs(<Tz T->)"
        let full = try run(symmetric: false, observables: kept + [odd])
        let reduced = try run(symmetric: true, observables: kept)
        // The nine odd moments of 003 at second order (Tests/AlgebraTests/SymmetryTests.swift, by hand).
        #expect(reduced.symmetry?.dropped.count == 9)
        #expect(full.symmetry == nil)
        // The full equations keep them exactly 0: every term of their right-hand sides holds an odd factor.
        #expect(full.result.observables[kept.count].allSatisfy { $0 == 0 })
        // The pair moments grow from the normal state (so the comparison is not of constants) ...
        let n = full.result.observables[0]
        #expect(n.last! > 100 * max(n.first!, 1e-6))
        // ... and the two runs agree to the integration tolerance (their step sizes differ: the
        // error norm of DOP853 is a mean over 44 and 26 state components).
        for k in kept.indices {
            for (x, y) in zip(full.result.observables[k], reduced.result.observables[k]) {
                #expect(abs(x - y) <= 1e-8 * max(1, abs(x)), "\(kept[k])")
            }
        }
    }

    @Test func aStateWithoutTheSymmetryIsRefused() throws {
        var o = DynamicsJobOptions(model: CrossingKindTests.model)
        o.settings = CrossingKindTests.figure4 + ["gup=0.9", "lambda=0.2"]
        o.symmetric = true
        o.dynamics.duration = 10
        o.dynamics.observables = ["Sz=<Sz>"]
        o.dynamics.initial = "a=0.01,Sz=-0.49"
        #expect(throws: AnalysisError.self) { _ = try dynamics(o) }
    }
}
