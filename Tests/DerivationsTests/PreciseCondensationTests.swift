import ArbitraryPrecision
import ComplexModule
import Foundation
import KeldyshNumerics
import Testing
@testable import Analysis
@testable import Derivations

/// Paper 000's condensation threshold to many digits (issue 13): K₁^R(0) of B15 in MPFR against
/// the Double route on the same node rule and against an independent mpmath evaluation of the
/// hand-typed equations; the threshold polished in MPFR against mpmath's.
@Suite("Paper 000: the condensation threshold to many digits (MPFR)")
struct PreciseCondensationTests {
    static let model = CondensationThresholdTests.model
    /// Fig. 2's point (ξ = 0, Ω = 10κ) with (μ_S, h) = (−0.4, 0.7), off the threshold; exact decimals.
    static let point = ["g": "1", "eps0": "0", "w0": "0", "gamma": "0.75", "kappa": "0.25", "muB": "-0.5",
                        "TF": "0.1", "xi": "0", "Omega": "2.5", "h": "0.7", "muS": "-0.4"]
    static let settings = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "muB=-0.5", "TF=0.1", "xi=0", "Omega=2.5"]

    static func precise(_ bits: Int) throws -> PreciseCondensationNumerics {
        let c = try CondensationModel.load(path: model)
        let n = PreciseCondensationNumerics(c.problem, precision: bits)
        n.set(c.problem.parameters.map { BigFloat(point[$0.name]!, precision: bits)! })
        return n
    }

    @Test("K1^R(0) in MPFR equals the Double K1^R(0) on the same two rules (steps 1/16, 1/32, |t| <= 2.6)")
    func sameRuleAsDouble() throws {
        let n = try Self.precise(128)
        let k = try n.retardedKernelAtZero(.firstOrder, nodes: PreciseFrequencyNodes(divisions: 16, limit: 2.6, precision: 128))
        let (_, d) = try CondensationThresholdTests.numerics(Self.point.mapValues { Double($0)! })
        let fine = try d.retardedKernelAtZero(.firstOrder, nodes: FrequencyNodes(step: 1.0 / 32))
        let coarse = try d.retardedKernelAtZero(.firstOrder, nodes: FrequencyNodes(step: 1.0 / 16))
        // The same sums term by term: they differ by Double's rounding (T_F = 0.1 is not exact in
        // Double, ~1e-17) and by the closed forms' rounding in Double (~1e-14 at |ν| ~ 10⁴).
        #expect((k.fine.toComplexDouble() - fine).length < 1e-12, "MPFR \(k.fine.toComplexDouble()), Double \(fine)")
        #expect((k.coarse.toComplexDouble() - coarse).length < 1e-12, "MPFR \(k.coarse.toComplexDouble()), Double \(coarse)")
        // The tail beyond |t| = 2.6 (|ν| ≈ 1.6·10⁴) is what these rules miss: ~|ν·f| there.
        #expect(k.edge.toDouble() > 1e-10 && k.edge.toDouble() < 1e-9)
    }

    @Test("K1^R(0) to 30 digits equals mpmath's from the hand-typed equations")
    func thirtyDigitsAgainstMpmath() throws {
        let bits = PreciseThresholdRequest.precision(digits: 30)
        let n = try Self.precise(bits)
        let nodes = PreciseFrequencyNodes(digits: 30, precision: bits)
        let k = try n.retardedKernelAtZero(.firstOrder, nodes: nodes)
        // Benchmarks/peers/condensation_threshold_mpmath.py kernel -0.4 0.7 --dps 30 (mp.dps = 40;
        // Σ by residues and mpmath.digamma, the ν integral by mpmath.quad, error estimate 2e-53):
        // K1^R(0; muS=-0.4, h=0.7) = -0.0712046164387426101810461940714 -0.045831140753996035789288512267 i
        let re = BigFloat("-0.0712046164387426101810461940714", precision: bits)!
        let im = BigFloat("-0.045831140753996035789288512267", precision: bits)!
        let tolerance = BigFloat("1e-30", precision: bits)!
        #expect(BigFloat.abs(k.fine.re - re) < tolerance, "Re \(k.fine.re.toString(digits: 35))")
        #expect(BigFloat.abs(k.fine.im - im) < tolerance, "Im \(k.fine.im.toString(digits: 35))")
        // The coarser rule (every other node) agrees to the same digits, and the tail is far below.
        #expect((k.fine - k.coarse).abs < tolerance)
        #expect(k.edge < BigFloat("1e-33", precision: bits)!)
    }

    @Test("the first-order threshold at Fig. 2's point to 20 digits: the Double route's digits and mpmath's threshold")
    func threshold20() throws {
        var o = CondensationOptions(model: Self.model, vary: "h", interval: "0:8")
        o.settings = Self.settings
        o.reading = .firstOrder
        o.digits = 20
        let t = try findCondensationThreshold(o)
        let p = try #require(t.precise)
        #expect(p.digits >= 20 && p.frequencyDigits >= 20)
        // The Double route's threshold (8 digits asked, the two rules at |t| ≤ 2.6 give 0.609573268515,
        // docs/condensation.md) is off by its truncated tail (|ν| > 1.6·10⁴, ~4·10⁻¹⁰ in K):
        // the digits it shows, 0.60957327, are right; the 10th is not.
        #expect(Swift.abs(p.value.toDouble() - t.threshold.value) < 1e-9)
        #expect(Swift.abs(p.value.toDouble() - t.threshold.value) > 1e-11)
        #expect(significant(t.threshold.value, t.threshold.digits) == "0.60957327")
        // The Double search evaluates K1^R(0) 222 times here (docs/benchmarks.md; the numpy peer,
        // the same search step by step, 246). It took 710 while the dogleg after Brent's 1e-4 was
        // kept only within 1e-5 of Brent's point, so that the 1e-13 Brent ran after it (309 more),
        // and while Brent evaluated its ends again.
        #expect(t.evaluations <= 260, "\(t.evaluations) evaluations of K1^R(0)")
        // The Double route measures that tail apart (its rules run on to |t| ≤ 2.75) and caps its
        // digits by it: the estimate is the Double root's actual error (3.2e-10 relative, from the
        // MPFR root) to within the finer rule's own error (~4e-11) and the 3% of the tail it omits.
        let actual = Swift.abs(p.value.toDouble() - t.threshold.value) / p.value.toDouble()
        #expect(Swift.abs(t.threshold.tail - actual) < 0.3 * actual, "tail \(t.threshold.tail), actual \(actual)")
        #expect(t.threshold.digits <= 8)
        // Benchmarks/peers/condensation_threshold_mpmath.py threshold --dps 30 (mp.dps = 40: Newton
        // on the hand-typed K1^R(0), mpmath.quad for ν, from the Double (0.60957327, −0.27639074);
        // last step 3e-34, 407 s): h_c = 0.609573268321409158719157814966,
        // muS = -0.276390735591132616491944152066.
        let bits = p.value.precision
        let hc = BigFloat("0.609573268321409158719157814966", precision: bits)!
        let mu = BigFloat("-0.276390735591132616491944152066", precision: bits)!
        #expect(BigFloat.abs(p.value - hc) < BigFloat("1e-21", precision: bits)!, "h_c \(p.value.toString(digits: 30))")
        #expect(BigFloat.abs(p.frequency - mu) < BigFloat("1e-21", precision: bits)!, "muS \(p.frequency.toString(digits: 30))")
        // What the printout shows is the requested 20 digits, all shared by the two rules.
        #expect(render(t, json: false).hasPrefix("h_c = \(significant(p.value, 20))   (20 digits; muS = "))
    }

    @Test("the condensate at h = 0.7 (first-order) polished to 14 digits in MPFR keeps the Double route's 12, and so do its polarisation and rho")
    func condensate14() throws {
        let c = try CondensateModel.load(path: Self.model)
        let bits = PreciseThresholdRequest.precision(digits: 14)
        var values = Self.point
        values["h"] = "0.7"
        let names = c.problem.parameters.map(\.name)
        // μ_S and ψ_f are the unknowns (overwritten by the polish); every other value is given.
        let exact = names.enumerated().map { k, n in
            BigFloat(k == c.problem.amplitude || k == c.problem.frequency ? "0" : values[n]!, precision: bits)!
        }
        // `keldysh solve … --set h=0.7 --reading first-order --start=-0.1,0.3 --digits 12` (the Double
        // route: its own arithmetic, rules at steps 1/16 and 1/32 with |t| ≤ 2.6, which share 12
        // digits of both) gives μ_S = −0.0812470244984, ψ_f = 0.358567773289, where the polish starts.
        let start = (mu: -0.0812470244984, psi: 0.358567773289)
        let p = try preciseCondensate(PreciseCondensedNumerics(c.problem, precision: bits),
                                      PreciseCondensateRequest(values: exact, reading: .firstOrder, digits: 14, start: start))
        #expect(p.muDigits >= 14 && p.psiDigits >= 14)
        // The Double route's 12 digits are right: G − G₀'s equal-time tail beyond |ω| ≈ 1.6·10⁴ is
        // negligible (unlike the threshold's loop).
        #expect(significant(p.mu, 12) == "-0.0812470244984" && significant(p.psi, 12) == "0.358567773289",
                "\(p.mu.toString(digits: 16)) \(p.psi.toString(digits: 16))")
        // The observables in MPFR against the Double route's (`keldysh solve … --set h=0.7
        // --reading first-order --start=-0.1,0.3 --json`, rules at steps 1/16 and 1/32):
        // ⟨a†b⟩ = −0.029132564660719215 + 0.08964194332212488i, n_b = 0.5015181669146929,
        // n_a = 0.4984818330853069, so |⟨a†b⟩| = 0.0942570120801… and ρ = ½(1 + n_b − n_a).
        let v = p.observables
        #expect(v.polarisationDigits >= 14 && v.rhoDigits >= 14, "\(v.polarisationDigits) \(v.rhoDigits)")
        let polarisation = (0.029132564660719215 * 0.029132564660719215 + 0.08964194332212488 * 0.08964194332212488).squareRoot()
        let rho = 0.5 * (1 + 0.5015181669146929 - 0.4984818330853069)
        #expect(abs(v.polarisation.toDouble() - polarisation) < 1e-12, "\(v.polarisation.toString(digits: 17))")
        #expect(abs(v.rho.toDouble() - rho) < 1e-12, "\(v.rho.toString(digits: 17))")
    }

    @Test("under G = G0 the MPFR thresholds of A38/psi_f (criterion a38) and of K1^R(0) (b15) agree to 14 digits (the identity A38/psi_f -> 2 sqrt2 K1^R(0))")
    func a38EqualsB15UnderG0() throws {
        // Two different functions (the condensed state's saddle point at ψ_f = 10⁻¹¹, the normal
        // state's fluctuation kernel), two different numerics classes: the same threshold
        // in μ_B at h = 0 (as thresholdZeroesTheHandKernel in Double).
        var o = CondensationOptions(model: Self.model, vary: "muB", interval: "-1:2")
        o.settings = CondensationThresholdTests.undrivenSettings
        o.reading = .g0
        o.digits = 14
        let b15 = try #require(try findCondensationThreshold(o).precise)
        o.criterion = .a38
        let a38 = try #require(try findCondensationThreshold(o).precise)
        #expect(b15.digits > 14 && a38.digits > 14)
        let difference = BigFloat.abs(a38.value - b15.value).toDouble()
        #expect(difference < 1e-15 * abs(b15.value.toDouble()), "a38 \(a38.value.toString(digits: 20)), b15 \(b15.value.toString(digits: 20))")
    }

    @Test("a sweep with --digits 12 polishes every point in MPFR: under g0 the b15 and a38 curves agree to 1e-13; too many MPFR points are refused before work")
    func preciseSweep() throws {
        var o = CondensationOptions(model: Self.model, vary: "muB", interval: "-1:2")
        o.settings = CondensationThresholdTests.undrivenSettings
        o.digits = 12
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kk-precise-sweep-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func sweep(_ criterion: ThresholdCriterion) throws -> [CondensationSweepRow] {
            o.criterion = criterion
            let out = folder.appendingPathComponent(criterion.rawValue).path
            return try condensationSweep(CondensationSweepOptions(base: o, sweep: "gamma=0.7:0.8:2", readings: [.g0], out: out), progress: false)
        }
        let b15 = try sweep(.b15), a38 = try sweep(.a38)
        #expect(b15.count == 2 && a38.count == 2)
        for (x, y) in zip(b15, a38) {
            let (p, q) = (try #require(x.precise), try #require(y.precise))
            #expect(x.shown?.digits == 12 && y.shown?.digits == 12)
            // Two functions, two derivations (A38/ψ_f → 2√2 K₁^R(0) under g0): the same μ_B,c.
            #expect(BigFloat.abs(p.value - q.value).toDouble() < 1e-13 * abs(p.value.toDouble()),
                    "γ = \(x.value): b15 \(p.value.toString(digits: 16)), a38 \(q.value.toString(digits: 16))")
        }
        // The CSV carries the polished digits.
        let csv = try String(contentsOf: folder.appendingPathComponent("b15/threshold.csv"), encoding: .utf8)
        #expect(csv.contains(b15[0].shown!.value) && csv.contains("MPFR"))
        // 201 points at 12 digits: refused before any work (no folder written).
        let refused = folder.appendingPathComponent("refused").path
        #expect(throws: AnalysisError.self) {
            try condensationSweep(CondensationSweepOptions(base: o, sweep: "gamma=0.5:1:201", readings: [.g0], out: refused), progress: false)
        }
        #expect(!FileManager.default.fileExists(atPath: refused))
    }

    @Test("--digits is bounded before work; the self-consistent reading stays in Double")
    func bounds() throws {
        var o = CondensationOptions(model: Self.model, vary: "h", interval: "0:8")
        o.settings = Self.settings
        o.reading = .firstOrder
        o.digits = 61
        #expect(throws: AnalysisError.self) { try findCondensationThreshold(o) }
        o.digits = 20
        o.reading = .selfConsistent
        #expect(throws: AnalysisError.self) { try findCondensationThreshold(o) }
        var c = CondensateOptions(model: Self.model)
        c.settings = Self.settings + ["h=0.7"]
        c.digits = 61
        #expect(throws: AnalysisError.self) { try solveCondensate(c) }
        c.digits = 20
        c.reading = .g0
        #expect(throws: AnalysisError.self) { try solveCondensate(c) }
    }
}
