import ArbitraryPrecision
import Symbolic

extension MeanFieldSystem {
    /// The equations in a frame rotating at frequency Δ: each variable x with charge q is
    /// written x = x̃ e^{−iqΔt} (a lasing ansatz such as (B1) of 003: ⟨a⟩ = a₀e^{−iΔt},
    /// ⟨T^-⟩ = T₀^- e^{−iΔt}), so dx̃/dt = (rhs + iqΔ x) e^{iqΔt}. The frame is consistent only
    /// when every right-hand side is covariant under the U(1) x → x e^{−iqθ}; this is
    /// checked (an error names the first term that breaks it), and then the rotated
    /// system is time independent: its steady states are the ansatz's solutions, with Δ
    /// an unknown (`SteadyStateProblem.extraUnknowns`). Variables not listed have charge 0.
    public func rotatingFrame(frequency delta: Expr, charges: [Expr: Int]) throws -> MeanFieldSystem {
        let u = Expr.symbol("u_U(1)", [.positive])
        var phase: [Expr: Expr] = [:]
        for (v, q) in charges where q != 0 {
            phase[v] = v * Expr.pow(u, .integer(q))
            phase[Expr.conj(v)] = Expr.conj(v) * Expr.pow(u, .integer(-q))
        }
        var out: [MeanFieldEquation] = []
        for e in equations {
            let q = charges[e.variable] ?? 0
            let moved = e.rhs.substitute(phase).expand()
            let expected = (Expr.pow(u, .integer(q)) * e.rhs).expand()
            let excess = (moved - expected).expand()
            if !excess.isZero {
                throw AlgebraError.unsupported(
                    "d\(e.variable)/dt is not U(1) covariant with these charges (term \(excess.terms[0])): no rotating frame")
            }
            let rhs = q == 0 ? e.rhs : e.rhs + Expr.i * Expr.integer(q) * delta * e.variable
            out.append(MeanFieldEquation(operatorWord: e.operatorWord, variable: e.variable, rhs: rhs, subleading: e.subleading,
                                         lhsFactor: e.lhsFactor))
        }
        return MeanFieldSystem(equations: out, added: added, closure: closure)
    }

    /// The system with one right-hand side replaced (a changed equation of motion); the
    /// equation is then written without a factor (`lhsFactor` 1).
    public func withEquation(for variable: Expr, rhs: Expr) throws -> MeanFieldSystem {
        guard equations.contains(where: { $0.variable == variable }) else {
            throw AlgebraError.missing("no equation for \(variable)")
        }
        let eqs = equations.map {
            $0.variable == variable
                ? MeanFieldEquation(operatorWord: $0.operatorWord, variable: variable, rhs: rhs, subleading: [])
                : $0
        }
        return MeanFieldSystem(equations: eqs, added: added, closure: closure)
    }
}
