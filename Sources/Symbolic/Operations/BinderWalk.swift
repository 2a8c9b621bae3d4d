/// The walk shared by the binder operations (linearity, sifting): every sum, integral and
/// product node, bottom-up, handed to `transform` opened with a fresh variable (its limits
/// and the opened body, with any binders inside already transformed). `transform` returns
/// the replacement of the whole binder, or nil to keep it.
extension Expr {
    func transformingBinders(_ transform: @escaping (_ kind: BinderKind, _ variable: Symbol, _ lower: Expr,
                                                      _ upper: Expr, _ body: Expr) -> Expr?) -> Expr {
        let walk = Postwalk { e in
            guard let kind = e.binderKind, let (v, body) = e.openBinderFresh() else { return nil }
            return transform(kind, v, e.children[1], e.children[2], body)
        }
        return ((try? walk(self)) ?? nil) ?? self
    }

    /// The term split as `constant · dependent` with respect to `v`: the numeric coefficient,
    /// the commuting factors free of v and the odd factors free of v (moved to the front, the
    /// sign of the move in the coefficient) on the left; the rest, in order, on the right.
    /// Operator factors and a Grassmann word with a mixed factor stay on the right.
    func separated(from v: Symbol) -> (constant: Expr, dependent: Expr) {
        let p = ProductParts(self)
        let freeCommuting = p.commuting.filter { !$0.contains(v) }
        let boundCommuting = p.commuting.filter { $0.contains(v) }
        let free = p.odd.indices.filter { !p.odd[$0].contains(v) }
        let bound = p.odd.indices.filter { p.odd[$0].contains(v) }
        let sign = permutationSign(free + bound)
        let constant = Expr.mul([Expr.number(p.coefficient), Expr.integer(sign)] + freeCommuting + free.map { p.odd[$0] })
        let dependent = Expr.mul(boundCommuting + bound.map { p.odd[$0] } + p.ordered)
        return (constant, dependent)
    }
}
