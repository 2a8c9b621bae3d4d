import Symbolic

/// The action to second order in the fluctuations about a classical solution, read as the
/// retarded kernel K^R(ω) of the linearised dynamics: rows the quantum components
/// (ψ̄_q, ψ_q per field), columns the classical ones (δψ_cl, δψ̄_cl per field),
/// K^R_rc(ω) = ∂²L/∂r∂c − iω ∂²L/∂r∂(∂_t c) + iω ∂²L/∂(∂_t r)∂c at the solution (q = 0): the
/// Euler–Lagrange equations of the quantum components, linearised, with every fluctuation
/// ∝ e^{−iωt}. Writing K^R(ω) = ωP + M, the fluctuations obey i P ∂_t δx = −M δx, so
/// ∂_t δx = A δx with A = i P⁻¹ M: the stability matrix, in the variables (δψ, δψ̄) of each
/// field — the same as (δ⟨a⟩, δ⟨a⟩*) since ψ_cl = √2⟨a⟩ scales both alike.
public struct QuadraticFluctuations: Sendable {
    public let rows: [FieldComponent]
    public let columns: [FieldComponent]
    /// K^R(ω).
    public let retardedKernel: Matrix
    /// A = i P⁻¹ M.
    public let stabilityMatrix: Matrix

    /// `point`: ψ_cl of each field at the solution (ψ̄_cl is its conjugate).
    public init(_ action: Action, about point: [Field: Expr]) throws {
        guard action.basis == .keldysh, action.fields.allSatisfy({ $0.statistics == .boson }) else {
            throw FieldTheoryError.precondition("quadratic fluctuations of a bosonic action in the Keldysh basis")
        }
        var at: [Expr: Expr] = [:]
        for f in action.fields {
            let v = point[f] ?? .zero
            at[f.component(.classical).expr] = v
            at[f.component(.classical, barred: true).expr] = Expr.conjugate(v)
            for c in [f.component(.quantum), f.component(.quantum, barred: true)] {
                at[c.expr] = .zero
                at[c.derivativeExpr] = .zero
            }
            at[f.component(.classical).derivativeExpr] = .zero
            at[f.component(.classical, barred: true).derivativeExpr] = .zero
        }
        rows = action.fields.flatMap { [$0.component(.quantum, barred: true), $0.component(.quantum)] }
        columns = action.fields.flatMap { [$0.component(.classical), $0.component(.classical, barred: true)] }
        let omega = Expr.symbol(Action.omega)
        let l = action.density
        var k: [[Expr]] = []
        for r in rows {
            let dr = l.derivative(r.symbol), ddr = l.derivative(r.derivativeSymbol)
            k.append(columns.map { c in
                let entry = dr.derivative(c.symbol) - Expr.i * omega * dr.derivative(c.derivativeSymbol)
                    + Expr.i * omega * ddr.derivative(c.symbol)
                return entry.substitute(at).expand()
            })
        }
        retardedKernel = Matrix(k)
        let p = retardedKernel.map { $0.coefficient(of: Action.omega) }
        let m = retardedKernel.map { $0.coefficient(of: Action.omega, degree: 0) }
        stabilityMatrix = try (p.inverse(normalize: { $0.cancel() }) * m).map { (Expr.i * $0).cancel() }
    }
}
