import Algebra
import ArbitraryPrecision
import Symbolic

/// The lasing solution of the incoherently pumped Tavis–Cummings limit η' = λ = 0 of 003
/// (Appendix B, Eqs. B1–B3), found by the solver in the frame rotating with the ansatz.
public struct TavisCummingsLasing: Sendable {
    /// Every branch of the rotating-frame steady-state problem.
    public let branches: [SteadyStateBranch]
    /// The branches with a₀ ≠ 0 (a₀ real by the gauge choice; the two signs of a₀ are
    /// the same physical state shifted by half a period).
    public let lasing: [SteadyStateBranch]
    /// Δ (B2, first line).
    public let frequency: Expr
    /// ⟨T^z⟩ on the lasing branch (B2, second line).
    public let tz: Expr
    /// n = |a₀|² (B3, last line: n = γ_t(τ₀^z − ⟨T^z⟩)/κ).
    public let photonNumber: Expr
    /// |T₀^±|² (B2, third line, squared: the paper prints the modulus).
    public let tModulusSquared: Expr
    /// The rotating-frame variables and frequency symbol used.
    public let a0: Expr, t0: Expr, delta: Expr
}

extension Paper003Model {
    /// (B1) substituted into (A1) for η' = λ = 0: the frame rotating at Δ with charges
    /// ⟨a⟩, ⟨T^-⟩ → 1 makes the equations time independent; the solver returns Δ, ⟨T^z⟩,
    /// a₀ (gauge: real) and T₀^- = T₀ from d/dt = 0, nothing typed in.
    public func tavisCummingsLasing() throws -> TavisCummingsLasing {
        let m = tavisCummings
        let mf = try m.meanField([a.annihilation, T.z, T.minus])
        let (al, tm, tz) = (try m.variable(a.annihilation), try m.variable(T.minus), try m.variable(T.z))
        let delta = Expr.symbol("Δ", [.real])
        let rotated = try mf.rotatingFrame(frequency: delta, charges: [al: 1, tm: 1])
        let problem = SteadyStateProblem(system: rotated, realVariables: [al], extraUnknowns: [delta])
        let branches = try problem.solve()
        let lasing = branches.filter { !($0[al]!.isZero) }
        guard let b = lasing.first, let d = b[delta], let t = b[tz] else {
            throw SteadyStateError.noBranch("lasing branch (a₀ ≠ 0) of the Tavis–Cummings limit")
        }
        let n = b.modulusSquared(al)!
        let t0Squared = b.modulusSquared(tm)!
        return TavisCummingsLasing(branches: branches, lasing: lasing, frequency: d, tz: t, photonNumber: n,
                                   tModulusSquared: t0Squared, a0: al, t0: tm, delta: delta)
    }
}
