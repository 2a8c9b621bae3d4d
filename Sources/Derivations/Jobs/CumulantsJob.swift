import Algebra
import Analysis
import Symbolic

/// `keldysh cumulants MODEL --sizes 100,400,… --set … [--initial …] [--out DIR]`.
public struct CumulantsJobOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    /// Comma-separated system sizes N.
    public var sizes: String = ""
    public var dynamics = DynamicsOptions()
    public var threshold: Double = 0.1
    /// Mean-field time before t = 0 (the product state is built on the means reached).
    public var settle: Double = 0
    public var out: String?
    public var showProgress = true

    public init(model: String) { self.model = model }
}

public struct CumulantsOutcome: Sendable {
    public var result: CumulantGrowthResult
    public var threshold: Double
    public var folder: String?
    /// The number of second moments integrated.
    public var secondMoments: Int
}

/// Derives the first- and second-order equations of the model's default operators, reads
/// the options in its names, and runs Analysis's cumulant-growth job.
public func cumulants(_ o: CumulantsJobOptions) throws -> CumulantsOutcome {
    let model = try Model.parse(readModelText(o.model), file: o.model)
    guard let size = model.systemSize?.symbol else {
        throw ModelError(file: o.model, line: 1, column: 1, message: "the model has no spin ensemble, so no size N to vary")
    }
    let ops = model.defaultMeanFieldOperators
    let first = try model.meanField(ops)
    let second = try model.meanField(ops, order: .secondCumulant)
    let variables = Set(second.variables.compactMap(\.symbol))
    let names = Expr.freeSymbols(of: second.equations.map(\.rhs) + first.equations.map(\.rhs))
        .filter { !variables.contains($0) && !$0.info.isFunction }
    let ctx = ParameterContext(symbols: names.union([size]), model: model)
    var values = try ctx.assignments(o.settings)
    if values[size] != nil {
        throw AnalysisError.badAssignment(size.name, reason: "the system size is given by --sizes")
    }
    values[size] = nil
    var sizes: [Double] = []
    for item in o.sizes.split(separator: ",") {
        guard let k = Int(item.trimmingWhitespace), k >= 1 else {
            throw AnalysisError.badRange("--sizes \(o.sizes)", reason: "'\(item)' is not a whole system size N ≥ 1")
        }
        sizes.append(Double(k))
    }
    var request = CumulantGrowthRequest(
        meanField: first, cumulants: second,
        productState: try model.system.productStateMoments(of: second, intensive: true),
        disconnected: try model.system.disconnectedMoments(of: second), size: size, sizes: sizes, values: values,
        initial: try o.dynamics.parsedInitial(ctx), duration: o.dynamics.duration, step: o.dynamics.step)
    request.threshold = o.threshold
    request.settle = o.settle
    request.showProgress = o.showProgress
    let result = try cumulantGrowth(request)
    if let out = o.out {
        try writeCumulantGrowth(result, threshold: o.threshold, title: o.settings.joined(separator: ", "), to: out)
    }
    return CumulantsOutcome(result: result, threshold: o.threshold, folder: o.out,
                            secondMoments: second.equations.count - first.equations.count)
}
