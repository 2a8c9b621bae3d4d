import Analysis
import ArbitraryPrecision
import Symbolic

/// `keldysh scan MODEL --x P=lo:hi:n --y Q=lo:hi:n --set … --out DIR [...]`.
public struct ScanOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    public var x: String
    public var y: String
    public var out: String
    /// `i/n`: compute shard i of n (rows split in n blocks).
    public var shard: String?
    public var threads = 2
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    /// Integrate the mean-field equations at each point instead of linearising.
    public var dynamics: DynamicsOptions?
    public var progress = true
    public var route: StabilityRoute = .polynomial
    /// The size limits checked before the first point (`--max-points`).
    public var limits = ScanLimits()
    /// `--resume`: continue an interrupted scan from `OUT.resume`.
    public var resume = false
    /// `--about N`: steady state N of `keldysh steady` at the grid's corner, followed over the grid.
    public var about: String?

    public init(model: String, x: String, y: String, out: String) {
        self.model = model
        self.x = x
        self.y = y
        self.out = out
    }
}

/// Reads the model, parses the axes and settings in its names, and runs the scan job of
/// Analysis (which chooses the classifier and its fallback).
public func scan(_ o: ScanOptions) throws -> ScanOutcome {
    let input = try ModelInput.load(path: o.model, needMatrix: o.dynamics == nil && o.about == nil)
    let ctx = input.parameters
    let xa = try ctx.axis(o.x), ya = try ctx.axis(o.y)
    let values = try ctx.assignments(o.settings)
    let shard = try o.shard.map(Shard.init(parsing:)) ?? .whole
    let target: ScanRequest.Target
    if let d = o.dynamics {
        var setup = DynamicsSpec(meanField: input.meanField, values: values, observables: try d.parsedObservables(ctx),
                                 initial: try d.parsedInitial(ctx), duration: d.duration, step: d.step)
        setup.phaseNames = input.model.phaseNames
        setup.relativeTolerance = d.relativeTolerance
        setup.absoluteTolerance = d.absoluteTolerance
        target = .dynamics(setup)
    } else if let k = o.about {
        // The state at the grid's corner, found as `keldysh steady` finds it there.
        var corner = values
        corner[xa.symbol] = Expr.number(GaussianRational(BigRational(exactly: xa.lower)))
        corner[ya.symbol] = Expr.number(GaussianRational(BigRational(exactly: ya.lower)))
        let state = try input.steadyStates(at: corner, digits: 20).state(named: k, at: "at the grid's corner (\(xa.symbol.name), \(ya.symbol.name)) = (\(xa.lower), \(ya.lower))")
        target = .followed(FollowedScanSpec(meanField: input.meanField, values: values, start: state.center, index: state.index,
                                            reference: try input.model.declaredSteadyPoint(of: input.meanField)))
    } else {
        let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [xa.symbol, ya.symbol], values: values)
        target = .stability(problem, route: o.route)
    }
    var request = ScanRequest(target: target, x: xa, y: ya, out: o.out)
    request.shard = shard
    request.threads = o.threads
    request.settings = o.settings
    request.title = o.title ?? ""
    // The model's LaTeX names as plain text (γ↑, λ) unless the labels are given.
    let names = input.model.scope.latexNames
    request.xLabel = o.xLabel ?? unicodeName(names[xa.symbol] ?? xa.symbol.name)
    request.yLabel = o.yLabel ?? unicodeName(names[ya.symbol] ?? ya.symbol.name)
    request.progress = o.progress
    request.limits = o.limits
    request.resume = o.resume
    return try Analysis.scan(request)
}

/// `keldysh merge SHARD… --out DIR`: the shards of one scan joined into grid.csv and diagram.svg.
public func merge(_ shards: [String], out: String, xLabel: String? = nil, yLabel: String? = nil) throws -> ScanSummary {
    try mergeScans(shards, out: out, xLabel: xLabel, yLabel: yLabel)
}
