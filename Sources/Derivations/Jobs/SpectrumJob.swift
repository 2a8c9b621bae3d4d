import Analysis
import ArbitraryPrecision
import Symbolic

/// `keldysh spectrum MODEL --set … [--about N] [--digits D]`, as the command line gives it.
public struct SpectrumOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    public var digits: Int = 30
    /// The index of a steady state of `keldysh steady` (same settings) to linearise about;
    /// nil: the model's stability matrix about its `steady` point.
    public var about: String?

    public init(model: String) { self.model = model }
}

/// A spectrum: of the model's stability matrix (exact characteristic polynomial), or of a
/// steady state found by the search (enclosed over its proven box).
public enum SpectrumResult: Sendable {
    case matrix(MatrixSpectrum)
    case steady(FixedPoint)
}

public struct SpectrumOutcome: Sendable {
    public var result: SpectrumResult
    public var notes: [String]
}

public func spectrum(_ o: SpectrumOptions) throws -> SpectrumOutcome {
    if let k = o.about {
        var s = SteadyOptions(model: o.model)
        s.settings = o.settings
        s.digits = o.digits
        let found = try steady(s)
        return SpectrumOutcome(result: .steady(try found.state(named: k, at: "at these settings")), notes: found.notes)
    }
    let input = try ModelInput.load(path: o.model, needMatrix: true)
    let values = try input.parameters.assignments(o.settings)
    let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [], values: values)
    return SpectrumOutcome(result: .matrix(try matrixSpectrum(problem, digits: o.digits)), notes: [])
}
