import Symbolic

/// A bosonic field fixed at a static saddle-point value: quantum component 0, classical
/// component `classical` (ψ_cl = √2 ψ_f for paper 000, where ψ_f = ψ_cl/√2 at ψ_q = 0, the
/// field on the forward branch), its bar the complex conjugate, time derivatives 0 (static in
/// the current frame). The field leaves the action; what multiplied it stays as background in
/// the other fields' kernels (λ_cl = gψ_cl/√2 in Eq. 7).
public enum BackgroundField {
    public static func apply(_ action: Action, field name: String, classical: Expr) throws -> (Action, DerivationRecord) {
        guard action.basis == .keldysh else { throw FieldTheoryError.precondition("set a background in the Keldysh basis") }
        guard let f = action.field(named: name), f.statistics == .boson else {
            throw FieldTheoryError.precondition("\(name) is not a bosonic field of the action")
        }
        let cl = f.component(.classical), q = f.component(.quantum)
        let table: [Expr: Expr] = [
            cl.expr: classical, cl.bar.expr: Expr.conjugate(classical), q.expr: .zero, q.bar.expr: .zero,
            cl.derivativeExpr: .zero, cl.bar.derivativeExpr: .zero, q.derivativeExpr: .zero, q.bar.derivativeExpr: .zero,
        ]
        var out = action
        out.fields.removeAll { $0 == f }
        out.density = distribute(action.density.substitute(table))
        out.nonlocal.removeAll { $0.bar.field == f || $0.field.field == f }
        let done = out  // the record prints it later: a copy, not the variable
        return (out, DerivationRecord(step: "background-field", reference: "cf. paper 000 A14–A17: ψ_q = 0, ψ_f = ψ_cl/√2",
                                      summary: "\(name)_cl = \(classical), \(name)_q = 0",
                                      text: "S = ∫dt " + done.densityText, latex: "S = " + done.latex))
    }
}
