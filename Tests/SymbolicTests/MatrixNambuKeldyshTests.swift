import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// The 4×4 Nambu ⊗ Keldysh Green's function of paper 000 (Eqs. A14–A17): Keldysh blocks
/// [[R, K], [0, A]] of 2×2 Nambu blocks (b, a), obtained by block inversion of
/// [[(G^R)⁻¹, (G⁻¹)^K], [0, (G^A)⁻¹]] and compared with the printed closed forms at random
/// exact points.
@Suite struct MatrixNambuKeldyshTests {
    let omega = Expr.symbol("ω", .real), gamma = Expr.symbol("γ", .positive)
    let epsilon = Expr.symbol("ε", .real), g = Expr.symbol("g_α", .real), psi = Expr.symbol("ψ")
    let fb = Symbol.function("F_b", .real), fa = Symbol.function("F_a", .real)

    @Test func tavisCummingsGreensFunctionA14toA17() throws {
        let i = Expr.i
        let s0 = Matrix.identity(2), s3: Matrix = [[1, 0], [0, -1]]
        let sPlus: Matrix = [[0, 1], [0, 0]], sMinus: Matrix = [[0, 0], [1, 0]]
        let coupling = g * psi * sPlus + g * Expr.conj(psi) * sMinus
        // (G^R)⁻¹ = (ω + iγ)σ₀ − εσ₃ − g(ψσ₊ + ψ̄σ₋), (G^A)⁻¹ its adjoint, (G⁻¹)^K = 2iγ diag(F_b, F_a):
        // the Nambu structure whose inverse A15 prints (A15's numerator is the adjugate of this matrix).
        let rInv = (omega + i * gamma) * s0 - epsilon * s3 - coupling
        let aInv = rInv.adjoint
        #expect(aInv == (omega - i * gamma) * s0 - epsilon * s3 - coupling)
        let kInv = Matrix.diagonal([2 * i * gamma * fb(omega), 2 * i * gamma * fa(omega)])
        let inverseG = Matrix.block([[rInv, kInv], [Matrix.zero(2, 2), aInv]])
        let g0 = try inverseG.inverse(blockSize: 2)
        // A14: the lower-left Keldysh block of G₀ vanishes.
        #expect(g0.block(1, 0, size: 2) == Matrix.zero(2, 2))

        // A15: G^{R/A} = ((ω ± iγ)σ₀ + εσ₃ + g(ψσ₊ + ψ̄σ₋)) / (ω² − E² ± 2iγω − γ²), E² = ε² + g²|ψ|².
        let e2 = Expr.pow(epsilon, 2) + Expr.pow(g, 2) * psi * Expr.conj(psi)
        func a15(_ sign: Expr) -> Matrix {
            let den = Expr.pow(omega, 2) - e2 + sign * 2 * i * gamma * omega - Expr.pow(gamma, 2)
            return ((omega + sign * i * gamma) * s0 + epsilon * s3 + coupling).map { $0 / den }
        }
        // A16–A17 with ψ_f = ψ; the denominator ((ω − E)² + γ²)((ω + E)² + γ²) written without E:
        // it equals (ω² + E² + γ²)² − 4ω²E² (multiply out by hand).
        let den = Expr.pow(Expr.pow(omega, 2) + e2 + Expr.pow(gamma, 2), 2) - 4 * Expr.pow(omega, 2) * e2
        let psi2 = psi * Expr.conj(psi), g2 = Expr.pow(g, 2)
        let kbb = -2 * i * gamma * ((Expr.pow(omega + epsilon, 2) + Expr.pow(gamma, 2)) * fb(omega) + g2 * psi2 * fa(omega)) / den
        let kaa = -2 * i * gamma * ((Expr.pow(omega - epsilon, 2) + Expr.pow(gamma, 2)) * fa(omega) + g2 * psi2 * fb(omega)) / den
        let kba = -2 * i * gamma * g * psi
            * ((omega + epsilon + i * gamma) * fb(omega) + (omega - epsilon - i * gamma) * fa(omega)) / den
        // A17: G^K_ab = −(G^K_ba)*.
        let kab = -Expr.conj(kba)
        let expected = Matrix.block([[a15(1), [[kbb, kba], [kab, kaa]]], [Matrix.zero(2, 2), a15(-1)]])

        var rng = SplitMix64(seed: 14)
        for _ in 0..<8 {
            let point: [Expr: GaussianRational] = [
                omega: GaussianRational(rng.rational()), gamma: GaussianRational(rng.rational(positive: true)),
                epsilon: GaussianRational(rng.rational()), g: GaussianRational(rng.rational()),
                psi: rng.gaussian(),
                fb(omega): GaussianRational(rng.rational()), fa(omega): GaussianRational(rng.rational()),
            ]
            let got = MatrixExact.values(g0, at: point), want = MatrixExact.values(expected, at: point)
            #expect(got != nil && got == want)
        }
    }
}
