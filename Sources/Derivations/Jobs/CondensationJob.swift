import Analysis
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
    /// Significant digits the two node rules must agree on.
    public var digits = 6

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
    public var notes: [String]
}

/// Whether a model file asks for the field-theory route (a `selfenergy` statement).
public func isCondensationModel(_ path: String) -> Bool {
    guard let text = try? readModelText(path), let m = try? Model.parse(text, file: path) else { return false }
    return m.keldysh.selfEnergy != nil
}

public func findCondensationThreshold(_ o: CondensationOptions) throws -> CondensationOutcome {
    guard (1...12).contains(o.digits) else {
        throw AnalysisError.badRange("--digits \(o.digits)", reason: "the field-theory threshold is computed in double precision: 1 to 12 digits")
    }
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
    let kernel: any ThresholdKernel = o.criterion == .b15 ? numerics
        : try LinearisedSaddle(CondensedNumerics(try CondensateModel.load(path: o.model).problem), normalParameters: names.map(\.name))
    var request = CondensationThresholdRequest(values: values, varied: varied, frequency: frequency,
                                               interval: lo.toDouble()...hi.toDouble(),
                                               frequencyWindow: wlo.toDouble()...whi.toDouble(), reading: o.reading)
    let notes: [String] = []
    if o.reading == .g0, c.independentUnderG0(of: p) {
        throw AnalysisError.numerical("under G = G0 (--reading g0) the drive cannot enter: d/d\(p.name) of the saddle point's G0^K_ba(omega) (A17) and of every piece of K1^R(0) (G0^-1, the tree, the loop of B15) is 0 identically, so no threshold in \(p.name) exists; read A51 otherwise (--reading one-shot or first-order)")
    }
    // The self-consistent iteration needs its Σ[G − G₀] node sum resolved from the start: at
    // step 1/4 (21 nodes) it stalls where the drive is strong.
    var step = o.reading == .selfConsistent ? 0.125 : 0.25
    var last: CondensationThreshold?
    for _ in 0..<4 {
        request.step = step
        let t = try Analysis.condensationThreshold(kernel, request)
        last = t
        // A finer pair only polishes what this pair found.
        request.start = (t.frequency, t.value, t.bracket)
        if t.digits >= o.digits { break }
        step /= 2
    }
    guard let t = last, t.digits >= o.digits else {
        throw AnalysisError.numerical("the node rules agree on only \(last?.digits ?? 0) digits of \(p.name)_c after halving the step to \(step); asked for \(o.digits)")
    }
    values[varied] = t.value
    values[frequency] = t.frequency
    numerics.set(values)
    let rho = try numerics.occupations(o.reading, nodes: FrequencyNodes(step: step / 2)).rho
    return CondensationOutcome(parameter: p.name, frequencyName: c.frequency.name, reading: o.reading, criterion: o.criterion, threshold: t,
                               requestedDigits: o.digits, step: step, rho: rho, notes: notes)
}
