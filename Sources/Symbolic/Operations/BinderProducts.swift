/// Products of sums and integrals gathered under one binder: f · ∫dx g(x) · h = ∫dx f g(x) h,
/// and (∫dx a(x))(∫dy b(y)) = ∫dx ∫dy a(x) b(y) — the inverse of linearity, the first move of
/// every Fourier or Gaussian step (a bilinear ∫dt ψ̄(t)ψ(t) with both fields written as
/// integrals over frequency becomes one triple integral before the t integral is done).
///
/// The factors keep their order: the measures dx are even, so a Grassmann-odd body sits where
/// its binder stood and the sign of any later reordering is the core's. Each binder is opened
/// with a fresh variable, so nothing outside can be captured. Products Π and powers of a binder
/// ((∫g)²) are left alone; for integrals this assumes the product of the integrals converges
/// absolutely (Fubini), for finite sums it always holds.
extension Expr {
    public func mergingBinderProducts() -> Expr {
        let walk = Postwalk { e in
            guard e.kind == .mul, e.children.contains(where: Expr.isMergeable) else { return nil }
            return Expr.merged(Array(e.children))
        }
        return ((try? walk(self)) ?? nil) ?? self
    }

    private static func isMergeable(_ e: Expr) -> Bool {
        guard let k = e.binderKind else { return false }
        return k != .product
    }

    /// The product of `factors` with its first mergeable binder opened around the rest.
    private static func merged(_ factors: [Expr]) -> Expr {
        guard let j = factors.firstIndex(where: isMergeable), let kind = factors[j].binderKind,
              let (v, body) = factors[j].openBinderFresh() else { return Expr.mul(factors) }
        var inner = factors
        inner[j] = body
        let product = Expr.mul(inner)
        let rest = product.kind == .mul ? merged(Array(product.children)) : product
        return Expr.binder(kind, v, from: factors[j].children[1], to: factors[j].children[2], rest)
    }
}
