import Symbolic

extension MeanFieldSystem {
    /// Gilbert damping of a boson mode, Eq. (C1) of 003: the equation of ⟨a⟩ becomes
    ///
    ///   (1 + iα/2) d⟨a⟩/dt = R,
    ///
    /// R being its right-hand side without the damping, so d⟨a⟩/dt = R/(1 + iα/2); the
    /// equation of conj⟨a⟩ follows by conjugation (R*/(1 − iα*/2)), and so do the conjugate
    /// rows of a stability matrix. The other equations are unchanged.
    ///
    /// The damping is phenomenological (the Landau–Lifshitz–Gilbert drag of a magnon mode,
    /// App. C of 003): it has no Lindblad form, so it changes the mean-field equation and not
    /// the open system. It is defined for the first moment ⟨a⟩ only; a variable whose word
    /// holds a or a† next to other letters (⟨a†a⟩, ⟨a S^+⟩) would need the product rule on
    /// the operator equation of a, which its right-hand side no longer separates, and is an
    /// error (`AlgebraError.unsupported`), as is a system without an equation for ⟨a⟩.
    public func gilbertDamped(_ mode: BosonMode, constant alpha: Expr) throws -> MeanFieldSystem {
        guard equations.contains(where: { $0.operatorWord == mode.annihilation }) else {
            throw AlgebraError.missing("no equation for ⟨\(mode.annihilation)⟩ to apply Gilbert damping to")
        }
        let letters = Set([mode.annihilation.symbol!, mode.creation.symbol!])
        if let e = equations.first(where: {
            $0.operatorWord != mode.annihilation && !letters.isDisjoint(with: $0.operatorWord.freeSymbols)
        }) {
            throw AlgebraError.unsupported("Gilbert damping of \(mode.annihilation) is defined for the equation of "
                                           + "⟨\(mode.annihilation)⟩ only, and the system also has one for ⟨\(e.operatorWord)⟩")
        }
        let factor = 1 + Expr.i * alpha / 2
        let eqs = equations.map { e in
            e.operatorWord != mode.annihilation ? e
                : MeanFieldEquation(operatorWord: e.operatorWord, variable: e.variable, rhs: e.rhs / factor,
                                    subleading: e.subleading.map { $0 / factor }, lhsFactor: e.lhsFactor * factor)
        }
        return MeanFieldSystem(equations: eqs, added: added, closure: closure)
    }
}
