import Symbolic

/// Gaussian integration over the fields of a `QuadraticForm`, with the conventions of
/// ../shared/FIELDTHEORY.md (e^{iS}, D[ψ̄,ψ] = Π_i dψ̄_i dψ_i):
///
///     complex bosons  ∫D[ψ̄,ψ] e^{i(ψ̄Aψ + J̄ψ + ψ̄J)} = det(−iA)⁻¹ e^{−i J̄A⁻¹J},
///     Grassmann       ∫D[φ̄,φ] e^{i(φ̄Aφ + η̄φ + φ̄η)} = det(−iA)   e^{−i η̄A⁻¹η},
///
/// both from completing the square, ψ = φ − A⁻¹J, ψ̄ = φ̄ − J̄A⁻¹ (the factor order J̄ … J is
/// kept, so the Grassmann signs need no separate rule), and the Gaussian (resp. Berezin)
/// integral of e^{iφ̄Aφ}. Written as an action, e^{iS_eff}:
///
///     S_eff = S₀ − J̄A⁻¹J + c · tr ln A,   c = +i (bosons), −i (fermions, paper 000 A34),
///
/// with det(−iA) = (−i)ⁿ det A: the constant n ln(−i) goes to the normalisation 𝒩, as in A34.
/// The determinant is kept as a named factor tr ln(`kernelName`) — in a field theory it is a
/// functional trace, not something to multiply out — and `determinant()` gives det(−iA) for
/// finite checks.
public struct GaussianIntegration: Sendable {
    public let form: QuadraticForm
    /// A⁻¹ (rows the fields ψ_j, columns the bars ψ̄_i).
    public let propagator: Matrix
    /// S₀ − J̄A⁻¹J.
    public let exponent: Expr
    /// The name of A in tr ln A (the paper's G⁻¹).
    public let kernelName: String

    /// `propagator`: A⁻¹ when known by name (G^R, G^A, G^K of a Green's function); it is
    /// checked, A·P = 1 entry by entry after `cancel`. Otherwise A is inverted (by blocks when
    /// `blockSize` is given: the Keldysh structure).
    public init(_ form: QuadraticForm, kernelName: String, propagator: Matrix? = nil,
                identities: [Expr: Expr] = [:], blockSize: Int? = nil) throws {
        self.form = form
        self.kernelName = kernelName
        if let p = propagator {
            let product = (form.kernel * p).map { $0.substitute(identities).cancel() }
            guard product == Matrix.identity(form.fields.count) else {
                throw FieldTheoryError.inconsistent("the given propagator is not the inverse of the kernel: A·P = \(product)")
            }
            self.propagator = p
        } else {
            self.propagator = try form.kernel.inverse(blockSize: blockSize, normalize: { $0.cancel() })
        }
        var terms: [Expr] = [form.rest]
        for j in form.fields.indices {
            for k in form.bars.indices where !self.propagator[j, k].isZero {
                terms.append(Expr.mul([Expr.minusOne, form.sourceBar[j], self.propagator[j, k], form.source[k]]))
            }
        }
        exponent = distribute(Expr.add(terms))
    }

    /// Reads the form and integrates (see `QuadraticForm`).
    public static func integrate(_ s: Expr, fields: [Expr], bars: [Expr], statistics: Statistics, kernelName: String,
                                 propagator: Matrix? = nil, identities: [Expr: Expr] = [:],
                                 blockSize: Int? = nil) throws -> GaussianIntegration {
        try GaussianIntegration(QuadraticForm(reading: s, fields: fields, bars: bars, statistics: statistics),
                                kernelName: kernelName, propagator: propagator, identities: identities, blockSize: blockSize)
    }

    /// +i for bosons (det⁻¹), −i for fermions (det).
    public var traceLogCoefficient: Expr { form.statistics == .boson ? Expr.i : Expr.neg(Expr.i) }

    /// tr ln(kernelName): the named determinant factor.
    public var traceLog: Expr { Expr.apply(GaussianIntegration.traceLogSymbol, [Expr.symbol(Symbol(kernelName))]) }
    static let traceLogSymbol = Symbol.function("trln")

    /// S_eff = S₀ − J̄A⁻¹J ± i tr ln A.
    public var action: Expr { exponent + traceLogCoefficient * traceLog }

    /// ⟨ψ_j ψ̄_k⟩ = i(A⁻¹)_jk in the Gaussian theory without sources (both statistics: ∂/∂J_k ∂/∂J̄_j of
    /// e^{−iJ̄A⁻¹J} with the i's of the source terms), so G = A⁻¹ = −i⟨ψψ̄⟩, the Keldysh convention.
    public func correlator(_ j: Int, _ k: Int) -> Expr { Expr.i * propagator[j, k] }

    /// det(−iA), the prefactor's determinant (its inverse for bosons), exactly.
    public func determinant() throws -> Expr {
        try (Expr.neg(Expr.i) * form.kernel).determinant(normalize: { $0.cancel() })
    }

    public var record: DerivationRecord {
        let kind = form.statistics == .boson ? "complex bosons: det(−iA)⁻¹ e^{−iJ̄A⁻¹J}" : "Grassmann fields: det(−iA) e^{−iη̄A⁻¹η}"
        let c = form.statistics == .boson ? "+ i" : "- i"
        return DerivationRecord(step: "gaussian-integration", reference: "FIELDTHEORY.md; cf. paper 000 A21, A34",
                                summary: "integrated over \(form.fields.map(\.description).joined(separator: ", ")) (\(kind))",
                                text: "S_eff = \(exponent) \(c) trln(\(kernelName))",
                                latex: "S_{\\mathrm{eff}} = " + exponent.latex + " \(c) \\,\\mathrm{tr}\\ln " + kernelName)
    }
}
