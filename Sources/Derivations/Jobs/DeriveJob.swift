import FieldTheory
import Symbolic

/// `keldysh derive MODEL [--operators …] [--linearize [--about …] [--order …]]`: reads a
/// model file and derives its mean-field equations (and stability matrix). Option texts are
/// named `--operators`, `--about`, `--order` in errors.
public func derive(path: String, operators: String? = nil, linearize: Bool = false, about: String? = nil,
                   order: String? = nil, cumulantOrder: Int = 1, symmetric: Bool = false) throws(ModelError) -> ModelDerivation {
    let model = try Model.parse(readModelText(path), file: path)
    return try model.derive(operators: operators.map { NamedText($0, origin: "--operators") }, linearize: linearize,
                            about: about.map { NamedText($0, origin: "--about") },
                            order: order.map { NamedText($0, origin: "--order") }, cumulantOrder: cumulantOrder,
                            symmetric: symmetric)
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
