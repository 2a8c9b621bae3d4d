/// Real and imaginary parts written by conjugates: re(u) = (u + ū)/2, im(u) = (u − ū)/(2i),
/// everywhere in an expression (innermost first).
///
/// Construction splits re and im over sums only and keeps re(z), im(z) of a non-real z as atoms,
/// so re(i g z/2) and −(g/2) im(z), or κ re(ψ) and κ(ψ + ψ̄)/2, are different nodes for the same
/// value. Conjugation is pushed to the atoms at construction (conj(i g z) = −i g z̄), so after this
/// rewrite an expression is a rational function of the non-real atoms and their conjugates, and
/// two forms of one value have a difference that `distribute` and `expand` take to 0. A named
/// operation, not the canonical form: it trades re/im, which print as the papers write them, for
/// the pair (z, z̄), which the polynomial normal form can cancel. Operator-valued arguments keep
/// their re/im (their conjugate is not the adjoint the identity would need).
extension Expr {
    public func realPartsAsConjugates() -> Expr {
        let walk = Postwalk { e in
            guard e.kind == .function, let b = e.builtin, b == .re || b == .im else { return nil }
            let u = e.children[0]
            guard !u.flags.contains(.noncommuting) else { return nil }
            let c = Expr.conjugate(u)
            return b == .re ? (u + c) / 2 : (u - c) / (2 * Expr.i)
        }
        return ((try? walk(self)) ?? nil) ?? self
    }

    /// Whether re or im occurs (with `realPartsAsConjugates` something to do).
    public var containsRealParts: Bool {
        if kind == .function, let b = builtin, b == .re || b == .im { return true }
        return children.contains { $0.containsRealParts }
    }
}
