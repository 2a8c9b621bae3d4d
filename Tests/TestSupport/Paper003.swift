import Foundation
import Symbolic
import Algebra

/// The model of /work/shared/papers/003_33c7dc33f55f52aa.txt built from Eqs. (1)–(2) with
/// the Algebra API (as Tests/AlgebraTests/Paper003Tests.swift does, where the derived (A1)
/// and (A2) are checked entry by entry against the paper): mean-field equations and the
/// stability matrix of the normal state.
public struct Paper003 {
    public let N = Expr.symbol("N", [.positive])
    public let wc = Symbol("ω_c", [.real]), wz = Symbol("ω_z", [.real]), wz2 = Symbol("ω'_z", [.real])
    public let lambda = Symbol("λ", [.real]), eta = Symbol("η", [.real]), eta2 = Symbol("η'", [.real])
    public let kappa = Symbol("κ", [.positive]), up = Symbol("γ↑", [.positive]), down = Symbol("γ↓", [.positive])
    public let system: OpenSystem
    public let meanField: MeanFieldSystem
    /// (A2), acting on (δa, δa*, δS⁻, δS⁺, δT⁻, δT⁺).
    public let a2: Matrix
    /// ⟨a⟩, ⟨S^z⟩, ⟨S^-⟩, ⟨T^z⟩, ⟨T^-⟩.
    public let variables: [Expr]

    /// The boson and the two ensembles.
    public let a: BosonMode, S: SpinEnsemble, T: SpinEnsemble
    /// Eq. (1).
    public let hamiltonian: Expr

    /// The model with `values` substituted for parameters in Eqs. (1)–(2) before anything is
    /// derived (λ = η' = 0 is the Tavis–Cummings limit of Appendix B); dissipators whose rate
    /// becomes 0 are dropped.
    public init(values: [Symbol: Expr] = [:]) throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let T = alg.spinEnsemble("T", site: "τ", size: N)
        (self.a, self.S, self.T) = (a, S, T)
        let rootN = Expr.sqrt(N)
        let p = { (s: Symbol) in values[s] ?? Expr.symbol(s) }
        let (wc, wz, wz2) = (p(self.wc), p(self.wz), p(self.wz2))
        let (l, e, e2) = (p(lambda), p(eta), p(eta2))
        let h = wc * a.creation * a.annihilation + wz * S.z + wz2 * T.z
            + l / rootN * (a.annihilation + a.creation) * (S.plus + S.minus)
            + e / rootN * (a.annihilation * T.plus + a.creation * T.minus)
            + e2 / N * (S.plus * T.minus + S.minus * T.plus)
        let dissipators: [Dissipator] = [.collective(a.annihilation, rate: p(kappa)),
                                         .perSite(T.sitePlus, rate: p(up)), .perSite(T.siteMinus, rate: p(down))]
        system = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: dissipators.filter { !$0.rate.isZero })
        hamiltonian = h
        let mf = try system.meanField([a.annihilation, S.z, S.minus, T.z, T.minus],
                                      options: MeanFieldOptions(order: .first, systemSize: N))
        meanField = mf
        let (al, sm, tm) = (try system.expectation(a.annihilation), try system.expectation(S.minus), try system.expectation(T.minus))
        let (sz, tz) = (try system.expectation(S.z), try system.expectation(T.z))
        variables = [al, sz, sm, tz, tm]
        let (u, d) = (p(up), p(down))
        let tz0 = (u - d) / (2 * (u + d))
        let lin = try mf.linearize(variables: [al, Expr.conj(al), sm, Expr.conj(sm), tm, Expr.conj(tm)],
                                   about: [al: 0, sm: 0, tm: 0, sz: Expr.rational(-1, 2), tz: tz0])
        a2 = lin.stabilityMatrix
    }

    /// The paper's parameters for Figs. 2(a) and 4 with γ_t = γ↑ + γ↓ = 1 (γ↓ = 1 − γ↑):
    /// ω_c = ω_z = ω'_z = 1, η = η' = 1/10, κ = 3/50.
    public var figure4Values: [Symbol: Expr] {
        [wc: 1, wz: 1, wz2: 1, eta: Expr.rational(1, 10), eta2: Expr.rational(1, 10), kappa: Expr.rational(3, 50),
         down: 1 - Expr.symbol(up)]
    }

    public var symbols: Set<Symbol> { [wc, wz, wz2, lambda, eta, eta2, kappa, up, down] }
}

/// Whether two expressions are equal after multiplying out (their difference distributes to 0).
public func same(_ a: Expr, _ b: Expr) -> Bool { distribute(a - b).isZero }

/// Paper 003's model file with the frequencies ω_c, ω_z, ω'_z declared `nonnegative` instead
/// of `positive`, written to a temporary file (its path is returned). Tests that switch
/// every frequency off (ω = 0 is outside `positive`, which means > 0) read this copy; the
/// equations are the repository's file, unchanged.
public func paper003ModelWithZeroFrequencies(repository root: URL) throws -> String {
    let source = root.appendingPathComponent("derivations/003-spintronic-dicke/model.kd")
    let text = try String(contentsOf: source, encoding: .utf8)
    let line = "parameters wc, wz, wz', lambda, gup, gdown : real positive"
    guard text.contains(line) else { throw CocoaError(.fileReadCorruptFile) }
    let changed = text.replacingOccurrences(of: line, with: "parameters wc, wz, wz' : real nonnegative\n"
                                            + "parameters lambda, gup, gdown : real positive")
    let path = NSTemporaryDirectory() + "model003-zero-frequencies-\(UUID().uuidString).kd"
    try changed.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
