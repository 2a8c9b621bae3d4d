/// Exchange of the order of two nested sums or integrals (Fubini):
/// ∫_a^b dx c(x) ∫_c^d dy f(x, y) = ∫_c^d dy ∫_a^b dx c(x) f(x, y), when the inner limits do not
/// depend on the outer variable (the outer limits cannot depend on the inner one). Factors of
/// the outer body beside the inner binder go into it in their order (the measures are even, so
/// Grassmann factors commute with them). For integrals this assumes the double integral
/// converges absolutely; for finite sums it always holds. Products Π are not exchanged.
extension Expr {
    /// The binder with its body's binder moved outside, or nil when the body is not (factors
    /// times) one sum or integral, or the inner limits depend on the outer variable.
    public func exchangingBinderOrder() -> Expr? {
        guard let outerKind = binderKind, outerKind != .product, let (x, body) = openBinderFresh() else { return nil }
        var factors = body.kind == .mul ? Array(body.children) : [body]
        let binders = factors.indices.filter { factors[$0].kind == .binder }
        guard binders.count == 1, let j = binders.first else { return nil }
        let inner = factors[j]
        guard let innerKind = inner.binderKind, innerKind != .product,
              !inner.children[1].contains(x), !inner.children[2].contains(x),
              let (y, innerBody) = inner.openBinderFresh() else { return nil }
        factors[j] = innerBody
        let swapped = Expr.binder(outerKind, x, from: children[1], to: children[2], Expr.mul(factors))
        return Expr.binder(innerKind, y, from: inner.children[1], to: inner.children[2], swapped)
    }
}
