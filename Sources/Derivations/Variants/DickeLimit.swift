import Algebra
import ArbitraryPrecision
import Symbolic

/// The steady states of the Dicke limit η = η' = 0 of 003 (Appendix B), found by the
/// solver from the mean-field equations (A1) with |⟨S⟩| = 1/2.
public struct DickeSteadyStates: Sendable {
    /// Every branch the solver returned.
    public let branches: [SteadyStateBranch]
    /// ⟨a⟩ = ⟨S^±⟩ = 0, ⟨S^z⟩ = ±1/2.
    public let normal: [SteadyStateBranch]
    /// The Z₂ pair with ⟨a⟩ ≠ 0 (⟨S^x⟩ of both signs).
    public let superradiant: [SteadyStateBranch]
    /// λ_c², the coupling where the superradiant ⟨S^z⟩ reaches the normal state's −1/2
    /// (where the pair branches off the normal state); Appendix B prints
    /// λ_c = √(ω_z(ω_c² + κ²/4)/(4ω_c)).
    public let criticalCouplingSquared: Expr
    /// The polynomial in λ whose root is λ_c: the numerator of ⟨S^z⟩_SR + 1/2.
    public let criticalCondition: Expr
}

extension Paper003Model {
    /// The Dicke variant: η = η' = 0 (Appendix B of 003).
    public var dicke: Paper003Model { restricted([eta: .zero, etaPrime: .zero]) }

    /// The Tavis–Cummings variant: η' = λ = 0 (Appendix B of 003).
    public var tavisCummings: Paper003Model { restricted([etaPrime: .zero, lambda: .zero]) }

    /// Steady states of the Dicke limit (Appendix B of 003): the normal states ⟨S^z⟩ = ±1/2
    /// and, for λ ≥ λ_c, the superradiant pair ⟨S^z⟩, ⟨S^x⟩ = ±√(1/4 − ⟨S^z⟩²),
    /// ⟨a⟩ ∝ ⟨S^x⟩, all found by `SteadyStateProblem.solve` from d⟨a⟩/dt = d⟨S^-⟩/dt =
    /// d⟨S^z⟩/dt = 0 and the conserved spin length |⟨S⟩|² = 1/4. λ_c is derived from the
    /// branches, not typed in.
    public func dickeSteadyStates() throws -> DickeSteadyStates {
        let m = dicke
        let mf = try m.meanField([a.annihilation, S.z, S.minus])
        let (al, sm, sz) = (try m.variable(a.annihilation), try m.variable(S.minus), try m.variable(S.z))
        let problem = SteadyStateProblem(system: mf, constraints: [SteadyStateProblem.spinLength(minus: sm, z: sz)])
        let branches = try problem.solve()
        let normal = branches.filter { $0[al]!.isZero }
        let sr = branches.filter { !$0[al]!.isZero }
        guard let first = sr.first else {
            throw SteadyStateError.noBranch("superradiant branch (⟨a⟩ ≠ 0) of the Dicke limit")
        }
        // Where the SR branch meets ⟨S^z⟩ = −1/2: a polynomial in λ with even powers only.
        let condition = clearedNumerator(first[sz]! + Expr.half)
        let roots = try solveForSquare(condition, parameter: lambda)
        guard roots.count == 1 else {
            throw SteadyStateError.degreeTooHigh(variable: "λ²", polynomial: condition)
        }
        return DickeSteadyStates(branches: branches, normal: normal, superradiant: sr,
                                 criticalCouplingSquared: roots[0], criticalCondition: condition)
    }
}
