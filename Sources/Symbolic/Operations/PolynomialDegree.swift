/// The degree of an expression as a polynomial in some of its symbols, the others (and every
/// function of them) read as coefficients.
extension Expr {
    /// The total degree in `variables`, or nil when one of them occurs other than in a
    /// polynomial way: in a denominator or a non-integer power, in a function's argument, under
    /// a binder. A sum's degree is its largest term's (cancellation between terms is not looked
    /// for), so the result bounds the degree from above: degree ≤ 1 proves the expression
    /// affine in the variables. Shared subexpressions are visited once.
    public func polynomialDegree(in variables: Set<Symbol>) -> Int? {
        var memo: [Expr: Int?] = [:]
        func degree(_ e: Expr) -> Int? {
            switch e.kind {
            case .integer, .number, .bound: return 0
            case .symbol: return variables.contains(e.symbol!) ? 1 : 0
            default: break
            }
            if e.flags.contains(.numeric) { return 0 }
            if let known = memo[e] { return known }
            let d: Int?
            switch e.kind {
            case .add:
                var m = 0
                var failed = false
                for c in e.children { guard let k = degree(c) else { failed = true; break }; m = max(m, k) }
                d = failed ? nil : m
            case .mul:
                var s = 0
                var failed = false
                for c in e.children { guard let k = degree(c) else { failed = true; break }; s += k }
                d = failed ? nil : s
            case .pow:
                let (base, exponent) = (e.children[0], e.children[1])
                guard let b = degree(base), degree(exponent) == 0 else { d = nil; break }
                if b == 0 {
                    d = 0
                } else if let n = exponent.intValue, n >= 0 {
                    d = n * b
                } else {
                    d = nil
                }
            default:
                // A function's arguments and a binder's body: free of the variables, or not a polynomial.
                d = e.children.allSatisfy { degree($0) == 0 } ? 0 : nil
            }
            memo[e] = d
            return d
        }
        return degree(self)
    }
}
