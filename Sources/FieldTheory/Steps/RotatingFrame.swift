import Symbolic

/// A frame rotating with each field: F(t) = F′(t) e^{−iμ_F t}, F̄(t) = F̄′(t) e^{+iμ_F t}, so
/// i∂_t F = e^{−iμ_F t}(i∂_t + μ_F)F′. With the single-frequency ansatz of a condensate,
/// ψ(t) = ψ e^{−iμ_S t} (A14 of paper 000), and the gauge shift of the fermions that makes the
/// coupling ψ b̄ a static (b: μ_S/2, a: −μ_S/2), every term of the density must lose its time
/// dependence: its phases Σ(±μ) must cancel, which the step checks term by term (a term left
/// time dependent is an error naming it). A non-local kernel between fields rotating alike
/// shifts in frequency, k(ω) → k(ω + μ).
public enum RotatingFrame {
    public static func apply(_ action: Action, rates: [String: Expr]) throws -> (Action, DerivationRecord) {
        for name in rates.keys where action.field(named: name) == nil {
            throw FieldTheoryError.precondition("the action has no field \(name)")
        }
        func rate(_ c: FieldComponent) -> Expr { rates[c.field.name] ?? .zero }
        let symbols = action.componentSymbols
        for term in action.densityTerms {
            let t = FieldTerm(term, symbols)
            let phase = Expr.add(t.factors.map { $0.component.barred ? rate($0.component) : Expr.neg(rate($0.component)) })
            if !phase.cancel().isZero {
                throw FieldTheoryError.inconsistent("the frame leaves the term \(term) time dependent (phase e^{i(\(phase.cancel()))t})")
            }
        }
        var table: [Expr: Expr] = [:]
        for c in action.components where !rate(c).isZero {
            // ∂_t(F′e^{−iμt}) = (∂_t F′ − iμF′) e^{−iμt}; the barred field takes +iμ.
            table[c.derivativeExpr] = c.derivativeExpr + (c.barred ? Expr.i : Expr.neg(Expr.i)) * rate(c) * c.expr
        }
        var out = action
        out.density = distribute(action.density.substitute(table))
        for (k, n) in action.nonlocal.enumerated() {
            let (mu, nu) = (rate(n.bar), rate(n.field))
            guard (mu - nu).cancel().isZero else {
                throw FieldTheoryError.inconsistent("the kernel \(n.origin) couples fields rotating at \(mu) and \(nu)")
            }
            out.nonlocal[k].kernel = n.kernel.substitute([Expr.symbol(Action.omega): Expr.symbol(Action.omega) + mu])
        }
        let summary = rates.sorted { $0.key < $1.key }.map { "\($0.key)(t) = \($0.key)′ e^{−i(\($0.value))t}" }.joined(separator: ", ")
        let done = out  // the record prints it later: a copy, not the variable
        return (out, DerivationRecord(step: "rotating-frame", reference: "cf. paper 000 A14: single-frequency ansatz", summary: summary,
                                      text: "S = ∫dt " + done.densityText, latex: "S = " + done.latex))
    }
}
