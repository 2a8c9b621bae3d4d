import KeldyshNumerics
import Symbolic

/// The normal state of a driven condensate model compiled for numbers (built by the
/// application from the derived `NormalStateEquations` and `SelfEnergyFractions` of the
/// FieldTheory layer; this layer sees only compiled expressions). Every function takes the
/// frequency first and then `parameters`, all real.
///
/// - `kernel`: G₀⁻¹(ω) at ψ = 0, 16 outputs row-major, layout (b¹, a¹, b², a²);
/// - `sigma`: every coefficient of Σ[G₀]'s fractions (`pieces` says which is which), in ω;
/// - `loop`: K₁^R's loop density in (ν, ω) then the parameters, then 12 complex slots: the six
///   entries of G (R_bb, K_bb, A_bb, R_aa, K_aa, A_aa) at ν, then at ν − ω;
/// - `tree`: K₁^R's tree part in ω;
/// - `density`: the six Σ densities (Σ(ω) = ∫dν density) in (ν, ω), the parameters, then six
///   complex slots: G's entries at ν (the self-consistent reading's quadrature);
/// - `linearDensities`: when the densities are proven linear in the slots, their nonzero
///   coefficients in (ν, ω) and the parameters.
public struct CondensationProblem: Sendable {
    /// One fraction of one entry of Σ: output ranges of its numerator and denominator
    /// coefficients (lowest degree first) in `sigma`, and of tanh's slope and offset.
    public struct Piece: Sendable {
        public let entry: Int
        public let numerator: Range<Int>
        /// The denominator's factors (coefficients in ν) and their exponents.
        public let denominator: [(range: Range<Int>, exponent: Int)]
        public let tanh: (slope: Int, offset: Int)?
        public init(entry: Int, numerator: Range<Int>, denominator: [(range: Range<Int>, exponent: Int)], tanh: (slope: Int, offset: Int)?) {
            self.entry = entry
            self.numerator = numerator
            self.denominator = denominator
            self.tanh = tanh
        }
    }

    public let parameters: [Symbol]
    public let kernel: CompiledFunction
    public let sigma: CompiledFunction
    public let pieces: [Piece]
    public let loop: CompiledFunction
    public let tree: CompiledFunction
    public let density: CompiledFunction
    public let linearDensities: LinearDensities?
    /// The full kernel is G₀⁻¹ + selfEnergySign·Σ.
    public let selfEnergySign: Double
    /// Entries of Σ that are, on the real axis, the conjugates of others (`entry` = `of`‾:
    /// Σ^A = Σ^R‾, proven on the densities by `SelfEnergyFractions.conjugates`); their pieces are
    /// not integrated.
    public let conjugateEntries: [(entry: Int, of: Int)]

    public init(parameters: [Symbol], kernel: CompiledFunction, sigma: CompiledFunction, pieces: [Piece],
                loop: CompiledFunction, tree: CompiledFunction, density: CompiledFunction, selfEnergySign: Int,
                conjugateEntries: [(entry: Int, of: Int)] = [], linearDensities: LinearDensities? = nil) {
        self.conjugateEntries = conjugateEntries
        self.linearDensities = linearDensities
        self.parameters = parameters
        self.kernel = kernel
        self.sigma = sigma
        self.pieces = pieces
        self.loop = loop
        self.tree = tree
        self.density = density
        self.selfEnergySign = Double(selfEnergySign)
    }
}

/// Σ's six densities written as density_e = Σ_t c_t(ν, ω) slot_{k_t} over the terms t with
/// e_t = e: the nonzero coefficients of densities proven linear in their slots (G's entries),
/// compiled as one function of (ν, ω) and the parameters.
public struct LinearDensities: Sendable {
    public let coefficients: CompiledFunction
    /// Output t of `coefficients` multiplies slot `terms[t].slot` in density `terms[t].entry`.
    public let terms: [(entry: Int, slot: Int)]
    public init(coefficients: CompiledFunction, terms: [(entry: Int, slot: Int)]) {
        precondition(coefficients.outputCount == terms.count)
        self.coefficients = coefficients
        self.terms = terms
    }
}

/// What G is in the saddle point and the fluctuation kernel (paper 000 A51: "as a first
/// approximation, we let G = G₀", of a Dyson equation G = G₀ + G₀ΣG whose Σ is built from G):
public enum DysonReading: String, CaseIterable, Sendable {
    /// G = G₀ literally: no self-energy, so the drive (which enters only through Σ) drops out.
    case g0 = "g0"
    /// G = (G₀⁻¹ − Σ_D[G₀])⁻¹: the self-energy built from G₀, the Dyson equation solved once.
    case oneShot = "one-shot"
    /// G = G₀ + G₀Σ_D[G₀]G₀: the Dyson series to first order in Σ.
    case firstOrder = "first-order"
    /// G = (G₀⁻¹ − Σ_D[G])⁻¹ with Σ built from G itself, iterated to convergence on the nodes.
    case selfConsistent = "self-consistent"

    public var summary: String {
        switch self {
        case .g0: return "G = G0 (the self-energy dropped)"
        case .oneShot: return "G = (G0^-1 - Sigma[G0])^-1 (Dyson solved once, Sigma built from G0)"
        case .firstOrder: return "G = G0 + G0 Sigma[G0] G0 (first order in Sigma)"
        case .selfConsistent: return "G = (G0^-1 - Sigma[G])^-1 (Sigma built from G, iterated to convergence)"
        }
    }
}

/// Which condition marks the threshold: B15's fluctuation kernel K₁^R(0) of the normal state
/// (where ψ = 0 turns unstable), or A38 linearised in ψ_f (where a condensate branch leaves
/// ψ_f = 0). They coincide where G(ψ) solves a Dyson equation (g0, one-shot) and not under the
/// first-order truncation (`LinearisedSaddle`).
public enum ThresholdCriterion: String, CaseIterable, Sendable {
    case b15 = "b15"
    case a38 = "a38"

    public var summary: String {
        switch self {
        case .b15: return "K1^R(0) of B15 (the normal state's fluctuation kernel) vanishes"
        case .a38: return "A38/psi_f vanishes as psi_f -> 0 (a condensate branch leaves psi_f = 0)"
        }
    }
}
