import OutputFormats
import Symbolic

/// `keldysh simplify`: the canonical form as text (or JSON with the input, text and LaTeX).
public func renderSimplified(_ a: ExpressionArgument, json: Bool) -> String {
    json ? expressionJSON(a) : a.display?.text ?? a.expr.text(context: a.context)
}

/// `keldysh latex`: the canonical form as LaTeX (or the same JSON as `simplify`).
public func renderLatex(_ a: ExpressionArgument, json: Bool) -> String {
    json ? expressionJSON(a) : a.display?.latex ?? a.expr.latex(options: LatexOptions(), context: a.context)
}

private func expressionJSON(_ a: ExpressionArgument) -> String {
    JSONValue.object([("input", .string(a.input)), ("result", .string(a.display?.text ?? a.expr.text(context: a.context))),
                      ("latex", .string(a.display?.latex ?? a.expr.latex(options: LatexOptions(), context: a.context)))]).inline
}
