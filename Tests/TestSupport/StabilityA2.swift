import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import Symbolic



/// The 6×6 stability matrix A2 of paper 003 (Appendix A), x = (δa, δa*, δS⁻, δS⁺, δT⁻, δT⁺),
/// with ⟨T^z⟩ = (γ↑ − γ↓)/(2γ_t) of the normal state; every parameter is real.
public struct StabilityA2 {
    public init() {}

    public let omegaC = Symbol("ω_c", .real), kappa = Symbol("κ", .positive)
    public let lambda = Symbol("λ", .real), eta = Symbol("η", .real), etaP = Symbol("η'", .real)
    public let omegaZ = Symbol("ω_z", .real), omegaZP = Symbol("ω'_z", .real)
    public let gammaT = Symbol("γ_t", .positive)
    public let gammaUp = Symbol("γ_↑", .positive), gammaDown = Symbol("γ_↓", .positive)

    public var parameters: [Symbol] { [omegaC, kappa, lambda, eta, etaP, omegaZ, omegaZP, gammaT, gammaUp, gammaDown] }

    public var matrix: Matrix {
        let i = Expr.i
        let (wc, k, l, e, ep) = (omegaC.expr, kappa.expr, lambda.expr, eta.expr, etaP.expr)
        let (wz, wzp, gt) = (omegaZ.expr, omegaZP.expr, gammaT.expr)
        let t = (gammaUp.expr - gammaDown.expr) / (2 * gt)
        return Matrix([
            [-i * wc - k / 2, 0, -i * l, -i * l, -i * e, 0],
            [0, i * wc - k / 2, i * l, i * l, 0, i * e],
            [-i * l, -i * l, -i * wz, 0, -i * ep, 0],
            [i * l, i * l, 0, i * wz, 0, i * ep],
            [2 * i * e * t, 0, 2 * i * ep * t, 0, -i * wzp - gt / 2, 0],
            [0, -2 * i * e * t, 0, -2 * i * ep * t, 0, i * wzp - gt / 2],
        ])
    }

    /// A random physical point: frequencies and couplings of either sign, positive rates.
    public func randomPoint(_ rng: inout SplitMix64) -> [Double] {
        parameters.map { $0.info.assumptions.contains(.positive) ? rng.uniform(0.05, 2) : rng.uniform(-2, 2) }
    }
}
