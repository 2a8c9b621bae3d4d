import Symbolic

/// One component of a field: ψ_cl, ψ̄_q, φ₊ … In an action's Lagrangian density a component
/// stands for its value at the time t of the density, a symbol (Grassmann-odd for fermions);
/// its time derivative ∂_t is a second symbol. The bar is an independent generator.
public struct FieldComponent: Sendable, Hashable, CustomStringConvertible {
    public let field: Field
    public let index: ContourIndex
    public let barred: Bool

    public init(field: Field, index: ContourIndex, barred: Bool) {
        self.field = field
        self.index = index
        self.barred = barred
    }

    /// ψ_cl ↔ ψ̄_cl.
    public var bar: FieldComponent { FieldComponent(field: field, index: index, barred: !barred) }

    public var description: String { (barred ? field.name + "bar" : field.name) + "_" + index.rawValue }

    private var commutation: Commutation { field.statistics == .fermion ? .grassmann : .commuting }

    /// The value at the density's time t.
    public var symbol: Symbol { Symbol(description, [], commutation: commutation) }
    public var expr: Expr { .symbol(symbol) }

    /// ∂_t of the value.
    public var derivativeSymbol: Symbol { Symbol("∂" + description, [], commutation: commutation) }
    public var derivativeExpr: Expr { .symbol(derivativeSymbol) }

    /// `\bar\psi_{cl}` (with a time argument when given).
    public func latex(_ argument: String? = nil) -> String {
        let name = LatexFieldNames.name(field.name)
        let base = barred ? "\\bar{" + name + "}" : "{" + name + "}"
        return base + "_{\\mathrm{" + index.rawValue + "}}" + (argument.map { "(" + $0 + ")" } ?? "")
    }
}

/// How field names are typeset: Greek letters written out become their LaTeX commands.
enum LatexFieldNames {
    static let greek: Set<String> = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa",
                                     "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega",
                                     "Psi", "Phi", "Lambda", "Gamma", "Sigma", "Omega"]
    static func name(_ s: String) -> String { greek.contains(s) ? "\\" + s : s }
}
