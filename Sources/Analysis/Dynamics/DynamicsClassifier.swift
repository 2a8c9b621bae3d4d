import KeldyshNumerics
import OutputFormats
import Symbolic

/// `scan --dynamics`: integrates at every grid point and classifies the phase.
final class DynamicsClassifier: GridClassifier, @unchecked Sendable {
    public let kind = "dynamics"
    let setup: DynamicsSpec
    let x: Symbol, y: Symbol

    init(_ setup: DynamicsSpec, x: Symbol, y: Symbol) {
        self.setup = setup
        self.x = x
        self.y = y
    }

    public var legend: [PhaseLegend] {
        DynamicalPhase.allCases.map {
            PhaseLegend(name: setup.phaseNames.name($0), label: setup.phaseNames.label($0), color: PhaseNames.colors[$0]!)
        }
    }
    public var columns: [String] { ["phase", "order_mean", "order_amplitude", "levels"] }

    public func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint] {
        let codes = Dictionary(uniqueKeysWithValues: DynamicalPhase.allCases.enumerated().map { ($1, UInt8($0)) })
        // Compiled once per worker with the two axes as inputs (the native object is cached).
        let integ = try MeanFieldIntegrator(meanField: setup.meanField, values: setup.values, observables: setup.observables,
                                            free: [x, y])
        return { [self] yv, xs in
            var row: [GridPoint] = []
            for xv in xs {
                integ.freeValues = [xv, yv]
                do {
                    var run = DynamicsSetup(integrator: integ, initial: integ.state(from: setup.initial),
                                            duration: setup.duration, step: setup.step)
                    try run.setTolerances(relative: setup.relativeTolerance, absolute: setup.absoluteTolerance)
                    let r = try runDynamics(run)
                    let c = r.classification
                    row.append(GridPoint(classCode: codes[c.phase]!,
                                         fields: "\(setup.phaseNames.name(c.phase)),\(c.orderMean),\(c.orderAmplitude),\(c.levels)"))
                } catch let e as AnalysisError {
                    if case .numerical = e {
                        row.append(GridPoint(classCode: codes[.failed]!, fields: "\(setup.phaseNames.name(.failed)),nan,nan,0"))
                    } else { throw e }
                }
            }
            return row
        }
    }
}
