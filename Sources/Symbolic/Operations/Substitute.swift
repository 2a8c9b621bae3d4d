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
        var substitution = Substitution(replacements)
        return substitution(self)
    }

    public func substitute(_ replacements: [Symbol: Expr]) -> Expr {
        if replacements.isEmpty { return self }
        var substitution = Substitution(replacements)
        return substitution(self)
    }

    /// The same substitution in several expressions with one memo: subexpressions shared
    /// between them (the entries of a stability matrix share most of theirs) are rebuilt once.
    public static func substitute(_ roots: [Expr], _ replacements: [Symbol: Expr]) -> [Expr] {
        if replacements.isEmpty { return roots }
        var substitution = Substitution(replacements)
        return roots.map { substitution($0) }
    }

    /// Replaces one subexpression.
    public func substitute(_ old: Expr, with new: Expr) -> Expr { substitute([old: new]) }
}

/// A simultaneous substitution that remembers what it rebuilt across calls, for
/// expressions met one at a time that share subexpressions (the columns of a stability
/// matrix at a point share most of theirs).
public struct Substitution {
    private let replacements: [Expr: Expr]
    private var memo: [Expr: Expr] = [:]

    public init(_ replacements: [Expr: Expr]) { self.replacements = replacements }

    public init(_ replacements: [Symbol: Expr]) {
        self.init(Dictionary(uniqueKeysWithValues: replacements.map { (Expr.symbol($0.key), $0.value) }))
    }

    public mutating func callAsFunction(_ e: Expr) -> Expr {
        if let r = replacements[e] { return r }
        if e.children.isEmpty { return e }
        if let done = memo[e] { return done }
        var changed = false
        var list: [Expr] = []
        list.reserveCapacity(e.children.count)
        for c in e.children {
            let r = self(c)
            if r != c { changed = true }
            list.append(r)
        }
        let out = changed ? e.withChildren(list) : e
        memo[e] = out
        return out
    }
}
