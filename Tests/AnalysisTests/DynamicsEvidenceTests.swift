import Testing
@testable import Analysis

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
}
