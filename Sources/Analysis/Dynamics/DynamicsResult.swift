import KeldyshNumerics
import OutputFormats
import Symbolic

/// A dynamics set-up: integrator, initial state, times, order parameter.
public struct DynamicsSetup: @unchecked Sendable {
    public var integrator: MeanFieldIntegrator
    public var initial: [Double]
    public var duration: Double
    /// Sampling step of the output.
    public var step: Double
    /// The analysis window is the last `windowFraction` of the run.
    public var windowFraction: Double = 0.5
    /// Index of the order parameter among the observables.
    public var orderIndex: Int = 0
    public var criteria = DynamicsCriteria()
    /// Whether to summarise the orbit over whole periods after the transient (`OrbitSummary`;
    /// `dynamics` does, `scan --dynamics` does not: its grid keeps the window summary).
    public var orbitSummary = false
    public var options: ODEOptions = {
        var o = ODEOptions()
        o.relativeTolerance = 1e-9
        o.absoluteTolerance = 1e-11
        o.maxSteps = 5_000_000
        return o
    }()

    public init(integrator: MeanFieldIntegrator, initial: [Double], duration: Double, step: Double) {
        self.integrator = integrator
        self.initial = initial
        self.duration = duration
        self.step = step
    }
}

extension DynamicsSetup {
    /// Sets the integrator's tolerances; both must be positive and finite (a clear error, not
    /// an integrator that never finishes).
    public mutating func setTolerances(relative: Double, absolute: Double) throws {
        guard relative > 0, relative.isFinite, absolute > 0, absolute.isFinite else {
            throw AnalysisError.badRange("rtol=\(relative), atol=\(absolute)", reason: "tolerances must be positive and finite")
        }
        options.relativeTolerance = relative
        options.absoluteTolerance = absolute
    }
}

public struct DynamicsResult: Sendable {
    public var times: [Double]
    public var states: [[Double]]
    public var observables: [[Double]]
    public var summaries: [SeriesSummary]
    public var classification: DynamicsClassification
    public var window: Range<Int>
    /// Means and amplitudes over whole periods after the transient (`OrbitSummary`), or nil
    /// with the reason in `orbitNote`.
    public var orbit: OrbitSummary? = nil
    public var orbitNote: String = ""
}

public func runDynamics(_ setup: DynamicsSetup) throws -> DynamicsResult {
    guard setup.duration > 0, setup.step > 0, setup.duration / setup.step <= 5e6 else {
        throw AnalysisError.badRange("t=\(setup.duration), dt=\(setup.step)", reason: "need t > 0, dt > 0, at most 5·10⁶ samples")
    }
    let count = Int((setup.duration / setup.step).rounded(.down)) + 1
    let times = (0..<count).map { Double($0) * setup.step }
    let sol = try setup.integrator.integrate(from: setup.initial, times: times, options: setup.options)
    let obs = setup.integrator.observe(sol)
    let start = Int(Double(count) * (1 - setup.windowFraction))
    let window = start..<count
    let summaries = obs.map { SeriesSummary($0[window]) }
    let order = obs.isEmpty ? sol.states.map { $0[0] } : obs[min(setup.orderIndex, obs.count - 1)]
    let c = classifyDynamics(order: order, states: sol.states, window: window, criteria: setup.criteria)
    var result = DynamicsResult(times: sol.times, states: sol.states, observables: obs, summaries: summaries, classification: c, window: window)
    if setup.orbitSummary {
        (result.orbit, result.orbitNote) = orbitSummary(setup, times: sol.times, states: sol.states, observables: obs, order: order,
                                                        window: window, classification: c)
    }
    return result
}

/// Trajectory CSV: time, then the observables, then the state slots.
public func trajectoryCSV(_ r: DynamicsResult, integrator: MeanFieldIntegrator) -> String {
    var header = ["t"] + integrator.observableNames
    for (s, real) in zip(integrator.variables, integrator.realVariables) {
        header.append(real ? s.name : "re " + s.name)
        if !real { header.append("im " + s.name) }
    }
    var s = csvLine(header)
    for (k, t) in r.times.enumerated() {
        var row = ["\(t)"]
        for o in r.observables { row.append("\(o[k])") }
        for v in r.states[k] { row.append("\(v)") }
        s += row.joined(separator: ",") + "\n"
    }
    return s
}
