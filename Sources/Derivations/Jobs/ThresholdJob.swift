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
    /// `--about N`: the crossings of steady state N of `keldysh steady` (found with the same
    /// settings and the varied parameter at the interval's lower end), followed along it.
    public var about: String?

    public init(model: String, vary: String, interval: String) {
        self.model = model
        self.vary = vary
        self.interval = interval
    }
}

/// Reads the model, turns the options into a typed request in the model's names, and runs
/// the threshold job of Analysis (which chooses the route and its fallback).
public func threshold(_ o: ThresholdOptions) throws -> ThresholdOutcome {
    if let k = o.about { return try followedThreshold(o, state: k) }
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

/// `threshold --about N`: the steady states at P = lo (the search of `keldysh steady`, with the
/// same settings and `--set P=lo`), state N of them followed along P by Analysis.
func followedThreshold(_ o: ThresholdOptions, state key: String) throws -> ThresholdOutcome {
    if o.expression != nil {
        throw AnalysisError.badAssignment("--about", reason: "--about follows a steady state's stability; it does not combine with --expr")
    }
    if o.method == .resultant {
        throw AnalysisError.badAssignment("--about", reason: "a followed steady state is known only numerically, so its crossings are bracketed; --method resultant needs the model's exact stability matrix")
    }
    if o.all && o.crossing != .max {
        throw AnalysisError.badAssignment("--all", reason: "--all lists every root of every kind; it does not combine with --crossing")
    }
    let input = try ModelInput.load(path: o.model, needMatrix: false)
    let ctx = input.parameters
    let p = try ctx.symbol(named: o.vary)
    let (lo, hi) = try ctx.interval(o.interval)
    let values = try ctx.assignments(o.settings)
    if values[p] != nil {
        throw AnalysisError.badAssignment("--set \(p.name)=…", reason: "\(p.name) is the varied parameter; its range is --in")
    }
    var at = values
    at[p] = Expr.number(GaussianRational(lo))
    let state = try input.steadyStates(at: at, digits: 20).state(named: key, at: "at \(p.name) = \(lo) (`keldysh steady … --set \(p.name)=\(lo)`)")
    let k = state.index
    var request = FollowedThresholdRequest(meanField: input.meanField, values: values, parameter: p, start: state.center,
                                           index: k, lower: lo, upper: hi, digits: o.digits)
    request.selection = o.all ? .any : o.crossing
    request.reference = try input.model.declaredSteadyPoint(of: input.meanField)
    var outcome = try followedThreshold(request)
    let where_ = state.components.map { "\($0.name) = \(shortDecimal($0.value))" }.joined(separator: ", ")
    outcome.notes.insert("steady state \(k) at \(p.name) = \(lo) (`keldysh steady` with --set \(p.name)=\(lo)): \(where_); \(state.spectrum.verdict)", at: 0)
    return outcome
}

/// "d.dddd…e±N" cut to 8 significant digits (mantissa and exponent kept).
func shortDecimal(_ s: String) -> String {
    guard let e = s.firstIndex(of: "e") else { return s }
    let mantissa = s[..<e]
    let keep = mantissa.hasPrefix("-") ? 10 : 9
    return String(mantissa.prefix(keep)) + String(s[e...])
}
