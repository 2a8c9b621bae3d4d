import Analysis
import Foundation
import OutputFormats
import ArbitraryPrecision
import Symbolic

/// `keldysh threshold MODEL --vary h --in lo:hi --set … [--reading R] [--window lo:hi]` for a
/// model with a condensate ansatz and a self-energy (paper 000): the drive strength where the
/// normal state turns unstable, under a named reading of A51.
public struct CondensationOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    public var vary: String
    public var interval: String
    /// The window searched for the condensate's frequency μ_S (default −5:5 in the model's units).
    public var window = "-5:5"
    public var reading: DysonReading = .oneShot
    public var criterion: ThresholdCriterion = .b15
    /// Significant digits the two node rules must agree on: up to `doubleDigits` in Double,
    /// up to `maximumDigits` by the MPFR polish (`preciseCondensationThreshold`).
    public var digits = 6
    /// Whether the MPFR polish shows its evaluations on stderr.
    public var progress = false
    /// Whether to certify a zero of K₁^R(ω) in a box around the threshold (`CondensationCertificate`).
    public var certify = false

    /// The Double search's most digits: its two rules do not see rounding, so their shared
    /// digits keep `Condensate.roundingFloor`'s margin (10⁻¹⁰ relative), which leaves 9.
    public static let doubleDigits = 9
    public static let maximumDigits = 60

    public init(model: String, vary: String, interval: String) {
        self.model = model
        self.vary = vary
        self.interval = interval
    }
}

public struct CondensationOutcome: Sendable {
    public let parameter: String
    public let frequencyName: String
    public let reading: DysonReading
    public let criterion: ThresholdCriterion
    public let threshold: CondensationThreshold
    public let requestedDigits: Int
    public let step: Double
    /// ρ = ½(1 + n_b − n_a) of the normal state at the threshold (Sec. IV's density of spin
    /// excitations; the condensate starts from ψ = 0 there), by the finer node rule.
    public let rho: Double
    /// The MPFR polish of `threshold` when more than `CondensationOptions.doubleDigits` digits
    /// were asked for.
    public let precise: PreciseThreshold?
    public var notes: [String]
    /// The Poincaré–Miranda certificate (`--certify`).
    public var certificate: CondensationCertificate?
    /// K₁^R(0) (or A38) evaluations of the whole Double search, every pair of rules of the
    /// step ladder included (`threshold.evaluations` counts the last pair's only).
    public var evaluations: Int = 0
}

/// Whether a model file asks for the field-theory route (a `selfenergy` statement).
public func isCondensationModel(_ path: String) -> Bool {
    guard let text = try? readModelText(path), let m = try? Model.parse(text, file: path) else { return false }
    return m.keldysh.selfEnergy != nil
}

public func findCondensationThreshold(_ o: CondensationOptions) throws -> CondensationOutcome {
    guard (1...CondensationOptions.maximumDigits).contains(o.digits) else {
        throw AnalysisError.badRange("--digits \(o.digits)", reason: "the field-theory threshold takes 1 to \(CondensationOptions.doubleDigits) digits in double precision, up to \(CondensationOptions.maximumDigits) by the MPFR polish")
    }
    let precise = o.digits > CondensationOptions.doubleDigits
    if precise {
        guard o.reading != .selfConsistent else {
            throw AnalysisError.badRange("--digits \(o.digits)", reason: "the self-consistent reading is computed in double precision only: 1 to \(CondensationOptions.doubleDigits) digits")
        }
    }
    // The Double search the MPFR polish starts from: 8 digits are plenty for Newton.
    let doubleDigits = precise ? 8 : o.digits
    let c = try CondensationModel.load(path: o.model)
    let ctx = c.parameters
    let p = try ctx.symbol(named: o.vary)
    let (lo, hi) = try ctx.interval(o.interval)
    let (wlo, whi) = try ctx.interval(o.window)
    var given = try resolveAssignments(try ctx.assignments(o.settings))
    given[p] = nil
    given[c.frequency] = nil
    let names = c.problem.parameters
    guard let varied = names.firstIndex(of: p) else {
        throw AnalysisError.badAssignment("--vary \(o.vary)", reason: "\(o.vary) does not enter the normal state's equations")
    }
    guard let frequency = names.firstIndex(of: c.frequency) else {
        throw AnalysisError.numerical("the condensate frequency \(c.frequency.name) does not enter the equations")
    }
    var values = [Double](repeating: 0, count: names.count)
    var missing: [String] = []
    for (k, s) in names.enumerated() where k != varied && k != frequency {
        guard let e = given[s] else { missing.append(s.name); continue }
        guard let v = try? e.evaluate([:]), v.imaginary == 0, v.real.isFinite else {
            throw AnalysisError.badAssignment("--set \(s.name)", reason: "not a real number")
        }
        values[k] = v.real
    }
    if !missing.isEmpty {
        throw AnalysisError.badAssignment("--set", reason: "give a value to \(missing.joined(separator: ", ")) (the threshold varies \(p.name) and finds \(c.frequency.name))")
    }
    let numerics = CondensationNumerics(c.problem)
    // A38/ψ_f works on the condensed state's equations (at a small ψ_f).
    let condensed = o.criterion == .a38 ? try CondensateModel.load(path: o.model).problem : nil
    let kernel: any ThresholdKernel
    if let condensed {
        kernel = try LinearisedSaddle(CondensedNumerics(condensed), normalParameters: names.map(\.name))
    } else {
        kernel = numerics
    }
    var request = CondensationThresholdRequest(values: values, varied: varied, frequency: frequency,
                                               interval: lo.toDouble()...hi.toDouble(),
                                               frequencyWindow: wlo.toDouble()...whi.toDouble(), reading: o.reading)
    let notes: [String] = []
    if o.reading == .g0, try c.independentUnderG0(of: p) {
        throw AnalysisError.numerical("under G = G0 (--reading g0) the drive cannot enter: d/d\(p.name) of the saddle point's G0^K_ba(omega) (A17) and of every piece of K1^R(0) (G0^-1, the tree, the loop of B15) is 0 identically, so no threshold in \(p.name) exists; read A51 otherwise (--reading one-shot or first-order)")
    }
    // The self-consistent iteration needs its Σ[G − G₀] node sum resolved from the start: at
    // step 1/4 (21 nodes) it stalls where the drive is strong.
    var step = o.reading == .selfConsistent ? 0.125 : 0.25
    var last: CondensationThreshold?
    var evaluations = 0
    for _ in 0..<4 {
        request.step = step
        let t = try Analysis.condensationThreshold(kernel, request)
        last = t
        evaluations += t.evaluations
        // A finer pair only polishes what this pair found.
        request.start = (t.frequency, t.value, t.bracket)
        // A finer step cannot help where the tail beyond the rules' common limit is what limits.
        let tailDigits = CondensationThreshold.digits(allowedBy: t.tail)
        if t.digits >= doubleDigits || (t.tail.isFinite && tailDigits < doubleDigits && t.sharedDigits >= tailDigits) { break }
        step /= 2
    }
    // The MPFR polish reaches the tail itself: it needs the Double root only as a start.
    let startOnly = precise && (last?.sharedDigits ?? 0) >= 4
    if !startOnly, let t = last, t.digits < doubleDigits, t.tail.isFinite, CondensationThreshold.digits(allowedBy: t.tail) < doubleDigits,
       t.sharedDigits >= CondensationThreshold.digits(allowedBy: t.tail) {
        throw AnalysisError.numerical("the frequency integral's tail beyond |t| = 2.6 (|nu| ~ 1.6e4) moves \(p.name)_c by \(String(format: "%.1e", t.tail)) relative: double precision gives at most \(CondensationThreshold.digits(allowedBy: t.tail)) digits here; ask for --digits \(CondensationOptions.doubleDigits + 1) or more (the MPFR polish, whose rules reach the tail)")
    }
    guard let t = last, t.digits >= doubleDigits || startOnly else {
        throw AnalysisError.numerical("the node rules agree on only \(last?.digits ?? 0) digits of \(p.name)_c after halving the step to \(step); asked for \(doubleDigits)")
    }
    var polished: PreciseThreshold?
    if precise {
        let bits = PreciseThresholdRequest.precision(digits: o.digits)
        // The parameters exactly as given (T_F = 0.1 is not the Double 0.1), at the working precision.
        var exact = [BigFloat](repeating: BigFloat(0, precision: bits), count: names.count)
        for (k, s) in names.enumerated() where k != varied && k != frequency {
            exact[k] = try given[s]!.evaluate([:], precision: bits).re
        }
        let request = PreciseThresholdRequest(values: exact, varied: varied, frequency: frequency, reading: o.reading, digits: o.digits,
                                              start: (t.frequency, t.value), interval: lo.toDouble()...hi.toDouble())
        let report: ((String) -> Void)? = o.progress ? { writeStandardError("\r" + $0) } : nil
        let mp: any PreciseThresholdKernel
        if let condensed {
            mp = try PreciseLinearisedSaddle(PreciseCondensedNumerics(condensed, precision: bits), normalParameters: names.map(\.name), digits: o.digits)
        } else {
            mp = PreciseCondensationNumerics(c.problem, precision: bits)
        }
        let r = try preciseCondensationThreshold(mp, request, progress: report)
        if o.progress { writeStandardError("\n") }
        guard r.digits > o.digits, r.frequencyDigits > o.digits else {
            throw AnalysisError.numerical("the MPFR node rules (steps 1/\(Int((1 / r.coarseStep).rounded())) and 1/\(2 * Int((1 / r.coarseStep).rounded()))) agree on only \(min(r.digits, r.frequencyDigits)) digits of \(p.name)_c and \(c.frequency.name) there; \(o.digits) digits need \(o.digits + 1)")
        }
        guard r.tail <= Foundation.pow(10, -Double(o.digits + 1)) else {
            throw AnalysisError.numerical("the truncated tail of the frequency integral (|t| <= \(r.limit)) moves \(p.name)_c by \(String(format: "%.3g", r.tail)) relative: not below 1e-\(o.digits + 1)")
        }
        polished = r
    }
    values[varied] = t.value
    values[frequency] = t.frequency
    numerics.set(values)
    let rho = try numerics.occupations(o.reading, nodes: FrequencyNodes(step: step / 2)).rho
    var outcome = CondensationOutcome(parameter: p.name, frequencyName: c.frequency.name, reading: o.reading, criterion: o.criterion, threshold: t,
                                      requestedDigits: o.digits, step: step, rho: rho, precise: polished, notes: notes)
    outcome.evaluations = evaluations
    if o.certify {
        guard o.criterion == .b15 else {
            throw AnalysisError.badRange("--certify", reason: "the certificate is of B15's K1^R (--criterion b15); A38 under first-order is another function")
        }
        // The box's centre and frame: the MPFR polish's, exactly, where it ran.
        let center = polished?.value.toBigRational() ?? BigRational(exactly: t.value)
        let frame = polished?.frequency.toBigRational() ?? BigRational(exactly: t.frequency)
        do {
            outcome.certificate = try certifyThreshold(problem: c.problem, reading: o.reading, given: given, varied: varied, frequency: frequency,
                                                       center: center, frame: frame, digits: min(o.digits, CondensationCertificate.maximumDigits),
                                                       numerics: numerics, values: values, step: step, progress: o.progress)
        } catch let e as CondensationError {
            throw AnalysisError.numerical("\(p.name)_c = \(short6(center.toDouble())) was found, but its certificate failed: \(e.description)")
        }
    }
    return outcome
}

private func short6(_ x: Double) -> String { String(format: "%.9g", x) }
