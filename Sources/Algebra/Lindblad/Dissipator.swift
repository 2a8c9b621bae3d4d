import Symbolic

/// One Lindblad dissipator γ D[L], D[L]ρ = LρL† − ½{L†L, ρ}.
public struct Dissipator: Sendable, Hashable {
    public let jump: Expr
    public let rate: Expr
    /// Per-site: γ Σ_i D[L_i] with L written in the per-site operators σ_i of one ensemble.
    public let perSite: Bool

    /// γ D[L] for a collective jump operator (κ D[a], Γ D[S^-]).
    public static func collective(_ jump: Expr, rate: Expr) -> Dissipator {
        Dissipator(jump: jump, rate: rate, perSite: false)
    }

    /// γ Σ_i D[L_i] for a jump operator written in per-site operators (γ↑ Σ_i D[τ_i^+]).
    public static func perSite(_ jump: Expr, rate: Expr) -> Dissipator {
        Dissipator(jump: jump, rate: rate, perSite: true)
    }
}
