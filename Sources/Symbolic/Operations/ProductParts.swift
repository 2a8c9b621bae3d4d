import ArbitraryPrecision

/// A product read in its canonical layout: numeric coefficient, commuting factors,
/// Grassmann-odd factors (in order) and operator factors (in order). Matching,
/// coefficient extraction and differentiation all need the three parts apart, because
/// only the first may be reordered freely.
///
/// A Grassmann word with a mixed factor ((1 + ψ)χ) cannot be permuted with signs, so the
/// whole word goes in front of the operator word in `ordered` (Grassmann values commute with
/// operators), where it is matched and kept in order; `odd` is then empty.
struct ProductParts {
    var coefficient: GaussianRational
    var commuting: [Expr]
    var odd: [Expr]
    var ordered: [Expr]

    init(_ e: Expr) {
        coefficient = GaussianRational.one
        commuting = []
        odd = []
        ordered = []
        if let q = e.numberValue { coefficient = q; return }
        let factors: [Expr] = e.kind == .mul ? Array(e.children) : [e]
        var hasMixed = false
        for f in factors {
            if let q = f.numberValue { coefficient *= q }
            else if f.flags.contains(.noncommuting) { ordered.append(f) }
            else if f.flags.contains(.odd) { odd.append(f) }
            else if f.flags.contains(.mixed) { odd.append(f); hasMixed = true }
            else { commuting.append(f) }
        }
        if hasMixed {
            ordered = odd + ordered
            odd = []
        }
    }

    /// The operator word with positive integer powers written out as repeated letters,
    /// so that a sub-word `a a†` is found inside `a a†²`.
    static func letters(_ word: [Expr]) -> [Expr] {
        var out: [Expr] = []
        for f in word {
            let (b, e) = f.asPower
            if let n = e.intValue, n > 1, n <= 64 { out.append(contentsOf: repeatElement(b, count: n)) }
            else { out.append(f) }
        }
        return out
    }
}

/// The sign of the permutation that sorts `order` (a list of distinct positions).
func permutationSign(_ order: [Int]) -> Int {
    var seen = [Bool](repeating: false, count: order.count)
    var sign = 1
    let rank = Dictionary(uniqueKeysWithValues: order.sorted().enumerated().map { ($0.element, $0.offset) })
    let p = order.map { rank[$0]! }
    for i in 0..<p.count where !seen[i] {
        var j = i, length = 0
        while !seen[j] { seen[j] = true; j = p[j]; length += 1 }
        if length % 2 == 0 { sign = -sign }
    }
    return sign
}
