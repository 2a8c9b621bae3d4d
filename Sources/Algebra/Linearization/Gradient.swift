import ArbitraryPrecision
import Symbolic

/// A right-hand side and its Wirtinger derivatives by several atoms, evaluated at a point:
/// one row of a stability matrix and its residual.
///
/// Each value is `distribute(replace(·))` of a Wirtinger derivative (`wirtingerDerivative`
/// for an atom x, `conjugateWirtingerDerivative` for conj(x)), taken here by the product
/// rule over the factors of each term. A term is taken apart once: each factor is replaced
/// and distributed once for the whole matrix (most recur in every row), a factor's
/// derivatives are found from the atom it is (most are a variable or its conjugate) rather
/// than by testing every atom, a product that keeps a factor vanishing at the point (a
/// normal state zeroes most variables) is skipped before it is built, and the products of
/// the surviving factors are formed as distributed sums (the numbers stay exact
/// coefficients, and each product of two monomials is built once).
struct GradientAtPoint {
    let atoms: [Expr]
    /// The positions of each atom in `atoms`.
    private let columns: [Expr: [Int]]
    private var replace: Substitution
    /// Factor → its value at the point, distributed.
    private var values: [Expr: DistributedSum] = [:]
    private var conjugates: [Expr: Expr] = [:]
    private var products = MonomialProducts()

    init(atoms: [Expr], point: [Symbol: Expr]) {
        self.atoms = atoms
        var columns: [Expr: [Int]] = [:]
        for (k, a) in atoms.enumerated() { columns[a, default: []].append(k) }
        self.columns = columns
        replace = Substitution(point)
    }

    /// (f at the point, ∂f/∂atom at the point for each atom); with `conjugated`, the same
    /// for conj(f), conjugated factor by factor (conj of a product is the product of the
    /// conjugates, so the row of conj⟨x⟩ needs no conjugated right-hand side).
    mutating func evaluate(_ f: Expr, conjugated: Bool) -> (Expr, [Expr]) {
        var residual = DistributedSum()
        var sums = [DistributedSum](repeating: DistributedSum(), count: atoms.count)
        for t in f.kind == .add ? Array(f.children) : [f] {
            var c = GaussianRational.one
            var factors: [Expr] = []
            for g in t.kind == .mul ? Array(t.children) : [t] {
                if let q = g.numberValue { c = c * q } else { factors.append(conjugated ? conjugate(g) : g) }
            }
            if conjugated { c = c.conjugate }
            let vals = factors.map { value($0) }
            let zeros = vals.count { $0.isZero }
            if zeros == 0 { residual.add(product(vals, except: nil), times: c) }
            // Every derivative keeps all factors but one.
            if zeros >= 2 { continue }
            for (i, g) in factors.enumerated() where zeros == 0 || vals[i].isZero {
                let derivatives = self.derivatives(of: g)
                if derivatives.isEmpty { continue }
                let rest = product(vals, except: i)
                for (k, d) in derivatives {
                    let dv = value(d)
                    if !dv.isZero { sums[k].add(rest.times(dv, &products), times: c) }
                }
            }
        }
        return (residual.expr(products), sums.map { $0.expr(products) })
    }

    private mutating func product(_ vals: [DistributedSum], except i: Int?) -> DistributedSum {
        var p = DistributedSum.one
        for (j, v) in vals.enumerated() where j != i { p = p.times(v, &products) }
        return p
    }

    private mutating func value(_ e: Expr) -> DistributedSum {
        if let v = values[e] { return v }
        let v = DistributedSum(replace(e), &products)
        values[e] = v
        return v
    }

    private mutating func conjugate(_ e: Expr) -> Expr {
        if let c = conjugates[e] { return c }
        let c = Expr.conjugate(e)
        conjugates[e] = c
        return c
    }

    /// The nonzero ∂g/∂atom of one factor, by position of the atom.
    private func derivatives(of g: Expr) -> [(Int, Expr)] {
        if let ks = columns[g] { return ks.map { ($0, .one) } }
        if g.kind == .pow, let ks = columns[g.children[0]] {
            let d = Self.derivative(g, g.children[0])
            return d.isZero ? [] : ks.map { ($0, d) }
        }
        var out: [(Int, Expr)] = []
        for (k, atom) in atoms.enumerated() where g.contains(Self.variable(atom)) {
            let d = Self.derivative(g, atom)
            if !d.isZero { out.append((k, d)) }
        }
        return out
    }

    /// The symbol x of an atom x or conj(x).
    private static func variable(_ atom: Expr) -> Symbol { atom.symbol ?? atom.children[0].symbol! }

    /// ∂e/∂x for the atom x, ∂e/∂x̄ for the atom conj(x).
    private static func derivative(_ e: Expr, _ atom: Expr) -> Expr {
        if let x = atom.symbol { return e.wirtingerDerivative(x) }
        return e.conjugateWirtingerDerivative(variable(atom))
    }
}
