import ArbitraryPrecision
import Symbolic

/// The incoherent ensemble T eliminated adiabatically (Appendix D of 003, Eqs. D1–D4).
public struct AdiabaticElimination: Sendable {
    /// ⟨T^-⟩ from d⟨T^-⟩/dt = 0, with ⟨T^z⟩ kept as a variable (D1, first line).
    public let tMinus: Expr
    /// Its conjugate ⟨T^+⟩ (D1, second line).
    public let tPlus: Expr
    /// ⟨T^z⟩ from d⟨T^z⟩/dt = 0 at leading order (couplings η, η' → 0): (D1, third line).
    public let tz: Expr
    /// d⟨a⟩/dt with ⟨T^-⟩ eliminated (D2), ⟨T^z⟩ kept.
    public let boson: Expr
    /// The coefficient of ⟨a⟩ in (D2), written −iω̃ − κ̃ in (D3): ω̃ (⟨T^z⟩ kept) and κ̃
    /// (⟨T^z⟩ = τ₀^z, as D4 prints it with γ↑ − γ↓).
    public let omegaTilde: Expr
    public let kappaTilde: Expr
    /// The coefficient of ⟨S^-⟩ in (D2)/(D3) (⟨T^z⟩ kept).
    public let bosonSpinCoupling: Expr
    /// The effective d⟨S^-⟩/dt with ⟨T^-⟩ from (D1) and ⟨T^z⟩ = τ₀^z (the unnumbered
    /// equation after D4).
    public let spin: Expr
    /// The coefficient K of (η⟨a⟩ + η'⟨S^-⟩) in `spin`, and its real part for real
    /// parameters and ⟨S^z⟩ (the dissipative part the paper writes as
    /// ∝ η'(γ↑ − γ↓)(−⟨S^z⟩)/(ω'_z² + γ_t²/4)).
    public let spinPumpCoefficient: Expr
    public let spinPumpDissipative: Expr
}

extension Paper003Model {
    /// Appendix D of 003: d⟨T^-⟩/dt = 0 solved for ⟨T^-⟩ (linear), ⟨T^z⟩ at its
    /// coupling-free steady value, both substituted into d⟨a⟩/dt and d⟨S^-⟩/dt.
    public func adiabaticElimination() throws -> AdiabaticElimination {
        let mf = try meanField()
        let (al, sm, sz) = (try variable(a.annihilation), try variable(S.minus), try variable(S.z))
        let (tm, tz) = (try variable(T.minus), try variable(T.z))
        // D1: the ⟨T^-⟩ equation is linear in ⟨T^-⟩.
        let rt = try mf.rhs(for: tm).expand()
        let c = rt.coefficient(of: tm.symbol!), d = rt.coefficient(of: tm.symbol!, degree: 0)
        guard !c.isZero, !d.contains(tm.symbol!) else { throw AlgebraError.unsupported("d⟨T^-⟩/dt is not linear in ⟨T^-⟩") }
        let tMinus = (Expr.neg(d) / c).cancel()
        let tPlus = Expr.conjugate(tMinus).cancel()
        // ⟨T^z⟩ at leading order: the d⟨T^z⟩/dt = 0 equation with the couplings switched off.
        let rz = (try mf.rhs(for: tz)).substitute([eta.symbol!: .zero, etaPrime.symbol!: .zero]).expand()
        let cz = rz.coefficient(of: tz.symbol!), dz = rz.coefficient(of: tz.symbol!, degree: 0)
        let tzValue = (Expr.neg(dz) / cz).cancel()
        let eliminate: [Expr: Expr] = [tm: tMinus, Expr.conj(tm): tPlus]
        // D2/D3.
        let boson = try mf.rhs(for: al).substitute(eliminate)
        let bosonExpanded = boson.expand()
        let coefA = bosonExpanded.coefficient(of: al.symbol!).cancel()
        let omegaTilde = realPart(Expr.i * coefA)       // −iω̃ − κ̃ = coefA ⇒ ω̃ = Re(i·coefA)
        let kappaTilde = realPart(Expr.neg(coefA)).substitute([tz: tzValue]).cancel()
        let coefS = bosonExpanded.coefficient(of: sm.symbol!).cancel()
        // The S^- equation.
        let spin = try mf.rhs(for: sm).substitute(eliminate).substitute([tz: tzValue])
        // spin = −iω_z⟨S^-⟩ + 2iλ(⟨a⟩ + ⟨a†⟩)⟨S^z⟩ + K(η⟨a⟩ + η'⟨S^-⟩): ⟨a⟩ and ⟨a†⟩ enter
        // alike through λ, so K = (coefficient of ⟨a⟩ − coefficient of ⟨a†⟩)/η.
        let spinExpanded = spin.expand()
        let k = ((spinExpanded.coefficient(of: al.symbol!)
                  - spinExpanded.coefficient(ofTerm: Expr.conj(al))) / value(eta)).cancel()
        return AdiabaticElimination(tMinus: tMinus, tPlus: tPlus, tz: tzValue, boson: boson,
                                    omegaTilde: omegaTilde, kappaTilde: kappaTilde, bosonSpinCoupling: coefS,
                                    spin: spin, spinPumpCoefficient: k, spinPumpDissipative: realPart(k))
    }
}

/// (e + conj e)/2, cancelled: the real part when every symbol in e is real.
func realPart(_ e: Expr) -> Expr { ((e + Expr.conjugate(e)) / 2).cancel() }
