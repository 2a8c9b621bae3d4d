import Symbolic

/// The density read term by term: which field components (values or time derivatives) each
/// term holds, in the order of its factors.
extension Action {
    /// A component symbol (value or derivative) → the component and whether it is the derivative.
    var componentSymbols: [Symbol: (component: FieldComponent, derivative: Bool)] {
        var table: [Symbol: (FieldComponent, Bool)] = [:]
        for c in components {
            table[c.symbol] = (c, false)
            table[c.derivativeSymbol] = (c, true)
        }
        return table
    }

    /// The terms of the density (a distributed sum).
    var densityTerms: [Expr] { density.kind == .add ? Array(density.children) : (density.isZero ? [] : [density]) }
}

/// One term of a density split into its field factors (in the product's order, powers written
/// out) and the rest (a coefficient in the parameters and any background).
struct FieldTerm {
    var coefficient: Expr
    var factors: [(component: FieldComponent, derivative: Bool)]

    init(_ term: Expr, _ symbols: [Symbol: (component: FieldComponent, derivative: Bool)]) {
        var rest: [Expr] = []
        var factors: [(component: FieldComponent, derivative: Bool)] = []
        let parts = term.kind == .mul ? Array(term.children) : [term]
        for p in parts {
            let (base, exponent) = p.asPower
            if let s = base.symbol, let f = symbols[s], let n = exponent.intValue, n > 0 {
                factors.append(contentsOf: Array(repeating: f, count: n))
            } else {
                rest.append(p)
            }
        }
        coefficient = Expr.mul(rest)
        self.factors = factors
    }
}
