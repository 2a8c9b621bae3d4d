import ArbitraryPrecision

/// Sifting through Dirac deltas under integrals, and contracting Kronecker deltas under sums.
///
/// * **Dirac.** ∫_a^b ds δ(c(s − t)) f(s) = f(t)/|c| when t lies inside (a, b). The argument of
///   δ must be linear in the bound variable, c·s + r with c and r free of s (δ(t − s), δ(s − t)
///   and δ(2s − 2t) all qualify); |c| must be decidable: c a nonzero real number, or known
///   positive (or known negative) from the declarations. A δ whose argument is not linear in s
///   (δ(s² − 1)) is left alone.
/// * **Kronecker.** Σ_{j=a}^{b} δ_{ij} x_j = x_i when a ≤ i ≤ b; one argument of δ must be the
///   bound variable itself and the other free of it.
///
/// **Whether the root lies in the range** is decided, in order: limits −∞ … ∞ contain every
/// root; a number against numeric limits (for an integral a root on an end point is not
/// decided, for a sum the ends are included); an index declared with a range (`α` of kind site,
/// range 1…N) is inside a sum whose limits are that range, or contain it numerically. A root
/// outside numeric limits makes the term 0. Otherwise the term is left under the binder, unless
/// `assumingInRange` is true: then every undecided root is taken to lie inside (the physicist's
/// convention for a free index or time). Terms of the body are sifted one by one; the terms
/// without a usable delta stay under one binder. Products Π are left alone.
extension Expr {
    public func siftingDeltas(assumingInRange: Bool = false) -> Expr {
        sifting(dirac: true, kronecker: false) { _, _, _ in assumingInRange }
    }

    public func contractingKroneckerDeltas(assumingInRange: Bool = false) -> Expr {
        sifting(dirac: false, kronecker: true) { _, _, _ in assumingInRange }
    }

    /// Both, with `assume(root, lower, upper)` deciding the roots the rules above leave open.
    func sifting(dirac: Bool, kronecker: Bool, assume: @escaping (Expr, Expr, Expr) -> Bool) -> Expr {
        transformingBinders { kind, v, lower, upper, body in
            guard (kind == .integral && dirac) || (kind == .sum && kronecker) else { return nil }
            var outside = SumBuilder()
            var inside = SumBuilder()
            var changed = false
            for t in body.terms {
                if let r = Expr.sift(t, kind, v, lower, upper, assume) {
                    outside.add(r)
                    changed = true
                } else {
                    inside.add(t)
                }
            }
            guard changed else { return nil }
            let rest = inside.build()
            if !rest.isZero { outside.add(Expr.binder(kind, v, from: lower, to: upper, rest)) }
            return outside.build()
        }
    }

    /// One term of the body sifted through its first usable delta factor: the term without it at
    /// the root (times 1/|c|), 0 for a root outside the range, nil when no delta could be used.
    private static func sift(_ term: Expr, _ kind: BinderKind, _ v: Symbol, _ lower: Expr, _ upper: Expr,
                             _ assume: (Expr, Expr, Expr) -> Bool) -> Expr? {
        let factors: [Expr] = term.kind == .mul ? Array(term.children) : [term]
        for (k, f) in factors.enumerated() {
            guard let (root, weight) = deltaRoot(f, kind, v) else { continue }
            let inRange = rangeContains(root, lower, upper, discrete: kind == .sum) ?? (assume(root, lower, upper) ? true : nil)
            guard let inside = inRange else { continue }
            if !inside { return .zero }
            var rest = factors
            rest.remove(at: k)
            return Expr.mul(weight, Expr.mul(rest).substitute([v: root]))
        }
        return nil
    }

    /// The root in v of a delta factor and its weight: δ(c v + r) gives (−r/c, 1/|c|), δ_{v,i}
    /// gives (i, 1).
    private static func deltaRoot(_ f: Expr, _ kind: BinderKind, _ v: Symbol) -> (root: Expr, weight: Expr)? {
        switch (f.builtin, kind) {
        case (.delta?, .integral):
            guard let (c, r) = f.children[0].linearCoefficients(in: v), let magnitude = c.knownMagnitude else { return nil }
            return (Expr.neg(r) / c, Expr.pow(magnitude, .minusOne))
        case (.kdelta?, .sum):
            let (a, b) = (f.children[0], f.children[1])
            let x = Expr.symbol(v)
            if a == x && !b.contains(v) { return (b, .one) }
            if b == x && !a.contains(v) { return (a, .one) }
            return nil
        default:
            return nil
        }
    }

    /// (c, r) with self = c·v + r, c ≠ 0 and c, r free of v; nil when self is not of that form.
    func linearCoefficients(in v: Symbol) -> (c: Expr, r: Expr)? {
        let x = Expr.symbol(v)
        var c = SumBuilder(), r = SumBuilder()
        for t in terms {
            guard t.contains(v) else { r.add(t); continue }
            if t == x { c.add(.one); continue }
            guard t.kind == .mul, let i = t.children.firstIndex(of: x) else { return nil }
            var rest = Array(t.children)
            rest.remove(at: i)
            let coefficient = Expr.mul(rest)
            guard !coefficient.contains(v) else { return nil }
            c.add(coefficient)
        }
        let slope = c.build()
        return slope.isZero ? nil : (slope, r.build())
    }

    /// |self| when it is decidable: a nonzero real number, or a value known positive or negative.
    var knownMagnitude: Expr? {
        if let q = rationalValue { return q.isZero ? nil : Expr.number(q.signum < 0 ? -q : q) }
        if isPositive { return self }
        if Expr.neg(self).isPositive { return Expr.neg(self) }
        return nil
    }

    /// Whether lower ≤ root ≤ upper (discrete) or lower < root < upper (continuous), when the
    /// rules in the type's comment decide it.
    static func rangeContains(_ root: Expr, _ lower: Expr, _ upper: Expr, discrete: Bool) -> Bool? {
        let belowAll = lower == Expr.neg(.infinity), aboveAll = upper == .infinity
        if belowAll && aboveAll { return true }
        if let r = root.rationalValue {
            if discrete && !r.isInteger { return false }
            let lo = lower.rationalValue, hi = upper.rationalValue
            guard belowAll || lo != nil, aboveAll || hi != nil else { return nil }
            let aboveLower = belowAll ? 1 : (r - lo!).signum
            let belowUpper = aboveAll ? 1 : (hi! - r).signum
            if aboveLower < 0 || belowUpper < 0 { return false }
            if aboveLower > 0 && belowUpper > 0 { return true }
            return discrete ? true : nil
        }
        if discrete, let s = root.symbol, let range = s.info.indexRange {
            if range.lower == lower && range.upper == upper { return true }
            if let a = range.lower.rationalValue, let b = range.upper.rationalValue,
               belowAll || (lower.rationalValue.map { ($0 - a).signum <= 0 } ?? false),
               aboveAll || (upper.rationalValue.map { ($0 - b).signum >= 0 } ?? false) { return true }
        }
        return nil
    }
}
