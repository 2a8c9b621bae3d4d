import Algebra
import KeldyshNumerics
import OutputFormats
import RealModule
import Symbolic

/// What `keldysh cumulants` asks: the second-order cumulant equations integrated at several
/// system sizes N from a product state, beside the mean field from the same means, and the
/// time t_E at which the connected correlations reach a fraction (0.1) of the mean-field
/// values (Appendix E and Fig. 8 of 003: t_E ∝ N^δ inside L1).
public struct CumulantGrowthRequest: Sendable {
    /// The first-order equations (no N).
    public var meanField: MeanFieldSystem
    /// The second-order equations, 1/N terms kept; `size` is free in them.
    public var cumulants: MeanFieldSystem
    /// The second moments of a product state in the means (and N).
    public var productState: [Symbol: Expr]
    /// ⟨X⟩⟨Y⟩ of every second moment ⟨XY⟩, in the means.
    public var disconnected: [Symbol: Expr]
    public var size: Symbol
    public var sizes: [Double]
    /// Parameter values (not N).
    public var values: [Symbol: Expr]
    /// The means at t = 0.
    public var initial: [Symbol: (Double, Double)]
    public var duration: Double
    public var step: Double
    public var threshold: Double = 0.1
    /// Mean-field time before t = 0: the means at t = 0 are those reached from `initial`
    /// after `settle` (on the attractor, a limit cycle inside L1), and the product state is
    /// built on them. 0: start from `initial`.
    public var settle: Double = 0
    public var showProgress = true

    public init(meanField: MeanFieldSystem, cumulants: MeanFieldSystem, productState: [Symbol: Expr],
                disconnected: [Symbol: Expr], size: Symbol, sizes: [Double], values: [Symbol: Expr],
                initial: [Symbol: (Double, Double)], duration: Double, step: Double) {
        self.meanField = meanField
        self.cumulants = cumulants
        self.productState = productState
        self.disconnected = disconnected
        self.size = size
        self.sizes = sizes
        self.values = values
        self.initial = initial
        self.duration = duration
        self.step = step
    }
}

/// One system size: t_E (nil when the ratio stayed below the threshold) and the ratio
/// r(t) = ‖C(t)‖ / ‖P(t)‖ at every sample, C the connected second moments ⟨XY⟩ − ⟨X⟩⟨Y⟩
/// of the cumulant run, P the products ⟨X⟩⟨Y⟩ of the mean-field run (2-norms over all
/// second moments, intensive units).
public struct CumulantGrowthRun: Sendable {
    public var size: Double
    public var timeE: Double?
    public var ratio: [Double]
}

public struct CumulantGrowthResult: Sendable {
    public var times: [Double]
    public var runs: [CumulantGrowthRun]
    /// The fit log t_E = δ log N + c over the sizes that reached the threshold (nil with
    /// fewer than two), with the standard error of δ (nil with fewer than three).
    public var exponent: Double?
    public var exponentError: Double?
    public var intercept: Double?
    public var notes: [String]
}

/// The job: one compiled right-hand side for every N (N is a free input of it).
public func cumulantGrowth(_ r: CumulantGrowthRequest) throws -> CumulantGrowthResult {
    guard !r.sizes.isEmpty, r.sizes.count <= 64, r.sizes.allSatisfy({ $0 >= 1 && $0 <= 1e15 && $0 == $0.rounded() }) else {
        throw AnalysisError.badRange("--sizes", reason: "give 1 to 64 whole system sizes 1 ≤ N ≤ 10¹⁵")
    }
    guard r.duration > 0, r.step > 0, r.duration / r.step <= 1e6 else {
        throw AnalysisError.badRange("t=\(r.duration), dt=\(r.step)", reason: "need t > 0, dt > 0, at most 10⁶ samples")
    }
    guard r.threshold > 0 else { throw AnalysisError.badRange("--threshold", reason: "must be positive") }
    let pairs = r.disconnected.keys.sorted { $0.name < $1.name }
    guard !pairs.isEmpty else { throw AnalysisError.numerical("the cumulant equations have no second moments") }
    var values = r.values
    values[r.size] = nil
    // Mean field: the products ⟨X⟩⟨Y⟩ along its trajectory, |P_v|.
    let products = pairs.map { (name: $0.name, expr: Expr.abs(r.disconnected[$0]!)) }
    let mf = try MeanFieldIntegrator(meanField: r.meanField, values: values, observables: products)
    let count = Int((r.duration / r.step).rounded(.down)) + 1
    let times = (0..<count).map { Double($0) * r.step }
    var options = ODEOptions()
    options.relativeTolerance = 1e-10
    options.absoluteTolerance = 1e-13
    options.maxSteps = 5_000_000
    guard r.settle >= 0, r.settle.isFinite else { throw AnalysisError.badRange("--settle", reason: "must be ≥ 0") }
    var initial = r.initial
    if r.settle > 0 {
        let run = try mf.integrate(from: mf.state(from: r.initial), times: [0, r.settle], options: options)
        initial = mf.values(of: run.states[run.states.count - 1])
    }
    let mfObs = mf.observe(try mf.integrate(from: mf.state(from: initial), times: times, options: options))
    let denominator = (0..<count).map { k in (mfObs.map { $0[k] * $0[k] }.reduce(0, +)).squareRoot() }
    // Cumulants: |C_v| = |⟨XY⟩ − ⟨X⟩⟨Y⟩| along each run.
    let connected = pairs.map { (name: $0.name, expr: Expr.abs(Expr.symbol($0) - r.disconnected[$0]!)) }
    let cu = try MeanFieldIntegrator(meanField: r.cumulants, values: values, observables: connected, free: [r.size])
    let bar = ProgressBar(total: r.sizes.count, label: "cumulants", enabled: r.showProgress)
    var runs: [CumulantGrowthRun] = []
    var notes: [String] = []
    for (k, n) in r.sizes.enumerated() {
        var withN = values
        withN[r.size] = Expr.integer(Int(n))
        let start = try productStateInitial(r.productState, values: withN, means: initial, system: r.cumulants)
        cu.freeValues = [n]
        let solution = try cu.integrate(from: cu.state(from: start), times: times, options: options, allowIncomplete: true)
        let obs = cu.observe(solution)
        let reached = solution.states.count
        if reached < count {
            notes.append("N = \(formatSize(n)): the cumulant equations diverge; integration stopped at t ≈ \(times[max(reached - 1, 0)]) "
                         + "(\(solution.stop)); the ratio is not defined after it")
        }
        let ratio = (0..<count).map { t in
            t >= reached ? Double.nan :
            (obs.map { $0[t] * $0[t] }.reduce(0, +)).squareRoot() / max(denominator[t], 1e-300)
        }
        let index = ratio.firstIndex { $0 >= r.threshold }
        runs.append(CumulantGrowthRun(size: n, timeE: index.map { times[$0] }, ratio: ratio))
        if index == 0 { notes.append("N = \(formatSize(n)): the ratio starts above \(r.threshold) (t_E = 0)") }
        if index == nil && reached == count {
            notes.append("N = \(formatSize(n)): the ratio stays below \(r.threshold) up to t = \(r.duration)")
        }
        bar.update(k + 1)
    }
    let points = runs.compactMap { run in run.timeE.flatMap { $0 > 0 ? (Double.log(run.size), Double.log($0)) : nil } }
    var result = CumulantGrowthResult(times: times, runs: runs, exponent: nil, exponentError: nil, intercept: nil, notes: notes)
    if points.count >= 2 {
        let fit = linearFit(points)
        result.exponent = fit.slope
        result.intercept = fit.intercept
        result.exponentError = fit.slopeError
    } else {
        result.notes.append("fewer than two sizes reached the threshold: no exponent fitted")
    }
    return result
}

/// Least squares y = slope·x + intercept, with the standard error of the slope (nil for
/// fewer than three points).
func linearFit(_ p: [(Double, Double)]) -> (slope: Double, intercept: Double, slopeError: Double?) {
    let n = Double(p.count)
    let mx = p.map(\.0).reduce(0, +) / n, my = p.map(\.1).reduce(0, +) / n
    let sxx = p.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
    let sxy = p.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
    let slope = sxy / sxx, intercept = my - slope * mx
    guard p.count >= 3 else { return (slope, intercept, nil) }
    let rss = p.map { let e = $0.1 - (slope * $0.0 + intercept); return e * e }.reduce(0, +)
    return (slope, intercept, (rss / (n - 2) / sxx).squareRoot())
}
