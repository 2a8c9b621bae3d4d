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
        #expect(c.equations.agrees(with: try c.base.greensFunction(), distributions: c.base.model.keldysh.distributions, background: psi).isEmpty)
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
    @Test("A38/psi_f as psi_f -> 0 is 2 sqrt 2 K1^R(0) of B15 under g0, one-shot and self-consistent")
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
            // Self-consistent: Σ[G] depends on G's Nambu-diagonal entries, even in ψ, so it does
            // not move at first order either (both sides iterate on the same nodes).
            let q2 = n.saddleQuotient(equalTime: try n.equalTimeKeldysh(.selfConsistent, nodes: nodes).ba)
            let k2 = try normal.retardedKernelAtZero(.selfConsistent, nodes: nodes)
            #expect((q2 - Complex(2 * 2.0.squareRoot(), 0) * k2).length < 1e-7, "self-consistent: \(q2) vs 2√2 × \(k2)")
            #expect((k2 - k1).length > 1e-4)
        }
    }

    /// The Nambu-diagonal entries of the hand-written G₀ at ψ_f (see `handKeldysh`).
    static func handDiagonal(_ p: [String: Double], _ w: Double) -> (rbb: Complex<Double>, raa: Complex<Double>, abb: Complex<Double>, aaa: Complex<Double>) {
        let h = Hand(p: p)
        let (g, gamma, psi, eps) = (p["g"]!, p["gamma"]!, p["psi_f"]!, h.eps)
        let d = Complex(w - eps, gamma) * Complex(w + eps, gamma) - Complex(g * g * psi * psi, 0)
        let rbb = Complex(w + eps, gamma) / d, raa = Complex(w - eps, gamma) / d
        return (rbb, raa, rbb.conjugate, raa.conjugate)
    }

    @Test("Σ[G0] at psi_f in closed form equals A53, A54, A57, A58 with the hand-written G0 at psi_f, by quadrature")
    func selfEnergyAtCondensate() throws {
        let p = Self.point
        let (_, n) = try Self.numerics(p)
        let hd = Hand(p: p)
        let c = Complex(0, 1 / (4 * Double.pi))   // i g²/(4π), g = 1
        for w in [0.0, 0.7, -3.0] {
            let sigma = try n.selfEnergy(at: w)
            let G = { (v: Double) in Self.handDiagonal(p, v) }, K = { (v: Double) in Self.handKeldysh(p, v) }
            // A53, A54, A57, A58 in the Dyson sign; the model reads Σ with A23's sign: negatives.
            let rbb = try Hand.integral { v in c * (G(v).raa * hd.kpsi(w - v) + K(v).aa * hd.rpsi(w - v)) }
            let raa = try Hand.integral { v in c * (G(v).rbb * hd.kpsi(v - w) + K(v).bb * hd.apsi(v - w)) }
            let kbb = try Hand.integral { v in c * (K(v).aa * hd.kpsi(w - v) + G(v).raa * hd.rpsi(w - v) + G(v).aaa * hd.apsi(w - v)) }
            let kaa = try Hand.integral { v in c * (K(v).bb * hd.kpsi(v - w) + G(v).abb * hd.rpsi(v - w) + G(v).rbb * hd.apsi(v - w)) }
            // A55–A56 (the advanced entries): the numerics take them as R's conjugates, proven on
            // the densities (`SelfEnergyFractions.conjugates`); the quadrature of the hand-written
            // A densities checks that reading.
            let abb = try Hand.integral { v in c * (G(v).aaa * hd.kpsi(w - v) + K(v).aa * hd.apsi(w - v)) }
            let aaa = try Hand.integral { v in c * (G(v).abb * hd.kpsi(v - w) + K(v).bb * hd.rpsi(v - w)) }
            for (closed, hand, name) in [(sigma.r.bb, rbb, "R_bb"), (sigma.r.aa, raa, "R_aa"), (sigma.k.bb, kbb, "K_bb"), (sigma.k.aa, kaa, "K_aa"),
                                         (sigma.a.bb, abb, "A_bb"), (sigma.a.aa, aaa, "A_aa")] {
                #expect((closed + hand).length < 1e-9 * max(1, hand.length), "Σ^\(name)(\(w)): closed form \(closed), quadrature \(-hand)")
            }
        }
        let (c2, _) = try Self.numerics(p)
        #expect(c2.problem.conjugateEntries.map { [$0.entry, $0.of] } == [[2, 0], [5, 3]])
    }

    static let fig2 = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "TF=0.1", "xi=0", "Omega=2.5"]

    @Test("a g0 condensate (muB = 0.5) zeroes A38 with the hand-written G0^K_ba, by Gauss–Kronrod")
    func g0CondensateZeroesHandA38() throws {
        var o = CondensateOptions(model: CondensationThresholdTests.model)
        o.settings = Self.fig2 + ["muB=0.5", "h=0.7"]
        o.reading = .g0
        let r = try solveCondensate(o)
        #expect(r.result.solutions.count == 1)
        let s = try #require(r.result.solutions.first)
        #expect(Condensate.digits(s.mu, error: s.muError) >= 6 && Condensate.digits(s.psi, error: s.psiError) >= 6)
        var p = Self.point
        p["muB"] = 0.5; p["h"] = 0.7; p["xi"] = 0; p["muS"] = s.mu; p["psi_f"] = s.psi
        let gk = try Hand.integral { Self.handKeldysh(p, $0).ba } / Complex(2 * Double.pi, 0)
        // A38 as printed: (ω₀ − μ_S − iκ)ψ_f = i(g/2) G^K_ba(τ = 0).
        let lhs = Complex(p["w0"]! - s.mu, -p["kappa"]!) * Complex(s.psi, 0), rhs = Complex(0, 0.5) * gk
        #expect((lhs - rhs).length < 1e-7 * lhs.length, "A38 by hand at the condensate: \(lhs) vs \(rhs)")
    }

    @Test("first-order condensates: the polarisation obeys Sec. IV's formula, and psi_f^2 grows linearly from the a38 threshold")
    func firstOrderBranch() throws {
        var t = CondensationOptions(model: CondensationThresholdTests.model, vary: "h", interval: "0.1:2")
        t.settings = Self.fig2 + ["muB=-0.5"]
        t.reading = .firstOrder
        t.criterion = .a38
        let hc = try findCondensationThreshold(t).threshold
        #expect(hc.digits >= 6)
        var amplitudes: [Double] = []
        for dh in [2e-3, 4e-3] {
            var o = CondensateOptions(model: CondensationThresholdTests.model)
            o.settings = Self.fig2 + ["muB=-0.5", "h=\(hc.value + dh)"]
            o.reading = .firstOrder
            o.starts = [(hc.frequency, 0.02)]
            let s = try #require(try solveCondensate(o).result.solutions.first)
            // Sec. IV: |⟨a†b⟩| = √((ω₀ − μ_S)² + κ²)|ψ| (g = 1), a consequence of A38 at any solution.
            let formula = (s.mu * s.mu + 0.25 * 0.25).squareRoot() * s.psi
            #expect(abs(s.polarisation - formula) < 1e-7 * formula, "polarisation \(s.polarisation) vs \(formula)")
            #expect(abs(s.mu - hc.frequency) < 0.02, "μ_S \(s.mu) far from the threshold's \(hc.frequency)")
            amplitudes.append(s.psi * s.psi)
        }
        // A pitchfork's normal form: ψ_f² ∝ h − h_c near the threshold, so doubling h − h_c doubles ψ_f².
        #expect(abs(amplitudes[1] / amplitudes[0] - 2) < 0.05, "ψ² ratio \(amplitudes[1] / amplitudes[0])")
    }

    /// A 2 × 2 scan against solves at its points (a second route: each point solved alone from
    /// the same start, not continued): grid.csv holds the same μ_S and ψ_f to the digits the
    /// node rules verified.
    @Test("a field-theory scan's grid.csv holds what solve finds at each point")
    func scanAgreesWithSolve() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kk-scan-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var b = CondensateOptions(model: CondensationThresholdTests.model)
        b.settings = Self.fig2 + ["muB=-0.5"]
        b.reading = .firstOrder
        b.starts = [(-0.08, 0.35)]
        var o = CondensateScanOptions(base: b, x: "xi=-0.5:0.5:2", y: "h=0.7:0.8:2", out: out)
        o.progress = false
        let summary = try condensateScan(o)
        #expect(summary.condensed == 4 && summary.normal == 0)
        let rows = try String(contentsOfFile: out + "/grid.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.count == 4)
        for row in rows {
            let f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var one = b
            one.settings = b.settings.filter { !$0.hasPrefix("xi=") } + ["xi=\(f[0])", "h=\(f[1])"]
            let s = try #require(try solveCondensate(one).result.solutions.last)
            #expect(abs(Double(f[3])! - s.mu) < 1e-5 && abs(Double(f[4])! - s.psi) < 1e-5, "\(row) vs μ_S \(s.mu), ψ_f \(s.psi)")
        }
        // The ψ_f panel beside the class map: its colour bar tops out at grid.csv's largest ψ_f.
        let svg = try String(contentsOfFile: out + "/diagram.svg", encoding: .utf8)
        let largest = rows.map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[4])! }.max()!
        #expect(svg.contains("psi_f of the condensate") && svg.contains(">\(String(format: "%.2g", largest))</text>"), "ψ_f panel, max \(largest)")
    }
}
