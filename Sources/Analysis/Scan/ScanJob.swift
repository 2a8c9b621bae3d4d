import Algebra
import Symbolic

/// How a stability scan finds the eigenvalues at each point: the roots of the compiled
/// characteristic polynomial (zgeev where they do not settle), or zgeev at every point.
public enum StabilityRoute: String, Sendable, CaseIterable {
    case polynomial, eigen
}

/// What `keldysh scan` asks: a classification of every point of a 2-D grid (or of shard i/n
/// of its rows), streamed to `out`.
public struct ScanRequest: Sendable {
    public enum Target: Sendable {
        /// The stability of a steady state: the matrix with the two axes free.
        case stability(StabilityProblem, route: StabilityRoute)
        /// The dynamical phase reached from one initial state.
        case dynamics(DynamicsSpec)
        /// The stability of a steady state of the search, followed over the grid (`--about N`).
        case followed(FollowedScanSpec)
    }

    public var target: Target
    public var x: GridAxis
    public var y: GridAxis
    public var shard: Shard = .whole
    public var out: String
    public var threads: Int = 2
    /// The `--set` texts, recorded in scan.json so that shards of different settings are not merged.
    public var settings: [String] = []
    public var title: String = ""
    public var xLabel: String?
    public var yLabel: String?
    public var progress: Bool = true
    /// Checked before the first point (docs/limits.md).
    public var limits = ScanLimits()
    /// Stage in `out.resume`, kept on an interruption, and continue what it holds.
    public var resume = false

    public init(target: Target, x: GridAxis, y: GridAxis, out: String) {
        self.target = target
        self.x = x
        self.y = y
        self.out = out
    }
}

/// What a scan wrote, and what the user should know about how (a fallback taken).
public struct ScanOutcome: Sendable {
    public var summary: ScanSummary
    public var notes: [String]
}

/// The scan job: builds the classifier of the request (the characteristic-polynomial route
/// falls back to zgeev at every point when the matrix is too large for a symbolic
/// characteristic polynomial, and says so), then runs and writes the grid.
public func scan(_ request: ScanRequest) throws -> ScanOutcome {
    // The size of the grid is refused before the classifier is compiled (seconds of work).
    try request.limits.check(x: request.x, rows: request.shard.rows(of: request.y.count).count,
                             threads: request.threads, out: request.out)
    let classifier: GridClassifier
    var notes: [String] = []
    switch request.target {
    case let .stability(problem, route):
        switch route {
        case .eigen:
            classifier = try StabilityClassifier(problem: problem)
        case .polynomial:
            do {
                let c = try PolynomialStabilityClassifier(problem: problem)
                if c.zeroModes > 0 {
                    notes.append("det(s − A) = s^\(c.zeroModes)·q(s) at every point (\(c.zeroModes) eigenvalue\(c.zeroModes == 1 ? " is" : "s are") identically 0: a conserved quantity or a symmetry); removed before classification, the classes are those of the other eigenvalues")
                }
                classifier = c
            } catch {
                notes.append("characteristic-polynomial route unavailable (\(error)); using zgeev")
                classifier = try StabilityClassifier(problem: problem)
            }
        }
    case let .dynamics(setup):
        for s in [request.x.symbol, request.y.symbol] where setup.values[s] != nil {
            throw AnalysisError.badAssignment("\(s.name)=…", reason: "\(s.name) is scanned and cannot also be set")
        }
        classifier = DynamicsClassifier(setup, x: request.x.symbol, y: request.y.symbol)
    case let .followed(spec):
        let c = try FollowedStateClassifier(spec, x: request.x, y: request.y)
        notes += c.notes
        classifier = c
    }
    let summary = try runScan(classifier, x: request.x, y: request.y, shard: request.shard, out: request.out,
                              threads: request.threads, settings: request.settings, title: request.title,
                              xLabel: request.xLabel, yLabel: request.yLabel, progress: request.progress,
                              limits: request.limits, resume: request.resume)
    return ScanOutcome(summary: summary, notes: notes)
}
