import Symbolic

/// The action as a physicist reads it: components at the time t, time derivatives ∂_t, the
/// non-local kernels as double integrals over t and t′ (their frequency form named).
extension Action {
    /// Display symbols: ψ_cl → ψ_cl(t), ∂ψ_cl → ∂_t ψ_cl(t).
    private func display(latex: Bool) -> [Expr: Expr] {
        var table = latex ? Expr.latexDisplay(latexNames) : [:]
        for c in components {
            let value = latex ? c.latex("t") : c.description + "(t)"
            let derivative = latex ? "\\partial_t " + c.latex("t") : "∂t " + c.description + "(t)"
            // A fermion's display symbol is odd too: the substitution must not drop the signs
            // the order of its factors carries.
            let commutation: Commutation = c.field.statistics == .fermion ? .grassmann : .commuting
            table[c.expr] = .symbol(Symbol(value, [], commutation: commutation))
            table[c.derivativeExpr] = .symbol(Symbol(derivative, [], commutation: commutation))
        }
        return table
    }

    /// The density as text, components shown at t.
    public var densityText: String {
        var s = density.substitute(display(latex: false)).description
        for k in nonlocal {
            s += " + ∫dt' " + k.bar.description + "(t) [" + k.kernel.description + "](t - t') " + k.field.description + "(t')"
        }
        return s
    }

    /// S = ∫dt […] + ∬dt dt′ ψ̄(t) k(t − t′) ψ(t′), with each k given in frequency.
    public var latex: String {
        var s = "\\int \\mathrm{d}t\\, \\left[" + density.substitute(display(latex: true)).latex + "\\right]"
        for k in nonlocal {
            s += " + \\iint \\mathrm{d}t\\,\\mathrm{d}t'\\, " + k.bar.latex("t") + " \\left[" + typeset(k.kernel)
                + "\\right]_{\\omega \\to t - t'} " + k.field.latex("t'")
        }
        return s
    }
}
