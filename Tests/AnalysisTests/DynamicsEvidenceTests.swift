import Testing
@testable import Analysis
@testable import Derivations

/// A dynamical phase is named only with enough evidence (issue 14): the issue saw
/// "L1 (periodic: 0 maxima on 0 level(s))" from a short run and a class read off one sample
/// (`--t 1e-300`). Synthetic series whose answer is known by construction.
@Suite("Dynamics: no phase without evidence (issue 14)")
struct DynamicsEvidenceTests {
    @Test func aDriftWithoutMaximaIsUndetermined() {
        // x(t) = t/100 on 200 samples: the state moves (range 2 ≫ 1e-4), the amplitude of the
        // second half equals that of the first (no relaxation), and a monotone ramp has no
        // local maximum — nothing supports "periodic".
        let order = (0..<200).map { Double($0) / 100 }
        let c = classifyDynamics(order: order, states: order.map { [$0] }, window: 0..<200)
        #expect(c.phase == .undetermined)
        #expect(c.reason.contains("0 maxima in the window"))
    }

    @Test func oneSampleIsUndetermined() {
        let c = classifyDynamics(order: [0.1], states: [[0.1]], window: 0..<1)
        #expect(c.phase == .undetermined)
        #expect(c.reason.hasPrefix("only 1 sample in the window"))
    }

    @Test func aSineWithManyPeriodsIsStillPeriodic() {
        // sin(t) sampled every 0.1 over 20 periods: maxima all at 1 (one level), mean ≈ 0.
        let order = (0..<1257).map { Double.sin(Double($0) * 0.1) }
        let c = classifyDynamics(order: order, states: order.map { [$0] }, window: 0..<1257)
        #expect(c.phase == .periodic && c.levels == 1)
    }

    @Test func tolerancesAreOptionsAndChecked() throws {
        // The L1 point of Fig. 2(a) (γ↑, λ) = (0.9, 0.2): the class and the amplitude do not
        // depend on the tolerances (1e-9/1e-11, the default, against 1e-12/1e-14) beyond their
        // size; a zero tolerance is refused.
        func run(_ rtol: Double, _ atol: Double) throws -> DynamicsOutcome {
            var o = DynamicsJobOptions(model: CrossingKindTests.model)
            o.settings = CrossingKindTests.figure4 + ["gup=0.9", "lambda=0.2"]
            o.dynamics.duration = 600
            o.dynamics.observables = ["Sx=re(<S->)"]
            o.dynamics.initial = "a=0.01,Sz=-0.49,S-=0.0995,T-=0.01,Tz=0"
            o.dynamics.relativeTolerance = rtol
            o.dynamics.absoluteTolerance = atol
            return try dynamics(o)
        }
        let coarse = try run(1e-9, 1e-11), fine = try run(1e-12, 1e-14)
        #expect(coarse.phase == "L1" && fine.phase == "L1")
        #expect(abs(coarse.result.summaries[0].amplitude - fine.result.summaries[0].amplitude) < 1e-6)
        #expect(throws: AnalysisError.self) { _ = try run(0, 1e-11) }
    }

    @Test func theIssuesShortRunsThroughTheJob() throws {
        // The two runs of the issue, as the CLI runs them: a normal-state point of Fig. 2(a)
        // ((γ↑, λ) = (0.2, 0.3), NS in the paper: weak pumping below λ_c ≈ 0.5) integrated for
        // only t = 100 was named "L1 (periodic: 0 maxima on 0 level(s))"; t = 1e-300 was
        // classified from its single sample. Neither may name a periodic phase now.
        func run(_ t: Double) throws -> DynamicsOutcome {
            var o = DynamicsJobOptions(model: CrossingKindTests.model)
            o.settings = CrossingKindTests.figure4 + ["gup=0.2", "lambda=0.3"]
            o.dynamics.duration = t
            o.dynamics.observables = ["Sx=re(<S->)"]
            o.dynamics.initial = "a=0.01,Sz=-0.49,S-=0.0995,T-=0.01,Tz=0"
            return try dynamics(o)
        }
        let short = try run(100)
        #expect(short.phase == "NS" && short.result.classification.reason.hasPrefix("relaxing"))
        let single = try run(1e-300)
        #expect(single.result.classification.phase == .undetermined)
        #expect(single.result.classification.reason.hasPrefix("only 1 sample"))
        #expect(single.result.orbit == nil)
    }
}
