import ArgumentParser
import Derivations

/// `keldysh expand|cancel|together|apart EXPR`: the library's rewritings of an expression
/// (text, or `--json` with the LaTeX too), e.g. `keldysh cancel '(x^2 - 1)/(x - 1)'` → x+1.
extension Keldysh {
    struct Expand: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Multiply out products and powers.")
        @OptionGroup var options: ExpressionOptions
        func run() throws { try rewriteAndPrint(options, .expand) }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One fraction with the common factors of numerator and denominator removed.")
        @OptionGroup var options: ExpressionOptions
        func run() throws { try rewriteAndPrint(options, .cancel) }
    }

    struct Together: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One fraction over a common denominator.")
        @OptionGroup var options: ExpressionOptions
        func run() throws { try rewriteAndPrint(options, .together) }
    }

    struct Apart: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Partial fractions in one variable.")
        @Option(name: .customLong("in"), help: "The variable (default: the only free symbol).") var variable: String?
        @OptionGroup var options: ExpressionOptions
        func run() throws { try rewriteAndPrint(options, .apart, variable: variable) }
    }
}

func rewriteAndPrint(_ options: ExpressionOptions, _ verb: AlgebraVerb, variable: String? = nil) throws {
    try keldysh.run {
        renderSimplified(try rewrite(try readExpression(options.argument.expression, assume: options.assume), verb,
                                     variable: variable), json: options.json)
    }
}
