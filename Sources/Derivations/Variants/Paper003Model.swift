import Algebra
import ArbitraryPrecision
import Symbolic

/// The model of paper 003 (Chelpanova et al., PRB 108, 104302): Eq. (1)
///
///   H = ω_c a†a + ω_z S^z + ω'_z T^z + λ/√N (a + a†)(S^+ + S^-)
///       + η/√N (a T^+ + a† T^-) + η'/N (S^+ T^- + S^- T^+),
///
/// with the Lindblad terms of Eq. (2), κ D[a] + γ↑ Σ_i D[τ_i^+] + γ↓ Σ_i D[τ_i^-], and its
/// variants (parameters restricted, or an equation changed). Mean-field variables are
/// intensive: ⟨a⟩/√N, ⟨S⟩/N, ⟨T⟩/N.
///
/// Parameters are symbols (ω_c, ω_z positive; ω'_z real; λ ≥ 0; η, η' real; κ, γ↑, γ↓
/// positive) and can be replaced by values with `restricted(_:)`; the Hamiltonian is
/// built from the current values, so a restriction such as η = η' = 0 acts on Eq. (1)
/// before any derivation.
public struct Paper003Model: Sendable {
    public let omegaC = Expr.symbol("ω_c", [.positive])
    public let omegaZ = Expr.symbol("ω_z", [.positive])
    public let omegaZPrime = Expr.symbol("ω'_z", [.real])
    public let lambda = Expr.symbol("λ", [.positive])
    public let eta = Expr.symbol("η", [.real])
    public let etaPrime = Expr.symbol("η'", [.real])
    public let kappa = Expr.symbol("κ", [.positive])
    public let gammaUp = Expr.symbol("γ↑", [.positive])
    public let gammaDown = Expr.symbol("γ↓", [.positive])
    public let systemSize = Expr.symbol("N", [.positive])

    /// Parameter symbol → the value used in the Hamiltonian and dissipators.
    public private(set) var values: [Symbol: Expr] = [:]

    public let algebra: OperatorAlgebra
    public let a: BosonMode
    public let S: SpinEnsemble
    public let T: SpinEnsemble

    public init() {
        var alg = OperatorAlgebra()
        a = alg.boson("a")
        S = alg.spinEnsemble("S", site: "σ", size: systemSize)
        T = alg.spinEnsemble("T", site: "τ", size: systemSize)
        algebra = alg
    }

    /// The same model with some parameters replaced (e.g. [η: 0, η': 0] for the Dicke limit).
    public func restricted(_ replacements: [Expr: Expr]) -> Paper003Model {
        var m = self
        for (k, v) in replacements { m.values[k.symbol!] = v }
        return m
    }

    /// The value of a parameter in this variant.
    public func value(_ p: Expr) -> Expr { values[p.symbol!] ?? p }

    /// γ_t = γ↑ + γ↓ (Sec. II of 003).
    public var gammaT: Expr { value(gammaUp) + value(gammaDown) }
    /// τ_0^z = (γ↑ − γ↓)/(2γ_t), the ⟨T^z⟩ the pumping alone sets (Sec. II B).
    public var tau0: Expr { (value(gammaUp) - value(gammaDown)) / (2 * gammaT) }

    /// Eq. (1) with this variant's parameter values.
    public var hamiltonian: Expr {
        let rootN = Expr.sqrt(systemSize)
        let (wc, wz, wz2) = (value(omegaC), value(omegaZ), value(omegaZPrime))
        let (l, e, e2) = (value(lambda), value(eta), value(etaPrime))
        return wc * a.creation * a.annihilation + wz * S.z + wz2 * T.z
            + l / rootN * (a.annihilation + a.creation) * (S.plus + S.minus)
            + e / rootN * (a.annihilation * T.plus + a.creation * T.minus)
            + e2 / systemSize * (S.plus * T.minus + S.minus * T.plus)
    }

    /// Eqs. (1)–(2) as an open system (dissipators with zero rate are left out).
    public func openSystem() throws -> OpenSystem {
        let all: [Dissipator] = [
            .collective(a.annihilation, rate: value(kappa)),
            .perSite(T.sitePlus, rate: value(gammaUp)), .perSite(T.siteMinus, rate: value(gammaDown))]
        return try OpenSystem(algebra: algebra, hamiltonian: hamiltonian, dissipators: all.filter { !$0.rate.isZero })
    }

    /// The mean-field equations (A1) in intensive variables, closed from ⟨a⟩, ⟨S^z⟩,
    /// ⟨S^-⟩, ⟨T^z⟩, ⟨T^-⟩ (fewer when a restriction decouples some of them).
    public func meanField(_ operators: [Expr]? = nil) throws -> MeanFieldSystem {
        let ops = operators ?? [a.annihilation, S.z, S.minus, T.z, T.minus]
        return try openSystem().meanField(ops, options: MeanFieldOptions(order: .first, systemSize: systemSize))
    }

    /// The intensive mean-field variable ⟨o⟩ (⟨a⟩, ⟨S^-⟩, ...; ⟨a†⟩ = conj⟨a⟩).
    public func variable(_ o: Expr) throws -> Expr { try openSystem().expectation(o) }
}
