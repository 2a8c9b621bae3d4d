import ComplexModule
import Foundation
import KeldyshNumerics
import RealModule
import Symbolic
import Testing
@testable import Analysis
@testable import Derivations

/// Paper 000's condensed state ψ_f ≠ 0 (issue 13, `keldysh solve`): G₀ with the background
/// against the derived G and against the hand-written A14 kernel (Gauss–Kronrod), and the
/// saddle point A38 linearised in ψ_f against B15 — two derivations that must meet.
@Suite("Paper 000: the condensed state (A60–A61)")
struct CondensateSolveTests {
    typealias Hand = CondensationThresholdTests.Hand

    static let point: [String: Double] = ["g": 1, "eps0": 0, "w0": 0, "gamma": 0.75, "kappa": 0.25, "muB": -0.5,
                                          "TF": 0.1, "xi": 0.3, "Omega": 2.5, "h": 0.7, "muS": -0.4, "psi_f": 0.3]

    static func numerics(_ values: [String: Double]) throws -> (CondensateModel, CondensedNumerics) {
        let c = try CondensateModel.load(path: CondensationThresholdTests.model)
        let n = CondensedNumerics(c.problem)
        n.set(c.problem.parameters.map { values[$0.name]! })
        return (c, n)
    }

    @Test("the factored G0 entries at psi_f equal the derived G0 (cancelled differences)")
    func factoredGreensAgree() throws {
        let c = try CondensateModel.load(path: CondensationThresholdTests.model)
        let psi = c.base.background[0]
        #expect(c.equations.agrees(with: c.base.greensFunction, distributions: c.base.model.keldysh.distributions, background: psi).isEmpty)
    }

    /// G₀ at ψ_f from the kernel of Eq. 7/A14 typed by hand: K^R = [[ω − ε + iγ, −gψ], [−gψ, ω + ε + iγ]],
    /// ε = ε₀ − μ_S/2, K^K = diag(2iγF_b(ω + μ_S/2), 2iγF_a(ω − μ_S/2)), K^A = K^R with −iγ;
    /// G^K = −G^R K^K G^A.
    static func handKeldysh(_ p: [String: Double], _ w: Double) -> (ba: Complex<Double>, bb: Complex<Double>, aa: Complex<Double>) {
        let h = Hand(p: p)
        let (g, gamma, psi, eps, mu) = (p["g"]!, p["gamma"]!, p["psi_f"]!, h.eps, p["muS"]!)
        func inverse(_ m: [[Complex<Double>]]) -> [[Complex<Double>]] {
            let d = m[0][0] * m[1][1] - m[0][1] * m[1][0]
            return [[m[1][1] / d, -m[0][1] / d], [-m[1][0] / d, m[0][0] / d]]
        }
        let off = Complex(-g * psi, 0)
        let r = inverse([[Complex(w - eps, gamma), off], [off, Complex(w + eps, gamma)]])
        let a = inverse([[Complex(w - eps, -gamma), off], [off, Complex(w + eps, -gamma)]])
        let k = [Complex(0, 2 * gamma * h.fb(w + mu / 2)), Complex(0, 2 * gamma * h.fa(w - mu / 2))]
        func entry(_ i: Int, _ j: Int) -> Complex<Double> {
            var s = Complex<Double>.zero
            for q in 0..<2 { s += r[i][q] * k[q] * a[q][j] }
            return -s
        }
        return (entry(0, 1), entry(0, 0), entry(1, 1))
    }

    @Test("G0^K(tau = 0) at psi_f in closed form equals the hand-written A14 kernel's, by Gauss–Kronrod")
    func closedFormEqualTime() throws {
        for mu in [-0.4, 0.15] {
            var p = Self.point
            p["muS"] = mu
            let (_, n) = try Self.numerics(p)
            let closed = try n.equalTimeKeldysh(.g0, nodes: nil)
            let twoPi = Complex(2 * Double.pi, 0)
            let ba = try Hand.integral { Self.handKeldysh(p, $0).ba } / twoPi
            let bb = try Hand.integral { Self.handKeldysh(p, $0).bb } / twoPi
            let aa = try Hand.integral { Self.handKeldysh(p, $0).aa } / twoPi
            #expect((closed.ba - ba).length < 1e-10, "G^K_ba: \(closed.ba) vs \(ba)")
            #expect((closed.bb - bb).length < 1e-10, "G^K_bb: \(closed.bb) vs \(bb)")
            #expect((closed.aa - aa).length < 1e-10, "G^K_aa: \(closed.aa) vs \(aa)")
            #expect(ba.length > 1e-3)
        }
    }

    /// A38 is δS/δψ̄_q = √2[(μ_S − ω₀ + iκ)ψ_f + (ig/2)G^K_ba(τ = 0)]; B15's tree is
    /// ½(μ_S − ω₀ + iκ), its loop the fermion bubble. Linearised in ψ_f with G(ψ) a solution of a
    /// Dyson equation whose Σ does not move at first order in ψ (G₀, or G₀⁻¹ + Σ[G₀] inverted),
    /// ∂G/∂ψ = G (∂G⁻¹/∂ψ) G is that bubble, so A38/ψ_f → 2√2 K₁^R(0) as ψ_f → 0. Checked at ψ_f
    /// = 10⁻⁶ (A38/ψ_f is even in ψ_f: the remainder is O(10⁻¹²)) against B15 by hand (G₀) and
    /// against the compiled B15 (one-shot).
    @Test("A38/psi_f as psi_f -> 0 is 2 sqrt 2 K1^R(0) of B15 under g0 and one-shot")
    func linearisedSaddleIsB15() throws {
        for mu in [-0.4, 0.1] {
            var p = Self.point
            p["muS"] = mu
            p["psi_f"] = 1e-6
            let (_, n) = try Self.numerics(p)
            let q0 = n.saddleQuotient(equalTime: try n.equalTimeKeldysh(.g0, nodes: nil).ba)
            let hand = try Hand(p: p).kernel()
            #expect((q0 - Complex(2 * 2.0.squareRoot(), 0) * hand).length < 1e-8, "g0: \(q0) vs 2√2 × \(hand)")
            let nodes = FrequencyNodes(step: 1.0 / 16)
            let q1 = n.saddleQuotient(equalTime: try n.equalTimeKeldysh(.oneShot, nodes: nodes).ba)
            let (_, normal) = try CondensationThresholdTests.numerics(p)
            let k1 = try normal.retardedKernelAtZero(.oneShot, nodes: nodes)
            #expect((q1 - Complex(2 * 2.0.squareRoot(), 0) * k1).length < 1e-7, "one-shot: \(q1) vs 2√2 × \(k1)")
        }
    }
}
