import ArbitraryPrecision
import ComplexModule
import Foundation
import KeldyshNumerics
import RealModule
import Symbolic
import Testing
@testable import Analysis
@testable import Derivations
@testable import FieldTheory

/// Paper 000's normal state in numbers (issue 13): the drive-independence of the saddle point
/// under G = G₀ (symbolic), the compiled K₁^R(0) against B15 written by hand from A15–A16 and
/// A19–A20, the closed-form Σ[G₀] against adaptive quadrature of A53–A58 written by hand, and a
/// threshold's defining property checked with the hand-written kernel.
@Suite("Paper 000: condensation threshold numerics")
struct CondensationThresholdTests {
    static let model = SelfEnergyStepTests.folder.appendingPathComponent("model.kd").path

    /// Fig. 2's parameters (g = 1, ε₀ = ω₀ = 0, γ = 0.75, κ = 0.25, μ_B = −0.5, T_F = 0.1, ξ = 0,
    /// Ω = 10κ) with a drive h and a frame frequency μ_S chosen off any symmetry point.
    static let point: [String: Double] = ["g": 1, "eps0": 0, "w0": 0, "gamma": 0.75, "kappa": 0.25, "muB": -0.5,
                                          "TF": 0.1, "xi": 0.3, "Omega": 2.5, "h": 0.7, "muS": -0.4]

    /// Fig. 2's point without the drive (h = 0, ξ = 0): under g0 a threshold in μ_B exists.
    static let undrivenSettings = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "h=0", "TF=0.1", "xi=0", "Omega=2.5"]

    static func numerics(_ values: [String: Double]) throws -> (CondensationModel, CondensationNumerics) {
        let c = try CondensationModel.load(path: model)
        let n = CondensationNumerics(c.problem)
        n.set(c.problem.parameters.map { values[$0.name]! })
        return (c, n)
    }

    /// The hand-written functions of A15–A16 (ψ = 0, distributions shifted by the frame:
    /// docs/errata.md) and A19–A20 in the frame (ω₀ → ω₀ − μ_S, F_Ψ(x + μ_S)).
    struct Hand {
        let p: [String: Double]
        var eps: Double { p["eps0"]! - p["muS"]! / 2 }
        func fb(_ x: Double) -> Double { Double.tanh((x - p["muB"]!) / (2 * p["TF"]!)) }
        func fa(_ x: Double) -> Double { Double.tanh((x + p["muB"]!) / (2 * p["TF"]!)) }
        func rbb(_ v: Double) -> Complex<Double> { 1 / Complex(v - eps, p["gamma"]!) }
        func raa(_ v: Double) -> Complex<Double> { 1 / Complex(v + eps, p["gamma"]!) }
        func kbb(_ v: Double) -> Complex<Double> {
            let g = p["gamma"]!
            return Complex(0, -2 * g * fb(v + p["muS"]! / 2) / ((v - eps) * (v - eps) + g * g))
        }
        func kaa(_ v: Double) -> Complex<Double> {
            let g = p["gamma"]!
            return Complex(0, -2 * g * fa(v - p["muS"]! / 2) / ((v + eps) * (v + eps) + g * g))
        }
        var w: Double { p["w0"]! - p["muS"]! }
        func fpsi(_ y: Double) -> Double { 1 + 2 * p["h"]! * 2 * p["Omega"]! / ((y - p["xi"]!) * (y - p["xi"]!) + p["Omega"]! * p["Omega"]!) }
        func rpsi(_ x: Double) -> Complex<Double> { 1 / Complex(x - w, p["kappa"]!) }
        func apsi(_ x: Double) -> Complex<Double> { 1 / Complex(x - w, -p["kappa"]!) }
        func kpsi(_ x: Double) -> Complex<Double> {
            let k = p["kappa"]!
            return Complex(0, -2 * k * fpsi(x + p["muS"]!) / ((x - w) * (x - w) + k * k))
        }

        /// ∫_{−∞}^{∞} of a complex function by adaptive Gauss–Kronrod on each part.
        static func integral(_ f: (Double) -> Complex<Double>) throws -> Complex<Double> {
            let re = try integrate({ f($0).real }, from: -.infinity, to: .infinity, absoluteTolerance: 1e-13, relativeTolerance: 1e-12, maxSubintervals: 4000)
            let im = try integrate({ f($0).imaginary }, from: -.infinity, to: .infinity, absoluteTolerance: 1e-13, relativeTolerance: 1e-12, maxSubintervals: 4000)
            return Complex(re.value, im.value)
        }

        /// B15 at ω = 0 with G = G₀.
        func kernel() throws -> Complex<Double> {
            let loop = try Hand.integral { v in self.rbb(v) * self.kaa(v) + self.kbb(v) * self.raa(v).conjugate }
            let g = p["g"]!
            return Complex(0.5 * (-w), 0.5 * p["kappa"]!) + Complex(0, g * g / 4) * loop / Complex(2 * Double.pi, 0)
        }
    }

    @Test("under G = G0 the saddle point does not depend on the drive; Σ does")
    func driveDropsOutUnderG0() throws {
        let c = try CondensationModel.load(path: Self.model)
        let h = try c.parameters.symbol(named: "h")
        // A38's G^K_ba(τ = 0) under G = G₀ is ∫dω/2π G₀^K_ba(ω) (A17): made of F_b and F_a only.
        #expect(try c.saddlePointIntegrand().contains(try c.parameters.symbol(named: "muB")))
        #expect(try c.saddlePointIntegrand().derivative(h).cancel().isZero)
        // The whole of K₁^R(0) under G = G₀ too (what `threshold --reading g0` refuses on); μ_B,
        // the fermion baths' chemical potential, does enter.
        #expect(try c.independentUnderG0(of: h))
        #expect(try !c.independentUnderG0(of:  c.parameters.symbol(named: "muB")))
        // Σ^R_bb (A53) holds G^K_ψ, hence F_Ψ = 1 + 2n_B, hence h: its fractions, with G₀ and
        // G_ψ written out, depend on h.
        let pieces = c.fractions.pieces["R_bb"]!
        #expect(pieces.contains { p in p.numerator.contains { !$0.derivative(h).isZero } })
    }

    @Test("K1^R(0) under G = G0 equals B15 written by hand, integrated by Gauss–Kronrod")
    func loopMatchesHandWrittenB15() throws {
        let (_, n) = try Self.numerics(Self.point)
        let compiled = try n.retardedKernelAtZero(.g0, nodes: FrequencyNodes(step: 1.0 / 32))
        let hand = try Hand(p: Self.point).kernel()
        #expect((compiled - hand).length < 1e-9, "compiled \(compiled), hand \(hand)")
    }

    @Test("the closed-form Σ[G0] equals A53, A54, A57, A58 written by hand, by quadrature")
    func selfEnergyMatchesQuadrature() throws {
        let (_, n) = try Self.numerics(Self.point)
        let hd = Hand(p: Self.point)
        let c = Complex(0, 1 / (4 * Double.pi))   // i g²/(4π), g = 1
        for w in [0.0, 0.7, -3.0] {
            let sigma = try n.selfEnergy(at: w)
            // A53, A54, A57, A58 in the Dyson sign (G⁻¹ = G₀⁻¹ − Σ); the model reads Σ with A23's
            // sign (G⁻¹ = G₀⁻¹ + Σ), so the compiled entries are their negatives.
            let rbb = try Hand.integral { v in c * (hd.raa(v) * hd.kpsi(w - v) + hd.kaa(v) * hd.rpsi(w - v)) }
            let raa = try Hand.integral { v in c * (hd.rbb(v) * hd.kpsi(v - w) + hd.kbb(v) * hd.apsi(v - w)) }
            let kbb = try Hand.integral { v in c * (hd.kaa(v) * hd.kpsi(w - v) + hd.raa(v) * hd.rpsi(w - v) + hd.raa(v).conjugate * hd.apsi(w - v)) }
            let kaa = try Hand.integral { v in c * (hd.kbb(v) * hd.kpsi(v - w) + hd.rbb(v).conjugate * hd.rpsi(v - w) + hd.rbb(v) * hd.apsi(v - w)) }
            for (closed, hand, name) in [(sigma.b.r, rbb, "R_bb"), (sigma.a.r, raa, "R_aa"), (sigma.b.k, kbb, "K_bb"), (sigma.a.k, kaa, "K_aa")] {
                #expect((closed + hand).length < 1e-9 * max(1, hand.length), "Σ^\(name)(\(w)): closed form \(closed), quadrature \(-hand)")
            }
        }
    }

    /// Σ^A(ω) = Σ^R(ω)‾ on the real axis (G^A = G^R‾ for real ω, and the distributions are
    /// real), so the numerics take A as R's conjugate; the proof is symbolic, on the written
    /// densities. Checked here: the proof finds both species (and refuses R as its own
    /// conjugate), and A from its own derived fractions (a problem without the pairing) is R's
    /// conjugate to rounding at nodes near and far.
    @Test("Σ^A is proven to be Σ^R conjugated, and its own fractions agree")
    func advancedIsConjugateOfRetarded() throws {
        let c = try CondensationModel.load(path: Self.model)
        #expect(c.fractions.conjugates == ["A_bb": "R_bb", "A_aa": "R_aa"])
        #expect(c.problem.conjugateEntries.map { [$0.entry, $0.of] } == [[2, 0], [5, 3]])
        let nu = Expr.symbol(Symbol("nu", [.real]))
        #expect(!SelfEnergyFractions.isConjugate(Expr.pow(nu - .i, .minusOne), of: Expr.pow(nu - .i, .minusOne)))
        #expect(SelfEnergyFractions.isConjugate(Expr.pow(nu + .i, .minusOne), of: Expr.pow(nu - .i, .minusOne)))
        let p = c.problem
        let unpaired = CondensationProblem(parameters: p.parameters, kernel: p.kernel, sigma: p.sigma, pieces: p.pieces, loop: p.loop,
                                           tree: p.tree, density: p.density, selfEnergySign: Int(p.selfEnergySign))
        let paired = CondensationNumerics(p), own = CondensationNumerics(unpaired)
        let values = p.parameters.map { Self.point[$0.name]! }
        paired.set(values)
        own.set(values)
        for w in [0.0, 0.7, -3.0, 41.5, -2.0e3] {
            let a = try paired.selfEnergy(at: w), b = try own.selfEnergy(at: w)
            for (x, y) in [(a.b.a, b.b.a), (a.a.a, b.a.a)] {
                // Far out Σ^A ~ 10⁻⁴ is what is left of O(1) pieces: the rounding is absolute there.
                #expect((x - y).length <= 1e-14 * max(1, y.length), "Σ^A at ω = \(w): conjugate of R \(x), own fractions \(y)")
            }
            #expect(a.b.r == b.b.r && a.a.k == b.a.k)
        }
    }

    /// The fast path (flattened plans, shared digammas) claims the general path's arithmetic
    /// step for step; a shared ψ is the same ψ (bitwise memo; ψ(z̄) = ψ(z)‾ exactly). So the
    /// two must agree to the bit, at nodes near the poles and far out (|ν| ~ 10⁴), at a second
    /// parameter point after `set` (the per-point memo is renewed) and where κ = Ω with ξ = ω₀
    /// puts two photon poles on each other (a double pole: the fast path must hand it over).
    @Test("the fast closed-form Σ[G0] equals the general path to the bit")
    func fastClosedFormIsTheGeneralOne() throws {
        let far = FrequencyNodes(step: 1.0 / 4).x
        for point in Self.closedFormPoints {
            let (_, fast) = try Self.numerics(point)
            fast.translationPlans = false
            let (_, general) = try Self.numerics(point)
            general.generalClosedForms = true
            for w in [0.0, 0.7, -3.0, -0.2] + far {
                let a = try fast.selfEnergy(at: w).entries, b = try general.selfEnergy(at: w).entries
                for k in 0..<6 {
                    #expect(a[k].real.bitPattern == b[k].real.bitPattern && a[k].imaginary.bitPattern == b[k].imaginary.bitPattern,
                            "entry \(k) at ω = \(w), \(point): fast \(a[k]), general \(b[k])")
                }
            }
        }
    }

    /// The benchmark point, a second one, and κ = Ω with ξ = ω₀ (a photon pole on a drive pole:
    /// a double pole, which only the general path takes).
    static let closedFormPoints = [Self.point, Self.point.merging(["muS": 0.35, "h": 2.5, "xi": -1]) { $1 },
                                   Self.point.merging(["Omega": 0.25, "xi": 0]) { $1 }]

    @Test("the translation plans (poles fixed or moving rigidly with ω) give Σ to rounding; the per-node roots lose digits far out")
    func translatedClosedFormAgainstMPFR() throws {
        let far = FrequencyNodes(step: 1.0 / 4).x
        for (index, point) in Self.closedFormPoints.enumerated() {
            let (c, translated) = try Self.numerics(point)
            let (_, perNode) = try Self.numerics(point)
            perNode.translationPlans = false
            // The reference: the MPFR closed forms at 128 bits at the same (binary) parameters;
            // the third point has a double pole, which only the Double general path takes, so
            // there the per-node path (the general path's bits, above) is the reference.
            let precise = PreciseCondensationNumerics(c.problem, precision: 128)
            precise.set(c.problem.parameters.map { BigFloat(point[$0.name]!, precision: 128) })
            var worst = (translated: 0.0, perNode: 0.0)
            for w in [0.0, 0.7, -3.0, -0.2, 1e-9] + far {
                let a = try translated.selfEnergy(at: w).entries, b = try perNode.selfEnergy(at: w).entries
                let r = index < 2 ? try precise.selfEnergy(at: BigFloat(w, precision: 128)).entries.map { $0.toComplexDouble() } : b
                // Each entry is a sum of residues times ψ that cancel down to Σ ~ 1/ω: the
                // rounding is measured against the largest entry of the two species, and it grows
                // with |ω| (the residues' size over the sum's), about like |ω|^2.5 (measured:
                // 2·10⁻¹³, 4·10⁻¹², 1.3·10⁻⁹ at |ω| = 149, 793, 6704).
                let scale = max(r[0].length, r[1].length, r[3].length, r[4].length)
                let tolerance = 2e-13 * max(1, Double.pow(abs(w) / 100, 2.5))
                for k in 0..<6 {
                    let e = (a[k] - r[k]).length / scale
                    worst.translated = max(worst.translated, e)
                    worst.perNode = max(worst.perNode, (b[k] - r[k]).length / scale)
                    #expect(e < tolerance, "entry \(k) at ω = \(w), \(point): translated \(a[k]), reference \(r[k])")
                }
            }
            print("Σ against MPFR at point \(index): translation plans \(worst.translated), per-node roots \(worst.perNode) of the entries' scale")
        }
    }

    @Test("where a moving pole meets a fixed one (kappa = gamma) the node leaves its plan and takes the general path's double pole")
    func translationPlanMissTakesTheDoublePole() throws {
        // κ = γ: the photon's poles (ω-dependent, Im ±κ) meet the fermions' (Im ±γ) at the ω
        // where their real parts agree; with ε₀ = ω₀ = 0 in the frame those are ω = ±μ_S/2 or
        // ±3μ_S/2 (fermions at ∓μ_S/2, photon at −μ_S, by the frame of model.kd).
        let point = Self.point.merging(["kappa": 0.75]) { $1 }
        let (_, translated) = try Self.numerics(point)
        let (_, general) = try Self.numerics(point)
        general.generalClosedForms = true
        let mu = point["muS"]!
        for w in [0.5 * mu, -0.5 * mu, 1.5 * mu, -1.5 * mu, 0.3] {
            let a = try translated.selfEnergy(at: w).entries, b = try general.selfEnergy(at: w).entries
            let scale = max(b[0].length, b[1].length, b[3].length, b[4].length)
            for k in 0..<6 { #expect((a[k] - b[k]).length < 1e-13 * scale, "entry \(k) at ω = \(w): \(a[k]) against \(b[k])") }
        }
        #expect(translated.translationPlanMisses > 0, "no node met a double pole: the test does not exercise the miss")
    }

    @Test("a threshold under G = G0 (varying muB): B15 by hand vanishes at the (muS, muB) found")
    func thresholdZeroesTheHandKernel() throws {
        var o = CondensationOptions(model: Self.model, vary: "muB", interval: "-1:2")
        o.settings = Self.undrivenSettings
        o.reading = .g0
        o.digits = 6
        let t = try findCondensationThreshold(o)
        #expect(t.threshold.digits >= 6)
        var p = Self.point
        p["h"] = 0
        p["xi"] = 0
        p["muB"] = t.threshold.value
        p["muS"] = t.threshold.frequency
        let k = try Hand(p: p).kernel()
        #expect(k.length < 1e-7, "K1^R(0) by hand at the threshold: \(k)")
        // The inversion it needs: μ_B > 0 (upper level favoured, Eq. 5), a laser's threshold.
        #expect(t.threshold.value > 0)
    }
}
