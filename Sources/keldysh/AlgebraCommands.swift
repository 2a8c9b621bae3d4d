import ArgumentParser
import Derivations

/// `keldysh expand|cancel|together|apart|factor EXPR`: the library's rewritings of an expression
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

    struct Factor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Factor numerator and denominator into irreducible polynomials over Q.",
            discussion: "Non-polynomial parts (sqrt(N), exp(x), f(t)) are opaque variables. With I in the "
                + "coefficients the result is the square-free decomposition (a note says so). Operators and "
                + "Grassmann factors are refused; limits in docs/limits.md.")
        @OptionGroup var options: ExpressionOptions
        func run() throws { try rewriteAndPrint(options, .factor) }
    }
}

func rewriteAndPrint(_ options: ExpressionOptions, _ verb: AlgebraVerb, variable: String? = nil) throws {
    try keldysh.run {
        let r = try rewrite(try readExpression(options.argument.expression, assume: options.assume), verb, variable: variable)
        return (renderSimplified(r, json: options.json), r.notes)
    }
}
