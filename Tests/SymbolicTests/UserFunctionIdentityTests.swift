import ArbitraryPrecision
import Testing
@testable import Symbolic

/// Identities with user functions (the distribution functions of paper 000's Keldysh
/// calculation) checked at 100 digits by `Expr.numericallyEqual`, which gives each function a
/// random smooth stand-in. The derived sides are built from the printed Green's functions by
/// matrix products and the core's derivative; the negative controls are the slips a
/// transcription makes (a sign, F_b for F_a, a missing chain-rule term).
@Suite struct UserFunctionIdentityTests {
    let omega = Expr.symbol("ω", [.real]), omega0 = Expr.symbol("ω0", [.real])
    let kappa = Expr.symbol("κ", [.positive]), gamma = Expr.symbol("γ", [.positive])
    let epsilon = Expr.symbol("ε", [.real]), g = Expr.symbol("g", [.real]), psi = Expr.symbol("ψ")
    let FPsi = Symbol.function("F_Ψ", [.real]), Fb = Symbol.function("F_b", [.real]), Fa = Symbol.function("F_a", [.real])

    func equal(_ a: Expr, _ b: Expr, seed: UInt64) throws -> Bool {
        try Expr.numericallyEqual(a, b, digits: 100, samples: 3, seed: seed).equal
    }

    @Test func keldyshComponentOfThePhotonA20() throws {
        // Paper 000 (A19), (A20): G^{R/A} = 1/(ω − ω₀ ± iκ) and the Keldysh relation
        // G^K = (G^R − G^A) F_Ψ, whose bracket is −2iκ/((ω − ω₀)² + κ²) (common denominator).
        let gr = 1 / (omega - omega0 + Expr.i * kappa), ga = 1 / (omega - omega0 - Expr.i * kappa)
        let f = FPsi(omega)
        let printed = -2 * Expr.i * kappa * f / (Expr.pow(omega - omega0, 2) + Expr.pow(kappa, 2))
        #expect(try equal((gr - ga) * f, printed, seed: 1))
        // The same as G^R Σ^K G^A with Σ^K = −2iκ F_Ψ, and wrong with the sign of i flipped.
        #expect(try equal(gr * (-2 * Expr.i * kappa * f) * ga, printed, seed: 2))
        #expect(try !equal((gr - ga) * f, -printed, seed: 1))
        // F evaluated at the wrong frequency (ω₀ for ω) is caught: the random F is not constant.
        #expect(try !equal((gr - ga) * FPsi(omega0), printed, seed: 1))
    }

    @Test func nambuKeldyshBlocksA16A17() throws {
        // (A15): G^R = N_R/D_R with N_R = (ω + iγ)σ₀ + εσ₃ + g(ψσ₊ + ψ̄σ₋), D_R = (ω + iγ)² − E²,
        // E² = ε² + g²|ψ|²; G^A = (G^R)†. With Σ^K = −2iγ diag(F_b, F_a), G^K = G^R Σ^K G^A:
        // (G^K)_bb = −2iγ[(ω+iγ+ε)(ω−iγ+ε)F_b + g²ψψ̄ F_a]/(D_R D_A), and D_R D_A =
        // ((ω − E)² + γ²)((ω + E)² + γ²) since D_R = (ω + iγ − E)(ω + iγ + E).
        let psiBar = Expr.conj(psi), iGamma = Expr.i * gamma
        let nr = [[omega + iGamma + epsilon, g * psi], [g * psiBar, omega + iGamma - epsilon]]
        let na = [[omega - iGamma + epsilon, g * psi], [g * psiBar, omega - iGamma - epsilon]]
        let e2 = Expr.pow(epsilon, 2) + Expr.pow(g, 2) * psi * psiBar
        let dr = Expr.pow(omega + iGamma, 2) - e2, da = Expr.pow(omega - iGamma, 2) - e2
        let sigmaK = [-2 * iGamma * Fb(omega), -2 * iGamma * Fa(omega)]
        func keldysh(_ r: Int, _ c: Int) -> Expr {
            (nr[r][0] * sigmaK[0] * na[0][c] + nr[r][1] * sigmaK[1] * na[1][c]) / (dr * da)
        }
        // Printed (A16), (A17), with E = √(ε² + g²|ψ|²).
        let e = Expr.sqrt(Expr.pow(epsilon, 2) + Expr.pow(g, 2) * Expr.pow(Expr.abs(psi), 2))
        let denominator = (Expr.pow(omega - e, 2) + Expr.pow(gamma, 2)) * (Expr.pow(omega + e, 2) + Expr.pow(gamma, 2))
        let g2psi2 = Expr.pow(g, 2) * Expr.pow(Expr.abs(psi), 2)
        func a16(_ sign: Expr, _ first: Symbol, _ second: Symbol) -> Expr {
            -2 * iGamma * ((Expr.pow(omega + sign * epsilon, 2) + Expr.pow(gamma, 2)) * first(omega) + g2psi2 * second(omega))
                / denominator
        }
        let a17 = -2 * iGamma * g * psi * ((omega + epsilon + iGamma) * Fb(omega) + (omega - epsilon - iGamma) * Fa(omega))
            / denominator
        #expect(try equal(keldysh(0, 0), a16(1, Fb, Fa), seed: 3))
        #expect(try equal(keldysh(1, 1), a16(-1, Fa, Fb), seed: 4))
        #expect(try equal(keldysh(0, 1), a17, seed: 5))
        // F_b and F_a swapped in the bb entry, or the aa entry written with +ε: caught.
        #expect(try !equal(keldysh(0, 0), a16(1, Fa, Fb), seed: 3))
        #expect(try !equal(keldysh(1, 1), a16(1, Fa, Fb), seed: 4))
    }

    @Test func derivativesOfUserFunctions() throws {
        let xs = Symbol("x"), ys = Symbol("y")
        let (x, y) = (Expr.symbol(xs), Expr.symbol(ys))
        // d/dω [F(ω) G^R(ω)] = F'(ω) G^R − F(ω) (G^R)², from the core's derivative.
        let gr = 1 / (omega - omega0 + Expr.i * kappa)
        let f = FPsi(omega), fPrime = Expr.slotDerivative(f, slot: 1)
        let dProduct = (f * gr).derivative(Symbol("ω", [.real]))
        #expect(try equal(dProduct, fPrime * gr - f * Expr.pow(gr, 2), seed: 6))
        #expect(try !equal(dProduct, fPrime * gr, seed: 6))
        // ∂/∂x G(xy, x + y) = y ∂₁G + ∂₂G for a complex (holomorphic) G; the slots swapped differ.
        let G = Symbol.function("G"), gxy = G(x * y, x + y)
        let d1 = Expr.slotDerivative(gxy, slot: 1), d2 = Expr.slotDerivative(gxy, slot: 2)
        #expect(try equal(gxy.derivative(xs), y * d1 + d2, seed: 7))
        #expect(try !equal(gxy.derivative(xs), y * d2 + d1, seed: 7))
        // d²/dx² H(x²) = 2H'(x²) + 4x² H''(x²).
        let H = Symbol.function("H"), hx2 = H(Expr.pow(x, 2))
        let h1 = Expr.slotDerivative(hx2, slot: 1), h2 = Expr.slotDerivative(h1, slot: 1)
        #expect(try equal(hx2.derivative(xs).derivative(xs), 2 * h1 + 4 * Expr.pow(x, 2) * h2, seed: 8))
        #expect(try !equal(hx2.derivative(xs).derivative(xs), 2 * h1 + 2 * Expr.pow(x, 2) * h2, seed: 8))
    }

    @Test func whatHasNoRandomStandInIsRefused() {
        // A real function at a complex argument: real-valued by declaration, holomorphic by the
        // derivative rule — no function is both, so no point can be evaluated.
        let z = Expr.symbol("z")
        #expect(throws: EvaluationError.nonRealArgument("F_b")) {
            try Expr.numericallyEqual(Fb(z), Fb(z) + 0, digits: 50, samples: 2, seed: 9)
        }
        // An integer-valued function has no smooth stand-in; an integral needs quadrature
        // (KeldyshNumerics' NumericIdentityCheck).
        let n = Symbol.function("n", [.integer])
        #expect(throws: EvaluationError.userFunction("n")) {
            try Expr.numericallyEqual(n(omega), n(omega) + 0, digits: 50, samples: 2, seed: 10)
        }
        let nu = Symbol("ν", [.real])
        #expect(throws: EvaluationError.integral) {
            try Expr.numericallyEqual(Expr.integral(Fb(.symbol(nu)), nu, from: 0, to: 1), 0, digits: 50, samples: 2, seed: 11)
        }
    }
}
