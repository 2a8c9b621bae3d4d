import Algebra
import Analysis
import Symbolic

/// The options of a mean-field integration as the command line gives them (shared by
/// `dynamics` and `scan --dynamics`).
public struct DynamicsOptions: Sendable {
    public var duration: Double = 2000
    public var step: Double = 0.5
    /// `a=0.01, Sz=-0.49, S-=0.1` (unlisted variables start at 0).
    public var initial: String?
    /// `NAME=EXPR` in the mean-field variables; the first is the order parameter.
    public var observables: [String] = []
    /// DOP853 tolerances (relative, absolute).
    public var relativeTolerance = 1e-9
    public var absoluteTolerance = 1e-11

    public init() {}

    /// The observables, parsed in the model's names.
    func parsedObservables(_ ctx: ParameterContext) throws -> [(name: String, expr: Expr)] {
        var out: [(name: String, expr: Expr)] = []
        for o in observables {
            guard let eq = o.firstIndex(of: "=") else { throw AnalysisError.badAssignment(o, reason: "expected NAME=EXPR") }
            let name = String(o[..<eq]).trimmingWhitespace
            if out.contains(where: { $0.name == name }) {
                throw AnalysisError.badAssignment("--observe \(o)", reason: "the observable '\(name)' is named twice")
            }
            out.append((name, try ctx.parse(String(o[o.index(after: eq)...]), what: "--observe \(o)",
                                            offset: 10 + o.distance(from: o.startIndex, to: eq) + 1)))
        }
        guard !out.isEmpty else {
            throw AnalysisError.badAssignment("--observe", reason: "give at least one observable (the first is the order parameter)")
        }
        return out
    }

    /// The initial state: each item `VARIABLE=VALUE`, a number (complex allowed), keyed by
    /// the mean-field variable ⟨VARIABLE⟩.
    func parsedInitial(_ ctx: ParameterContext) throws -> [Symbol: (Double, Double)] {
        var values: [Symbol: (Double, Double)] = [:]
        guard let text = initial, !text.isEmpty else { return values }
        for item in text.split(separator: ",") {
            guard let eq = item.firstIndex(of: "=") else {
                throw AnalysisError.badAssignment(String(item), reason: "expected VARIABLE=VALUE")
            }
            let name = String(item[..<eq]).trimmingWhitespace
            guard let s = try ctx.parse("<\(name)>", what: "--initial \(name)").symbol else {
                throw AnalysisError.badAssignment(name, reason: "not a mean-field variable")
            }
            if values[s] != nil {
                throw AnalysisError.badAssignment("--initial \(text)", reason: "'\(name)' is given twice")
            }
            let e = try ctx.parse(String(item[item.index(after: eq)...]), what: "--initial \(item)",
                                  offset: 10 + item.distance(from: item.startIndex, to: eq) + 1)
            guard let z = try? e.evaluate([:]), z.real.isFinite, z.imaginary.isFinite else {
                throw AnalysisError.badAssignment(String(item), reason: "the value must be a number")
            }
            values[s] = (z.real, z.imaginary)
        }
        return values
    }
}

/// `keldysh dynamics MODEL --set … --observe … [--initial …] [--out DIR]`.
public struct DynamicsJobOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    public var dynamics = DynamicsOptions()
    public var out: String?
    /// 1: the mean field; 2: the second-order cumulant equations (N must be set; the second
    /// moments start as those of a product state built on the means given).
    public var cumulantOrder = 1
    /// Report the drift of the conserved quantities (always at second order).
    public var conserved = false
    /// Drop the moments that vanish by a phase symmetry of the model (Z₂, U(1)), as `derive
    /// --symmetric` does: the state must have the symmetry (those moments 0 initially).
    public var symmetric = false

    public init(model: String) { self.model = model }
}

/// Reads the model, parses the options in its names, and runs the dynamics job of Analysis.
public func dynamics(_ o: DynamicsJobOptions) throws -> DynamicsOutcome {
    var system: MeanFieldSystem
    let ctx: ParameterContext, model: Model
    var initial: [Symbol: (Double, Double)]
    let values: [Symbol: Expr]
    var means: [Symbol: (Double, Double)]
    if o.cumulantOrder == 1 {
        let input = try ModelInput.load(path: o.model, needMatrix: false)
        (system, ctx, model) = (input.meanField, input.parameters, input.model)
        values = try ctx.assignments(o.settings)
        means = try o.dynamics.parsedInitial(ctx)
    } else {
        model = try Model.parse(readModelText(o.model), file: o.model)
        system = try model.meanField(model.defaultMeanFieldOperators, order: Model.closureOrder(o.cumulantOrder, file: o.model))
        let variables = Set(system.variables.compactMap(\.symbol))
        let names = Expr.freeSymbols(of: system.equations.map(\.rhs)).filter { !variables.contains($0) && !$0.info.isFunction }
        ctx = ParameterContext(symbols: names, model: model)
        values = try ctx.assignments(o.settings)
        if let n = model.systemSize?.symbol, values[n] == nil { throw AnalysisError.unassigned([n.name]) }
        means = try o.dynamics.parsedInitial(ctx)
    }
    // The moments that vanish by a symmetry: 0 wherever they appear (initial state, observables,
    // conserved quantities); a nonzero initial value is refused (the state would not have the symmetry).
    var zeros: [Symbol: Expr] = [:]
    var symmetry: DroppedBySymmetry?
    if o.symmetric {
        system = try model.system.symmetric(system)
        let r = system.symmetry!
        let display = VariableDisplay(system, algebra: model.system.algebra, latexNames: model.scope.latexNames)
        for d in r.dropped {
            let s = d.variable.symbol!
            zeros[s] = .zero
            if let v = means[s], v.0 != 0 || v.1 != 0 {
                throw AnalysisError.badAssignment("--initial", reason: "\(display.showText(d.variable)) vanishes by the model's "
                    + "\(r.symmetries[d.symmetry].description) symmetry; --symmetric integrates states with the symmetry (start it at 0)")
            }
            means[s] = (0, 0)
        }
        symmetry = DroppedBySymmetry(symmetries: r.symmetries.map(\.description),
                                     dropped: r.dropped.map { (display.showText($0.variable), r.symmetries[$0.symmetry].description) },
                                     lines: symmetryReport(r, name: { display.showText($0) }))
    }
    if o.cumulantOrder == 1 {
        initial = means
    } else {
        initial = try productStateInitial(try model.system.productStateMoments(of: system, intensive: model.systemSize != nil),
                                          values: values, means: means, system: system, zero: Array(zeros.keys))
    }
    for s in zeros.keys { initial[s] = nil }
    let observables = try o.dynamics.parsedObservables(ctx).map { ($0.name, zeros.isEmpty ? $0.expr : $0.expr.substitute(zeros)) }
    for (name, e) in observables where !zeros.isEmpty && e.isZero {
        symmetry?.lines.append("note: the observable \(name) is 0 in a state with the symmetry (it uses only dropped moments)")
    }
    var spec = DynamicsSpec(meanField: system, values: values, observables: observables,
                            initial: initial, duration: o.dynamics.duration, step: o.dynamics.step)
    spec.phaseNames = model.phaseNames
    if o.cumulantOrder == 2 || o.conserved {
        let variables = Set(system.variables.compactMap(\.symbol))
        let order = try Model.closureOrder(o.cumulantOrder, file: o.model)
        for q in try model.system.conservedQuantities(options: model.meanFieldOptions(order: order)) {
            let value = zeros.isEmpty ? q.value : q.value.substitute(zeros)
            if value.freeSymbols.contains(where: { $0.name.hasPrefix("⟨") && !variables.contains($0) }) { continue }
            spec.conserved.append((q.name, value))
        }
    }
    spec.relativeTolerance = o.dynamics.relativeTolerance
    spec.absoluteTolerance = o.dynamics.absoluteTolerance
    var request = DynamicsRequest(spec, out: o.out)
    request.title = o.settings.joined(separator: ", ")
    var outcome = try integrate(request)
    outcome.symmetry = symmetry
    return outcome
}
