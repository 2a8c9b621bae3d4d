import ArbitraryPrecision

/// The numeric content of a sum: `4y − 4r = 4·(y − r)`, `x/2 + y/3 = (1/6)·(3x + 2y)`.
///
/// Products pull the content of their sum factors into the coefficient, and a number
/// times a lone sum distributes; together these make a product's canonical form
/// independent of grouping: (2·(x+y))·z, 2·((x+y)·z) and (2x+2y)·z are one node. The
/// primitive part has coprime integer (Gaussian) coefficients, and the term whose
/// coefficient-free part is least in the canonical order has a coefficient with re > 0 and
/// im ≥ 0 (the Gaussian analogue of a positive leading coefficient).
extension Expr {
    func sumContent() -> (content: GaussianRational, primitive: Expr) {
        precondition(kind == .add)
        var numeratorGCD = BigInt(0)
        var denominatorLCM = BigInt(1)
        var allInteger = true
        var allReal = true
        // The sign is read off the term whose coefficient-free part is least in the
        // canonical order: that choice does not change when the sum is rescaled.
        var leadingTerm: Expr? = nil
        var first = GaussianRational(1)
        for t in children {
            let (q, monomial) = t.asCoefficientAndTerm
            if leadingTerm == nil || Expr.canonicalLess(monomial, leadingTerm!) {
                leadingTerm = monomial
                first = q
            }
            if !q.im.isZero { allReal = false }
            for part in [q.re, q.im] where !part.isZero {
                numeratorGCD = BigInt.gcd(numeratorGCD, part.numerator)
                if !part.denominator.isOne {
                    allInteger = false
                    denominatorLCM = BigInt.lcm(denominatorLCM, part.denominator)
                }
            }
        }
        let content: GaussianRational
        if allReal {
            if allInteger && numeratorGCD.isOne && first.re.signum > 0 { return (GaussianRational(1), self) }
            let c = BigRational(numeratorGCD, denominatorLCM)
            content = GaussianRational(first.re.signum < 0 ? -c : c)
        } else {
            // Over ℤ[i] the content is a Gaussian gcd: with only the rational gcd of the parts,
            // i·S or (1 + i)·S would keep the factor inside, and a product would depend on
            // grouping ((i·S)·x distributes i into S first, i·S·x keeps it in the coefficient).
            let scale = GaussianRational(BigRational(denominatorLCM))
            var g = GaussianRational.zero
            for t in children { g = GaussianRational.gaussianIntegerGCD(g, t.asCoefficientAndTerm.0 * scale) }
            // The unit that puts the leading primitive coefficient in the sector re > 0, im ≥ 0.
            var c = g / scale
            let w = first / c
            switch (w.re.signum, w.im.signum) {
            case (1, 0), (1, 1): break
            case (0, 1), (-1, 1): c = c * GaussianRational(BigRational(0), BigRational(1))
            case (-1, 0), (-1, -1): c = -c
            default: c = c * GaussianRational(BigRational(0), BigRational(-1))
            }
            if c.isOne { return (GaussianRational(1), self) }
            content = c
        }
        let inverse = GaussianRational(1) / content
        var builder = SumBuilder()
        for t in children { builder.add(t, times: inverse) }
        return (content, builder.build())
    }
}
