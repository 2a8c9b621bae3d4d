/// Distributive expansion.
///
/// * Commuting expressions (no operator or Grassmann factor) are converted to sparse
///   polynomials over their generators (see `Polynomial.from`), multiplied out there, and
///   converted back as one canonical sum. Negative and fractional powers, function
///   applications and binders are generators: expand does not look inside them, so
///   (x+1)⁻² and exp((x+1)²) stay as they are. Expansion is not recursive into function
///   arguments; map `expand` over them when that is wanted.
/// * Products with operator or Grassmann factors are distributed keeping the order of the
///   factors, a·(b + c)·d → a·b·d + a·c·d, and positive integer powers of sums of operators
///   are multiplied out in order; `Expr.mul` then applies the Grassmann signs and the
///   operator ordering rules of the core. Commuting factors of such products are still
///   expanded through polynomials.
/// * An expression that is already expanded (a sum of terms with no sum inside a product
///   or inside a positive integer power) is returned as it is after one linear scan.
extension Expr {
    public func expand() -> Expr {
        if isExpanded { return self }
        if Polynomial.isConvertible(self), let p = try? Polynomial(self) {
            return p.toExpr()
        }
        return Expr.add(Expr.expandedTerms(self))
    }

    /// True when there is nothing for `expand` to distribute.
    public var isExpanded: Bool {
        if kind == .add { return children.allSatisfy(Expr.isExpandedTerm) }
        return Expr.isExpandedTerm(self)
    }

    private static func isExpandedTerm(_ e: Expr) -> Bool {
        switch e.kind {
        case .add: return false
        case .mul: return e.children.allSatisfy(isExpandedTerm)
        case .pow:
            let base = e.children[0]
            guard let n = e.children[1].intValue, n > 0 else { return true }
            return base.kind != .add && base.kind != .mul
        default: return true
        }
    }

    /// The terms of the expansion of `e`, in order, not yet collected.
    private static func expandedTerms(_ e: Expr) -> [Expr] {
        switch e.kind {
        case .add:
            return e.children.flatMap(expandedTerms)
        case .mul:
            var commuting: [Expr] = []
            var ordered: [[Expr]] = []
            for f in e.children {
                if Polynomial.isConvertible(f) { commuting.append(f) } else { ordered.append(expandedTerms(f)) }
            }
            // Commuting factors commute with everything, so they are expanded together first.
            var result = commuting.isEmpty ? [Expr.one] : Expr.mul(commuting).expand().sumTerms
            for terms in ordered { result = distribute(result, terms) }
            return result
        case .pow:
            let base = e.children[0]
            guard let n = e.children[1].intValue, n > 0, base.kind == .add || base.kind == .mul else { return [e] }
            if Polynomial.isConvertible(e) { return e.expand().sumTerms }
            let terms = expandedTerms(base)
            var result = terms
            for _ in 1..<n { result = distribute(result, terms) }
            return result
        default:
            return [e]
        }
    }

    /// Every left term times every right term, left factors first.
    private static func distribute(_ left: [Expr], _ right: [Expr]) -> [Expr] {
        var out: [Expr] = []
        out.reserveCapacity(left.count * right.count)
        for l in left {
            for r in right {
                let p = Expr.mul([l, r])
                if !p.isZero { out.append(p) }
            }
        }
        return out
    }

    private var sumTerms: [Expr] { kind == .add ? Array(children) : [self] }
}
