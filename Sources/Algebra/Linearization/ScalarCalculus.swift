import ArbitraryPrecision
import Symbolic

// Small scalar tools the derivations need: distribution of products over sums, Wirtinger
// partial derivatives in mean-field atoms, and replacement of atoms. (Branches `poly` and
// `rewrite` bring the general `expand`, `substitute` and `derivative`; these are kept
// internal and minimal: polynomial in the atoms, any coefficients.)

/// Products and positive integer powers of sums multiplied out, recursively. Negative or
/// fractional powers of sums stay as atoms (with distributed bases).
public func distribute(_ e: Expr) -> Expr {
    switch e.kind {
    case .add:
        // A canonical node whose children are unchanged is returned as is: rebuilding it
        // would give the same node, at the cost of the canonicalising constructor.
        let children = e.children.map(distribute)
        return children.elementsEqual(e.children) ? e : Expr.add(children)
    case .mul:
        let factors = e.children.map(distribute)
        if factors.elementsEqual(e.children) && !factors.contains(where: { $0.kind == .add }) { return e }
        var terms: [Expr] = [.one]
        for d in factors {
            if d.kind == .add {
                var next: [Expr] = []
                next.reserveCapacity(terms.count * d.children.count)
                for t in terms { for s in d.children { next.append(Expr.mul(t, s)) } }
                terms = next
            } else {
                terms = terms.map { Expr.mul($0, d) }
            }
        }
        return Expr.add(terms)
    case .pow:
        let (b, x) = e.asPower
        let db = distribute(b)
        if let n = x.intValue, n >= 2, db.kind == .add, n <= 64 {
            // Term by term: Expr.mul(s, s) of a sum s is canonically s^2 again, so
            // distributing that product would not terminate.
            var acc = db
            for _ in 1..<n {
                var next: [Expr] = []
                let left: [Expr] = acc.kind == .add ? Array(acc.children) : [acc]
                next.reserveCapacity(left.count * db.children.count)
                for t in left { for u in db.children { next.append(Expr.mul(t, u)) } }
                acc = Expr.add(next)
            }
            return acc
        }
        return db == b ? e : Expr.pow(db, x)
    case .function:
        return e.mapChildren(distribute)
    default:
        return e
    }
}

/// Whether `e` is a mean-field atom: a symbol or conj of a symbol.
public func isAtom(_ e: Expr) -> Bool {
    e.kind == .symbol || (e.builtin == .conj && e.children[0].kind == .symbol)
}

/// ∂e/∂atom with conj(x) and x independent (Wirtinger derivatives), for expressions
/// polynomial in the atoms (coefficients may be anything free of them).
func wirtinger(_ e: Expr, _ atom: Expr) throws -> Expr {
    if e == atom { return .one }
    switch e.kind {
    case .integer, .number, .symbol, .bound:
        return .zero
    case .add:
        return Expr.add(try e.children.map { try wirtinger($0, atom) })
    case .mul:
        var terms: [Expr] = []
        let fs = Array(e.children)
        for (i, f) in fs.enumerated() {
            let d = try wirtinger(f, atom)
            if d.isZero { continue }
            var rest = fs
            rest[i] = d
            terms.append(Expr.mul(rest))
        }
        return Expr.add(terms)
    case .pow:
        let (b, x) = e.asPower
        if dependsOn(x, atom) {
            throw AlgebraError.unsupported("derivative of a power whose exponent contains \(atom)")
        }
        let db = try wirtinger(b, atom)
        if db.isZero { return .zero }
        return Expr.mul([x, Expr.pow(b, Expr.add(x, .minusOne)), db])
    case .function:
        if e.builtin == .conj && e.children[0].kind == .symbol { return .zero }
        if dependsOn(e, atom) {
            throw AlgebraError.unsupported("derivative of the function \(e.head!.name) of \(atom)")
        }
        return .zero
    case .binder:
        if dependsOn(e, atom) { throw AlgebraError.unsupported("derivative under a binder") }
        return .zero
    }
}

/// Whether `atom` occurs in `e` (conj(x) counts as an occurrence of conj(x), not of x).
public func dependsOn(_ e: Expr, _ atom: Expr) -> Bool {
    if e == atom { return true }
    if e.builtin == .conj && e.children[0].kind == .symbol { return false }
    return e.children.contains { dependsOn($0, atom) }
}

/// Replaces symbols by values, rebuilding canonically (conj(x) becomes conj(value)).
public func replacing(_ e: Expr, _ values: [Symbol: Expr]) -> Expr {
    var memo: [Expr: Expr] = [:]
    func walk(_ x: Expr) -> Expr {
        if let m = memo[x] { return m }
        let r: Expr
        if let s = x.symbol { r = values[s] ?? x } else { r = x.mapChildren(walk) }
        memo[x] = r
        return r
    }
    return walk(e)
}
