import ArbitraryPrecision

/// The numeric content of a sum: `4y − 4r = 4·(y − r)`, `x/2 + y/3 = (1/6)·(3x + 2y)`.
///
/// Products pull the content of their sum factors into the coefficient, and a number
/// times a lone sum distributes; together these make a product's canonical form
/// independent of grouping: (2·(x+y))·z, 2·((x+y)·z) and (2x+2y)·z are one node. The
/// primitive part has coprime integer (Gaussian) coefficients, and the term whose
/// coefficient-free part is least in the canonical order has a positive leading part.
extension Expr {
    func sumContent() -> (content: GaussianRational, primitive: Expr) {
        precondition(kind == .add)
        var numeratorGCD = BigInt(0)
        var denominatorLCM = BigInt(1)
        var allInteger = true
        // The sign is read off the term whose coefficient-free part is least in the
        // canonical order: that choice does not change when the sum is rescaled.
        var leadingTerm: Expr? = nil
        var first = GaussianRational(1)
        for t in children {
            let (coefficient, monomial) = Coefficient.split(t)
            let q = coefficient.value
            if leadingTerm == nil || Expr.canonicalLess(monomial, leadingTerm!) {
                leadingTerm = monomial
                first = q
            }
            for part in [q.re, q.im] where !part.isZero {
                numeratorGCD = BigInt.gcd(numeratorGCD, part.numerator)
                if !part.denominator.isOne {
                    allInteger = false
                    denominatorLCM = BigInt.lcm(denominatorLCM, part.denominator)
                }
            }
        }
        let leading = first.re.isZero ? first.im : first.re
        let negative = leading.signum < 0
        if allInteger && numeratorGCD.isOne && !negative { return (GaussianRational(1), self) }
        var c = BigRational(numeratorGCD, denominatorLCM)
        if negative { c = -c }
        let content = GaussianRational(c)
        let inverse = GaussianRational(c.reciprocal)
        var builder = SumBuilder()
        for t in children { builder.add(t, times: inverse) }
        return (content, builder.build())
    }
}
