import Symbolic

/// A right-hand side and its Wirtinger derivatives by several atoms, evaluated at a point:
/// one row of a stability matrix and its residual.
///
/// Each value is `distribute(replace(·))` of the expression `wirtinger` gives: a sum is
/// differentiated term by term and a product by the product rule. A term is taken apart
/// once: its factors are replaced once (shared by the residual and every derivative), a
/// factor's derivatives are found from the atom it is (most are a variable or its
/// conjugate) rather than by testing every atom, and a product that keeps a factor vanishing
/// at the point (a normal state zeroes most variables) is skipped before it is built.
struct GradientAtPoint {
    let atoms: [Expr]
    /// The positions of each atom in `atoms`.
    private let columns: [Expr: [Int]]

    init(atoms: [Expr]) {
        self.atoms = atoms
        var columns: [Expr: [Int]] = [:]
        for (k, a) in atoms.enumerated() { columns[a, default: []].append(k) }
        self.columns = columns
    }

    /// (f at the point, ∂f/∂atom at the point for each atom), distributed.
    func evaluate(_ f: Expr, _ replace: inout Replacer) throws -> (Expr, [Expr]) {
        var residual: [Expr] = []
        var terms = [[Expr]](repeating: [], count: atoms.count)
        for t in f.kind == .add ? Array(f.children) : [f] {
            let factors: [Expr] = t.kind == .mul ? Array(t.children) : [t]
            let values = factors.map { replace($0) }
            let zeros = values.count { $0.isZero }
            if zeros == 0 { residual.append(Expr.mul(values)) }
            // Every derivative keeps all factors but one.
            if zeros >= 2 { continue }
            for (i, g) in factors.enumerated() where !g.isNumber && (zeros == 0 || values[i].isZero) {
                for (k, d) in try derivatives(of: g) {
                    var v = values
                    v[i] = replace(d)
                    if !v[i].isZero { terms[k].append(Expr.mul(v)) }
                }
            }
        }
        return (distribute(Expr.add(residual)), terms.map { distribute(Expr.add($0)) })
    }

    /// The nonzero ∂g/∂atom of one factor, by position of the atom.
    private func derivatives(of g: Expr) throws -> [(Int, Expr)] {
        if let ks = columns[g] { return ks.map { ($0, .one) } }
        if g.kind == .pow, let ks = columns[g.children[0]] {
            let d = try wirtinger(g, g.children[0])
            return d.isZero ? [] : ks.map { ($0, d) }
        }
        var out: [(Int, Expr)] = []
        for (k, atom) in atoms.enumerated() where dependsOn(g, atom) {
            let d = try wirtinger(g, atom)
            if !d.isZero { out.append((k, d)) }
        }
        return out
    }
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
