/// The plane-wave integral, in the sense of distributions:
/// ∫_{−∞}^{∞} dt e^{i a t + b} = 2π e^{b} δ(a), for a real and free of t (a ≠ 0 as an
/// expression: ∫dt e^{b} diverges and is left alone), b free of t. It is the step that turns
/// ∫dt ψ̄(t)ψ(t), with both fields written as Fourier integrals, into ∫dν dω δ(ν − ω)…
/// (paper 000 A12–A13) before the δ is sifted.
///
/// Each term of the body is read as (factors free of t) · e^{exponent}, the exponent linear
/// in t with a purely imaginary slope i·a; a term of any other shape stays under the integral.
/// Nothing is assumed about the limits: only −∞ … ∞ qualifies.
extension Expr {
    public func integratingPlaneWaves() -> Expr {
        transformingBinders { kind, t, lower, upper, body in
            guard kind == .integral, lower == Expr.neg(.infinity), upper == .infinity else { return nil }
            var done = SumBuilder()
            var left = SumBuilder()
            var changed = false
            for term in body.terms {
                if let r = Expr.planeWave(term, t) {
                    done.add(r)
                    changed = true
                } else {
                    left.add(term)
                }
            }
            guard changed else { return nil }
            let rest = left.build()
            if !rest.isZero { done.add(Expr.integral(rest, t, from: lower, to: upper)) }
            return done.build()
        }
    }

    private static func planeWave(_ term: Expr, _ t: Symbol) -> Expr? {
        let (constant, dependent) = term.separated(from: t)
        guard dependent.builtin == .exp else { return nil }
        let exponent = dependent.children[0].expand()
        let slope = exponent.derivative(t).expand()
        guard !slope.contains(t), !slope.isZero else { return nil }
        let offset = (exponent - slope * Expr.symbol(t)).expand()
        guard !offset.contains(t) else { return nil }
        let a = (Expr.neg(.i) * slope).expand()
        guard a.isReal else { return nil }
        return constant * Expr.integer(2) * .pi * Expr.exp(offset) * Expr.diracDelta(a)
    }
}
