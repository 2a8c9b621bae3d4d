import Algebra
import Analysis
import Symbolic

/// `keldysh correlation MODEL --operators 'a†, a' --set … [--initial …] [--at T] [--out DIR]`.
public struct CorrelationJobOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    /// `A, B`: ⟨A(t+τ)B(t)⟩ (B a single operator).
    public var operators: String = ""
    /// The means at t = 0 (second moments: those of a product state on them).
    public var initial: String?
    /// nil: the steady state after `settle`; otherwise the time of the trajectory where τ starts.
    public var at: Double?
    public var settle: Double = 1000
    public var stationaryTolerance = 1e-7
    public var tau: Double = 50
    public var dtau: Double = 0.05
    /// `lo:hi:n`.
    public var omega: String = "-3:3:601"
    public var out: String?

    public init(model: String) { self.model = model }
}

public struct CorrelationOutcome: Sendable {
    public var result: CorrelationResult
    /// ⟨A(t+τ) B(t)⟩ as printed, and the power of N it is divided by ("" without one).
    public var name: String
    public var scaling: String
    public var equalTimeCount: Int
    public var closure: String
    public var folder: String?
}

/// Derives the second-order correlation equations of the model for the two operators named,
/// reads the options in the model's names, and runs Analysis's correlation job.
public func correlation(_ o: CorrelationJobOptions) throws -> CorrelationOutcome {
    let model = try Model.parse(readModelText(o.model), file: o.model)
    if !model.gilbertDamping.isEmpty {
        throw ModelError(file: o.model, line: 1, column: 1, message: "two-time correlations of a model with a `gilbert` statement are not implemented")
    }
    let ops = try model.operatorList(NamedText(o.operators, origin: "--operators").fragment)
    guard ops.count == 2 else {
        throw AnalysisError.badAssignment("--operators \(o.operators)", reason: "name two operators A, B for ⟨A(t+τ) B(t)⟩")
    }
    let sys: CorrelationSystem
    do {
        sys = try model.system.correlation(later: ops[0], earlier: ops[1], means: model.defaultMeanFieldOperators,
                                           options: model.meanFieldOptions(order: .secondCumulant))
    } catch let e as AlgebraError {
        throw AnalysisError.badAssignment("--operators \(o.operators)", reason: "\(e)")
    }
    let variables = Set(sys.equalTime.variables.compactMap(\.symbol) + sys.variables.compactMap(\.symbol) + [sys.earlierMean])
    let names = Expr.freeSymbols(of: sys.equalTime.equations.map(\.rhs) + sys.equations.map(\.rhs))
        .filter { !variables.contains($0) && !$0.info.isFunction }
    let ctx = ParameterContext(symbols: names.union(model.systemSize?.symbol.map { [$0] } ?? []), model: model)
    let values = try ctx.assignments(o.settings)
    if let n = model.systemSize?.symbol, values[n] == nil { throw AnalysisError.unassigned([n.name]) }
    var means = DynamicsOptions()
    means.initial = o.initial
    let initial = try productStateInitial(try model.system.productStateMoments(of: sys.equalTime, intensive: model.systemSize != nil),
                                          values: values, means: try means.parsedInitial(ctx), system: sys.equalTime)
    let parts = o.omega.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3, let lo = Double(parts[0].trimmingWhitespace), let hi = Double(parts[1].trimmingWhitespace),
          let count = Int(parts[2].trimmingWhitespace), count >= 1, count <= 100_000, lo.isFinite, hi.isFinite, lo <= hi else {
        throw AnalysisError.badRange("--omega \(o.omega)", reason: "expected lo:hi:n, numbers lo ≤ hi and 1 ≤ n ≤ 100000")
    }
    let omegas = count == 1 ? [lo] : (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
    var request = CorrelationRequest(system: sys, values: values, initial: initial, tauMax: o.tau, tauStep: o.dtau, omegas: omegas)
    request.at = o.at
    request.settle = o.settle
    request.stationaryTolerance = o.stationaryTolerance
    let result = try twoTimeCorrelation(request)
    let a = "\(ops[0])", b = "\(ops[1])"
    let scaling = model.systemSize.map { sys.scaling.isZero ? "" : sys.scaling == 1 ? "/\($0)" : "/\($0)^\(sys.scaling)" } ?? ""
    let name = "⟨\(a)(t+τ) \(b)(t)⟩"
    let outcome = CorrelationOutcome(result: result, name: name, scaling: scaling, equalTimeCount: sys.equalTime.equations.count,
                                     closure: "⟨XY B(t)⟩ ≈ ⟨XY⟩⟨B(t)⟩ + ⟨X B(t)⟩⟨Y⟩ + ⟨Y B(t)⟩⟨X⟩ − 2⟨X⟩⟨Y⟩⟨B(t)⟩ "
                                        + "(joint cumulants of three or more operators dropped, B(t) kept to the right)",
                                     folder: o.out)
    if let out = o.out { try writeCorrelation(outcome, title: o.settings.joined(separator: ", "), to: out) }
    return outcome
}
