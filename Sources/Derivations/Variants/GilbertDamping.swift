import Algebra
import ArbitraryPrecision
import Symbolic

extension Paper003Model {
    /// The Gilbert-damped variant, Eq. (C1) of 003:
    ///
    ///   (1 + iκ/2) d⟨a⟩/dt = −i(ω_c − Δ̃)⟨a⟩ − iη⟨T^-⟩ − iλ(⟨S^+⟩ + ⟨S^-⟩),
    ///
    /// with the model's κ as the Gilbert constant (α_G = κ/2) and ω_c standing for the
    /// Lamb-shifted ω̃_c = ω_c − Δ̃. The photon-loss dissipator is removed (the damping
    /// replaces it) and the noise B(t)/√N, suppressed as 1/√N, is dropped in mean field.
    /// The right-hand side is the κ = 0 boson equation of (A1) divided by (1 + iκ/2)
    /// (`MeanFieldSystem.gilbertDamped`, which the model files' `gilbert` statement also
    /// uses); the other four equations of (A1) are unchanged.
    public func gilbertDamped() throws -> MeanFieldSystem {
        try restricted([kappa: .zero]).meanField().gilbertDamped(a, constant: value(kappa))
    }

    /// The stability matrix of the Gilbert-damped model about the normal state
    /// (⟨a⟩ = ⟨S^-⟩ = ⟨T^-⟩ = 0, ⟨S^z⟩ = −1/2, ⟨T^z⟩ = τ₀^z) in the variables
    /// x = (δa, δa*, δS^-, δS^+, δT^-, δT^+) of (A2): (A2) at κ = 0 with its first two rows
    /// divided by 1 + iκ/2 and 1 − iκ/2 (Fig. 7 of 003).
    public func gilbertStabilityMatrix() throws -> Matrix {
        let mf = try gilbertDamped()
        let (al, sm, tm) = (try variable(a.annihilation), try variable(S.minus), try variable(T.minus))
        let (sz, tz) = (try variable(S.z), try variable(T.z))
        let lin = try mf.linearize(variables: [al, Expr.conj(al), sm, Expr.conj(sm), tm, Expr.conj(tm)],
                                   about: [al: .zero, sm: .zero, tm: .zero, sz: Expr.rational(-1, 2), tz: tau0])
        return lin.stabilityMatrix
    }

    /// The stability matrix (A2) of this variant about the normal state, in the same
    /// variables and at the same point as `gilbertStabilityMatrix`.
    public func normalStateStabilityMatrix() throws -> Matrix {
        let mf = try meanField()
        let (al, sm, tm) = (try variable(a.annihilation), try variable(S.minus), try variable(T.minus))
        let (sz, tz) = (try variable(S.z), try variable(T.z))
        let lin = try mf.linearize(variables: [al, Expr.conj(al), sm, Expr.conj(sm), tm, Expr.conj(tm)],
                                   about: [al: .zero, sm: .zero, tm: .zero, sz: Expr.rational(-1, 2), tz: tau0])
        return lin.stabilityMatrix
    }
}
