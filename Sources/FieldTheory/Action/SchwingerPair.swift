import Symbolic

/// The Schwinger bosons of a collective spin of N spin-1/2 (the symmetric subspace, spin
/// N/2): α (down) and β (up) with S^+ = β†α, S^- = α†β, S^z = (β†β − α†α)/2 and boson number
/// α†α + β†β = N, conserved by every function of S. At the classical saddle point ⟨S^-⟩ = ᾱβ,
/// ⟨S^z⟩ = (|β|² − |α|²)/2, so the classical spin dynamics is that of the bilinears.
public struct SchwingerPair: Sendable, Hashable {
    public let ensemble: String
    public let up: Field
    public let down: Field
    /// N.
    public let size: Expr
}
