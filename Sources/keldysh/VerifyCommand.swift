import Algebra
import ArgumentParser
import Foundation

/// `keldysh verify`: re-derive what a derivation folder names and compare it, equation by
/// equation, with the paper's printed equations transcribed there.
///
///     keldysh verify derivations/003-spintronic-dicke
///     keldysh verify derivations/003-spintronic-dicke --json
///
/// Exit status 0 only when every transcribed equation is reproduced or its difference is a
/// recorded erratum.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-derive a derivation folder and compare with the transcribed equations of the paper.")

    @Argument(help: "A derivation folder (holding verify.kd).")
    var directory: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let report: VerificationReport
        do {
            report = try verifyDerivation(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
        print(json ? report.json : report.text)
        if !report.passed { throw ExitCode.failure }
    }
}
