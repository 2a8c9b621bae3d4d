import ComplexModule
import Foundation
import KeldyshNumerics
import RealModule
import Testing

@Suite("ODE integrators")
struct ODETests {
    static let methods: [RungeKuttaMethod] = [.dormandPrince5, .dormandPrince853]
    let sampleTimes = (0...40).map { 0.25 * Double($0) }

    func options(_ rtol: Double) -> ODEOptions {
        var o = ODEOptions()
        o.relativeTolerance = rtol
        o.absoluteTolerance = rtol * 1e-2
        return o
    }

    @Test(arguments: methods)
    func dampedHarmonicOscillator(method: RungeKuttaMethod) {
        // x'' + 2γx' + ω₀²x = 0, x(0) = 1, x'(0) = 0 (underdamped): with
        // ω = √(ω₀² − γ²), x = e^(−γt)(cos ωt + (γ/ω) sin ωt) and
        // x' = −(ω₀²/ω) e^(−γt) sin ωt (differentiate and use γ² + ω² = ω₀²).
        let g = 0.15, w0 = 2.0, w = (w0 * w0 - g * g).squareRoot()
        let rtol = 1e-9
        let sol = integrateODE({ _, y, dy in dy[0] = y[1]; dy[1] = -2 * g * y[1] - w0 * w0 * y[0] },
                               from: 0, y0: [1, 0], times: sampleTimes, method: method, options: options(rtol))
        #expect(sol.completed && sol.times == sampleTimes)
        var worst = 0.0
        for (t, y) in zip(sol.times, sol.states) {
            let e = exp(-g * t)
            worst = max(worst, abs(y[0] - e * (cos(w * t) + g / w * sin(w * t))), abs(y[1] + w0 * w0 / w * e * sin(w * t)))
        }
        #expect(worst < 50 * rtol, "max error \(worst)")
    }

    @Test(arguments: methods)
    func logisticEquation(method: RungeKuttaMethod) {
        // y' = r y (1 − y/K): y(t) = K / (1 + (K/y₀ − 1) e^(−rt)) (separation of variables).
        let r = 1.3, k = 5.0, y0 = 0.1
        let rtol = 1e-10
        let sol = integrateODE({ _, y, dy in dy[0] = r * y[0] * (1 - y[0] / k) }, from: 0, y0: [y0],
                               times: sampleTimes, method: method, options: options(rtol))
        #expect(sol.completed)
        let worst = zip(sol.times, sol.states).map { t, y in abs(y[0] - k / (1 + (k / y0 - 1) * exp(-r * t))) / k }.max()!
        #expect(worst < 50 * rtol, "max relative error \(worst)")
    }

    @Test(arguments: methods)
    func complexLinearEquation(method: RungeKuttaMethod) {
        // z' = (−γ + iω) z: z(t) = z₀ e^((−γ + iω)t).
        let lambda = Complex(-0.2, 3.0), z0 = Complex(1.0, 0.5)
        let rtol = 1e-9
        let sol = integrateODE(complex: { _, z, dz in dz[0] = lambda * z[0] }, from: 0, y0: [z0],
                               times: sampleTimes, method: method, options: options(rtol))
        #expect(sol.completed)
        let worst = zip(sol.times, sol.states).map { t, z in (z[0] - z0 * Complex.exp(lambda * Complex(t, 0))).length }.max()!
        #expect(worst < 50 * rtol, "max error \(worst)")
    }

    @Test(arguments: methods)
    func tighterToleranceGivesSmallerError(method: RungeKuttaMethod) {
        // The error must track the tolerance (not sit at a fixed floor): y' = −y, y = e^(−t).
        func error(_ rtol: Double) -> Double {
            let sol = integrateODE({ _, y, dy in dy[0] = -y[0] }, from: 0, y0: [1], times: [5], method: method, options: options(rtol))
            return abs(sol.states[0][0] - exp(-5.0))
        }
        let coarse = error(1e-5), fine = error(1e-10)
        #expect(fine < coarse / 1000 && fine < 1e-9)
    }

    @Test func statisticsCountEvaluations() {
        // DOPRI5 with FSAL: 1 initial evaluation, 1 for the starting-step
        // heuristic, then 6 per attempted step.
        let sol = integrateODE({ _, y, dy in dy[0] = y[1]; dy[1] = -y[0] }, from: 0, y0: [0, 1], times: [10], options: options(1e-8))
        let s = sol.statistics
        #expect(s.functionEvaluations == 2 + 6 * (s.acceptedSteps + s.rejectedSteps))
        #expect(s.acceptedSteps > 10)
    }

    @Test(arguments: methods)
    func samplingDoesNotChangeTheSteps(method: RungeKuttaMethod) {
        // Dense output: asking for 400 samples must not shorten any step.
        let f: (Double, [Double], inout [Double]) -> Void = { _, y, dy in dy[0] = y[1]; dy[1] = -y[0] }
        let few = integrateODE(f, from: 0, y0: [0, 1], times: [10], method: method, options: options(1e-8))
        let many = integrateODE(f, from: 0, y0: [0, 1], times: (1...400).map { 0.025 * Double($0) }, method: method, options: options(1e-8))
        #expect(few.statistics.acceptedSteps == many.statistics.acceptedSteps)
        #expect(abs(many.states.last![0] - few.states[0][0]) < 1e-14)
        // Sample at t = 2.5 against sin t.
        #expect(abs(many.states[99][0] - sin(2.5)) < 1e-7)
    }

    @Test func backwardIntegration() {
        // y' = y from t = 1 back to t = 0 with y(1) = e gives y(0) = 1.
        let sol = integrateODE({ _, y, dy in dy[0] = y[0] }, from: 1, y0: [exp(1.0)], times: [0.5, 0],
                               method: .dormandPrince853, options: options(1e-11))
        #expect(sol.completed && abs(sol.states[1][0] - 1) < 1e-9 && abs(sol.states[0][0] - exp(0.5)) < 1e-9)
    }

    @Test func maxStepsIsReported() {
        var o = options(1e-10)
        o.maxSteps = 5
        let sol = integrateODE({ _, y, dy in dy[0] = y[1]; dy[1] = -y[0] }, from: 0, y0: [0, 1], times: [1, 100], options: o)
        guard case .maxStepsReached = sol.stop else { Issue.record("expected maxStepsReached, got \(sol.stop)"); return }
        #expect(sol.times.count < 2)
    }

    @Test func blowUpIsReported() {
        // y' = y², y(0) = 1 has y = 1/(1 − t), which blows up at t = 1.
        let sol = integrateODE({ _, y, dy in dy[0] = y[0] * y[0] }, from: 0, y0: [1], times: [0.5, 2])
        #expect(!sol.completed)
        #expect(sol.times == [0.5] && abs(sol.states[0][0] - 2) < 1e-6)
    }
}
