import Symbolic

/// ∂f/∂atom for several atoms in one pass over the terms of f: the stability matrix needs
/// every row's derivative by every variable, and one `wirtinger` call per (row, variable)
/// walked (and rebuilt, as zeros) the whole right-hand side each time.
///
/// The result for each atom is the same expression `wirtinger(f, atom)` gives: a sum of f is
/// differentiated term by term, a product by the product rule, and a factor that does not
/// contain the atom contributes nothing (the terms are only collected into one sum here).
func wirtingerGradient(_ f: Expr, _ atoms: [Expr]) throws -> [Expr] {
    var terms = [[Expr]](repeating: [], count: atoms.count)
    let summands: [Expr] = f.kind == .add ? Array(f.children) : [f]
    for t in summands {
        guard t.kind == .mul else {
            for (k, atom) in atoms.enumerated() where dependsOn(t, atom) {
                let d = try wirtinger(t, atom)
                if !d.isZero { terms[k].append(d) }
            }
            continue
        }
        let factors = Array(t.children)
        for (i, g) in factors.enumerated() where !g.isNumber {
            for (k, atom) in atoms.enumerated() where dependsOn(g, atom) {
                let d = try wirtinger(g, atom)
                if d.isZero { continue }
                var rest = factors
                rest[i] = d
                terms[k].append(Expr.mul(rest))
            }
        }
    }
    return terms.map { Expr.add($0) }
}

/// Replaces symbols by values like `replacing`, remembering what it rebuilt across calls:
/// the columns of one stability matrix share most of their subexpressions.
struct Replacer {
    let values: [Symbol: Expr]
    private var memo: [Expr: Expr] = [:]

    init(_ values: [Symbol: Expr]) { self.values = values }

    mutating func callAsFunction(_ e: Expr) -> Expr {
        if let m = memo[e] { return m }
        let r: Expr
        if let s = e.symbol { r = values[s] ?? e } else { r = e.mapChildren { self($0) } }
        memo[e] = r
        return r
    }
}
