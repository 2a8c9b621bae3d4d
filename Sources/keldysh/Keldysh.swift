import ArgumentParser
import Foundation
import Symbolic

/// The `keldysh` command. Subcommands are siblings; later issues add derive, verify,
/// scan and threshold next to simplify and latex.
@main
struct Keldysh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keldysh",
        abstract: "Symbolic derivations and checked numerics for driven-dissipative quantum systems.",
        subcommands: [Simplify.self, Latex.self, CodegenCommand.self, DeriveCommand.self, VerifyCommand.self,
                      ScanCommand.self, MergeCommand.self, DynamicsCommand.self, ThresholdCommand.self]
    )
}

/// Options shared by the commands that read one expression.
struct ExpressionOptions: ParsableArguments {
    @Argument(help: "The expression, e.g. 'lambda/sqrt(N) (a + a†)' or '-I*omega_c - kappa/2'.")
    var expression: String

    @Option(help: "Declarations, e.g. 'x:positive,y:real,a:operator,psi:grassmann,F_b:function&real'.")
    var assume: String?

    @Flag(help: "Print a JSON object with the input, the result as text and as LaTeX.")
    var json = false
}

/// Prints a command's outcome: the result on standard output, or the error on standard
/// error with exit status 1.
func finish(_ outcome: CommandOutput.Outcome) throws {
    switch outcome {
    case .success(let text):
        print(text)
    case .failure(let message):
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode.failure
    }
}

extension Keldysh {
    struct Simplify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the canonical form of an expression.")
        @OptionGroup var options: ExpressionOptions

        func run() throws {
            try finish(CommandOutput.simplify(options.expression, assume: options.assume, json: options.json))
        }
    }

    struct Latex: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an expression as LaTeX.")
        @OptionGroup var options: ExpressionOptions

        func run() throws {
            try finish(CommandOutput.latex(options.expression, assume: options.assume, json: options.json))
        }
    }
}
