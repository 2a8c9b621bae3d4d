import ArgumentParser
import Derivations
import KeldyshNumerics

extension EvaluatorLanguage: ExpressibleByArgument {}

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

    @Option(help: "Parameters in input order, with optional declarations: 'x:real, y:positive, z'.")
    var params: String

    @Option(help: "Output language: c or swift.")
    var lang: EvaluatorLanguage = .c

    @Flag(help: "Treat every parameter as real (one input each).")
    var real = false

    @Option(help: "Name of the generated function.")
    var name: String?

    @OptionGroup var input: ExpressionArgumentWords

    func run() throws {
        try keldysh.run {
            let source = try codegen(input.expression, parameters: params, language: lang, assumeReal: real, functionName: name)
            return String(source.dropLast(source.hasSuffix("\n") ? 1 : 0))
        }
    }
}
