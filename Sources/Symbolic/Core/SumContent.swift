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
            let (coefficient, monomial) = Coefficient.split(t)
            let q = coefficient.value
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
            var g = (re: BigInt.zero, im: BigInt.zero)
            for t in children {
                let q = Coefficient.split(t).0.value
                let n = (re: q.re.numerator * denominatorLCM.exactlyDivided(by: q.re.denominator),
                         im: q.im.numerator * denominatorLCM.exactlyDivided(by: q.im.denominator))
                g = gaussianGCD(g, n)
            }
            // The unit that puts the leading primitive coefficient in the sector re > 0, im ≥ 0.
            var c = GaussianRational(BigRational(g.re, denominatorLCM), BigRational(g.im, denominatorLCM))
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

/// A greatest common divisor in ℤ[i] (up to a unit), by Euclid's algorithm with division
/// rounded to the nearest Gaussian integer (the remainder's norm at most half the divisor's).
func gaussianGCD(_ a: (re: BigInt, im: BigInt), _ b: (re: BigInt, im: BigInt)) -> (re: BigInt, im: BigInt) {
    var (x, y) = (a, b)
    while !(y.re.isZero && y.im.isZero) {
        // x / y = x·conj(y) / |y|²; round each part to the nearest integer.
        let norm = y.re * y.re + y.im * y.im
        let pr = x.re * y.re + x.im * y.im, pi = x.im * y.re - x.re * y.im
        let twice = norm + norm
        let qr = (pr + pr + norm).floorDivided(by: twice), qi = (pi + pi + norm).floorDivided(by: twice)
        let r = (re: x.re - (qr * y.re - qi * y.im), im: x.im - (qr * y.im + qi * y.re))
        (x, y) = (y, r)
    }
    return x
}
