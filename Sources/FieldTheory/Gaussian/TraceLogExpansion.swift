import Symbolic

/// tr ln of a kernel shifted by a perturbation, to second order (FIELDTHEORY.md; paper 000
/// B9–B10): with G = K⁻¹,
///
///     tr ln(K + δ) = tr ln K + tr(Gδ) − ½ tr(GδGδ) + O(δ³),
///
/// from ln(1 + Gδ) = Gδ − ½(Gδ)² + …; with δ = −Σ this is tr ln(G₀⁻¹ − Σ) = tr ln G₀⁻¹ −
/// tr(G₀Σ) − ½tr(G₀ΣG₀Σ). In the effective action of fermions, −i tr ln(K + δ) =
/// −i tr ln K − i tr(Gδ) + (i/2) tr(GδGδ) (B9). The matrices are the finite blocks of the
/// kernel (Keldysh ⊗ Nambu at one frequency, or a discretised contour); the trace over time or
/// frequency of a field theory is the caller's. The second-order term is where a fluctuation
/// kernel (B15) comes from.
public struct TraceLogExpansion: Sendable {
    /// G = K⁻¹ at the expansion point.
    public let propagator: Matrix
    /// δ, the change of the kernel K.
    public let perturbation: Matrix
    /// tr(Gδ).
    public let first: Expr
    /// −½ tr(GδGδ).
    public let second: Expr

    public init(propagator g: Matrix, perturbation d: Matrix, normalize: (Expr) -> Expr = { $0.expand() }) throws {
        guard g.isSquare, d.isSquare, g.rows == d.rows else {
            throw FieldTheoryError.precondition("tr ln expansion: G and δ must be square of one size")
        }
        propagator = g
        perturbation = d
        let gd = g.multiplied(by: d, normalize: normalize)
        first = normalize(gd.trace)
        second = normalize(Expr.neg(Expr.half) * gd.multiplied(by: gd, normalize: normalize).trace)
    }

    /// From the kernel K: G = K⁻¹ (by blocks when `blockSize` is given).
    public init(kernel k: Matrix, perturbation d: Matrix, blockSize: Int? = nil) throws {
        let g = try k.inverse(blockSize: blockSize, normalize: { $0.cancel() })
        try self.init(propagator: g, perturbation: d, normalize: { $0.cancel() })
    }

    /// The fermionic effective action's change, −i[tr(Gδ) − ½tr(GδGδ)] (B9 without tr ln K).
    public var fermionicAction: Expr { Expr.neg(Expr.i) * (first + second) }

    public var record: DerivationRecord {
        DerivationRecord(step: "trace-log-expansion", reference: "FIELDTHEORY.md; paper 000 B9–B10",
                         summary: "tr ln(K + δ) = tr ln K + tr(Gδ) − ½ tr(GδGδ) + O(δ³)",
                         text: "tr(G δ) = \(first)\n-1/2 tr(G δ G δ) = \(second)",
                         latex: "\\mathrm{tr}(G\\delta) = " + first.latex + ",\\quad -\\tfrac12\\mathrm{tr}(G\\delta G\\delta) = " + second.latex)
    }
}
