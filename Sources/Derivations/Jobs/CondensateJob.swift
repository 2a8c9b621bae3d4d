import Analysis
import ArbitraryPrecision
import Foundation
import OutputFormats
import Symbolic

/// `keldysh solve MODEL --set … [--reading R] [--window lo:hi] [--start mu,psi]` for a model
/// with a condensate ansatz and a self-energy (paper 000): the condensed solutions of A60–A61.
public struct CondensateOptions: Sendable {
    /// The most digits the Double solve offers: `Condensate.roundingFloor` (10⁻¹⁰ relative)
    /// leaves 9 or 10; more go to the MPFR polish.
    public static let doubleDigits = 9
    public var model: String
    public var settings: [String] = []
    public var reading: DysonReading = .oneShot
    /// The frequencies the starts are spread over (μ_S), as for the threshold.
    public var window = "-5:5"
    /// Starting points (μ_S, ψ_f) instead of the grid.
    public var starts: [(mu: Double, psi: Double)] = []
    /// Significant digits of μ_S and ψ_f the two node rules must agree on: up to 12 in Double,
    /// up to 60 by the MPFR polish (`preciseCondensate`).
    public var digits = 6
    /// Whether the MPFR polish shows its evaluations on stderr.
    public var progress = false

    public init(model: String) { self.model = model }
}

public struct CondensateOutcome: Sendable {
    public let frequencyName: String
    public let amplitudeName: String
    public let reading: DysonReading
    public let result: CondensateSolveResult
    public let step: Double
    /// Starting points of the first (coarsest) search; finer rules start from its roots.
    public let starts: Int
    /// Each solution of `result` polished in MPFR, when more than `CondensateOptions.doubleDigits` digits were asked for.
    public let precise: [PreciseCondensate]?
    public let requestedDigits: Int
    public var notes: [String]
}

public func solveCondensate(_ o: CondensateOptions) throws -> CondensateOutcome {
    guard (1...CondensationOptions.maximumDigits).contains(o.digits) else {
        throw AnalysisError.badRange("--digits \(o.digits)", reason: "the condensate takes 1 to \(CondensateOptions.doubleDigits) digits in double precision, up to \(CondensationOptions.maximumDigits) by the MPFR polish")
    }
    let precise = o.digits > CondensateOptions.doubleDigits
    if precise, o.reading == .g0 || o.reading == .selfConsistent {
        throw AnalysisError.badRange("--digits \(o.digits)", reason: "the \(o.reading.rawValue) reading of the condensate is computed in double precision only: 1 to \(CondensateOptions.doubleDigits) digits (the MPFR polish takes one-shot and first-order)")
    }
    // The Double solve the MPFR polish starts from: 8 digits are plenty for Newton.
    let doubleDigits = precise ? 8 : o.digits
    let c = try CondensateModel.load(path: o.model)
    let base = c.base.parameters
    let (wlo, whi) = try base.interval(o.window)
    let names = c.problem.parameters
    let amplitude = names[c.problem.amplitude], frequency = names[c.problem.frequency]
    // The settings are read over the model's own names (its ψ_f is complex; the condensate's is
    // its real amplitude), so values are matched by name.
    var given: [String: Expr] = [:]
    for (s, e) in try resolveAssignments(try base.assignments(o.settings)) { given[s.name] = e }
    for solved in [amplitude.name, frequency.name] where given[solved] != nil {
        throw AnalysisError.badAssignment("--set \(solved)", reason: "\(solved) is what the saddle point solves for; give a start with --start instead")
    }
    var values = [Double](repeating: 0, count: names.count)
    var missing: [String] = []
    for (k, s) in names.enumerated() where k != c.problem.amplitude && k != c.problem.frequency {
        guard let e = given[s.name] else { missing.append(s.name); continue }
        guard let v = try? e.evaluate([:]), v.imaginary == 0, v.real.isFinite else {
            throw AnalysisError.badAssignment("--set \(s.name)", reason: "not a real number")
        }
        values[k] = v.real
    }
    if !missing.isEmpty {
        throw AnalysisError.badAssignment("--set", reason: "give a value to \(missing.joined(separator: ", ")) (the solve finds \(frequency.name) and \(amplitude.name))")
    }
    let window = wlo.toDouble()...whi.toDouble()
    let starts = o.starts.isEmpty ? CondensateSolveRequest.grid(window: window) : o.starts
    let numerics = CondensedNumerics(c.problem)
    var request = CondensateSolveRequest(values: values, reading: o.reading, starts: starts)
    // Step 1/8 first (41 and 83 nodes): at 1/4 the coarse rule moves the branch's onset by
    // more than the distance from it at which users ask (h − h_c ~ 10⁻³ under first-order).
    var step = 0.125
    var notes: [String] = []
    for attempt in 0..<4 {
        request.step = step
        let r = try Analysis.solveCondensate(numerics, request)
        if r.solutions.isEmpty {
            let reasons = r.failures.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) × \($0.key)" }.joined(separator: "; ")
            throw AnalysisError.numerical("no condensed solution (\(amplitude.name) > 0) of A60–A61 under --reading \(o.reading.rawValue) from \(starts.count) starts (\(reasons)); \(amplitude.name) = 0, the normal state, solves A38 always")
        }
        let shared = r.solutions.map { min(Condensate.digits($0.mu, error: $0.muError), Condensate.digits($0.psi, error: $0.psiError)) }.min() ?? 0
        if shared >= doubleDigits || attempt == 3 {
            if shared < doubleDigits {
                throw AnalysisError.numerical("the node rules agree on only \(shared) digits of the condensate after halving the step to \(step); asked for \(doubleDigits)")
            }
            var polished: [PreciseCondensate]?
            if precise {
                let bits = PreciseThresholdRequest.precision(digits: o.digits)
                // The parameters exactly as given (T_F = 0.1 is not the Double 0.1), at the working precision.
                var exact = [BigFloat](repeating: BigFloat(0, precision: bits), count: names.count)
                for (k, s) in names.enumerated() where k != c.problem.amplitude && k != c.problem.frequency {
                    exact[k] = try given[s.name]!.evaluate([:], precision: bits).re
                }
                let mp = PreciseCondensedNumerics(c.problem, precision: bits)
                let report: ((String) -> Void)? = o.progress ? { writeStandardError("\r" + $0) } : nil
                polished = try r.solutions.map { s in
                    let p = try preciseCondensate(mp, PreciseCondensateRequest(values: exact, reading: o.reading, digits: o.digits, start: (s.mu, s.psi)),
                                                  progress: report)
                    guard min(p.muDigits, p.psiDigits) > o.digits else {
                        throw AnalysisError.numerical("the MPFR node rules (steps 1/\(Int((1 / p.coarseStep).rounded())) and 1/\(2 * Int((1 / p.coarseStep).rounded()))) agree on only \(min(p.muDigits, p.psiDigits)) digits of the condensate at \(frequency.name) = \(s.mu); \(o.digits) digits need \(o.digits + 1)")
                    }
                    guard p.tail <= Foundation.pow(10, -Double(o.digits + 1)) else {
                        throw AnalysisError.numerical("the truncated tail of the frequency integral (|t| <= \(p.limit)) moves the condensate by \(String(format: "%.3g", p.tail)) relative: not below 1e-\(o.digits + 1)")
                    }
                    return p
                }
                if o.progress { writeStandardError("\n") }
            }
            return CondensateOutcome(frequencyName: frequency.name, amplitudeName: amplitude.name, reading: o.reading,
                                     result: r, step: step, starts: starts.count, precise: polished, requestedDigits: o.digits, notes: notes)
        }
        // The finer pair starts from what this pair found.
        request.starts = r.solutions.map { ($0.mu, $0.psi) }
        step /= 2
    }
    throw AnalysisError.numerical("unreachable: the step loop returns or throws")
}
