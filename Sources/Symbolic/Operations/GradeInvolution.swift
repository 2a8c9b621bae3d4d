/// The grade involution α of the Grassmann algebra: the automorphism that negates odd values
/// and keeps even ones, α(ψ) = −ψ, α(1 + ψ) = 1 − ψ, α(ψχ) = ψχ.
///
/// A left derivative with respect to an odd variable passes a factor A as α(A): ∂(AB) =
/// (∂A)B + α(A)∂B. For homogeneous A that is the familiar sign; for mixed A (1 + χ) it negates
/// the odd part only. α is computed from the parity flags: even values are returned as they
/// are, odd ones negated, and mixed ones mapped through (α commutes with sums, products,
/// powers, conjugation, builtins and integrals, whose measures are even).
extension Expr {
    public func gradeInvolution() -> Expr {
        switch parity {
        case .even: return self
        case .odd: return Expr.neg(self)
        case .mixed:
            let inner = mapChildren { $0.gradeInvolution() }
            // ψ(a + θ) for a Grassmann-odd field ψ: α gives −ψ(α(a + θ)).
            if kind == .function, builtin == nil, head!.info.commutation == .grassmann { return Expr.neg(inner) }
            return inner
        }
    }

    /// A sum split into its even and its odd terms, when every term is homogeneous (nil for a
    /// term that is itself mixed, or for a value that is not a sum of such terms).
    var parityParts: (even: Expr, odd: Expr)? {
        switch parity {
        case .even: return (self, .zero)
        case .odd: return (.zero, self)
        case .mixed:
            guard kind == .add else { return nil }
            var even = SumBuilder(), odd = SumBuilder()
            for t in children {
                switch t.parity {
                case .even: even.add(t)
                case .odd: odd.add(t)
                case .mixed: return nil
                }
            }
            return (even.build(), odd.build())
        }
    }
}
