/// Text and LaTeX renderings. Both take the entry printer as a closure, so the matrix
/// layer does not depend on a particular expression printer.
extension Matrix: CustomStringConvertible {
    /// Rows in brackets, entries printed by `structuralText` until the expression printers
    /// (branch parse) provide `Expr.description`.
    public var description: String { text(entry: Matrix.structuralText) }

    /// `[[a, b], [c, d]]` with entries printed by `entry`.
    public func text(entry: (Expr) -> String) -> String {
        "[" + rowList.map { "[" + $0.map(entry).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// A LaTeX `bmatrix` environment with entries printed by `entry`.
    public func latex(entry: (Expr) -> String) -> String {
        let body = rowList.map { "  " + $0.map(entry).joined(separator: " & ") }.joined(separator: " \\\\\n")
        return "\\begin{bmatrix}\n" + body + "\n\\end{bmatrix}"
    }

    /// A plain, fully parenthesised rendering of the expression tree (no precedence
    /// tricks, canonical order): unambiguous, if not pretty.
    public static func structuralText(_ e: Expr) -> String {
        switch e.kind {
        case .integer, .number:
            let q = e.numberValue!
            let s = q.description
            return q.isReal && q.re.isInteger && q.re.signum >= 0 ? s : "(" + s + ")"
        case .symbol:
            return e.symbol!.name
        case .bound:
            return "#" + String(e.rawValue)
        case .add:
            return "(" + e.children.map(structuralText).joined(separator: " + ") + ")"
        case .mul:
            return e.children.map(structuralText).joined(separator: "*")
        case .pow:
            return structuralText(e.children[0]) + "^" + structuralText(e.children[1])
        case .function:
            return e.head!.name + "(" + e.children.map(structuralText).joined(separator: ", ") + ")"
        case .binder:
            return "binder(" + e.children.map(structuralText).joined(separator: ", ") + ")"
        }
    }
}
