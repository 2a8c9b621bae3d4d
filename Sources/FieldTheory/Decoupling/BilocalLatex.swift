import Symbolic

/// LaTeX of the finite-shadow expressions as the paper writes them: the field applications
/// `bbar_1(t)`, `a_2(t')` become \bar{b}^{(1)}(t), a^{(2)}(t′), `Q_aa^(1,2)(t, t')` becomes
/// Q^{(1,2)}_{aa}(t, t′), `G^K_psi(t, t')` G^{K}_{\psi}(t, t′) (G and Q wrapped in \mathit: a
/// display name must start with a backslash to be used as it stands). The names the steps build
/// stay plain text (they must read back); only the printed copy uses display symbols (function
/// symbols whose names are LaTeX, as `Action+Printing` does for components), with the same
/// commutation class, so nothing about the expression changes but its typesetting.
public enum BilocalLatex {
    public static func latex(_ e: Expr) -> String { display(e).latex }

    /// `e` with every bilocal name replaced by its display symbol (unchanged when it has none).
    public static func display(_ e: Expr) -> Expr {
        var table: [Expr: Expr] = [:]
        collect(e, &table)
        return table.isEmpty ? e : e.substitute(table)
    }

    private static func collect(_ e: Expr, _ table: inout [Expr: Expr]) {
        if let head = e.head, head.info.builtin == nil, table[e] == nil, let name = displayName(head.info.name) {
            let symbol = Symbol.function(name, head.info.assumptions, commutation: head.info.commutation)
            table[e] = Expr.apply(symbol, Array(e.children))
        }
        for c in e.children { collect(c, &table) }
    }

    /// "bbar_1" → \bar{b}^{(1)}, "b_1" → b^{(1)}, "Q_aa^(1,2)" → Q^{(1,2)}_{aa}, "G^K_psi" → G^{K}_{\psi}, "Q^R_a" → Q^{R}_{a}.
    static func displayName(_ name: String) -> String? {
        if name.hasPrefix("G^") || name.hasPrefix("Q^"), let u = name.firstIndex(of: "_") {
            let x = name[name.index(name.startIndex, offsetBy: 2)..<u], s = String(name[name.index(after: u)...])
            return "\\mathit{\(name.first!)}^{\(x)}_{" + (s == "psi" ? "\\psi" : s) + "}"
        }
        if name.hasPrefix("Q_"), let caret = name.firstIndex(of: "^") {
            return "\\mathit{Q}^{" + name[name.index(after: caret)...] + "}_{" + name[name.index(name.startIndex, offsetBy: 2)..<caret] + "}"
        }
        let parts = name.split(separator: "_")
        guard parts.count == 2, ["1", "2", "cl", "q"].contains(String(parts[1])) else { return nil }
        let field = String(parts[0]), index = String(parts[1])
        let barred = field.hasSuffix("bar") && field.count > 3
        let base = LatexFieldNames.name(barred ? String(field.dropLast(3)) : field)
        let script = index == "1" || index == "2" ? "^{(" + index + ")}" : "_{\\mathrm{" + index + "}}"
        return (barred ? "\\bar{" + base + "}" : base) + script
    }
}
