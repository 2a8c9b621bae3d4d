import Symbolic

/// Where a function of τ = t − t′ can be nonzero: a retarded function vanishes for τ < 0
/// (∝ θ(τ)), an advanced one for τ > 0 (∝ θ(−τ)); a Keldysh function has no such constraint.
public enum CausalSupport: String, Sendable {
    case retarded, advanced, unrestricted, empty

    /// The support of a product.
    func intersect(_ o: CausalSupport) -> CausalSupport {
        switch (self, o) {
        case (.empty, _), (_, .empty): return .empty
        case (.unrestricted, let x), (let x, .unrestricted): return x
        case (.retarded, .retarded): return .retarded
        case (.advanced, .advanced): return .advanced
        default: return .empty
        }
    }

    /// The support of a sum.
    func union(_ o: CausalSupport) -> CausalSupport {
        switch (self, o) {
        case (.empty, let x), (let x, .empty): return x
        case (.retarded, .retarded): return .retarded
        case (.advanced, .advanced): return .advanced
        default: return .unrestricted
        }
    }
}

/// The causality reduction of a two-time self-energy (paper 000 A40–A50): the Keldysh
/// components of a two-time field are replaced by their causal names (for Q ~ ⟨φ(t)φ̄(t′)⟩ in
/// the Larkin–Ovchinnikov basis Q^{(1,1)} = Q^R, Q^{(1,2)} = Q^K, Q^{(2,1)} = 0, Q^{(2,2)} = Q^A,
/// A40–A43), every product of two-time functions whose supports do not overlap is dropped
/// (G^R(τ)G^A(τ) ∝ θ(τ)θ(−τ), FIELDTHEORY.md), and each entry is classified by the support of
/// what is left: retarded, advanced, Keldysh (unrestricted) or zero.
///
/// Equal-time convention (named, as FIELDTHEORY.md asks): θ(τ)θ(−τ) is taken as 0, i.e. the
/// single point τ = 0 does not count. That is right for products of functions under ∫dτ (the
/// Fourier transform to Σ(ω)); with θ(0) = ½ the point would carry ¼ of the product, which
/// matters only if a δ(τ) multiplies it — no entry of A25–A32 has one.
public struct CausalityReduction: Sendable {
    /// Σ with the replacements made and the empty-support products dropped.
    public let reduced: Matrix
    /// The support of each entry.
    public let support: [[CausalSupport]]

    /// `supports`: the support in τ of each two-time atom (G^R_ψ(t, t′): retarded; G^R_ψ(t′, t):
    /// advanced; …); atoms not listed are unrestricted.
    public init(_ sigma: Matrix, replacements: [Expr: Expr], supports: [Expr: CausalSupport]) {
        var reduced: [Expr] = []
        var support: [CausalSupport] = []
        for entry in sigma.entries {
            var kept: [Expr] = []
            var s = CausalSupport.empty
            for term in distribute(entry.substitute(replacements)).terms where !term.isZero {
                var t = CausalSupport.unrestricted
                for factor in term.kind == .mul ? Array(term.children) : [term] {
                    t = t.intersect(supports[factor.asPower.base] ?? .unrestricted)
                }
                if t != .empty { kept.append(term); s = s.union(t) }
            }
            reduced.append(Expr.add(kept))
            support.append(s)
        }
        self.reduced = Matrix(rows: sigma.rows, columns: sigma.columns, entries: reduced)
        self.support = (0..<sigma.rows).map { r in Array(support[r * sigma.columns..<(r + 1) * sigma.columns]) }
    }

    public var record: DerivationRecord {
        let names = support.map { $0.map(\.rawValue).joined(separator: ", ") }.joined(separator: "; ")
        return DerivationRecord(step: "causality-reduction", reference: "paper 000 A40–A50",
                                summary: "Q^(1,1) = Q^R, Q^(1,2) = Q^K, Q^(2,1) = 0, Q^(2,2) = Q^A; θ(τ)θ(−τ) = 0",
                                text: "supports: \(names)\nSigma = \(reduced)",
                                latex: "\\boldsymbol{\\Sigma} = " + reduced.latex(entry: { BilocalLatex.latex($0) }))
    }
}
