import Symbolic

/// A Keldysh action S = ∫dt L(t) + Σ ∫dω/2π ψ̄_i(ω) k(ω) ψ_j(ω): a local Lagrangian density L —
/// a polynomial in field components at the time t (`FieldComponent.expr`) and their time
/// derivatives (`FieldComponent.derivativeExpr`), coefficients in the model's parameters —
/// and the non-local bilinear kernels a bath leaves behind, kept in frequency (in a steady
/// state they depend on t − t′ only, and after the Fourier step nothing goes back to time).
public struct Action: Sendable {
    /// The fields of the action, in the model's order.
    public var fields: [Field]
    /// Branch components (+, −) or rotated ones (cl/q, 1/2).
    public var basis: ContourBasis
    /// L(t), S = ∫dt L.
    public var density: Expr
    public var nonlocal: [NonlocalKernel]
    /// The spin ensembles of the model and the Schwinger bosons that represent them.
    public var spins: [SchwingerPair] = []
    /// How the model's parameters are typeset (its `latex` statements: muS → \\mu_S); carried
    /// through every step, and on to the kernels read from the action.
    public var latexNames: [Symbol: String] = [:]

    public init(fields: [Field], basis: ContourBasis, density: Expr, nonlocal: [NonlocalKernel] = []) {
        self.fields = fields
        self.basis = basis
        self.density = density
        self.nonlocal = nonlocal
    }

    /// The frequency of kernels and Green's functions (real).
    public static let omega = Symbol("ω", [.real])
    /// The time of the density, for steps that make a time dependence explicit.
    public static let time = Symbol("t", [.real])

    /// Every component of the action's fields in its basis (bars included), fields in order.
    public var components: [FieldComponent] {
        fields.flatMap { f in f.indices(basis).flatMap { [f.component($0), f.component($0, barred: true)] } }
    }

    /// An expression in LaTeX with the model's names.
    public func typeset(_ e: Expr) -> String { e.typeset(latexNames) }

    /// The field a name denotes.
    public func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

/// ∫dω/2π ψ̄_i(ω) k(ω) ψ_j(ω): a bilinear term non-local in time (∫dt dt′ ψ̄_i(t) k(t − t′) ψ_j(t′)).
public struct NonlocalKernel: Sendable {
    public var bar: FieldComponent
    public var field: FieldComponent
    /// k(ω), in `Action.omega`.
    public var kernel: Expr
    /// Where it came from (a bath, a self-energy), for the printed derivation.
    public var origin: String

    public init(bar: FieldComponent, field: FieldComponent, kernel: Expr, origin: String) {
        self.bar = bar
        self.field = field
        self.kernel = kernel
        self.origin = origin
    }
}
