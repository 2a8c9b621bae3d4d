import Testing
import Symbolic
@testable import FieldTheory

/// Which signs make the derived self-energy causal. Σ^R_bb(τ) from CausalityReduction (A25 with
/// A40–A42, in A23's sign), Q = c·G, taken to frequency by the convolution theorem of A12–A13
/// (∫dτ e^{iωτ}f(τ)g(τ) = ∫dν/2π F(ν)G(ω − ν), done here by hand: this is a check, not the
/// Fourier step), in the free limit G^K = −2πiδ(·)F, G^R = 1/(· + iη), the frequency integral by
/// the core's delta sifting. The action's kernel is G₀⁻¹ + Σ_A23 = G₀⁻¹ − Σ_Dyson; a causal
/// retarded kernel has Im Σ^R_Dyson ≤ 0. F_Ψ ≥ 1 for a boson and |F_a| ≤ 1 for a fermion, so the
/// sign does not depend on the populations. Result: Q = +2G (the saddle point at A22's λ = i)
/// is causal, and in the Dyson naming it has A53's printed sign (+i g²…); A39's Q = −2G with
/// A22's λ is not causal. At the saddle point Σ = V⟨X⟩ whatever λ (Σ ∝ λ·Q, Q = 2⟨X⟩/λ), so
/// the acausal combination is a sign slip between A22 and A39, and A23's + sign is the other.
@Suite("The sign of Σ^R: Dyson convention and Q = 2G are causal")
struct SelfEnergyCausalSignTests {
    typealias P = Paper000Fixture
    let i = Expr.i
    let nu = Symbol("nu", [.real])

    /// Im Σ^R_bb at the resonance ω = ω₀ + ε_a, for Q = c·G and the sign convention given.
    func imaginaryPart(c: Expr, dyson: Bool) throws -> Expr {
        let sigmaTau = try CausalityReductionTests().reduced().reduced[0, 0]
        let t = P.t, t2 = P.t2
        let qR = Expr.apply(Symbol.function("Q^R_a", slots: [.time, .time]), [t, t2])
        let qK = Expr.apply(Symbol.function("Q^K_a", slots: [.time, .time]), [t, t2])
        // Σ(τ) = k₁ G^K_ψ Q^R + k₂ G^R_ψ Q^K: read the two coefficients.
        let k1 = sigmaTau.derivative(withRespectTo: P.gp("K")).derivative(withRespectTo: qR)
        let k2 = sigmaTau.derivative(withRespectTo: P.gp("R")).derivative(withRespectTo: qK)
        #expect(((k1 * P.gp("K") * qR + k2 * P.gp("R") * qK) - sigmaTau).expand().isZero)
        let (w0, ea, eta, fPsi, fa) = (Expr.symbol("W0", [.real]), Expr.symbol("ea", [.real]), Expr.symbol("eta", [.positive]),
                                       Expr.symbol("FPsi", [.real]), Expr.symbol("Fa", [.real]))
        let omega = w0 + ea, v = Expr.symbol(nu)
        func gK(_ x: Expr, _ e: Expr, _ f: Expr) -> Expr { -2 * Expr.pi * i * Expr.diracDelta(x - e) * f }
        func gR(_ x: Expr, _ e: Expr) -> Expr { 1 / (x - e + i * eta) }
        // ∫dν/2π [c G^R_aa(ν) G^K_ψ(ω − ν)] and ∫dν/2π [c G^K_aa(ν) G^R_ψ(ω − ν)].
        let first = Expr.integral(c * gR(v, ea) * gK(omega - v, w0, fPsi) / (2 * Expr.pi), nu, from: -Expr.infinity, to: Expr.infinity)
        let second = Expr.integral(c * gK(v, ea, fa) * gR(omega - v, w0) / (2 * Expr.pi), nu, from: -Expr.infinity, to: Expr.infinity)
        var sigma = (k1 * first + k2 * second).siftingDeltas()
        if dyson { sigma = Expr.neg(sigma) }
        #expect(!sigma.contains(nu))
        let point: [Expr: Expr] = [P.g: 1, eta: Expr.integer(1) / 10, fPsi: 1, fa: Expr.integer(1) / 2, w0: 3, ea: 1]
        return (Expr.im(sigma.substitute(point))).expand()
    }

    @Test func dysonWithQEqualsTwoGIsCausal() throws {
        // By hand: Σ_Dyson = (c/2)(i g²/2)·(−i)(F_Ψ + F_a)/(iη) at resonance → Im = −(c/2)(g²/2)(F_Ψ + F_a)/η = −7.5 for c = 2.
        #expect(try imaginaryPart(c: 2, dyson: true) == Expr.integer(-15) / 2)
        #expect(try imaginaryPart(c: -2, dyson: false) == Expr.integer(-15) / 2)   // A23 with A39: the same Σ
        #expect(try imaginaryPart(c: -2, dyson: true) == Expr.integer(15) / 2)     // not causal
        #expect(try imaginaryPart(c: 2, dyson: false) == Expr.integer(15) / 2)     // not causal
    }
}
