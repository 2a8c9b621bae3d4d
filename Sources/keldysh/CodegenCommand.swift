import ArgumentParser
import Foundation
import KeldyshNumerics

/// `keldysh codegen`: self-contained C or Swift source evaluating expressions.
///
///     keldysh codegen 'sin(x)*y + x^2' --params 'x:real, y:real' --lang c > f.c
///     keldysh codegen equations.txt --params 'a,b,c' --lang swift
///
/// Each non-empty line of a file is one output. Parameters not declared real take two
/// inputs (real, imaginary); outputs are (re, im) pairs unless every output is real.
struct CodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codegen",
        abstract: "Emit a self-contained C or Swift evaluator for expressions.")

    @Argument(help: "An expression, or a file with one expression per line.")
    var input: String

    @Option(help: "Parameters in input order, with optional declarations: 'x:real, y:positive, z'.")
    var params: String

    @Option(help: "Output language: c or swift.")
    var lang: String = "c"

    @Flag(help: "Treat every parameter as real (one input each).")
    var real = false

    @Option(help: "Name of the generated function.")
    var name: String?

    func run() throws {
        guard let language = EvaluatorLanguage(rawValue: lang) else {
            throw ValidationError("--lang must be c or swift, not '\(lang)'")
        }
        var text = input
        var source = "<argument>"
        if FileManager.default.fileExists(atPath: input) {
            text = try String(contentsOfFile: input, encoding: .utf8)
            source = input
        }
        do {
            print(try evaluatorSource(text, parameters: params, language: language, assumeReal: real,
                                      functionName: name), terminator: "")
        } catch {
            // Parse errors carry line:column within the input; prefix where the input came from.
            let message: String
            if case .expression = error { message = "\(source):\(error)\n" } else { message = "error: \(error)\n" }
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode.failure
        }
    }
}
