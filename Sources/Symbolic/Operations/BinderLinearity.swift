/// Linearity of sums and integrals: Σ_k (a f + b g) = a Σ_k f + b Σ_k g and ∫dt (a f + b g) =
/// a ∫dt f + b ∫dt g, with a, b every factor free of the bound variable (numbers, commuting
/// factors, and Grassmann-odd factors, moved out with the sign of the move).
///
/// A named operation, not part of the canonical form: splitting changes the shape of an
/// expression (one binder becomes several) and is wanted before sifting or comparing terms,
/// not always. The body is read as a sum of terms and not expanded: ∫dt a(f + g) stays one
/// integral of a sum after a is pulled out (expand the body first to split it). Operator
/// factors and Grassmann words with a mixed factor stay inside; products Π are left alone.
/// A term free of the variable becomes `term · Σ_k 1` or `term · ∫dt 1` (not evaluated: the
/// limits may be symbolic or infinite).
extension Expr {
    public func splittingBinders() -> Expr {
        transformingBinders { kind, v, lower, upper, body in
            guard kind != .product else { return nil }
            var out = SumBuilder()
            var changed = body.kind == .add
            for t in body.terms {
                let (constant, dependent) = t.separated(from: v)
                if !constant.isOne { changed = true }
                out.add(Expr.mul(constant, Expr.binder(kind, v, from: lower, to: upper, dependent)))
            }
            return changed ? out.build() : nil
        }
    }
}
