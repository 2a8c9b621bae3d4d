import Analysis
import ArgumentParser
import Foundation
import Symbolic

/// Options shared by the analysis commands that read a model file.
struct AnalysisModelOptions: ParsableArguments {
    @Argument(help: "The model file (.kd).")
    var model: String

    @Option(name: .customLong("set"), help: "A parameter value, NAME=VALUE; VALUE may use other parameters (repeatable).")
    var settings: [String] = []

    @Flag(help: "Print the result as JSON.")
    var json = false
}

/// Runs a command body, printing an error and exiting non-zero on failure.
func runReporting(_ body: () throws -> String) throws {
    do {
        print(try body())
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
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
    @Flag(help: "Integrate the mean-field equations at each point and classify NS/SR/L1/L2/IR.") var dynamics = false
    @OptionGroup var dyn: DynamicsOptions
    @Flag(help: "No progress bar.") var quiet = false
    @Option(help: "Stability route: polynomial (roots of the compiled characteristic polynomial, zgeev where they do not settle) or eigen (zgeev at every point).") var roots = "polynomial"

    func run() throws {
        try runReporting {
            let input = try ModelInput.load(path: options.model, needMatrix: !dynamics)
            let ctx = input.parameters
            let xa = try ctx.axis(x), ya = try ctx.axis(y)
            let values = try ctx.assignments(options.settings)
            let sh = try shard.map(Shard.init(parsing:)) ?? .whole
            let classifier: GridClassifier
            if dynamics {
                let setup = try dyn.prepare(input: input, values: values, free: [xa.symbol, ya.symbol])
                classifier = DynamicsClassifier(meanField: MeanFieldSystemBox(input.meanField), values: values,
                                                observables: setup.observables, x: xa.symbol, y: ya.symbol,
                                                duration: dyn.t, step: dyn.dt, initial: setup.initial)
            } else {
                let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [xa.symbol, ya.symbol], values: values)
                switch roots {
                case "eigen": classifier = try StabilityClassifier(problem: problem)
                case "polynomial":
                    // Matrices too large for a symbolic characteristic polynomial fall back to zgeev.
                    do { classifier = try PolynomialStabilityClassifier(problem: problem) } catch {
                        FileHandle.standardError.write(Data("note: characteristic-polynomial route unavailable (\(error)); using zgeev\n".utf8))
                        classifier = try StabilityClassifier(problem: problem)
                    }
                default: throw AnalysisError.badAssignment("--roots \(roots)", reason: "expected polynomial or eigen")
                }
            }
            let summary = try runScan(classifier, x: xa, y: ya, shard: sh, out: out, threads: threads,
                                      settings: options.settings,
                                      title: title ?? "", xLabel: xlabel, yLabel: ylabel, progress: !quiet)
            return describe(summary, json: options.json)
        }
    }
}

func describe(_ s: ScanSummary, json: Bool) -> String {
    let counts = s.counts.sorted { $0.key < $1.key }
    if json {
        let c = counts.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        return "{\"folder\": \"\(s.folder)\", \"points\": \(s.points), \"counts\": {\(c)}, \"diagram\": \(s.wroteDiagram)}"
    }
    return "wrote \(s.folder)/grid.csv (\(s.points) points)" + (s.wroteDiagram ? " and diagram.svg" : "")
        + "\n" + counts.map { "  \($0.key): \($0.value)" }.joined(separator: "\n")
}
