import ArgumentParser
import Derivations

/// The expression argument of `simplify`, `latex` and `codegen`. An expression may start
/// with `-` (`'-I omega_c - kappa/2'`): every argument that is not one of the command's
/// options is taken as the expression; a word like `--jsn` that looks like an option and is
/// not one is reported as unknown.
struct ExpressionArgumentWords: ParsableArguments {
    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The expression, e.g. 'lambda/sqrt(N) (a + a†)' or '-I omega_c - kappa/2'.",
                                 valueName: "expression"))
    var given: [String] = []

    /// The words without the `--` that ends the options (this parsing strategy keeps it).
    private var words: [String] {
        guard let k = given.firstIndex(of: "--") else { return given }
        var w = given
        w.remove(at: k)
        return w
    }

    func validate() throws {
        let terminator = given.firstIndex(of: "--") ?? given.count
        if let option = given[..<terminator].first(where: { $0.hasPrefix("--") && $0.count > 2 && !$0.contains(" ") }) {
            throw ValidationError("Unknown option '\(option)'")
        }
        guard words.count == 1 else {
            throw ValidationError(words.isEmpty ? "Missing expected argument '<expression>'"
                                  : "expected one expression, got \(words.count) arguments (quote the expression)")
        }
    }

    var expression: String { words[0] }
}

/// Options shared by the commands that read one expression.
struct ExpressionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Declarations, e.g. 'x:positive,y:real,a:operator,psi:grassmann,F_b:function&real'.",
        discussion: "Words after ':' (joined by '&'): real, positive, nonnegative, integer, complex; grassmann, "
            + "operator, operatorN; function, or function(kind,…) with the kinds of its slots "
            + "(psi:grassmann&function(contour,time)); an index kind, which makes the name an index value: "
            + "contour, keldysh, nambu, site, index (discrete, e.g. i:index, alpha:site(1..N)), time, "
            + "frequency. A name declared as an index (i:index) is that index, not the imaginary unit."))
    var assume: String?

    @Flag(help: "Print a JSON object with the input, the result as text and as LaTeX.")
    var json = false

    @OptionGroup var argument: ExpressionArgumentWords
}

extension Keldysh {
    struct Simplify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the simplest form of an expression.",
            discussion: "Tries the canonical form, expand, cancel, together, factor (and apart when the expression has "
                + "one free symbol) and prints the one with the fewest nodes in its expression tree (every symbol, "
                + "number, function, sum, product and power counts one); ties go to the shorter printed text, then "
                + "to the earlier form in that list. --functional-derivative and --then are applied first, the "
                + "choice made on their result; --canonical prints the canonical form without choosing. When a bound "
                + "on the terms of the expansion exceeds 10 000, only the canonical form is considered.")
        @OptionGroup var options: ExpressionOptions

        @Option(name: .customLong("functional-derivative"), help: ArgumentHelp(
            "Take δ/δ FIELD first, e.g. 'psi(t0)' or 'conj(psi(t0))' (a left derivative; δ functions sifted).",
            valueName: "field"))
        var functionalDerivative: String?

        @Option(help: ArgumentHelp("Operations applied in order, comma-separated: \(ExpressionOperation.names).",
                                   valueName: "operations"))
        var then: String?

        @Flag(help: "Print the canonical form only (no choice among expand, cancel, together, factor, apart).")
        var canonical = false

        func run() throws {
            try keldysh.run {
                let a = try readExpression(options.argument.expression, assume: options.assume)
                let applied = try a.applying(then, functionalDerivative: functionalDerivative)
                return (renderSimplified(canonical ? applied : SimplestForm.choose(applied).0, json: options.json), a.notes)
            }
        }
    }

    struct Latex: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an expression as LaTeX.")
        @OptionGroup var options: ExpressionOptions

        func run() throws {
            try keldysh.run {
                let a = try readExpression(options.argument.expression, assume: options.assume)
                return (renderLatex(a, json: options.json), a.notes)
            }
        }
    }
}
