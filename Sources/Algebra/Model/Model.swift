import Symbolic

/// A model read from a `.kd` file: an `OpenSystem` (Hamiltonian and Lindblad dissipators
/// over declared bosons, fermions and spin-1/2 ensembles) and the names it declares.
///
/// ```
/// parameters wc, wz, lambda, kappa : real positive
/// boson a
/// spins S : N spin-1/2
/// H = wc a† a + wz Sz + lambda/sqrt(N) (a + a†)(S+ + S-)
/// dissipator kappa D[a]
/// ```
///
/// The language is described in docs/model-files.md.
public struct Model: Sendable {
    /// Where the model was read from (used in error messages).
    public let file: String
    public let system: OpenSystem
    /// The ensemble size N of the spin ensembles (nil without ensembles): the variables are
    /// intensive in it (⟨a⟩/√N, ⟨S⟩/N).
    public let systemSize: Expr?
    /// Operator names of the model (`a`, `a†`, `S+`, `Sz`, `T-_i`) and their algebra operators.
    public var operators: [String: Expr] { scope.operators }
    /// Definitions (`define gt = gup + gdown`) in order, already substituted where used.
    public var definitions: [(name: String, value: Expr)] { scope.definitions }
    /// The operators of the `meanfield` statement (nil when absent).
    public let meanFieldOperators: [Expr]?
    /// The `steady` point and `variables` order, if the model gives them.
    let steady: Fragment?
    let variables: Fragment?
    var scope: ModelScope

    init(file: String, system: OpenSystem, systemSize: Expr?, meanFieldOperators: [Expr]?,
         steady: Fragment?, variables: Fragment?, scope: ModelScope) {
        self.file = file
        self.system = system
        self.systemSize = systemSize
        self.meanFieldOperators = meanFieldOperators
        self.steady = steady
        self.variables = variables
        self.scope = scope
    }

    /// Reads a model file's text; `file` names it in error messages.
    public static func parse(_ text: String, file: String) throws(ModelError) -> Model {
        var reader = ModelReader(source: ModelSource(file: file, text: text))
        return try reader.read()
    }

    /// Parses an expression in the model's names (`<a>` and `⟨a⟩` are mean-field variables);
    /// `origin` names the text in error messages.
    public func expression(_ text: String, origin: String) throws(ModelError) -> Expr {
        try scope.expression(Statement(file: origin, text: text).whole)
    }

    /// The options of the model's mean-field derivation (first order, intensive in N).
    public var meanFieldOptions: MeanFieldOptions { MeanFieldOptions(order: .first, systemSize: systemSize) }

    /// The default operators of a mean-field derivation: the `meanfield` statement, or every
    /// boson annihilator and every ensemble's lowering operator (closure adds the rest).
    public var defaultMeanFieldOperators: [Expr] {
        if let ops = meanFieldOperators { return ops }
        var out: [Expr] = []
        for (k, g) in system.algebra.groups.enumerated() {
            switch g.kind {
            case .boson: out.append(system.algebra.expr(Letter(group: k, role: .annihilate)))
            case .spinEnsemble: out.append(system.algebra.expr(Letter(group: k, role: .minus)))
            case .fermion: break
            }
        }
        return out
    }
}
