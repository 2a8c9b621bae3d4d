import ArgumentParser
import Derivations

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
