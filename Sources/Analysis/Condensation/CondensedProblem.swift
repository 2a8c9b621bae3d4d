import KeldyshNumerics
import Symbolic

/// A condensate ψ_f ≠ 0 of a driven condensate model compiled for numbers (built by the
/// application from the derived `CondensedStateEquations`; this layer sees compiled
/// expressions only). Every function takes the frequency first, then `parameters` (all real;
/// the amplitude ψ_f and the condensate's frequency μ_S among them).
///
/// - `kernel`: G₀⁻¹(ω) at ψ_f, 16 outputs row-major, layout (b¹, a¹, b², a²);
/// - `sigma`, `sigmaPieces`: Σ[G₀]'s fractions in ν (entries as `NormalStateEquations.entries`),
///   coefficients in ω;
/// - `equalTime`, `equalTimePieces`: the fractions of G₀^K_ba, G₀^K_bb, G₀^K_aa in ω (entries 0,
///   1, 2), whose ∫dω/2π is G₀^K(τ = 0) in closed form;
/// - `saddle`: A38's left side in `parameters` then G^K_ba(τ = 0) (one complex input);
/// - `density`: the six Σ densities in (ν, ω), the parameters, then G's Nambu-diagonal entries
///   at ν as six complex slots (the self-consistent reading's node sum);
/// - `linearDensities`: as `CondensationProblem.linearDensities`.
public struct CondensedProblem: Sendable {
    public let parameters: [Symbol]
    public let amplitude: Int
    public let frequency: Int
    public let kernel: CompiledFunction
    public let sigma: CompiledFunction
    public let sigmaPieces: [CondensationProblem.Piece]
    public let equalTime: CompiledFunction
    public let equalTimePieces: [CondensationProblem.Piece]
    public let saddle: CompiledFunction
    public let density: CompiledFunction
    public let linearDensities: LinearDensities?
    /// The full kernel is G₀⁻¹ + selfEnergySign·Σ.
    public let selfEnergySign: Double
    /// Σ entries that are, on the real axis, another's conjugate (as
    /// `CondensationProblem.conjugateEntries`); their pieces are not integrated.
    public let conjugateEntries: [(entry: Int, of: Int)]

    public init(parameters: [Symbol], amplitude: Int, frequency: Int, kernel: CompiledFunction,
                sigma: CompiledFunction, sigmaPieces: [CondensationProblem.Piece],
                equalTime: CompiledFunction, equalTimePieces: [CondensationProblem.Piece],
                saddle: CompiledFunction, density: CompiledFunction, selfEnergySign: Int,
                conjugateEntries: [(entry: Int, of: Int)] = [], linearDensities: LinearDensities? = nil) {
        self.conjugateEntries = conjugateEntries
        self.linearDensities = linearDensities
        self.parameters = parameters
        self.amplitude = amplitude
        self.frequency = frequency
        self.kernel = kernel
        self.sigma = sigma
        self.sigmaPieces = sigmaPieces
        self.equalTime = equalTime
        self.equalTimePieces = equalTimePieces
        self.saddle = saddle
        self.density = density
        self.selfEnergySign = Double(selfEnergySign)
    }
}
