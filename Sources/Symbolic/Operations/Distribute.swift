/// Products and positive integer powers of sums multiplied out, recursively: the normal
/// form of the mean-field derivation. Negative or fractional powers of sums stay as atoms
/// (with distributed bases).
///
/// Unlike `expand`, it goes into function arguments and into the bases of the powers it
/// keeps, builds no polynomial (products are multiplied out term by term with `Expr.mul`,
/// so operator words keep their order and any coefficient stays as it is), and returns a
/// node unchanged when nothing in it distributes.
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
