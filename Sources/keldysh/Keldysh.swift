import ArgumentParser
import Derivations
import Foundation
import KeldyshNumerics

/// The `keldysh` command: each subcommand parses its arguments into the options of one job
/// of the Derivations target, runs it, and prints the result (or the error on standard error
/// with exit status 1). Nothing is decided here.
@main
struct Keldysh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keldysh",
        abstract: "Symbolic derivations and checked numerics for driven-dissipative quantum systems.",
        subcommands: [Simplify.self, SolveCommand.self, KernelCommand.self, Latex.self, CodegenCommand.self, DeriveCommand.self, VerifyCommand.self,
                      ScanCommand.self, MergeCommand.self, DynamicsCommand.self, CumulantsCommand.self, CorrelationCommand.self, ThresholdCommand.self,
                      SteadyCommand.self, SpectrumCommand.self,
                      Expand.self, Cancel.self, Together.self, Apart.self, Factor.self]
    )

    /// OpenBLAS's idle workers would spin on a second core for the whole run (`BLASThreads`).
    static func main() {
        BLASThreads.useOne()
        main(nil)
    }
}

/// Runs a job and prints its output; on failure prints the error and exits with status 1.
/// `notes` (fallbacks a job took) go to standard error before the output.
func run(_ job: () throws -> (output: String, notes: [String])) throws {
    do {
        let (output, notes) = try job()
        for n in notes { writeError("note: \(n)") }
        print(output)
    } catch {
        writeError(errorMessage(error))
        throw ExitCode.failure
    }
}

func run(_ job: () throws -> String) throws {
    try run { (try job(), []) }
}

func writeError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
