import Analysis
import Algebra
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
    /// The `gilbert` statements, in file order.
    let gilbert: [GilbertStatement]
    /// What the model calls the dynamical phases (`phase` statements).
    public let phaseNames: PhaseNames
    /// Baths, spinors and the condensate ansatz of its Keldysh derivation.
    public let keldysh: KeldyshStatements
    var scope: ModelScope
    /// Where H and each dissipator were written (an N-scaling failure is reported there).
    var origins: (hamiltonian: Fragment, dissipators: [Fragment])?

    init(file: String, system: OpenSystem, systemSize: Expr?, meanFieldOperators: [Expr]?,
         steady: Fragment?, variables: Fragment?, gilbert: [GilbertStatement], phaseNames: PhaseNames, keldysh: KeldyshStatements,
         scope: ModelScope) {
        self.file = file
        self.system = system
        self.systemSize = systemSize
        self.meanFieldOperators = meanFieldOperators
        self.steady = steady
        self.variables = variables
        self.gilbert = gilbert
        self.phaseNames = phaseNames
        self.keldysh = keldysh
        self.scope = scope
    }

    /// The Gilbert-damped boson modes (`gilbert ALPHA a`): the annihilator a and α, whose
    /// mean-field equation reads (1 + iα/2) d⟨a⟩/dt = R.
    public var gilbertDamping: [(mode: Expr, constant: Expr)] {
        gilbert.map { ($0.mode.annihilation, $0.constant) }
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
    public var meanFieldOptions: MeanFieldOptions { meanFieldOptions(order: .first) }

    /// The options of a derivation at `order`, intensive in N. At second order the terms of
    /// relative order 1/N are kept: they are what makes connected correlations grow from a
    /// product state (at N → ∞ they vanish and the cumulants stay zero).
    public func meanFieldOptions(order: MeanFieldOptions.Order) -> MeanFieldOptions {
        MeanFieldOptions(order: order, systemSize: systemSize, keepSubleading: order == .secondCumulant)
    }

    /// The model's mean-field equations of `operators`, closed, with the `gilbert`
    /// statements applied (each to the equation of its mode, when the system has one).
    /// Every derivation from a model goes through here: `derive`, the stability matrix, the
    /// dynamics and `verify` steps. A `gilbert` statement the equations do not allow (a
    /// variable such as ⟨a†a⟩ next to ⟨a⟩) is a `ModelError` at that statement.
    public func meanField(_ operators: [Expr], order: MeanFieldOptions.Order = .first) throws -> MeanFieldSystem {
        var mf: MeanFieldSystem
        do {
            mf = try system.meanField(operators, options: meanFieldOptions(order: order))
        } catch AlgebraError.scaling(let why) {
            throw scalingError(why, operators: operators, order: order)
        }
        for g in gilbert where mf.equations.contains(where: { $0.operatorWord == g.mode.annihilation }) {
            do {
                mf = try mf.gilbertDamped(g.mode, constant: g.constant)
            } catch {
                throw g.statement.error(wrapping: error)
            }
        }
        return mf
    }

    /// An N-scaling failure at the statement that causes it: H alone, then each dissipator alone,
    /// is derived again; the first that fails by itself is named (the whole model when none does:
    /// then the failure comes from their combination, which is not expected for sums of terms).
    func scalingError(_ why: String, operators: [Expr], order: MeanFieldOptions.Order) -> Error {
        let plain = AlgebraError.scaling(why)
        guard let origins else { return plain }
        let options = meanFieldOptions(order: order)
        func fails(_ h: Expr, _ d: [Dissipator]) -> Bool {
            do { _ = try OpenSystem(algebra: system.algebra, hamiltonian: h, dissipators: d).meanField(operators, options: options) } catch AlgebraError.scaling {
                return true
            } catch { return false }
            return false
        }
        if fails(system.hamiltonian, []) { return origins.hamiltonian.error(wrapping: plain) }
        for (d, at) in zip(system.dissipators, origins.dissipators) where fails(.zero, [d]) { return at.error(wrapping: plain) }
        return plain
    }

    /// The default operators of a mean-field derivation: the `meanfield` statement, or every
    /// boson annihilator and every ensemble's lowering operator (closure adds the rest).
    public var defaultMeanFieldOperators: [Expr] {
        if let ops = meanFieldOperators { return ops }
        return system.algebra.loweringOperators
    }
}

/// A `gilbert ALPHA MODE` statement: the boson mode, α, and where it was written.
struct GilbertStatement: Sendable {
    let mode: BosonMode
    let constant: Expr
    let statement: Fragment
}

extension Model {
    /// The model with `values` put in for parameters in H, the dissipator rates, the Gilbert
    /// constants and the Keldysh statements (bath rates, frame, background) before anything
    /// is derived (η = η' = 0 is the Dicke limit of 003);
    /// a dissipator whose rate becomes 0 is dropped.
    public func restricted(_ values: [Symbol: Expr]) throws -> Model {
        if values.isEmpty { return self }
        let h = system.hamiltonian.substitute(values)
        let dissipators = system.dissipators.compactMap { d -> Dissipator? in
            let rate = d.rate.substitute(values)
            if rate.isZero { return nil }
            return d.perSite ? .perSite(d.jump, rate: rate) : .collective(d.jump, rate: rate)
        }
        let restrictedSystem = try OpenSystem(algebra: system.algebra, hamiltonian: h, dissipators: dissipators)
        let g = gilbert.map { GilbertStatement(mode: $0.mode, constant: $0.constant.substitute(values), statement: $0.statement) }
        return Model(file: file, system: restrictedSystem, systemSize: systemSize, meanFieldOperators: meanFieldOperators,
                     steady: steady, variables: variables, gilbert: g, phaseNames: phaseNames,
                     keldysh: keldysh.substituting(values), scope: scope)
    }
}
