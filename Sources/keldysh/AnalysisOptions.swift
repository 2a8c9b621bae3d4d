import Analysis
import ArgumentParser
import Derivations

/// Options shared by the analysis commands that read a model file.
struct AnalysisModelOptions: ParsableArguments {
    @Argument(help: "The model file (.kd).")
    var model: String

    @Option(name: .customLong("set"), help: "A parameter value, NAME=VALUE; VALUE may use other parameters (repeatable).")
    var settings: [String] = []

    @Flag(help: "Print the result as JSON.")
    var json = false
}

/// Options of a mean-field integration (shared by `dynamics` and `scan --dynamics`).
struct DynamicsArguments: ParsableArguments {
    @Option(help: "Integration time.") var t: Double = 2000
    @Option(help: "Sampling step of the output.") var dt: Double = 0.5
    @Option(help: "Initial values, e.g. 'a=0.01, Sz=-0.49, S-=0.1, Tz=0, T-=0.01' (unlisted variables start at 0).")
    var initial: String?
    @Option(help: "An observable NAME=EXPR in the mean-field variables, e.g. 'Sx=re(<S->)' (repeatable; the first is the order parameter).")
    var observe: [String] = []
    @Option(help: "Relative tolerance of the DOP853 integrator.") var rtol: Double = 1e-9
    @Option(help: "Absolute tolerance of the DOP853 integrator.") var atol: Double = 1e-11

    var options: DynamicsOptions {
        var o = DynamicsOptions()
        o.duration = t
        o.step = dt
        o.initial = initial
        o.observables = observe
        o.relativeTolerance = rtol
        o.absoluteTolerance = atol
        return o
    }
}
