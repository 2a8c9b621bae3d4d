import Symbolic

/// Which sign the self-energy is read with. Paper 000 defines Σ twice, with opposite signs:
/// A23 reads the terms linear in Q as S ⊃ +∬ φ̄(t)Σ(t, t′)φ(t′), which with S_φ = ∬ φ̄G₀⁻¹φ
/// (A8) makes G⁻¹ = G₀⁻¹ + Σ; B2 writes G⁻¹ = G₀⁻¹ − Σ, the convention of the Dyson equation
/// A51 (G = G₀ + G₀ΣG). Both readings are offered, named; A25–A32 as printed follow A23.
public enum SelfEnergySign: String, Sendable {
    /// S ⊃ +φ̄Σφ (A23).
    case asA23
    /// S ⊃ −φ̄Σφ, so G⁻¹ = G₀⁻¹ − Σ (B2, A51).
    case dyson
}

/// The self-energy read off the terms of an action bilinear in a fermion multiplet at two
/// times (paper 000 A23–A32): S ⊃ ∬dt dt′ φ̄(t)Σ(t, t′)φ(t′), rows the barred components at t
/// and columns the components at t′, in the order given (for A24: b̄¹, ā¹, b̄², ā² and b¹, a¹,
/// b², a², Keldysh outside, Nambu inside). A term with its barred field at t′ is first written
/// with the integration variables exchanged, t ↔ t′ (the "symmetrising" of A22: both are the
/// same double integral); Σ(t, t′) then holds G(t′, t) where the paper writes G(−τ).
public struct SelfEnergy: Sendable {
    public let sign: SelfEnergySign
    /// Σ(t, t′).
    public let matrix: Matrix
    /// The terms with no fermion bilinear (S_Q, the parts of other fields).
    public let rest: Expr

    public init(_ action: Expr, bars: [Expr], fields: [Expr], times t: Symbol, _ t2: Symbol,
                sign: SelfEnergySign = .asA23) throws {
        let swap: [Expr: Expr] = [Expr.symbol(t): Expr.symbol(t2), Expr.symbol(t2): Expr.symbol(t)]
        var zeroBars: [Expr: Expr] = [:]
        for b in bars { zeroBars[b] = .zero }
        func hasBar(_ e: Expr) -> Bool { e.substitute(zeroBars) != e }
        var oriented: [Expr] = [], rest: [Expr] = []
        for term in distribute(action).terms {
            if hasBar(term) { oriented.append(term); continue }
            let swapped = term.substitute(swap)
            if hasBar(swapped) { oriented.append(swapped) } else { rest.append(term) }
        }
        let form = try QuadraticForm(reading: Expr.add(oriented), fields: fields, bars: bars, statistics: .fermion)
        guard form.source.allSatisfy(\.isZero), form.sourceBar.allSatisfy(\.isZero) else {
            throw FieldTheoryError.inconsistent("terms linear in the fermions: \(form.source), \(form.sourceBar)")
        }
        self.sign = sign
        self.matrix = sign == .asA23 ? form.kernel : form.kernel.map { Expr.neg($0) }
        self.rest = distribute(Expr.add(rest) + form.rest)
    }

    /// For a Nambu spinor of fermion fields (φ = [b, a] in paper 000) at the times t, t′ of
    /// `PhotonMediatedInteraction`: rows φ̄^c(t), columns φ^c(t′), Keldysh index outside and the
    /// spinor's fields inside, as `KeldyshKernel` and A24 order them.
    public static func spinor(_ action: Expr, fields: [Field], sign: SelfEnergySign = .asA23) throws -> SelfEnergy {
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        let components = [ContourIndex.one, .two].flatMap { c in fields.map { $0.component(c) } }
        return try SelfEnergy(action, bars: components.map { PhotonMediatedInteraction.component($0.bar, at: t) },
                              fields: components.map { PhotonMediatedInteraction.component($0, at: t2) },
                              times: Action.time, PhotonMediatedInteraction.otherTime, sign: sign)
    }

    public var record: DerivationRecord {
        DerivationRecord(step: "self-energy", reference: "paper 000 A23–A32",
                         summary: sign == .asA23 ? "S ⊃ +∬ φ̄(t)Σ(t,t′)φ(t′) (A23)" : "S ⊃ −∬ φ̄(t)Σ(t,t′)φ(t′) (G⁻¹ = G₀⁻¹ − Σ, B2)",
                         text: "Sigma(t,t') = \(matrix)",
                         latex: "\\boldsymbol{\\Sigma}(t,t') = " + matrix.latex(entry: { BilocalLatex.latex($0) }))
    }
}
