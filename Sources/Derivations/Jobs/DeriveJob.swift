import Symbolic

/// `keldysh derive MODEL [--operators …] [--linearize [--about …] [--order …]]`: reads a
/// model file and derives its mean-field equations (and stability matrix). Option texts are
/// named `--operators`, `--about`, `--order` in errors.
public func derive(path: String, operators: String? = nil, linearize: Bool = false, about: String? = nil,
                   order: String? = nil) throws(ModelError) -> ModelDerivation {
    let model = try Model.parse(readModelText(path), file: path)
    return try model.derive(operators: operators.map { NamedText($0, origin: "--operators") }, linearize: linearize,
                            about: about.map { NamedText($0, origin: "--about") },
                            order: order.map { NamedText($0, origin: "--order") })
}
