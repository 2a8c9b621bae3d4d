import Analysis
import FieldTheory
import Symbolic

/// `keldysh derive MODEL [--operators …] [--linearize [--about …] [--order …]]`: reads a
/// model file and derives its mean-field equations (and stability matrix). Option texts are
/// named `--operators`, `--about`, `--order` in errors.
public func derive(path: String, operators: String? = nil, linearize: Bool = false, about: String? = nil,
                   order: String? = nil, cumulantOrder: Int = 1, symmetric: Bool = false,
                   settings: [String] = [], digits: Int = 30) throws -> ModelDerivation {
    // Without `=` the point is a steady state of `keldysh steady`: its index or its name (SR).
    if let about, !about.contains("=") {
        let key = about.trimmingWhitespace
        guard operators == nil, cumulantOrder == 1, !symmetric else {
            throw AnalysisError.badAssignment("--about \(key)", reason: "a steady state of `keldysh steady` is one of the model's own mean-field equations: drop --operators, --cumulant-order and --symmetric")
        }
        return try deriveAboutSteadyState(path: path, key: key, order: order, settings: settings, digits: digits)
    }
    let model = try Model.parse(readModelText(path), file: path)
    var d = try model.derive(operators: operators.map { NamedText($0, origin: "--operators") }, linearize: linearize,
                             about: about.map { NamedText($0, origin: "--about") },
                             order: order.map { NamedText($0, origin: "--order") }, cumulantOrder: cumulantOrder,
                             symmetric: symmetric)
    guard !settings.isEmpty else { return d }
    let values = try resolveAssignments(try ModelInput.parameterContext(of: d).assignments(settings))
    d = ModelDerivation(model: d.model, meanField: d.meanField.substituting(values),
                        linearization: d.linearization?.substituting(values), settings: settings)
    return d
}

/// `derive --about N --set …`: the stability matrix at steady state N of `keldysh steady`
/// (same settings and digits), each entry enclosed over the state's proven box.
func deriveAboutSteadyState(path: String, key: String, order: String?, settings: [String], digits: Int) throws -> ModelDerivation {
    let input = try ModelInput.load(path: path, needMatrix: false)
    let values = try input.parameters.assignments(settings)
    let state = try input.steadyStates(at: values, digits: digits).state(named: key, at: "at these settings")
    // Not the model's `variables`: that is the normal state's block, which a state with an order
    // parameter does not close; every variable unless --order names them.
    let variables = try order.map { try input.model.orderVariables(of: input.meanField, order: NamedText($0, origin: "--order").fragment) }
    let matrix = try stabilityMatrix(input.meanField, values: values, variables: variables, at: state, digits: digits)
    return ModelDerivation(model: input.model, meanField: input.meanField.substituting(try resolveAssignments(values)),
                           linearization: nil, stateMatrix: matrix, settings: settings)
}

/// `keldysh derive MODEL --steps`: the model's Keldysh derivation, every named step, with the
/// kernel and Green's function of each spinor and of each boson with a bath, or — for a model
/// whose fields are all bosons and have no baths (a Lindblad model) — its classical saddle point;
/// with a `selfenergy` statement, the steps of paper 000 A21–A50 after them.
public func deriveSteps(path: String) throws -> KeldyshDerivation {
    let model = try Model.parse(readModelText(path), file: path)
    let derivation = try model.keldyshDerivation()
    let bosons = model.keldysh.baths.map(\.mode).filter { m in derivation.bathed.field(named: m)?.statistics == .boson }
    var out = try derivation.withSectors(model.keldysh.spinors.map(\.name) + bosons).withSelfEnergy()
    if model.keldysh.isEmpty, derivation.stationary.fields.allSatisfy({ $0.statistics == .boson }) {
        out = out.appending(try ClassicalSaddlePoint(derivation.stationary).record)
    }
    return out
}
