/// Simultaneous substitution.
///
/// Every key (a symbol or any subexpression) is replaced by its value in one pass over
/// the expression DAG, so `[x: y, y: x]` swaps x and y. Shared subtrees are visited once
/// (memoised by node id), and results are rebuilt through `withChildren`, so they are
/// canonical. Under a binder the bound variable is a de Bruijn index, never a symbol:
/// substituting for a symbol cannot touch it, and a replacement is inserted unchanged
/// without any risk of capture.
extension Expr {
    public func substitute(_ replacements: [Expr: Expr]) -> Expr {
        if replacements.isEmpty { return self }
        var memo: [Expr: Expr] = [:]
        return substituteNode(replacements, &memo)
    }

    public func substitute(_ replacements: [Symbol: Expr]) -> Expr {
        substitute(Dictionary(uniqueKeysWithValues: replacements.map { (Expr.symbol($0.key), $0.value) }))
    }

    /// The same substitution in several expressions with one memo: subexpressions shared
    /// between them (the entries of a stability matrix share most of theirs) are rebuilt once.
    public static func substitute(_ roots: [Expr], _ replacements: [Symbol: Expr]) -> [Expr] {
        if replacements.isEmpty { return roots }
        let map = Dictionary(uniqueKeysWithValues: replacements.map { (Expr.symbol($0.key), $0.value) })
        var memo: [Expr: Expr] = [:]
        return roots.map { $0.substituteNode(map, &memo) }
    }

    /// Replaces one subexpression.
    public func substitute(_ old: Expr, with new: Expr) -> Expr { substitute([old: new]) }

    private func substituteNode(_ map: [Expr: Expr], _ memo: inout [Expr: Expr]) -> Expr {
        if let r = map[self] { return r }
        if children.isEmpty { return self }
        if let done = memo[self] { return done }
        var changed = false
        var list: [Expr] = []
        list.reserveCapacity(children.count)
        for c in children {
            let r = c.substituteNode(map, &memo)
            if r != c { changed = true }
            list.append(r)
        }
        let out = changed ? withChildren(list) : self
        memo[self] = out
        return out
    }
}
