import Symbolic
import Algebra

/// The model of /work/shared/papers/003_33c7dc33f55f52aa.txt built from Eqs. (1)–(2) with
/// the Algebra API (as Tests/AlgebraTests/Paper003Tests.swift does, where the derived (A1)
/// and (A2) are checked entry by entry against the paper): mean-field equations and the
/// stability matrix of the normal state.
struct Paper003 {
    let N = Expr.symbol("N", [.positive])
    let wc = Symbol("ω_c", [.real]), wz = Symbol("ω_z", [.real]), wz2 = Symbol("ω'_z", [.real])
    let lambda = Symbol("λ", [.real]), eta = Symbol("η", [.real]), eta2 = Symbol("η'", [.real])
    let kappa = Symbol("κ", [.positive]), up = Symbol("γ↑", [.positive]), down = Symbol("γ↓", [.positive])
    let system: OpenSystem
    let meanField: MeanFieldSystem
    /// (A2), acting on (δa, δa*, δS⁻, δS⁺, δT⁻, δT⁺).
    let a2: Matrix
    /// ⟨a⟩, ⟨S^z⟩, ⟨S^-⟩, ⟨T^z⟩, ⟨T^-⟩.
    let variables: [Expr]

    init() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let T = alg.spinEnsemble("T", site: "τ", size: N)
        let rootN = Expr.sqrt(N)
        let (wc, wz, wz2) = (Expr.symbol(self.wc), Expr.symbol(self.wz), Expr.symbol(self.wz2))
        let (l, e, e2) = (Expr.symbol(lambda), Expr.symbol(eta), Expr.symbol(eta2))
        let h = wc * a.creation * a.annihilation + wz * S.z + wz2 * T.z
            + l / rootN * (a.annihilation + a.creation) * (S.plus + S.minus)
            + e / rootN * (a.annihilation * T.plus + a.creation * T.minus)
            + e2 / N * (S.plus * T.minus + S.minus * T.plus)
        system = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [
            .collective(a.annihilation, rate: Expr.symbol(kappa)),
            .perSite(T.sitePlus, rate: Expr.symbol(up)), .perSite(T.siteMinus, rate: Expr.symbol(down))])
        let mf = try system.meanField([a.annihilation, S.z, S.minus, T.z, T.minus],
                                      options: MeanFieldOptions(order: .first, systemSize: N))
        meanField = mf
        let (al, sm, tm) = (try system.expectation(a.annihilation), try system.expectation(S.minus), try system.expectation(T.minus))
        let (sz, tz) = (try system.expectation(S.z), try system.expectation(T.z))
        variables = [al, sz, sm, tz, tm]
        let (u, d) = (Expr.symbol(up), Expr.symbol(down))
        let tz0 = (u - d) / (2 * (u + d))
        let lin = try mf.linearize(variables: [al, Expr.conj(al), sm, Expr.conj(sm), tm, Expr.conj(tm)],
                                   about: [al: 0, sm: 0, tm: 0, sz: Expr.rational(-1, 2), tz: tz0])
        a2 = lin.stabilityMatrix
    }

    /// The paper's parameters for Figs. 2(a) and 4 with γ_t = γ↑ + γ↓ = 1 (γ↓ = 1 − γ↑):
    /// ω_c = ω_z = ω'_z = 1, η = η' = 1/10, κ = 3/50.
    var figure4Values: [Symbol: Expr] {
        [wc: 1, wz: 1, wz2: 1, eta: Expr.rational(1, 10), eta2: Expr.rational(1, 10), kappa: Expr.rational(3, 50),
         down: 1 - Expr.symbol(up)]
    }

    var symbols: Set<Symbol> { [wc, wz, wz2, lambda, eta, eta2, kappa, up, down] }
}
