/// Functional derivatives δ/δψ(x₀) and δ/δψ̄(x₀) of expressions in fields ψ(x) (function
/// symbols applied to their slots), with the Grassmann signs of a *left* derivative.
///
/// **Definition.** Every application ψ(x) of the field's symbol is an independent variable, and
/// δψ(x)/δψ(x₀) = Π_k δ_k(x_k, x₀_k): a Kronecker δ_{x_k, x₀_k} for a discrete slot (declared
/// contour, Keldysh, Nambu, site or index; or, undeclared, a slot holding an integer-valued
/// argument) and a Dirac δ(x_k − x₀_k) for a continuous one (declared time or frequency; or
/// undeclared and not integer-valued). Sums, products, powers, builtins and binders follow the
/// rules of `derivative` (Leibniz in factor order, chain rule); then factors free of each bound
/// variable are taken out of its binder (`splittingBinders`) and integrals and sums over the
/// slots are sifted (`siftingDeltas`, `contractingKroneckerDeltas`), so
/// δ/δψ(t₀) ∫dt conj(ψ(t)) ψ(t) = −conj(ψ(t₀)) and δ/δψ̄(t₀) ∫dt ∫ds ψ̄(t)K(t, s)ψ(s) =
/// ∫ds K(t₀, s)ψ(s).
///
/// **Bars.** The bar of a field is conj(ψ) (the core's Grassmann bar: odd, and independent of ψ
/// as in the Wirtinger calculus); δ/δψ̄(x₀) is asked for with `conj(ψ(x₀))` and treats conj(ψ(x))
/// as the variable, ψ(x) as a constant. A bar written as a separate field symbol (`psibar`) is
/// equally a field of its own.
///
/// **Sign convention (left derivative).** δ/δψ acts from the left: to reach a factor it moves
/// past every factor before it, and passing an odd factor flips the sign (a mixed one is passed
/// as its grade involution). For Grassmann ψ, with ψ̄ = conj(ψ), i.e. δ(AB) = (δA)B + (−1)^|A| A δB:
///
///     δ/δψ(t₀)  [ψ̄(t) ψ(t)]            = −ψ̄(t) δ(t − t₀)
///     δ/δψ̄(t₀) [ψ̄(t) ψ(t)]            =  δ(t − t₀) ψ(t)
///     δ/δψ(t₀)  [ψ(t₁) ψ̄(t₂) ψ(t₃)]     =  δ(t₁ − t₀) ψ̄(t₂) ψ(t₃) + ψ(t₁) ψ̄(t₂) δ(t₃ − t₀)
///     δ/δψ̄(t₀) [ψ(t₁) ψ̄(t₂) ψ(t₃)]     = −ψ(t₁) δ(t₂ − t₀) ψ(t₃)
///     δ/δψ(t₀)  ∫dt ψ̄(t) ψ(t)           = −ψ̄(t₀),   δ/δψ̄(t₀) ∫dt ψ̄(t) ψ(t) = ψ(t₀)
///
/// For a commuting (bosonic) field no sign arises: δ/δφ(t₀) [φ̄(t)φ(t)] = φ̄(t)δ(t − t₀).
///
/// **Ranges.** With `assumingPointInRange` (the default) the point x₀ is taken to lie inside
/// every integration and summation range over a slot: a δ whose root depends only on the point
/// is sifted whatever the limits (the functional derivative is taken at a point of the field's
/// domain). Without it only the decidable cases of `siftingDeltas` are sifted.
extension Expr {
    /// δ/δψ(x₀) of `self`, for `fieldValue` = ψ(x₀) (an application of a function symbol) or
    /// conj(ψ(x₀)) for δ/δψ̄(x₀). See the type's comment for the convention.
    public func functionalDerivative(_ fieldValue: Expr, assumingPointInRange: Bool = true) -> Expr {
        var conjugateSide = false
        var application = fieldValue
        if fieldValue.builtin == .conj {
            conjugateSide = true
            application = fieldValue.children[0]
        }
        precondition(application.kind == .function && application.builtin == nil,
                     "functionalDerivative: expected ψ(x₀) or conj(ψ(x₀)), got \(fieldValue)")
        let field = FieldPoint(head: application.head!, point: Array(application.children))
        var d = Differentiator(variable: .field(field), conjugateSide: conjugateSide)
        // Linearity first, so that a delta under an inner binder that does not bind its variable
        // comes out to the binder it sifts through, and numbers stand outside the integrals.
        let raw = d.d(self).splittingBinders()
        let pointSymbols = application.freeSymbols
        return raw.sifting(dirac: true, kronecker: true) { root, _, _ in
            assumingPointInRange && !root.freeSymbols.isEmpty && root.freeSymbols.isSubset(of: pointSymbols)
        }
    }
}

/// The field and the point of a functional derivative δ/δψ(point).
struct FieldPoint {
    let head: Symbol
    let point: [Expr]

    var isOdd: Bool { head.info.commutation == .grassmann }

    /// Whether `e` is a value ψ(x) of the field.
    func matches(_ e: Expr) -> Bool {
        e.kind == .function && e.head == head && e.children.count == point.count
    }

    /// δψ(x)/δψ(point): the product over slots of the Kronecker or Dirac delta pairing them.
    func deltas(_ e: Expr) -> Expr {
        var factors: [Expr] = []
        for (k, (x, x0)) in zip(e.children, point).enumerated() {
            let discrete = head.slotKind(k)?.isDiscrete ?? (x.isIntegerValued || x0.isIntegerValued)
            factors.append(discrete ? Expr.kroneckerDelta(x, x0) : Expr.diracDelta(x - x0))
        }
        return Expr.mul(factors)
    }
}
