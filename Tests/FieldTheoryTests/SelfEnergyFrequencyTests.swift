import Testing
import Symbolic
@testable import FieldTheory

/// A53's reading of the convolution (A59), settled by the core's Fourier moves (the ones the
/// Fourier step uses) rather than by hand: Σ^R_bb(τ) = −(i g²/4)(G^K_ψ(τ)Q^R(τ) + G^R_ψ(τ)Q^K(τ))
/// (CausalityReductionTests) with Q = 2G_aa, each function of τ written through its transform
/// (A13) with free-limit spectra (G^K_ψ(ν) = −2πiδ(ν − ω₀)F_Ψ, G^R_ψ(ν) = 1/(ν − ω₀ + iη), the
/// same for a at ε), then ∫dτ e^{iωτ} (A12): products of binders merged, τ innermost, the plane
/// wave integrated to 2πδ and sifted. Expected values: the closed forms of the two readings of
/// A53 (∘ as a convolution, f(ν)g(ω − ν); ∘ as A59 prints it, f(ν)g(ν − ω)), by hand.
@Suite("Paper 000 A53/A59: Σ^R_bb in frequency by the core's Fourier moves")
struct SelfEnergyFrequencyTests {
    let i = Expr.i
    let w0 = Expr.symbol("W0", [.real]), ea = Expr.symbol("ea", [.real]), eta = Expr.symbol("eta", [.positive])
    let fPsi = Expr.symbol("FPsi", [.real]), fa = Expr.symbol("Fa", [.real])
    let omega = Expr.symbol(Action.omega)

    func keldysh(_ x: Expr, _ e: Expr, _ f: Expr) -> Expr { -2 * Expr.pi * i * Expr.diracDelta(x - e) * f }
    func retarded(_ x: Expr, _ e: Expr) -> Expr { 1 / (x - e + i * eta) }

    /// f(τ) = ∫dν/2π e^{−iντ} spectrum(ν).
    func timeDomain(_ tau: Symbol, _ spectrum: (Expr) -> Expr) -> Expr {
        let nu = Symbol.fresh("ν", [.real])
        return Expr.integral(Expr.exp(Expr.neg(i) * .symbol(nu) * .symbol(tau)) * spectrum(.symbol(nu)) / (2 * Expr.pi), nu,
                             from: Expr.neg(.infinity), to: .infinity)
    }

    /// ∫dτ e^{iωτ} f(τ)g(τ) by the core's moves.
    func transformOfProduct(_ f: @escaping (Expr) -> Expr, _ g: @escaping (Expr) -> Expr) -> Expr {
        let tau = Symbol.fresh("τ", [.real])
        let body = Expr.exp(i * omega * .symbol(tau)) * timeDomain(tau, f) * timeDomain(tau, g)
        var e = Expr.integral(body, tau, from: Expr.neg(.infinity), to: .infinity).mergingBinderProducts()
        e = e.sinkingOutermostBinder()
        e = e.combiningExponentials().splittingBinders().integratingPlaneWaves().siftingDeltas().splittingBinders()
        return e.siftingDeltas().siftingDeltas()
    }

    @Test func a53IsAConvolution() throws {
        let k = Expr.neg(i) / 4 * 2     // −i g²/4 · c at g = 1, c = 2
        let derived = k * (transformOfProduct({ self.keldysh($0, self.w0, self.fPsi) }, { self.retarded($0, self.ea) })
                           + transformOfProduct({ self.retarded($0, self.w0) }, { self.keldysh($0, self.ea, self.fa) }))
        #expect(!derived.contains(Action.time), "\(derived)")
        // ∘ as a convolution: ∫dν/2π [G^R_aa(ν)G^K_ψ(ω − ν) + G^K_aa(ν)G^R_ψ(ω − ν)] = −i(F_Ψ/(ω − ω₀ − ε + iη) + F_a/(ω − ε − ω₀ + iη)).
        let convolution = k * Expr.neg(i) * (fPsi + fa) / (omega - w0 - ea + i * eta)
        // ∘ as A59 prints it: ∫dν/2π [G^R_aa(ν)G^K_ψ(ν − ω) + G^K_aa(ν)G^R_ψ(ν − ω)]
        //   = −i F_Ψ/(ω + ω₀ − ε + iη) − i F_a/(ε − ω − ω₀ + iη).
        let literal = k * Expr.neg(i) * (fPsi / (omega + w0 - ea + i * eta) + fa / (ea - omega - w0 + i * eta))
        let point: [Expr: Expr] = [w0: 3, ea: 1, eta: Expr.integer(1) / 10, fPsi: 1, fa: Expr.integer(1) / 2, omega: Expr.integer(7) / 2]
        let value = derived.substitute(point).expand()
        #expect(value.freeSymbols.isEmpty, "not reduced: \(value)")
        #expect((value - convolution.substitute(point)).expand().isZero, "derived \(value), convolution \(convolution.substitute(point).expand())")
        #expect(!(value - literal.substitute(point)).expand().isZero)
    }
}
