import Symbolic

/// ψ = ⟨ψ⟩ + δψ (paper 000, Appendix A.2): every Keldysh component of a bosonic field is
/// split into a static background value and a fluctuation field of its own. The background
/// is static in the current frame (the single-frequency ansatz, A14), so its time derivative
/// is 0, and a non-local kernel ∬ψ̄(t)k(t − t′)ψ(t′) between a background and anything gives
/// a local term with k at ω = 0 (∫dt k(t − t′) = k(ω = 0), A12); between two fluctuations it
/// stays non-local. With ⟨ψ_q⟩ = 0 (the classical saddle point) the bath's q–q kernel touches
/// only the fluctuation.
public enum FieldSplitting {
    /// `background[index]`: ⟨ψ_index⟩ (a missing index is 0); the bar's is its conjugate.
    public static func apply(_ action: Action, field name: String, fluctuation: String,
                             background: [ContourIndex: Expr]) throws -> (Action, DerivationRecord) {
        guard action.basis == .keldysh else { throw FieldTheoryError.precondition("split a field in the Keldysh basis") }
        guard let f = action.field(named: name), f.statistics == .boson else {
            throw FieldTheoryError.precondition("\(name) is not a bosonic field of the action")
        }
        guard action.field(named: fluctuation) == nil else { throw FieldTheoryError.precondition("the action already has \(fluctuation)") }
        let d = Field(fluctuation, .boson)
        func value(_ c: FieldComponent) -> Expr {
            let v = background[c.index] ?? .zero
            return c.barred ? Expr.conjugate(v) : v
        }
        var table: [Expr: Expr] = [:]
        for c in f.indices(.keldysh).flatMap({ [f.component($0), f.component($0, barred: true)] }) {
            let dc = d.component(c.index, barred: c.barred)
            table[c.expr] = value(c) + dc.expr
            table[c.derivativeExpr] = dc.derivativeExpr
        }
        var out = action
        out.fields = action.fields.map { $0 == f ? d : $0 }
        var density = [action.density.substitute(table)]
        out.nonlocal = []
        let zeroFrequency: [Expr: Expr] = [Expr.symbol(Action.omega): .zero]
        for k in action.nonlocal {
            guard k.bar.field == f || k.field.field == f else { out.nonlocal.append(k); continue }
            let bar = k.bar.field == f ? d.component(k.bar.index, barred: true) : k.bar
            let field = k.field.field == f ? d.component(k.field.index) : k.field
            out.nonlocal.append(NonlocalKernel(bar: bar, field: field, kernel: k.kernel, origin: k.origin))
            let k0 = k.kernel.substitute(zeroFrequency)
            let barValue = k.bar.field == f ? value(k.bar) : .zero, fieldValue = k.field.field == f ? value(k.field) : .zero
            density.append(barValue * k0 * field.expr + bar.expr * k0 * fieldValue + barValue * k0 * fieldValue)
        }
        out.density = distribute(Expr.add(density))
        let summary = f.indices(.keldysh).map { "\(name)_\($0.rawValue) = \(background[$0] ?? .zero) + \(fluctuation)_\($0.rawValue)" }
        let done = out  // the record prints it later: a copy, not the variable
        return (out, DerivationRecord(step: "field-splitting", reference: "paper 000 A.2: ψ = ⟨ψ⟩ + δψ",
                                      summary: summary.joined(separator: ", "),
                                      text: "S = ∫dt " + done.densityText, latex: "S = " + done.latex))
    }
}
