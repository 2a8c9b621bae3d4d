import Symbolic
import KeldyshNumerics

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

public struct DynamicsResult: Sendable {
    public var times: [Double]
    public var states: [[Double]]
    public var observables: [[Double]]
    public var summaries: [SeriesSummary]
    public var classification: DynamicsClassification
    public var window: Range<Int>
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
    return DynamicsResult(times: sol.times, states: sol.states, observables: obs, summaries: summaries, classification: c, window: window)
}

/// Parses `a=0.01, Sz=-0.5, S-=0.01+0.01*I` into a state (complex values allowed).
public func initialState(_ text: String, integrator: MeanFieldIntegrator, parse: (String) throws -> Expr,
                         variableOf: (String) throws -> Symbol) throws -> [Double] {
    var values: [Symbol: (Double, Double)] = [:]
    for item in text.split(separator: ",") {
        guard let eq = item.firstIndex(of: "=") else { throw AnalysisError.badAssignment(String(item), reason: "expected VARIABLE=VALUE") }
        let s = try variableOf(String(item[..<eq]).trimmingWhitespace)
        let e = try parse(String(item[item.index(after: eq)...]))
        guard let z = try? e.evaluate([:]), z.real.isFinite, z.imaginary.isFinite else {
            throw AnalysisError.badAssignment(String(item), reason: "the value must be a number")
        }
        values[s] = (z.real, z.imaginary)
    }
    return integrator.state(from: values)
}

/// Trajectory CSV: time, then the observables, then the state slots.
public func trajectoryCSV(_ r: DynamicsResult, integrator: MeanFieldIntegrator) -> String {
    var header = ["t"] + integrator.observableNames
    for (s, real) in zip(integrator.variables, integrator.realVariables) {
        header.append(real ? s.name : "re " + s.name)
        if !real { header.append("im " + s.name) }
    }
    var s = header.map(csvField).joined(separator: ",") + "\n"
    for (k, t) in r.times.enumerated() {
        var row = ["\(t)"]
        for o in r.observables { row.append("\(o[k])") }
        for v in r.states[k] { row.append("\(v)") }
        s += row.joined(separator: ",") + "\n"
    }
    return s
}

/// Line plot of the observables against time (at most ~4000 points per line).
public func trajectorySVG(_ r: DynamicsResult, names: [String], title: String) -> String {
    let w = 720.0, h = 360.0, left = 70.0, top = 40.0, pw = 560.0, ph = 260.0
    let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    var lo = Double.infinity, hi = -Double.infinity
    for o in r.observables { for v in o { lo = min(lo, v); hi = max(hi, v) } }
    if !(lo < hi) { lo -= 1; hi += 1 }
    let t0 = r.times.first ?? 0, t1 = max(r.times.last ?? 1, t0 + 1e-12)
    let stride = max(1, r.times.count / 4000)
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(w + 150))\" height=\"\(fmt(h))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    s += "<text x=\"\(fmt(left + pw / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>\n"
    s += "<rect x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(pw))\" height=\"\(fmt(ph))\" fill=\"none\" stroke=\"black\"/>\n"
    for t in 0...5 {
        let f = Double(t) / 5
        s += "<text x=\"\(fmt(left + pw * f))\" y=\"\(fmt(top + ph + 18))\" text-anchor=\"middle\">\(tick(t0 + (t1 - t0) * f))</text>"
        s += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(top + ph * (1 - f) + 4))\" text-anchor=\"end\">\(tick(lo + (hi - lo) * f))</text>\n"
    }
    s += "<text x=\"\(fmt(left + pw / 2))\" y=\"\(fmt(top + ph + 40))\" text-anchor=\"middle\">t</text>\n"
    for (k, o) in r.observables.enumerated() {
        var pts = ""
        var i = 0
        while i < o.count {
            let x = left + pw * (r.times[i] - t0) / (t1 - t0), y = top + ph * (1 - (o[i] - lo) / (hi - lo))
            pts += "\(fmt(x)),\(fmt(y)) "
            i += stride
        }
        let c = colors[k % colors.count]
        s += "<polyline fill=\"none\" stroke=\"\(c)\" stroke-width=\"1\" points=\"\(pts)\"/>\n"
        s += "<line x1=\"\(fmt(left + pw + 15))\" y1=\"\(fmt(top + 10 + Double(k) * 22))\" x2=\"\(fmt(left + pw + 35))\" y2=\"\(fmt(top + 10 + Double(k) * 22))\" stroke=\"\(c)\" stroke-width=\"2\"/>"
        s += "<text x=\"\(fmt(left + pw + 40))\" y=\"\(fmt(top + 14 + Double(k) * 22))\">\(escape(k < names.count ? names[k] : "obs \(k)"))</text>\n"
    }
    s += "</svg>\n"
    return s
}

/// `scan --dynamics`: integrates at every grid point and classifies the phase.
public final class DynamicsClassifier: GridClassifier, @unchecked Sendable {
    public let kind = "dynamics"
    let meanField: MeanFieldSystemBox
    let values: [Symbol: Expr]
    let observables: [(name: String, expr: Expr)]
    let x: Symbol, y: Symbol
    let makeInitial: (MeanFieldIntegrator) throws -> [Double]
    let duration: Double, step: Double

    public init(meanField: MeanFieldSystemBox, values: [Symbol: Expr], observables: [(name: String, expr: Expr)],
                x: Symbol, y: Symbol, duration: Double, step: Double,
                initial: @escaping (MeanFieldIntegrator) throws -> [Double]) {
        self.meanField = meanField
        self.values = values
        self.observables = observables
        self.x = x
        self.y = y
        self.duration = duration
        self.step = step
        makeInitial = initial
    }

    public var legend: [PhaseLegend] {
        [PhaseLegend(name: "NS", label: "NS: stationary, ⟨S^x⟩ = 0", color: "#ffffff"),
         PhaseLegend(name: "SR", label: "SR: stationary, ⟨S^x⟩ ≠ 0", color: "#7b3294"),
         PhaseLegend(name: "L1", label: "L1: oscillating, ⟨S^x⟩_t = 0", color: "#f2d33a"),
         PhaseLegend(name: "L2", label: "L2: oscillating, ⟨S^x⟩_t ≠ 0", color: "#f08a24"),
         PhaseLegend(name: "IR", label: "IR: irregular", color: "#c0392b"),
         PhaseLegend(name: "failed", label: "integration failed", color: "#888888")]
    }
    public var columns: [String] { ["phase", "order_mean", "order_amplitude", "levels"] }

    public func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint] {
        let codes = Dictionary(uniqueKeysWithValues: DynamicalPhase.allCases.enumerated().map { ($1, UInt8($0)) })
        // Compiled once per worker with the two axes as inputs (the native object is cached).
        let integ = try MeanFieldIntegrator(meanField: meanField.system, values: values, observables: observables, free: [x, y])
        return { [self] yv, xs in
            var row: [GridPoint] = []
            for xv in xs {
                integ.freeValues = [xv, yv]
                do {
                    let r = try runDynamics(DynamicsSetup(integrator: integ, initial: try makeInitial(integ), duration: duration, step: step))
                    let c = r.classification
                    row.append(GridPoint(classCode: codes[c.phase]!, fields: "\(c.phase.rawValue),\(c.orderMean),\(c.orderAmplitude),\(c.levels)"))
                } catch let e as AnalysisError {
                    if case .numerical = e {
                        row.append(GridPoint(classCode: codes[.failed]!, fields: "failed,nan,nan,0"))
                    } else { throw e }
                }
            }
            return row
        }
    }
}

import Algebra
import ArbitraryPrecision

/// A mean-field system passed across threads (its expressions are immutable ids).
public struct MeanFieldSystemBox: @unchecked Sendable {
    public let system: MeanFieldSystem
    public init(_ s: MeanFieldSystem) { system = s }
}

func BigRationalFromDouble(_ d: Double) -> BigRational { BigRational(exactly: d) }
