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
    return try input.steadyStates(at: try input.parameters.assignments(o.settings), digits: o.digits)
}

extension ModelInput {
    /// The search of `keldysh steady` at these values: the model's `steady` point as the first
    /// start and the source of conserved quantities' values, its `phase` names for the states.
    /// The `--about` of derive, spectrum, threshold and scan finds its state here.
    func steadyStates(at values: [Symbol: Expr], digits: Int) throws -> SteadyOutcome {
        var request = SteadyRequest(meanField: meanField, values: values, reference: try model.declaredSteadyPoint(of: meanField),
                                    digits: digits)
        request.phaseNames = model.phaseNames
        return try findSteadyStates(request)
    }
}
