import Foundation
import Testing
import Derivations
import Symbolic
@testable import Analysis

/// The `gilbert` statement reaches the mean-field integration (`keldysh dynamics`,
/// `scan --dynamics`), not only the stability matrix.
@Suite("Gilbert damping in the mean-field dynamics")
struct GilbertDynamicsTests {
    @Test func dampedOscillator() throws {
        let input = try ModelInput.derive(path: "osc.kd", text: "parameters w, g\nboson a\nH = w a† a\ngilbert g a",
                                          needMatrix: false)
        let ctx = input.parameters
        let values = try ctx.assignments(["w=1", "g=2/5"])
        let a = try #require(try ctx.parse("<a>", what: "a").symbol)
        let integ = try MeanFieldIntegrator(meanField: input.meanField, values: values,
                                            observables: [("n", try ctx.parse("abs(<a>)^2", what: "n"))])
        let solution = try integ.integrate(from: integ.state(from: [a: (1, 0)]), times: [0, 5])
        // By hand: (1 + ig/2) d⟨a⟩/dt = −iw⟨a⟩, so ⟨a⟩(t) = exp(−iwt/(1 + ig/2)); at w = 1,
        // g = 2/5: −i/(1 + i/5) = −(5 + 25i)/26, and ⟨a⟩(5) = e^{−25/26}(cos(125/26) − i sin(125/26)).
        let end = try #require(solution.states.last)
        let r = Foundation.exp(-25.0 / 26)
        #expect(abs(end[0] - r * Foundation.cos(125.0 / 26)) < 1e-6)
        #expect(abs(end[1] + r * Foundation.sin(125.0 / 26)) < 1e-6)
    }
}
