import Analysis
import ArbitraryPrecision
import Symbolic

/// `keldysh steady MODEL --set … [--digits D]`, as the command line gives it.
public struct SteadyOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    public var digits: Int = 30

    public init(model: String) { self.model = model }
}

/// Reads the model, substitutes the settings (every parameter must get a rational value) and
/// runs the steady-state search of Analysis, with the model's `steady` point as the first
/// start and the source of the values of conserved quantities.
public func steady(_ o: SteadyOptions) throws -> SteadyOutcome {
    let input = try ModelInput.load(path: o.model, needMatrix: false)
    let values = try input.parameters.assignments(o.settings)
    let reference = try input.model.declaredSteadyPoint(of: input.meanField)
    var request = SteadyRequest(meanField: input.meanField, values: values, reference: reference, digits: o.digits)
    request.phaseNames = input.model.phaseNames
    return try findSteadyStates(request)
}
