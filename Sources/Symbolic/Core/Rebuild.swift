/// Rebuilding a node from new children through the canonical constructor of its kind:
/// the one primitive behind substitution, mapping and every rewriter, so a rewritten
/// expression is canonical again without a separate normalisation pass.
extension Expr {
    public func withChildren(_ newChildren: [Expr]) -> Expr {
        if newChildren.elementsEqual(children) { return self }
        switch kind {
        case .integer, .number, .symbol, .bound:
            return self
        case .add:
            return .add(newChildren)
        case .mul:
            return .mul(newChildren)
        case .pow:
            return .pow(newChildren[0], newChildren[1])
        case .function:
            return .apply(head!, newChildren)
        case .binder:
            return .rawBinder(value: rawValue, newChildren, hint: node.pointee.hint)
        }
    }

    /// Applies `transform` to every child and rebuilds canonically.
    public func mapChildren(_ transform: (Expr) throws -> Expr) rethrows -> Expr {
        if children.isEmpty { return self }
        return withChildren(try children.map(transform))
    }
}
