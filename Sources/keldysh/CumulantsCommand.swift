import ArgumentParser
import Derivations

/// `keldysh cumulants`: second-order cumulant dynamics at several N against the mean field;
/// the time t_E at which connected correlations reach 10 % of the mean-field values.
///
///     keldysh cumulants model.kd --sizes 100,400,1600 --set gup=0.9 ... --t 2000 \
///         --initial 'a=0.01, Sz=-0.49, S-=0.0995' --out fig8
struct CumulantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cumulants",
        abstract: "Integrate the second-order cumulant equations at several N; the time t_E at which correlations reach a fraction of the mean field, and its exponent in N.")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "Integration time.") var t: Double = 2000
    @Option(help: "Sampling step of the output.") var dt: Double = 0.5
    @Option(help: "The means at t = 0, e.g. 'a=0.01, Sz=-0.49, S-=0.0995' (second moments: those of a product state).")
    var initial: String?
    @Option(help: "System sizes N, comma-separated (at most 64).") var sizes: String
    @Option(help: "The ratio of connected to mean-field second moments that defines t_E.") var threshold: Double = 0.1
    @Option(help: "Mean-field time before t = 0: the product state is built on the means reached (on the attractor).")
    var settle: Double = 0
    @Flag(help: "No progress bar.") var quiet = false
    @Option(help: "Output folder for te.csv, ratio.csv, ratio.svg, te.svg (must not exist).") var out: String?

    func run() throws {
        var o = CumulantsJobOptions(model: options.model)
        o.settings = options.settings
        o.sizes = sizes
        o.dynamics.duration = t
        o.dynamics.step = dt
        o.dynamics.initial = initial
        o.threshold = threshold
        o.settle = settle
        o.out = out
        o.showProgress = !quiet
        try keldysh.run { render(try cumulants(o), json: options.json) }
    }
}
