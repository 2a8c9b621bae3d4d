import Symbolic

/// The classical saddle point of a bosonic Keldysh action: δS/δψ̄_q = 0 at ψ_q = ψ̄_q = 0
/// (the quantum components vanish on the classical solution, and δS/δψ_q = 0 is its
/// conjugate). For a density whose only time derivatives are the kinetic ψ̄_cl i∂ψ_q + ψ̄_q i∂ψ_cl
/// the functional derivative is the ordinary one, ∂L/∂ψ̄_q (no ∂ψ̄_q appears), and the
/// equation is linear in ∂_t ψ_cl: it is solved for it, giving the drift ∂_t ψ_cl = f(ψ_cl, ψ̄_cl).
/// With ψ_± = ⟨a⟩ on the classical solution, ψ_cl = √2⟨a⟩, so d⟨a⟩/dt = f(√2⟨a⟩)/√2 is what
/// the mean field of the same model must give.
public struct ClassicalSaddlePoint: Sendable {
    public let action: Action
    /// ∂_t ψ_cl of each field, in the classical components.
    public let drift: [Field: Expr]

    public init(_ action: Action) throws {
        guard action.basis == .keldysh else { throw FieldTheoryError.precondition("take the saddle point in the Keldysh basis") }
        guard action.fields.allSatisfy({ $0.statistics == .boson }) else {
            throw FieldTheoryError.precondition("a classical saddle point needs bosonic fields (integrate the fermions out first)")
        }
        var quantumZero: [Expr: Expr] = [:]
        for f in action.fields {
            for c in [f.component(.quantum), f.component(.quantum, barred: true)] {
                quantumZero[c.expr] = .zero
                quantumZero[c.derivativeExpr] = .zero
            }
        }
        let barredDerivatives = Set(action.components.filter(\.barred).map(\.derivativeSymbol))
        if !action.density.freeSymbols.isDisjoint(with: barredDerivatives) {
            throw FieldTheoryError.unsupported("a density with time derivatives of barred fields (beyond the kinetic term)")
        }
        var drift: [Field: Expr] = [:]
        for f in action.fields {
            let equation = action.density.derivative(f.component(.quantum, barred: true).symbol).substitute(quantumZero).expand()
            let dcl = f.component(.classical).derivativeSymbol
            let c = equation.coefficient(of: dcl), rest = equation.coefficient(of: dcl, degree: 0)
            guard !c.isZero, !c.contains(dcl), !rest.contains(dcl) else {
                throw FieldTheoryError.inconsistent("δS/δ\(f.name)bar_q is not linear in ∂_t \(f.name)_cl: \(equation)")
            }
            drift[f] = (Expr.neg(rest) / c).expand()
        }
        self.action = action
        self.drift = drift
    }

    /// The drift of ⟨f⟩ = ψ_cl/√2 in the mean-field variables `variables[f]` (⟨a⟩): every
    /// classical component replaced by √2 times its variable (the bar by √2 times its conjugate).
    public func meanFieldDrift(variables: [Field: Expr]) -> [Field: Expr] {
        var table: [Expr: Expr] = [:]
        for (f, v) in variables {
            table[f.component(.classical).expr] = Expr.sqrt(2) * v
            table[f.component(.classical, barred: true).expr] = Expr.sqrt(2) * Expr.conjugate(v)
        }
        var out: [Field: Expr] = [:]
        for (f, d) in drift { out[f] = (d.substitute(table) / Expr.sqrt(2)).expand() }
        return out
    }

    public var record: DerivationRecord {
        let lines = action.fields.map { f in "∂t \(f.name)_cl = \(drift[f]!)" }
        let latex = action.fields.map { f in "\\partial_t " + f.component(.classical).latex() + " &= " + action.typeset(drift[f]!) }
        return DerivationRecord(step: "classical-saddle-point", summary: "δS/δψ̄_q = 0 at ψ_q = 0, solved for ∂_t ψ_cl",
                                text: lines.joined(separator: "\n"),
                                latex: "\\begin{align}" + latex.joined(separator: " \\\\ ") + "\\end{align}")
    }
}
