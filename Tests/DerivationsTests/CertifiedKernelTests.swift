import ArbitraryPrecision
import ComplexModule
import Foundation
import KeldyshNumerics
import Symbolic
import Testing
@testable import Analysis
@testable import Derivations

/// K₁^R(0) of paper 000 certified: the verified quadrature over |ν| ≤ R (ball points, Cauchy
/// bounds on disks) plus the proven tail beyond R (`LoopTail`), at the decimals of
/// BallSelfEnergyTests (Fig. 2's parameters with ξ = 0.3, (μ_S, h) = (−0.4, 0.7)).
@Suite("Paper 000: K1^R(0) certified")
struct CertifiedKernelTests {
    static func load() throws -> CondensationProblem { try CondensationModel.load(path: CondensationThresholdTests.model).problem }

    /// Under G = G₀ (cheap: no Σ), against the MPFR double-exponential rule of the other route
    /// (`PreciseCondensationNumerics`, 20 digits asked: its nodes reach |ν| ≈ 10¹² and its two
    /// steps agree to ~10⁻²⁰), which must lie in the certified ball; its radius is the tolerance asked (10⁻¹⁰) and little more.
    @Test("K1^R(0) under G = G0 certified holds the 20-digit MPFR rule's value")
    func g0AgainstMPFR() throws {
        let p = try Self.load()
        let balls = BallSelfEnergyTests.parameterBalls(p)
        let certified = try CertifiedRetardedKernel(p, bits: 128, reading: .g0)
        let e = try certified.enclosure(parameters: balls, tolerance: BigRational(1) / BigRational(10_000_000_000))
        let n = PreciseCondensationNumerics(p, precision: 160)
        n.set(p.parameters.map { BigFloat(BallSelfEnergyTests.decimals[$0.name]!, precision: 160)! })
        let k = try n.retardedKernelAtZero(.g0, nodes: PreciseFrequencyNodes(digits: 20, precision: 160))
        let rules = (k.fine - k.coarse).abs.toDouble()
        #expect(rules < 1e-18, "the MPFR rules differ by \(rules)")
        let reference = ComplexBall(k.fine)
        let distance = ComplexBall.l1((reference - e.value).center).toDouble()
        #expect(distance <= e.value.radius.toDouble() + rules, "MPFR \(k.fine.toComplexDouble()) off the certified centre by \(distance), radius \(e.value.radius.toDouble())")
        // The truncation is at most the tolerance asked (10⁻¹⁰); the point balls and the tail add ~10⁻¹³.
        #expect(e.value.radius.toDouble() < 1.01e-10, "radius \(e.value.radius.toDouble())")
        #expect(e.truncation.toDouble() <= 1e-10 && e.tail.toDouble() < 1e-12)
    }

    /// The tail bounds against point enclosures of the density far out (`BallLoopDensity`, a
    /// second method): |loop(ν)|·|ν|^k ≤ U at sampled |ν| ≥ R. Under G₀ the loop decays like
    /// 1/ν³ with nothing lost (no ψ), so U is also within 1% of the sampled values (tight); under
    /// the first-order reading ψ's log costs a quarter order (k = 2.75).
    @Test("the loop's tail bound holds at sampled far nodes, and is tight under G = G0")
    func tailBoundAgainstSamples() throws {
        let p = try Self.load()
        let balls = BallSelfEnergyTests.parameterBalls(p)
        let density = try BallLoopDensity(p, bits: 128)
        let zero = RealBall(0, precision: 128)
        for reading in [DysonReading.g0, .firstOrder] {
            let b = try LoopTail(p, sigma: density.sigma, reading: reading, log2R: 16).bound(parameters: balls)
            #expect(b.order >= (reading == .g0 ? 3 : 2.75), "\(reading): order \(b.order)")
            var largest = 0.0
            for nu in [65536.0, -65536.0, 3e5, -1e6, 1e9] {
                let d = try density.density(at: (RealBall(nu, precision: 128), zero), parameters: balls, reading: reading)
                let scaled = (d.magnitudeUpperBound.toDouble()) * pow(abs(nu), b.order)
                largest = max(largest, scaled)
                #expect(scaled <= b.constant, "\(reading) at ν = \(nu): |loop|·|ν|^\(b.order) = \(scaled) above U = \(b.constant)")
            }
            if reading == .g0 { #expect(b.constant <= 1.01 * largest, "U = \(b.constant) against the samples' \(largest)") }
            #expect(b.integral < 1e-9)
        }
    }

    /// ψ's growth bound on the tails, |ψ(½ ± β(b + ν − μ)/2πi)| ≤ U|ν|^(1/4), against ball ψ at
    /// sampled ν (both signs, out to 10¹²), and not loose by more than 60% at ν = ±R (log R + C
    /// against log|s| there: the π/2 of the argument and the 1/S terms).
    @Test("the digamma growth bound of the tails holds at sampled nu and is within 60% at R")
    func digammaGrowth() throws {
        let p = try Self.load()
        let tail = LoopTail(p, sigma: BallSelfEnergy(p, bits: 128), reading: .firstOrder, log2R: 16)
        let pi = BallTanhConvolution.pi(bits: 128)
        for (b, mu) in [(ComplexBall(GaussianRational(BigRational(-2) / BigRational(5), BigRational(1) / BigRational(4))), BigRational(1) / BigRational(10)),
                        (ComplexBall(GaussianRational(BigRational(7) / BigRational(10), BigRational(-5) / BigRational(2))), BigRational(-1))] {
            let scale = ComplexBall(BigRational(10)).divided(by: (ComplexBall(BigRational(2)) * pi), bits: 128)!
            let u = try tail.digammaGrowth(base: b, mu: ComplexBall(mu), scale: scale)
            #expect(u.order == -0.25)
            var atR = 0.0
            for nu in [65536.0, -65536.0, 1e6, -3e7, 1e12] {
                let w = (ComplexBall(GaussianRational(BigRational.zero, BigRational(-1))) * scale * (b + ComplexBall(BigRational(exactly: nu)) - ComplexBall(mu))).rounded(bits: 128)
                let half = ComplexBall(BigRational(1) / BigRational(2))
                let psi = ComplexBall.digamma(b.center.im.signum > 0 ? half + w : half - w, bits: 128)!
                let ratio = psi.magnitudeUpperBound.toDouble() / pow(abs(nu), 0.25)
                #expect(ratio <= u.upper, "ν = \(nu): |ψ|/|ν|^¼ = \(ratio) above U = \(u.upper)")
                if abs(nu) == 65536 { atR = max(atR, ratio) }
            }
            #expect(u.upper <= 1.6 * atR, "U = \(u.upper) against \(atR) at R")
        }
    }

    /// `keldysh kernel`'s job end to end under G = G₀ (parameters parsed as exact decimals): its
    /// printed interval holds the Double route's K₁^R(0) (sinh–sinh rule to |ν| ≈ 10⁵, whose
    /// truncated tail is ~10⁻¹¹: the slack), its JSON ends are ordered; bad requests are refused
    /// before any work with their reason.
    @Test("the kernel job prints a certified interval holding the Double route's K, and refuses bad requests")
    func kernelJob() throws {
        let settings = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "muB=-0.5", "TF=0.1", "xi=0", "Omega=2.5", "h=0.7", "muS=-0.4"]
        var o = KernelOptions(model: CondensationThresholdTests.model)
        o.settings = settings
        o.reading = .g0
        let outcome = try certifyKernel(o)
        let json = render(outcome, json: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let re = try #require(object["re"] as? [String: Any]), im = try #require(object["im"] as? [String: Any])
        let reLow = Double(re["lower"] as! String)!, reHigh = Double(re["upper"] as! String)!
        let imLow = Double(im["lower"] as! String)!, imHigh = Double(im["upper"] as! String)!
        var point = [String: Double]()
        for s in settings { let kv = s.split(separator: "="); point[String(kv[0])] = Double(kv[1])! }
        let (_, double) = try CondensationThresholdTests.numerics(point)
        let k = try double.retardedKernelAtZero(.g0, nodes: FrequencyNodes(step: 1.0 / 32, limit: FrequencyNodes.tailLimit))
        #expect(reLow <= reHigh && imLow <= imHigh)
        #expect(k.real >= reLow - 3e-11 && k.real <= reHigh + 3e-11, "Re K \(k.real) outside [\(reLow), \(reHigh)]")
        #expect(k.imaginary >= imLow - 3e-11 && k.imaginary <= imHigh + 3e-11, "Im K \(k.imaginary) outside [\(imLow), \(imHigh)]")
        #expect((re["certified_digits"] as? Int ?? 0) >= 8)
        #expect(render(outcome, json: false).contains("Im K1^R(0) > 0"))

        func refused(_ change: (inout KernelOptions) -> Void, _ phrase: String) {
            var bad = o
            change(&bad)
            do { _ = try certifyKernel(bad); Issue.record("accepted: \(phrase)") } catch {
                #expect("\(error)".contains(phrase), "\(error)")
            }
        }
        refused({ $0.settings = settings.filter { !$0.hasPrefix("TF=") } + ["TF=sqrt(2)/10"] }, "exact rational")
        refused({ $0.settings = settings.filter { !$0.hasPrefix("muS=") } }, "muS")
        refused({ $0.tolerance = 1e-40 }, "1e-30 to 1e-2")
        refused({ $0.bits = 40 }, "64 to 512 bits")
        refused({ $0.reading = .selfConsistent }, "self-consistent")
    }

    /// K₁^R at ω ≠ 0 and on a disk in ω. A second route: the frame (μ_S) only shifts
    /// frequencies, so K₁^R(ω = 0.1; μ_S = −0.5) is the Double route's K₁^R(0; μ_S = −0.4) (a
    /// different computation: G at ν − ω, the tree at ω). On the disk |ω − 0.1| ≤ 0.01 the
    /// enclosure holds the certified point values at ω = 0.1 and 0.108. (At radius 0.05 a node
    /// near the b fermions' edge is refused: the continued tanh's ball divisor reaches 0.)
    @Test("K1^R(omega) certified off omega = 0: the frame's shift, and a disk in omega holding its points", arguments: [DysonReading.g0, .firstOrder])
    func kernelAtOmega(_ reading: DysonReading) throws {
        let p = try Self.load()
        var decimals = BallSelfEnergyTests.decimals
        decimals["muS"] = "-0.5"
        let balls = p.parameters.map { RealBall.enclosing(BigRational(decimals[$0.name]!)!, precision: 192)! }
        let certified = try CertifiedRetardedKernel(p, bits: 128, reading: reading)
        let tolerance = BigRational(1) / BigRational(100_000_000)
        let at = try certified.enclosure(parameters: balls, omega: .init(BigRational(1) / BigRational(10)), tolerance: tolerance)
        let (_, double) = try CondensationThresholdTests.numerics(BallSelfEnergyTests.decimals.mapValues { Double($0)! })
        let k = try double.retardedKernelAtZero(reading, nodes: FrequencyNodes(step: 1.0 / 32, limit: FrequencyNodes.tailLimit))
        let distance = ComplexBall.l1((ComplexBall(GaussianRational(BigRational(exactly: k.real), BigRational(exactly: k.imaginary))) - at.value).center).toDouble()
        #expect(distance <= at.value.radius.toDouble() + 3e-11, "\(reading): K(0.1; −0.5) off the Double K(0; −0.4) by \(distance), radius \(at.value.radius.toDouble())")
        guard reading == .g0 else { return }
        let disk = try certified.enclosure(parameters: balls, omega: .init(BigRational(1) / BigRational(10), radius: BigRational(1) / BigRational(100)), tolerance: tolerance)
        let edge = try certified.enclosure(parameters: balls, omega: .init(BigRational(108) / BigRational(1000)), tolerance: tolerance)
        for point in [at.value, edge.value] {
            let d = ComplexBall.l1((point - disk.value).center).toDouble()
            #expect(d <= disk.value.radius.toDouble() + point.radius.toDouble(), "a point value \(point) outside the disk's \(disk.value)")
        }
        #expect(disk.value.radius.toDouble() < 10, "the disk's enclosure \(disk.value.radius.toDouble())")
    }

    /// A certified zero box (Poincaré–Miranda in (ω, μ_B), `CertifiedZeroBox`) around the
    /// threshold of the g0 reading in μ_B (h = 0.7: μ_B,c = 0.1231151 by the Double search, 7
    /// digits): the box of half-width 10⁻⁷ in μ_B is certified; the same box moved by 10 of its
    /// half-widths (the zero outside it) is not — the certificate can fail.
    @Test("Miranda certifies a zero of K1^R(omega) in a 2e-7 box around the g0 threshold in muB, and refuses a shifted box")
    func certifiedZeroBox() throws {
        let p = try Self.load()
        var o = CondensationOptions(model: CondensationThresholdTests.model, vary: "muB", interval: "0:3")
        let settings = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "h=0.7", "TF=0.1", "xi=0", "Omega=2.5"]
        o.settings = settings
        o.reading = .g0
        let t = try findCondensationThreshold(o).threshold
        var point = [String: Double]()
        for s in settings { let kv = s.split(separator: "="); point[String(kv[0])] = Double(kv[1])! }
        point["muS"] = t.frequency
        point["muB"] = t.value
        // J = ∂(Re K, Im K)/∂(ω, μ_B) by central differences of the Double route (∂/∂ω = ∂/∂μ_S:
        // the frame's shift, a test above).
        let nodes = FrequencyNodes(step: 1.0 / 32, limit: FrequencyNodes.tailLimit)
        func kAt(_ changes: [String: Double]) throws -> (Double, Double) {
            var q = point
            for (k, v) in changes { q[k]! += v }
            let (_, n) = try CondensationThresholdTests.numerics(q)
            let v = try n.retardedKernelAtZero(.g0, nodes: nodes)
            return (v.real, v.imaginary)
        }
        let h = 1e-6
        let (wp, wm) = (try kAt(["muS": h]), try kAt(["muS": -h])), (pp, pm) = (try kAt(["muB": h]), try kAt(["muB": -h]))
        let jacobian = [[(wp.0 - wm.0) / (2 * h), (pp.0 - pm.0) / (2 * h)], [(wp.1 - wm.1) / (2 * h), (pp.1 - pm.1) / (2 * h)]]
        var decimals = BallSelfEnergyTests.decimals
        decimals["xi"] = "0"
        var balls = p.parameters.map { RealBall.enclosing(BigRational(decimals[$0.name]!)!, precision: 192)! }
        let mu = p.parameters.firstIndex { $0.name == "muS" }!, varied = p.parameters.firstIndex { $0.name == "muB" }!
        balls[mu] = RealBall.enclosing(BigRational(exactly: t.frequency), precision: 192)!
        let kernel = try CertifiedRetardedKernel(p, bits: 128, reading: .g0)
        let det = jacobian[0][0] * jacobian[1][1] - jacobian[0][1] * jacobian[1][0]
        let c1 = (abs(jacobian[1][1]) * abs(jacobian[0][1]) + abs(jacobian[0][1]) * abs(jacobian[1][1])) / abs(det)
        let dp = 1e-7, omega = min(1e-3, max(1e-7, 100 * c1 * dp))
        var request = CertifiedZeroBox.Request(parameters: balls, varied: varied, center: BigRational(exactly: t.value),
                                               halfWidth: BigRational(exactly: dp), omegaHalfWidth: BigRational(exactly: omega),
                                               disk: BigRational(1) / BigRational(100), jacobian: jacobian,
                                               tolerance: BigRational(1) / BigRational(10_000_000_000))
        let box = try CertifiedZeroBox.certify(kernel, request)
        #expect(box.margins.allSatisfy { $0 > 0 } && box.enclosures == 10)
        #expect(box.parameter.contains(BigRational(exactly: t.value)))
        request.center = BigRational(exactly: t.value + 10 * dp)
        #expect(throws: CondensationError.self) { _ = try CertifiedZeroBox.certify(kernel, request) }
    }

    /// `keldysh threshold --certify` end to end (g0, μ_B): the certificate's box holds the Double
    /// threshold, its printout and JSON say what is proven; a non-rational setting is refused.
    @Test("threshold --certify: the job's certified box holds the Double threshold; --json carries it")
    func thresholdCertifyJob() throws {
        var o = CondensationOptions(model: CondensationThresholdTests.model, vary: "muB", interval: "0:3")
        o.settings = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "h=0.7", "TF=0.1", "xi=0", "Omega=2.5"]
        o.reading = .g0
        o.certify = true
        let outcome = try findCondensationThreshold(o)
        let c = try #require(outcome.certificate)
        #expect(c.lower < BigRational(exactly: outcome.threshold.value) && BigRational(exactly: outcome.threshold.value) < c.upper)
        #expect((c.upper - c.lower).toDouble() < 1e-6 * outcome.threshold.value)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(render(outcome, json: true).utf8)) as? [String: Any])
        let certified = try #require(json["certified"] as? [String: Any])
        #expect((certified["certified_digits"] as? Int ?? 0) >= 6)
        #expect(render(outcome, json: false).contains("Not proven: that no smaller muB has one"))
        o.settings[o.settings.firstIndex(of: "TF=0.1")!] = "TF=sqrt(2)/10"
        #expect(throws: (any Error).self) { _ = try findCondensationThreshold(o) }
    }

    /// 13 digits (g0, μ_B): the box, 10⁻¹⁴ of μ_B, is centred on the MPFR polish and the loop's
    /// cutoff is 2^28 (`shells(digits:)`). It must hold the polish's value (the two MPFR rules,
    /// another route: node sums, no balls) and share 13 digits. With the 6-digit cutoff 2^20 the
    /// same request fails: the proven tail beyond it (~1.5·10⁻¹²) is wider than the box's K.
    @Test("threshold --certify --digits 13: a 1e-14 box around the MPFR polish, refused with the 2^20 cutoff")
    func thirteenCertifiedDigits() throws {
        var o = CondensationOptions(model: CondensationThresholdTests.model, vary: "muB", interval: "0:3")
        o.settings = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "h=0.7", "TF=0.1", "xi=0", "Omega=2.5"]
        o.reading = .g0
        o.digits = 13
        o.certify = true
        let outcome = try findCondensationThreshold(o)
        let c = try #require(outcome.certificate)
        let polished = try #require(outcome.precise)
        let mpfr = try #require(polished.value.toBigRational())
        #expect(CondensationCertificate.shells(digits: 13) == 25)
        #expect(c.lower < mpfr && mpfr < c.upper, "MPFR \(polished.value) outside [\(c.lower.toDouble()), \(c.upper.toDouble())]")
        #expect((c.upper - c.lower).toDouble() <= 2.01e-14 * outcome.threshold.value)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(render(outcome, json: true).utf8)) as? [String: Any])
        let certified = try #require(json["certified"] as? [String: Any])
        #expect((certified["certified_digits"] as? Int ?? 0) >= 13)
        // The same box with the cutoff of 6 digits.
        let m = try CondensationModel.load(path: CondensationThresholdTests.model)
        let names = m.problem.parameters.map(\.name)
        let varied = names.firstIndex(of: "muB")!, frequency = names.firstIndex(of: "muS")!
        var given: [Symbol: Expr] = [:], values = [Double](repeating: 0, count: names.count)
        for s in o.settings {
            let kv = s.split(separator: "=").map(String.init)
            let k = names.firstIndex(of: kv[0])!
            given[m.problem.parameters[k]] = .number(try #require(BigRational(kv[1])))
            values[k] = Double(kv[1])!
        }
        let numerics = CondensationNumerics(m.problem)
        let frame = try #require(polished.frequency.toBigRational())
        let refusal = #expect(throws: CondensationError.self) {
            _ = try certifyThreshold(problem: m.problem, reading: .g0, given: given, varied: varied, frequency: frequency,
                                     center: mpfr, frame: frame, digits: 13, numerics: numerics, values: values,
                                     step: outcome.step, progress: false, shells: 17)
        }
        // Refused by the theorem's sign test (a face where G does not keep its sign), not elsewhere.
        #expect(refusal?.description.contains("Miranda") == true, "\(String(describing: refusal))")
    }

    @Test("a cutoff exponent off the multiples of 4, and the self-consistent reading, are refused")
    func refusals() throws {
        let p = try Self.load()
        #expect(throws: CondensationError.self) { _ = try CertifiedRetardedKernel(p, bits: 128, reading: .firstOrder, log2Inner: 3, shells: 14) }
        #expect(throws: CondensationError.self) { _ = try CertifiedRetardedKernel(p, bits: 128, reading: .selfConsistent) }
    }
}
