import Algebra
import OutputFormats
import Symbolic

/// What `keldysh dynamics` asks: the mean-field equations integrated from one initial state,
/// summarised over the analysis window and classified; with `out`, trajectory.csv and
/// trajectory.svg written there (staged, renamed at the end).
public struct DynamicsRequest: Sendable {
    public var spec: DynamicsSpec
    public var out: String?
    /// The plot's title (after the phase).
    public var title: String = ""

    public init(_ spec: DynamicsSpec, out: String? = nil) {
        self.spec = spec
        self.out = out
    }
}

/// A mean-field integration: what `dynamics` runs once and `scan --dynamics` at every point
/// of a grid (there, the two axes are free and every other parameter has a value).
public struct DynamicsSpec: Sendable {
    public var meanField: MeanFieldSystem
    /// Parameter values (they may use each other).
    public var values: [Symbol: Expr]
    /// The observables; the first is the order parameter of the classification.
    public var observables: [(name: String, expr: Expr)]
    /// Initial values (re, im) of the mean-field variables (unlisted ones start at 0).
    public var initial: [Symbol: (Double, Double)]
    public var duration: Double
    public var step: Double
    /// What the model calls the dynamical phases.
    public var phaseNames = PhaseNames()
    /// DOP853 tolerances (`--rtol`, `--atol`); the defaults are those of every earlier run.
    public var relativeTolerance = 1e-9
    public var absoluteTolerance = 1e-11
    /// Quantities the exact dynamics conserves, in the variables: their drift along the run is
    /// reported (not used otherwise).
    public var conserved: [(name: String, expr: Expr)] = []

    public init(meanField: MeanFieldSystem, values: [Symbol: Expr], observables: [(name: String, expr: Expr)],
                initial: [Symbol: (Double, Double)], duration: Double, step: Double) {
        self.meanField = meanField
        self.values = values
        self.observables = observables
        self.initial = initial
        self.duration = duration
        self.step = step
    }
}

/// A run and the names of its observables and phase (and where its files went, if anywhere).
public struct DynamicsOutcome: Sendable {
    public var result: DynamicsResult
    /// The model's name of the phase reached.
    public var phase: String
    public var observableNames: [String]
    public var folder: String?
    /// Each conserved quantity of the spec: its value at t = 0 and the largest |Q(t) − Q(0)|.
    public var conserved: [(name: String, start: Double, drift: Double)] = []
    /// With `--symmetric`: the symmetries used and the variables dropped (display names), and
    /// the lines that say so.
    public var symmetry: DroppedBySymmetry?
}

/// The moments a run left out because they vanish by a symmetry of the model.
public struct DroppedBySymmetry: Sendable {
    public var symmetries: [String]
    public var dropped: [(variable: String, symmetry: String)]
    public var lines: [String]

    public init(symmetries: [String], dropped: [(variable: String, symmetry: String)], lines: [String]) {
        self.symmetries = symmetries
        self.dropped = dropped
        self.lines = lines
    }
}

/// The dynamics job.
public func integrate(_ request: DynamicsRequest) throws -> DynamicsOutcome {
    let spec = request.spec
    guard !spec.observables.isEmpty else {
        throw AnalysisError.badAssignment("--observe", reason: "give at least one observable (the first is the order parameter)")
    }
    let integ = try MeanFieldIntegrator(meanField: spec.meanField, values: spec.values, observables: spec.observables)
    var setup = DynamicsSetup(integrator: integ, initial: integ.state(from: spec.initial), duration: spec.duration, step: spec.step)
    try setup.setTolerances(relative: spec.relativeTolerance, absolute: spec.absoluteTolerance)
    setup.orbitSummary = true
    let r = try runDynamics(setup)
    if let out = request.out {
        let folder = try StagedFolder(finalPath: out)
        try writeFileAtomically(folder.path("trajectory.csv"), trajectoryCSV(r, integrator: integ))
        try writeFileAtomically(folder.path("trajectory.svg"),
                                linePlotSVG(times: r.times, series: r.observables, names: integ.observableNames,
                                            title: "\(spec.phaseNames.name(r.classification.phase)): " + request.title))
        try folder.commit()
    }
    var outcome = DynamicsOutcome(result: r, phase: spec.phaseNames.name(r.classification.phase),
                                  observableNames: integ.observableNames, folder: request.out)
    if !spec.conserved.isEmpty {
        let check = try MeanFieldIntegrator(meanField: spec.meanField, values: spec.values, observables: spec.conserved)
        for (name, series) in zip(spec.conserved.map(\.name), check.observe(states: r.states)) {
            let q0 = series.first ?? 0
            outcome.conserved.append((name, q0, series.map { abs($0 - q0) }.max() ?? 0))
        }
    }
    return outcome
}
