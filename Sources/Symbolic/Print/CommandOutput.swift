/// The work of the `keldysh` subcommands, as functions the tests can call: the executable
/// only parses its arguments and prints what these return.
public enum CommandOutput {
    /// What a subcommand prints: on success, standard output; on failure, one line for
    /// standard error (the command then exits with status 1).
    public enum Outcome: Sendable, Equatable {
        case success(String)
        case failure(String)
    }

    /// `keldysh simplify EXPR`: the canonical form as text (or JSON with text and LaTeX).
    public static func simplify(_ input: String, assume: String? = nil, json: Bool = false) -> Outcome {
        run(input, assume: assume) { e, context in
            json ? jsonObject(input: input, e, context) : e.text(context: context)
        }
    }

    /// `keldysh latex EXPR`: the canonical form as LaTeX (or JSON with text and LaTeX).
    public static func latex(_ input: String, assume: String? = nil, json: Bool = false) -> Outcome {
        run(input, assume: assume) { e, context in
            json ? jsonObject(input: input, e, context) : e.latex(options: LatexOptions(), context: context)
        }
    }

    private static func run(_ input: String, assume: String?,
                            _ render: (Expr, ParseContext) -> String) -> Outcome {
        var context = ParseContext()
        if let assume {
            do throws(ParseError) {
                try context.declare(specification: assume)
            } catch {
                return .failure("error: <assume>:\(error)")
            }
        }
        do throws(ParseError) {
            return .success(render(try parseExpr(input, context: context), context))
        } catch {
            return .failure("error: <input>:\(error)")
        }
    }

    private static func jsonObject(input: String, _ e: Expr, _ context: ParseContext) -> String {
        let fields = [("input", input), ("result", e.text(context: context)),
                      ("latex", e.latex(options: LatexOptions(), context: context))]
        return "{" + fields.map { jsonString($0.0) + ": " + jsonString($0.1) }.joined(separator: ", ") + "}"
    }

    static func jsonString(_ s: String) -> String { jsonStringLiteral(s) }
}
