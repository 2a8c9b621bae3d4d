import Foundation
import KeldyshNumerics
import Symbolic

/// An expression given on the command line, read in its canonical form, with the
/// declarations it was read under (printers use their names).
public struct ExpressionArgument: Sendable {
    public let input: String
    public let expr: Expr
    public let context: ParseContext
    /// What the reader assumed that the user may not have meant: function names that are
    /// neither builtins nor declared, read as new function symbols (`<input>:1:1: …`).
    public var notes: [String] = []
    /// How to print the result when its canonical form would read worse (`factor`: each factor
    /// as it reads alone, (x - 1), not the canonical product's -(-x + 1)); nil: the canonical form.
    public var display: (text: String, latex: String)? = nil
}

/// Why an expression argument could not be read: the declaration list or the expression,
/// each error at its line:column within that text.
public enum ExpressionArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    case assume(ParseError)
    case input(ParseError)

    public var description: String {
        switch self {
        case .assume(let e): return "<assume>:\(e)"
        case .input(let e): return "<input>:\(e)"
        }
    }
}

/// `keldysh simplify|latex EXPR [--assume DECLARATIONS]`: the expression read under the
/// declarations (`x:positive, psi:grassmann, F_b:function&real`), in canonical form.
public func readExpression(_ input: String, assume: String? = nil) throws(ExpressionArgumentError) -> ExpressionArgument {
    var context = ParseContext()
    if let assume {
        do throws(ParseError) {
            try context.declare(specification: assume)
        } catch {
            throw .assume(error)
        }
    }
    do throws(ParseError) {
        let (expr, undeclared) = try parseExprListingUndeclaredFunctions(input, context: context)
        let notes = undeclared.map { f -> String in
            let close = BuiltinNames.suggestions(for: f.name).map { "'\($0)'" }
            let hint = close.isEmpty ? "" : " (did you mean \(close.joined(separator: " or "))?)"
            return "<input>:\(f.line):\(f.column): '\(f.name)' is not a builtin function\(hint); it is read as an "
                + "undeclared function symbol (declare it with --assume '\(f.name):function' to silence this note)"
        }
        return ExpressionArgument(input: input, expr: expr, context: context, notes: notes)
    } catch {
        throw .input(error)
    }
}

/// Why `keldysh codegen` produced no source: the expression text (named by where it came
/// from: the argument or a file) or the rest of the request.
public struct CodegenError: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let error: EvaluatorSourceError

    public var description: String {
        if case .expression = error { return "\(source):\(error)" }
        return "\(error)"
    }
}

/// `keldysh codegen INPUT --params … --lang c|swift`: a self-contained evaluator; INPUT is
/// an expression or a file with one expression per line.
public func codegen(_ input: String, parameters: String, language: EvaluatorLanguage, assumeReal: Bool = false,
                    functionName: String? = nil) throws -> String {
    var text = input
    var source = "<argument>"
    if FileManager.default.fileExists(atPath: input) {
        text = try String(contentsOfFile: input, encoding: .utf8)
        source = input
    }
    do {
        return try evaluatorSource(text, parameters: parameters, language: language, assumeReal: assumeReal,
                                   functionName: functionName)
    } catch {
        throw CodegenError(source: source, error: error)
    }
}
