import Symbolic

/// `keldysh simplify`: the simplest of several equivalent forms of an expression (issue 14).
///
/// The candidates, in this order: the canonical form, `expand`, `cancel`, `together`,
/// `factor`, and `apart` when the expression has exactly one free symbol. A rewriting that
/// does not apply (operators for `cancel`, a limit of `factor`) is skipped. The measure:
/// the fewest nodes of the expression tree (`Expr.treeSize`: every symbol, number,
/// function, sum, product and power counts one), ties broken by the shorter printed text,
/// then by the order above — so an expression no rewriting shortens keeps its canonical form.
///
/// Every candidate but the canonical form multiplies out, so they are computed only when a
/// bound on the number of terms of the expansion (`expandedTermBound`) is at most
/// `maximumExpandedTerms`; above it simplify prints the canonical form at once instead of
/// spending minutes on forms that would be far longer (`keldysh expand` still expands).
public enum SimplestForm {
    /// The bound on expanded terms above which only the canonical form is considered.
    public static let maximumExpandedTerms = 10_000
    /// Which candidate a result came from.
    public enum Candidate: String, Sendable, CaseIterable {
        case canonical, expand, cancel, together, factor, apart
    }

    /// An upper bound on the terms of the expansion of e (and of its denominator): sums add,
    /// products multiply, a power aⁿ (n an integer of either sign) of t terms has at most
    /// C(|n| + t − 1, t − 1), anything else counts one. In floating point, saturating at 10³⁰⁰.
    public static func expandedTermBound(_ e: Expr) -> Double {
        var memo: [Expr: Double] = [:]
        func bound(_ e: Expr) -> Double {
            if let b = memo[e] { return b }
            let b: Double
            switch e.kind {
            case .add: b = e.children.reduce(0) { $0 + bound($1) }
            case .mul: b = e.children.reduce(1) { $0 * bound($1) }
            case .pow:
                if let n = e.children[1].intValue {
                    let t = bound(e.children[0]), m = Double(Swift.abs(n))
                    // C(m + t − 1, t − 1) = ∏_{j<t−1} (m + 1 + j)/(j + 1), over min(t − 1, m) factors.
                    var c = 1.0
                    let k = min(t - 1, m)
                    var j = 0.0
                    while j < k && c < 1e300 { c = c * (m + t - 1 - j) / (j + 1); j += 1 }
                    b = c
                } else { b = 1 }
            default: b = 1
            }
            let capped = min(b, 1e300)
            memo[e] = capped
            return capped
        }
        return bound(e)
    }

    /// The candidates that apply, in order.
    public static func candidates(_ e: Expr) -> [(Candidate, Expr)] {
        if expandedTermBound(e) > Double(maximumExpandedTerms) { return [(.canonical, e)] }
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
        let all = candidates(a.expr)
        var best = (all[0].0, all[0].1, all[0].1.treeSize)
        var bestLength: Int? = nil
        for (c, e) in all.dropFirst() {
            let nodes = e.treeSize
            if nodes > best.2 { continue }
            if nodes == best.2 {
                // Printed lengths only for ties: printing a long candidate is the costly part.
                let length = e.text(context: a.context).count
                let current = bestLength ?? best.1.text(context: a.context).count
                bestLength = current
                if length >= current { continue }
                bestLength = length
            } else {
                bestLength = nil
            }
            best = (c, e, nodes)
        }
        return (ExpressionArgument(input: a.input, expr: best.1, context: a.context, notes: a.notes), best.0)
    }
}
