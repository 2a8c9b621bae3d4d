import Symbolic

/// Berezin integration over finitely many Grassmann generators, by the core's left
/// derivatives: ∫dθ 1 = 0, ∫dθ θ = 1, so ∫dθ f = ∂_θ f, and with the measure
/// D[φ̄,φ] = Π_i dφ̄_i dφ_i the innermost dφ_n acts first:
/// ∫D[φ̄,φ] f = ∂_{φ̄_1}∂_{φ_1} ⋯ ∂_{φ̄_n}∂_{φ_n} f. With this measure ∫dφ̄dφ e^{−aφ̄φ} = a, so
/// ∫D[φ̄,φ] e^{iφ̄Aφ} = det(−iA) (FIELDTHEORY.md). This is the exact finite integral that the
/// Gaussian-integration step is checked against: it knows nothing of determinants or inverses.
public enum Berezin {
    /// ∫ Π_i dφ̄_i dφ_i f.
    public static func integrate(_ f: Expr, pairs: [(bar: Expr, field: Expr)]) -> Expr {
        var out = distribute(f)
        for p in pairs.reversed() {
            out = distribute(out.derivative(withRespectTo: p.field))
            out = distribute(out.derivative(withRespectTo: p.bar))
        }
        return out.expand()
    }

    /// e^x for an even x built of Grassmann generators, multiplied out in factor order:
    /// Σ_{k ≤ order} x^k/k!. With 2m generators in x, x^k = 0 for k > m, so `order` = m is exact.
    public static func exponential(_ x: Expr, order: Int) -> Expr {
        let x = distribute(x)
        var terms: [Expr] = [.one]
        var power = Expr.one
        var factorial = 1
        for k in 1...max(order, 1) {
            power = distribute(Expr.mul(power, x)).expand()
            if power.isZero { break }
            factorial *= k
            terms.append(power / Expr.integer(factorial))
        }
        return distribute(Expr.add(terms))
    }
}
