import Symbolic

/// The steps of paper 000 A21–A50 chained from an action in the frame of the condensate (A14,
/// before the background is set): ψ = ⟨ψ⟩ + δψ (`FieldSplitting`), δψ integrated out
/// (`PhotonMediatedInteraction`, A21), the quartic term decoupled (`HubbardStratonovich`, A22),
/// the terms linear in Q read as Σ (`SelfEnergy`, A23–A32), the augmented and effective actions
/// (A33–A34), the photon's saddle point (`PhotonSaddlePoint`, A35/A38) and the causality
/// reduction (`CausalityReduction`, A40–A50) and the photon's fluctuation kernel about the
/// normal state (`PhotonFluctuationKernel`, B9–B15). Each step is the type named; this only feeds one
/// into the next, so that `keldysh derive --steps` and `keldysh verify` read the same chain.
///
/// The spinor is [x, y] with the coupling ψ x̄ y (paper 000: φ = [b, a], g ψ b† a): A22 pairs
/// Q_yy ~ y(t)ȳ(t′) with Q_xx ~ x(t′)x̄(t) (`HubbardStratonovich.bilocal`).
public struct SelfEnergyChain: Sendable {
    public let spinor: [Field]
    public let split: Action
    public let interaction: PhotonMediatedInteraction
    public let decoupling: HubbardStratonovich
    public let selfEnergy: SelfEnergy
    public let saddlePoint: PhotonSaddlePoint
    public let causality: CausalityReduction
    public let fluctuations: PhotonFluctuationKernel
    public let records: [DerivationRecord]

    /// `framed`: the action with its baths, in the frame (A14), ψ not yet fixed; `background`:
    /// ⟨ψ⟩ by Keldysh index (`FieldSplitting`).
    public init(_ framed: Action, boson: String, background: [ContourIndex: Expr], spinor: [Field],
                sign: SelfEnergySign = .asA23) throws {
        guard spinor.count == 2, spinor.allSatisfy({ $0.statistics == .fermion }) else {
            throw FieldTheoryError.precondition("the self-energy chain needs a spinor of two fermions (paper 000: φ = [b, a])")
        }
        self.spinor = spinor
        let (split, splitting) = try FieldSplitting.apply(framed, field: boson, fluctuation: "d" + boson, background: background)
        self.split = split
        interaction = try PhotonMediatedInteraction(split, fluctuation: "d" + boson, propagatorName: boson)
        decoupling = try HubbardStratonovich.bilocal(interaction.interaction, left: spinor[1], right: spinor[0])
        selfEnergy = try SelfEnergy.spinor(decoupling.linear, fields: spinor, sign: sign)
        saddlePoint = try PhotonSaddlePoint(split, fluctuation: "d" + boson, spinor: spinor, interaction: interaction)
        causality = CausalityReduction(selfEnergy.matrix, replacements: SelfEnergyChain.causalNames(spinor),
                                       supports: SelfEnergyChain.supports(spinor, propagator: boson))
        fluctuations = try PhotonFluctuationKernel(split, fluctuation: "d" + boson, spinor: spinor,
                                                   photonKernel: interaction.greens.kernel.matrix)
        records = [splitting, interaction.record, decoupling.record, selfEnergy.record,
                   SelfEnergyChain.effectiveAction(decoupling, sign: sign), saddlePoint.record, causality.record, fluctuations.record]
    }

    /// Σ in frequency (A51–A58) with Q = (2/λ)·iG, the saddle point in Q as derived (A39).
    public func frequency(_ reading: ConvolutionReading = .convolution) throws -> SelfEnergyFrequency {
        try SelfEnergyFrequency(self, qPerG: (decoupling.saddlePointFactor * Expr.i).expand(), reading: reading)
    }

    /// Q^X_x(t, t′) (X = R, K, A): the causal name of a species' auxiliary field (A40–A43).
    public static func causalQ(_ x: String, _ species: String) -> Expr {
        Expr.apply(Symbol.function("Q^\(x)_\(species)", slots: [.time, .time]),
                   [Expr.symbol(Action.time), Expr.symbol(PhotonMediatedInteraction.otherTime)])
    }

    /// A40–A43 for each species: Q^{(1,1)} = Q^R, Q^{(1,2)} = Q^K, Q^{(2,1)} = 0, Q^{(2,2)} = Q^A,
    /// at the arguments (t, t′) that Σ(t, t′) carries after its terms are oriented.
    static func causalNames(_ spinor: [Field]) -> [Expr: Expr] {
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        var out: [Expr: Expr] = [:]
        for f in spinor {
            out[HubbardStratonovich.auxiliary(f, .one, .one, t, t2)] = causalQ("R", f.name)
            out[HubbardStratonovich.auxiliary(f, .one, .two, t, t2)] = causalQ("K", f.name)
            out[HubbardStratonovich.auxiliary(f, .two, .one, t, t2)] = .zero
            out[HubbardStratonovich.auxiliary(f, .two, .two, t, t2)] = causalQ("A", f.name)
        }
        return out
    }

    /// G^R(τ) ∝ θ(τ), G^A(τ) ∝ θ(−τ); at −τ (arguments (t′, t)) the other way round; Q^R, Q^A
    /// likewise (Q ∝ G at the saddle point, A39).
    static func supports(_ spinor: [Field], propagator name: String) -> [Expr: CausalSupport] {
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        typealias P = PhotonMediatedInteraction
        var out: [Expr: CausalSupport] = [P.propagator("R", name, t, t2): .retarded, P.propagator("A", name, t, t2): .advanced,
                                          P.propagator("R", name, t2, t): .advanced, P.propagator("A", name, t2, t): .retarded]
        for f in spinor {
            out[causalQ("R", f.name)] = .retarded
            out[causalQ("A", f.name)] = .advanced
        }
        return out
    }

    /// A33–A34: the augmented action with the self-energy in the fermions' kernel, and the
    /// fermions integrated out into −i tr ln (the Grassmann rule of `GaussianIntegration`).
    static func effectiveAction(_ hs: HubbardStratonovich, sign: SelfEnergySign) -> DerivationRecord {
        let kernel = sign == .asA23 ? "G0^-1 + Sigma" : "G0^-1 - Sigma"
        let kernelLatex = sign == .asA23 ? "\\mathbf{G}_0^{-1} + \\boldsymbol{\\Sigma}" : "\\mathbf{G}_0^{-1} - \\boldsymbol{\\Sigma}"
        return DerivationRecord(step: "effective-action", reference: "paper 000 A33–A34",
                                summary: "S_aug = ∬ φ̄ G⁻¹ φ + S_Q + S_ψ with G⁻¹ = \(kernel) (Σ read \(sign == .asA23 ? "as A23" : "as B2")); "
                                    + "the fermions integrated out: S_eff = −i tr ln G⁻¹ + S_Q + S_ψ",
                                text: "S_eff = -i tr ln(\(kernel)) + S_Q + S_psi\nS_Q = ∬dt dt' [\(hs.quadratic)]",
                                latex: "S^{\\mathrm{eff}}_{\\mathrm{aug}} = -i\\,\\mathrm{tr}\\ln\\left(" + kernelLatex
                                    + "\\right) + S_Q + S_\\psi,\\quad S_Q = \\iint \\mathrm{d}t\\,\\mathrm{d}t'\\,\\left["
                                    + BilocalLatex.latex(hs.quadratic) + "\\right]")
    }
}
