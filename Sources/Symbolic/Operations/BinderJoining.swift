/// The inverse of linearity: terms of a sum that are (factors times) one sum or integral over
/// the same range joined under one binder, c₁ ∫dν f + c₂ ∫dμ g = ∫dν (c₁ f + c₂ g[μ → ν]).
///
/// Renaming the bound variable costs nothing: the binders are compared by kind, limits and the
/// variable's assumptions (the name is only a printing hint), and every member is opened with
/// one fresh variable. This is what makes two integrals written differently comparable as values:
/// derived − printed joins into one integral whose integrand can be simplified (or evaluated) as
/// one expression. A term joins when it is one binder times factors free of the bound variable
/// (they are: they stand outside it) that are not operators; the factors go in front of the
/// body in their order (the measure is even, so a Grassmann factor keeps its sign). Products Π,
/// a term with two binders (∫∫ as a product of integrals) and a power of a binder stay as they
/// are. A joined body that is 0 drops the term (∫0 = 0, Σ0 = 0). The body is not simplified:
/// `mappingBinderBodies` does that where it is wanted.
extension Expr {
    ///
    /// With `takingFactorsIn`, a binder term that joins no other also takes its factors in
    /// (c ∫dν f → ∫dν c f), so that every sum or integral term of a sum is one binder: the form in
    /// which two expressions' integrals are matched range by range (`binderTerms`).
    public func joiningBinders(takingFactorsIn: Bool = false) -> Expr {
        let walk = Postwalk { e in
            if e.kind == .add { return Expr.joined(Array(e.children), takingFactorsIn: takingFactorsIn) }
            if takingFactorsIn, e.kind == .mul { return Expr.joined([e], takingFactorsIn: true) }
            return nil
        }
        return ((try? walk(self)) ?? nil) ?? self
    }

    /// A term as (factors outside, the one joinable binder), or nil.
    static func joinableBinderTerm(_ t: Expr) -> (outside: [Expr], binder: Expr)? {
        if let k = t.binderKind { return k == .product ? nil : ([], t) }
        guard t.kind == .mul, !t.flags.contains(.noncommuting) else { return nil }
        let factors = Array(t.children)
        let binders = factors.indices.filter { factors[$0].kind == .binder }
        guard binders.count == 1, let j = binders.first, factors[j].binderKind != .product else { return nil }
        var outside = factors
        outside.remove(at: j)
        return (outside, factors[j])
    }

    struct BinderKey: Hashable {
        let value: Int64, lower: Expr, upper: Expr
    }

    /// A sum as its binder-free part and its sum or integral terms, one per range: the terms of
    /// `joiningBinders(takingFactorsIn: true)`, each binder with its kind, limits and body opened
    /// with `variable` (the same variable for every range, so two expressions' parts can be
    /// compared range by range). A term that does not join (a product of two integrals, a
    /// product Π) is in `rest`.
    public func binderTerms(variable: (BinderKind, Assumptions) -> Symbol)
        -> (rest: Expr, binders: [(kind: BinderKind, lower: Expr, upper: Expr, variable: Symbol, body: Expr)]) {
        let joined = joiningBinders(takingFactorsIn: true)
        var rest: [Expr] = []
        var binders: [(kind: BinderKind, lower: Expr, upper: Expr, variable: Symbol, body: Expr)] = []
        for t in joined.terms {
            guard let kind = t.binderKind, kind != .product else { rest.append(t); continue }
            let v = variable(kind, t.binderAssumptions)
            binders.append((kind, t.children[1], t.children[2], v, t.instantiateBinder(with: .symbol(v))))
        }
        return (Expr.add(rest), binders)
    }

    private static func joined(_ terms: [Expr], takingFactorsIn: Bool) -> Expr? {
        var groups: [BinderKey: [(outside: [Expr], binder: Expr)]] = [:]
        var order: [BinderKey] = []
        var rest: [Expr] = []
        for t in terms {
            guard let (outside, b) = joinableBinderTerm(t) else { rest.append(t); continue }
            let key = BinderKey(value: b.rawValue, lower: b.children[1], upper: b.children[2])
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((outside, b))
        }
        // Nothing to join: every binder term stands alone, with no factor to take in.
        if order.allSatisfy({ groups[$0]!.count == 1 && (!takingFactorsIn || groups[$0]![0].outside.isEmpty) }) { return nil }
        var out = rest
        for key in order {
            let members = groups[key]!
            if members.count == 1 && (!takingFactorsIn || members[0].outside.isEmpty) {
                out.append(Expr.mul(members[0].outside + [members[0].binder]))
                continue
            }
            let first = members[0].binder
            guard let kind = first.binderKind, let (v, _) = first.openBinderFresh() else { continue }
            let body = Expr.add(members.map { Expr.mul($0.outside + [$0.binder.instantiateBinder(with: .symbol(v))]) })
            if body.isZero { continue }
            out.append(Expr.binder(kind, v, from: key.lower, to: key.upper, body))
        }
        return Expr.add(out)
    }

    /// Every sum's and integral's body replaced by `transform` of it, innermost binders first,
    /// each opened with a fresh variable (so `transform` sees no loose index); a binder whose
    /// new body is 0 becomes 0. Products Π are left alone (their body is not a linear slot).
    public func mappingBinderBodies(_ transform: @escaping (Expr) -> Expr) -> Expr {
        transformingBinders { kind, v, lower, upper, body in
            guard kind != .product else { return nil }
            let b = transform(body)
            if b.isZero { return .zero }
            return b == body ? nil : Expr.binder(kind, v, from: lower, to: upper, b)
        }
    }
}
