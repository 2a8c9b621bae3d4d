import Symbolic

/// `keldysh simplify`: the simplest of several equivalent forms of an expression (issue 14).
///
/// The candidates, in this order: the canonical form, `expand`, `cancel`, `together`,
/// `factor`, and `apart` when the expression has exactly one free symbol. A rewriting that
/// does not apply (operators for `cancel`, a limit of `factor`) is skipped. The measure:
/// the fewest nodes of the expression tree (`Expr.treeSize`: every symbol, number,
/// function, sum, product and power counts one), ties broken by the shorter printed text,
/// then by the order above — so an expression no rewriting shortens keeps its canonical form.
public enum SimplestForm {
    /// Which candidate a result came from.
    public enum Candidate: String, Sendable, CaseIterable {
        case canonical, expand, cancel, together, factor, apart
    }

    /// (nodes, printed length) of an expression: smaller is simpler.
    public static func measure(_ e: Expr, context: ParseContext) -> (nodes: Int, length: Int) {
        (e.treeSize, e.text(context: context).count)
    }

    /// The candidates that apply, in order.
    public static func candidates(_ e: Expr) -> [(Candidate, Expr)] {
        var out: [(Candidate, Expr)] = [(.canonical, e), (.expand, e.expand())]
        if Polynomial.isConvertible(e) {
            out.append((.cancel, e.cancel()))
            out.append((.together, e.together()))
            if let f = try? e.factorization(), f.irreducible { out.append((.factor, f.expr)) }
            let free = e.freeSymbols.filter { !$0.info.isFunction }
            if free.count == 1, let x = free.first, let r = try? e.apart(x) { out.append((.apart, r)) }
        }
        return out
    }

    /// The simplest candidate by the measure above, and which one it was.
    public static func choose(_ a: ExpressionArgument) -> (ExpressionArgument, Candidate) {
        var best: (Candidate, Expr, (Int, Int))? = nil
        for (c, e) in candidates(a.expr) {
            let m = measure(e, context: a.context)
            if best == nil || m < best!.2 { best = (c, e, m) }
        }
        return (ExpressionArgument(input: a.input, expr: best!.1, context: a.context, notes: a.notes), best!.0)
    }
}
