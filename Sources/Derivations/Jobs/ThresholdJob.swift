import Analysis
import ArbitraryPrecision
import Symbolic

/// `keldysh threshold MODEL --vary P --in lo:hi --set … --digits D [--expr E] [--method M]`,
/// as the command line gives it.
public struct ThresholdOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    public var vary: String
    public var interval: String
    public var digits: Int = 30
    /// Find the zero of this expression instead of the stability crossing.
    public var expression: String?
    public var method: ThresholdMethod = .auto
    /// `--crossing`: which crossings to report; `--all`: every root of R in the interval.
    public var crossing: CrossingSelection = .max
    public var all = false

    public init(model: String, vary: String, interval: String) {
        self.model = model
        self.vary = vary
        self.interval = interval
    }
}

/// Reads the model, turns the options into a typed request in the model's names, and runs
/// the threshold job of Analysis (which chooses the route and its fallback).
public func threshold(_ o: ThresholdOptions) throws -> ThresholdOutcome {
    let input = try ModelInput.load(path: o.model, needMatrix: o.expression == nil)
    let ctx = input.parameters
    let p = try ctx.symbol(named: o.vary)
    let (lo, hi) = try ctx.interval(o.interval)
    let values = try ctx.assignments(o.settings)
    let target: ThresholdRequest.Target
    if let text = o.expression {
        let e = try ctx.parse(text, what: "--expr")
        target = .expression(e.substitute(try resolveAssignments(values)), text: text, parameter: p)
    } else {
        target = .stability(try StabilityProblem(matrix: try input.requireMatrix(), free: [p], values: values))
    }
    var request = ThresholdRequest(target: target, lower: lo, upper: hi, digits: o.digits, method: o.method)
    request.crossing = o.crossing
    request.all = o.all
    if o.expression != nil && (o.crossing != .max || o.all) {
        throw AnalysisError.badAssignment("--expr", reason: "--crossing and --all select eigenvalue crossings; an expression has zeros, all of which are reported")
    }
    return try findThreshold(request)
}
