import Testing
import Derivations
import Symbolic
@testable import Analysis

@Suite("Mean-field dynamics of 003 and its classification")
struct DynamicsTests {
    let input: ModelInput
    init() throws { input = try ModelInput.load(path: "derivations/003-spintronic-dicke/model.kd", needMatrix: false) }

    func run(gup: String, lambda: String, eta: String = "1/10", duration: Double = 1500) throws -> DynamicsResult {
        let ctx = input.parameters
        let values = try ctx.assignments(["gdown=1-gup", "gup=\(gup)", "lambda=\(lambda)", "wc=1", "wz=1", "wz'=1",
                                          "eta=\(eta)", "eta'=\(eta)", "kappa=3/50"])
        let sx = try ctx.parse("re(<S->)", what: "Sx"), sz = try ctx.parse("<Sz>", what: "Sz")
        let integ = try MeanFieldIntegrator(meanField: input.meanField, values: values, observables: [("Sx", sx), ("Sz", sz)])
        // On the Bloch sphere |⟨S⟩| = 1/2: 0.49² + 0.0994987437² = 1/4.
        func v(_ name: String) throws -> Symbol { try ctx.parse("<\(name)>", what: name).symbol! }
        let y0 = integ.state(from: [try v("a"): (0.01, 0), try v("Sz"): (-0.49, 0), try v("S-"): (0.0994987437, 0),
                                    try v("T-"): (0.01, 0), try v("Tz"): (0, 0)])
        return try runDynamics(DynamicsSetup(integrator: integ, initial: y0, duration: duration, step: 0.5))
    }

    @Test func normalAndSuperradiantStates() throws {
        // Fig. 2(a)/4 of 003: weak pumping (γ↑ = 0.2) is NS below λ_c ≈ 0.5 and SR above.
        // In the Dicke limit η = η' = 0 the SR fixed point of (A1), solved by hand
        // (⟨a⟩ = −2λ⟨S^x⟩/(ω_c − iκ/2), then d⟨S^-⟩/dt = 0), is ⟨S^z⟩ = −λ_c²/(2λ²),
        // |⟨S^x⟩| = √(1/4 − ⟨S^z⟩²) with λ_c² = (1 + κ²/4)/4: at λ = 0.8, ⟨S^z⟩ = −0.195488,
        // |⟨S^x⟩| = 0.460201. (App. B prints ⟨S^z⟩ = −(1 − λ_c²/λ²)/2, which is 0, not −1/2, at
        // λ = λ_c; see docs/phase-diagrams.md.)
        let ns = try run(gup: "0.2", lambda: "0.3")
        #expect(ns.classification.phase == .stationary)
        let sr = try run(gup: "0.2", lambda: "0.8", eta: "0", duration: 6000)
        #expect(sr.classification.phase == .ordered)
        let lc2 = (1 + 0.0009) / 4, sz = -lc2 / (2 * 0.64)
        #expect(abs(sr.summaries[1].mean - sz) < 1e-3)
        #expect(abs(abs(sr.summaries[0].mean) - (0.25 - sz * sz).squareRoot()) < 1e-3)
        // With η = η' = 0.1 the relaxation towards SR is slow but damped: still SR.
        #expect(try run(gup: "0.2", lambda: "0.8").classification.phase == .ordered)
    }

    @Test func lasingIsPeriodicWithZeroMean() throws {
        // Strong pumping at small λ (γ↑ = 0.9, λ = 0.2): region L1 of Fig. 2(a), above the
        // certified lasing threshold γ↑ ≈ 0.709 at λ = 0.2 (ThresholdTests).
        let l1 = try run(gup: "0.9", lambda: "0.2")
        #expect(l1.classification.phase == .periodic)
        #expect(l1.summaries[0].amplitude > 0.01)
    }

    @Test func irregularClassifierOnASyntheticSeries() {
        // Hand-made series: a period-1 sine is periodic (1 level), a sum of incommensurate
        // sines has maxima on many levels (IR), a constant is stationary.
        let t = (0..<4000).map { Double($0) * 0.05 }
        let sine = t.map { 0.3 * Foundation_sin($0) }
        let quasi = t.map { 0.3 * Foundation_sin($0) + 0.2 * Foundation_sin(2.0.squareRoot() * 3.7 * $0) }
        let window = 2000..<4000
        #expect(classifyDynamics(order: sine, states: sine.map { [$0] }, window: window).phase == .periodic)
        #expect(classifyDynamics(order: sine.map { $0 + 0.2 }, states: sine.map { [$0] }, window: window).phase == .periodicOrdered)
        #expect(classifyDynamics(order: quasi, states: quasi.map { [$0] }, window: window).phase == .irregular)
        #expect(classifyDynamics(order: t.map { _ in 0.1 }, states: t.map { _ in [0.1] }, window: window).phase == .ordered)
    }
}

import Foundation
func Foundation_sin(_ x: Double) -> Double { sin(x) }
