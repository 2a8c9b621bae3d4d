import Analysis
import ArgumentParser
import Derivations

/// `keldysh steady`: the steady states of the mean-field equations, each proven to D digits,
/// with its stability and spectrum.
///
///     keldysh steady model.kd --set gup=3/10 --set lambda=7/10 ... --digits 30
struct SteadyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "steady",
        abstract: "Steady states of the mean-field equations, proven to D digits, with stability and spectrum.")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "Significant digits.") var digits = 30

    func run() throws {
        var o = SteadyOptions(model: options.model)
        o.settings = options.settings
        o.digits = digits
        try keldysh.run {
            let outcome = try steady(o)
            return (render(outcome, json: options.json), outcome.notes)
        }
    }
}
