import Symbolic

/// Everything the numbers of paper 000's condensation threshold need, as derived expressions
/// with the model's distributions written out (`FunctionDefinition`): the threshold is where
/// the normal state ψ = 0 stops being the only solution of A38, i.e. where the linearised A38,
/// equivalently the photon's retarded fluctuation kernel K₁^R(ω = 0) of B15 in the frame
/// rotating at μ_S, vanishes (a complex equation for the two reals μ_S and h).
///
/// At ψ = 0 the fermions' G is diagonal in Nambu space, so G and Σ are six functions of
/// frequency, R/K/A × bb/aa, named as the chain names them (`GR_bb`, …). What G is — G₀, or
/// G₀ dressed by Σ[G₀] once, to first order, or self-consistently — is the reading of A51 and
/// is chosen by the numerics; these are the pieces each reading is built from:
/// - `kernel`: G₀⁻¹(ω), the spinor's 4 × 4 kernel at ψ = 0, layout (b¹, a¹, b², a²);
/// - `selfEnergySign`: the full kernel is G₀⁻¹ + sign·Σ (+1 with A23's sign, −1 with B2's);
/// - `densities`: Σ^X_ss(ω) = ∫dν densities["X_ss"], in GY_ss(ν) and the photon's G^X_ψ(·);
/// - `photon`: G^R, G^K, G^A of the photon in the frame, functions of ω;
/// - `tree`, `loopDensity`: K₁^R(ω) = tree + ∫dν loopDensity, in GY_ss(ν), GY_ss(ν − ω).
public struct NormalStateEquations: Sendable {
    public let kernel: Matrix
    public let selfEnergySign: Int
    public let densities: [String: Expr]
    public let photon: [String: Expr]
    public let tree: Expr
    public let loopDensity: Expr
    public let species: [String]
    public let omega: Symbol
    public let nu: Symbol
    /// The fermions' G as functions (`GR_bb`, …) and the photon's (`GR_psi`, …), by name.
    public let fermionFunctions: [String: Symbol]
    public let photonFunctions: [String: Symbol]

    /// The six entries of a species-diagonal G or Σ, in the order the numerics store them.
    public static let entries = ["R_bb", "K_bb", "A_bb", "R_aa", "K_aa", "A_aa"]

    /// `kernel`: the spinor's kernel with the background in place (`KeldyshDerivation.kernel`);
    /// `background`: the symbols the background is made of (ψ_f), set to 0 here.
    public init(chain: SelfEnergyChain, frequency: SelfEnergyFrequency, kernel: KeldyshKernel,
                background: [Symbol], distributions: [FunctionDefinition], sign: SelfEnergySign) throws {
        let fields = chain.spinor.map(\.name)
        guard fields.count == 2 else { throw FieldTheoryError.precondition("the normal state needs a spinor of two fermions") }
        species = fields
        omega = Action.omega
        nu = frequency.nu
        var zero: [Expr: Expr] = [:]
        for s in background {
            zero[.symbol(s)] = .zero
            zero[Expr.conj(.symbol(s))] = .zero
        }
        func written(_ e: Expr) -> Expr { e.expandingDefinitions(distributions).substitute(zero) }
        self.kernel = kernel.matrix.map { written($0) }
        for r in 0..<4 { for c in 0..<4 where (r % 2) != (c % 2) && !self.kernel[r, c].isZero {
            throw FieldTheoryError.inconsistent("G₀⁻¹ is not diagonal in Nambu space at ψ = 0: entry (\(r), \(c)) = \(self.kernel[r, c])")
        } }
        selfEnergySign = sign == .asA23 ? 1 : -1
        let boson = String(chain.interaction.fluctuation.name.dropFirst())
        var photonFunctions: [String: Symbol] = [:], photon: [String: Expr] = [:]
        let g = chain.interaction.greens
        for (x, value) in [("R", g.retarded[0, 0]), ("K", g.keldysh[0, 0]), ("A", g.advanced[0, 0])] {
            photonFunctions[x] = Symbol.function("G\(x)_\(boson)")
            photon[x] = written(value)
        }
        self.photon = photon
        self.photonFunctions = photonFunctions
        // "R_bb" names the entry of the first species; the chain names it by the model's fields.
        var fermionFunctions: [String: Symbol] = [:], d: [String: Expr] = [:]
        for e in Self.entries {
            let parts = e.split(separator: "_")
            let (x, pair) = (String(parts[0]), parts[1].map { $0 == "b" ? fields[0] : fields[1] }.joined())
            fermionFunctions[e] = PhotonFluctuationKernel.function(x, pair)
            guard let density = frequency.densities[x + "_" + pair] else { throw FieldTheoryError.precondition("no self-energy density \(x)_\(pair)") }
            d[e] = written(density)
        }
        self.fermionFunctions = fermionFunctions
        densities = d
        tree = written(chain.fluctuations.tree)
        loopDensity = written(chain.fluctuations.loopDensity)
    }

    /// ∂/∂p of the expressions G = G₀ leaves in the photon's saddle point (A38: the integrand
    /// G₀^K_ba(ω) of GK_ba0), with the distributions written out: zero when the drive cannot
    /// enter under the reading G = G₀ (paper 000, "as a first approximation, we let G = G₀").
    public static func dependence(of greens: GreensFunction, entry: (row: Int, column: Int), on p: Symbol,
                                  distributions: [FunctionDefinition]) -> (integrand: Expr, derivative: Expr) {
        let integrand = greens.matrix[entry.row, entry.column].expandingDefinitions(distributions)
        return (integrand, integrand.derivative(p).cancel())
    }
}
