import Analysis
import ArgumentParser
import Derivations

extension ThresholdMethod: ExpressibleByArgument {}
extension StabilityRoute: ExpressibleByArgument {}

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

    var options: DynamicsOptions {
        var o = DynamicsOptions()
        o.duration = t
        o.step = dt
        o.initial = initial
        o.observables = observe
        return o
    }
}

/// `keldysh scan`: stability (or dynamical) phase diagram over a grid of two parameters.
///
///     keldysh scan model.kd --x gup=0:1:200 --y lambda=0:1:200 \
///         --set 'gdown=1-gup' --set wc=1 --set wz=1 --set "wz'=1" --set eta=0.1 --set "eta'=0.1" \
///         --set kappa=0.06 --out fig4
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan",
        abstract: "Classify the stability of the model's steady state (or its dynamics) over a 2-D parameter grid.")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "Horizontal axis, NAME=lo:hi:n.") var x: String
    @Option(help: "Vertical axis, NAME=lo:hi:n.") var y: String
    @Option(help: "Output folder (must not exist; written under a temporary name and renamed at the end).") var out: String
    @Option(help: "Compute shard i of n (rows split in n blocks), for Slurm job arrays; join with `keldysh merge`.") var shard: String?
    @Option(help: "Worker threads.") var threads = 2
    @Option(help: "Diagram title.") var title: String?
    @Option(help: "Horizontal axis label.") var xlabel: String?
    @Option(help: "Vertical axis label.") var ylabel: String?
    @Flag(help: "Integrate the mean-field equations at each point and classify the dynamical phase (named by the model's `phase` statements).") var dynamics = false
    @OptionGroup var dyn: DynamicsArguments
    @Flag(help: "No progress bar.") var quiet = false
    @Option(help: "Stability route: polynomial (roots of the compiled characteristic polynomial, zgeev where they do not settle) or eigen (zgeev at every point).") var roots: StabilityRoute = .polynomial

    func run() throws {
        var o = ScanOptions(model: options.model, x: x, y: y, out: out)
        o.settings = options.settings
        o.shard = shard
        o.threads = threads
        o.title = title
        o.xLabel = xlabel
        o.yLabel = ylabel
        o.dynamics = dynamics ? dyn.options : nil
        o.progress = !quiet
        o.route = roots
        try keldysh.run {
            let outcome = try scan(o)
            return (render(outcome.summary, json: options.json), outcome.notes)
        }
    }
}

/// `keldysh merge`: joins the shards of a scan run as a Slurm job array.
///
///     keldysh merge shard-*/ --out fig4
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge",
        abstract: "Merge the shard folders of one `keldysh scan --shard i/n` run into grid.csv and diagram.svg.")

    @Argument(help: "The shard folders.") var shards: [String]
    @Option(help: "Output folder (must not exist).") var out: String
    @Option(help: "Horizontal axis label.") var xlabel: String?
    @Option(help: "Vertical axis label.") var ylabel: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try keldysh.run { render(try merge(shards, out: out, xLabel: xlabel, yLabel: ylabel), json: json) }
    }
}

/// `keldysh dynamics`: integrates the mean-field equations (DOP853, native right-hand side).
///
///     keldysh dynamics model.kd --set gup=0.9 --set gdown=0.1 ... --t 2000 \
///         --observe 'Sx=re(<S->)' --observe 'n=abs(<a>)^2' --initial 'a=0.01, Sz=-0.49, S-=0.1' --out run
struct DynamicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dynamics",
        abstract: "Integrate the mean-field equations; report time averages, amplitudes and the dynamical phase.")

    @OptionGroup var options: AnalysisModelOptions
    @OptionGroup var dyn: DynamicsArguments
    @Option(help: "Output folder for trajectory.csv and trajectory.svg (must not exist).") var out: String?

    func run() throws {
        var o = DynamicsJobOptions(model: options.model)
        o.settings = options.settings
        o.dynamics = dyn.options
        o.out = out
        try keldysh.run { render(try dynamics(o), json: options.json) }
    }
}

/// `keldysh threshold`: where the largest real part of the stability matrix's eigenvalues
/// (or a user expression) crosses zero, to D certified digits.
///
///     keldysh threshold model.kd --vary gup --in 0.5:1 --set 'gdown=1-gup' --set lambda=1/5 ... --digits 50
struct ThresholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "threshold",
        abstract: "Certified threshold: the parameter value where max Re λ (or --expr) crosses zero.")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "The parameter to vary.") var vary: String
    @Option(name: .customLong("in"), help: "The search interval lo:hi.") var interval: String
    @Option(help: "Significant digits.") var digits = 30
    @Option(help: "Find the zero of this expression instead of the stability crossing.") var expr: String?
    @Option(help: "resultant (exact elimination, Sturm isolation), bracket (MPFR bisection), or auto.") var method: ThresholdMethod = .auto

    func run() throws {
        var o = ThresholdOptions(model: options.model, vary: vary, interval: interval)
        o.settings = options.settings
        o.digits = digits
        o.expression = expr
        o.method = method
        try keldysh.run {
            let outcome = try threshold(o)
            return (render(outcome, json: options.json), outcome.notes)
        }
    }
}
