import Analysis
import ArgumentParser
import Derivations

extension StabilityRoute: ExpressibleByArgument {}

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
    @Option(help: "Refuse a grid (or shard) of more points than this before starting (docs/limits.md).")
    var maxPoints: Int = ScanLimits().maximumPoints
    @Flag(help: "Stage in OUT.resume, keep it when the run is interrupted, and continue the rows it holds (docs/limits.md).")
    var resume = false
    @Option(help: "Follow steady state N (its index, or its name such as SR) of `keldysh steady` (found at the grid's lower corner, same settings) over the grid and classify its stability, instead of the model's steady point.")
    var about: String?
    @Option(help: "Stability route: polynomial (roots of the compiled characteristic polynomial, zgeev where they do not settle) or eigen (zgeev at every point).") var roots: StabilityRoute = .polynomial
    @Option(help: "Field-theory models (a selfenergy statement): what G is in A51 — g0, one-shot, first-order, self-consistent; each point is a solve of A60-A61.")
    var reading: DysonReading = .oneShot
    @Option(help: "Field-theory models: a start mu,psi (repeatable) for the first point of each column and after a gap, instead of the grid of starts.")
    var start: [String] = []

    func validate() throws {
        if about != nil && dynamics { throw ValidationError("--about follows a steady state's stability; --dynamics integrates from --initial: give one") }
    }

    func run() throws {
        if isCondensationModel(options.model) {
            if about != nil { throw ValidationError("--about follows a mean-field steady state; a field-theory model's condensates are `keldysh solve`'s (scan it without --about)") }
            var b = CondensateOptions(model: options.model)
            b.settings = options.settings
            b.reading = reading
            b.starts = try parseStarts(start)
            var o = CondensateScanOptions(base: b, x: x, y: y, out: out)
            o.progress = !quiet
            try keldysh.run {
                let summary = try condensateScan(o)
                return (render(summary, json: options.json), [])
            }
            return
        }
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
        o.limits = ScanLimits(maximumPoints: maxPoints)
        o.resume = resume
        o.about = about
        try keldysh.run {
            let outcome = try scan(o)
            return (render(outcome.summary, json: options.json), outcome.notes)
        }
    }
}
