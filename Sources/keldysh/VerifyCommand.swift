import ArgumentParser
import Derivations

/// `keldysh verify`: re-derive what a derivation folder names and compare it, equation by
/// equation, with the paper's printed equations transcribed there.
///
///     keldysh verify derivations/003-spintronic-dicke
///     keldysh verify derivations/003-spintronic-dicke --json
///     keldysh verify derivations/003-spintronic-dicke --manifest keldysh.kd
///     keldysh verify derivations/003-spintronic-dicke/verify.kd
///
/// Exit status 0 only when every transcribed equation is reproduced or its difference is a
/// recorded erratum.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-derive a derivation folder and compare with the transcribed equations of the paper.")

    @Argument(help: "A derivation folder (holding verify.kd), or the manifest file itself.")
    var directory: String

    @Option(help: "The manifest to read in the folder.")
    var manifest = "verify.kd"

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        var passed = true
        try keldysh.run {
            let report = try verifyDerivation(directory: directory, manifest: manifest)
            passed = report.passed
            return json ? report.json : report.text
        }
        if !passed { throw ExitCode.failure }
    }
}
