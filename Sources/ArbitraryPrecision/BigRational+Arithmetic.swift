// Every operator first tries Int arithmetic when all four parts are small,
// falling back to BigInt on overflow.

extension BigRational {
    public static func + (lhs: BigRational, rhs: BigRational) -> BigRational {
        if let a = lhs.numerator.asInt, let b = lhs.denominator.asInt,
           let c = rhs.numerator.asInt, let d = rhs.denominator.asInt,
           let r = addSmall(a, b, c, d) {
            return r
        }
        if lhs.denominator == rhs.denominator {
            return BigRational(lhs.numerator + rhs.numerator, lhs.denominator)
        }
        return BigRational(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator,
                           lhs.denominator * rhs.denominator)
    }

    private static func addSmall(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> BigRational? {
        if b == d {
            let (n, o) = a.addingReportingOverflow(c)
            return o ? nil : reducedSmall(n, b)
        }
        let (ad, o1) = a.multipliedReportingOverflow(by: d)
        let (cb, o2) = c.multipliedReportingOverflow(by: b)
        let (bd, o3) = b.multipliedReportingOverflow(by: d)
        let (n, o4) = ad.addingReportingOverflow(cb)
        if o1 || o2 || o3 || o4 { return nil }
        return reducedSmall(n, bd)
    }

    public static prefix func - (x: BigRational) -> BigRational {
        BigRational(reduced: -x.numerator, x.denominator)
    }

    public static func - (lhs: BigRational, rhs: BigRational) -> BigRational { lhs + (-rhs) }

    public static func * (lhs: BigRational, rhs: BigRational) -> BigRational {
        if let a = lhs.numerator.asInt, let b = lhs.denominator.asInt,
           let c = rhs.numerator.asInt, let d = rhs.denominator.asInt {
            let (n, o1) = a.multipliedReportingOverflow(by: c)
            let (m, o2) = b.multipliedReportingOverflow(by: d)
            if !o1 && !o2, let r = reducedSmall(n, m) { return r }
        }
        // Cross-cancelling first keeps the intermediate products small.
        let g1 = BigInt.gcd(lhs.numerator, rhs.denominator)
        let g2 = BigInt.gcd(rhs.numerator, lhs.denominator)
        let n = lhs.numerator.exactlyDivided(by: g1) * rhs.numerator.exactlyDivided(by: g2)
        let d = lhs.denominator.exactlyDivided(by: g2) * rhs.denominator.exactlyDivided(by: g1)
        return BigRational(reduced: n, d)
    }

    public static func / (lhs: BigRational, rhs: BigRational) -> BigRational {
        precondition(!rhs.isZero, "division by zero")
        return lhs * rhs.reciprocal
    }

    public static func += (lhs: inout BigRational, rhs: BigRational) { lhs = lhs + rhs }
    public static func -= (lhs: inout BigRational, rhs: BigRational) { lhs = lhs - rhs }
    public static func *= (lhs: inout BigRational, rhs: BigRational) { lhs = lhs * rhs }
    public static func /= (lhs: inout BigRational, rhs: BigRational) { lhs = lhs / rhs }
}

extension BigRational: Comparable {
    public static func < (lhs: BigRational, rhs: BigRational) -> Bool {
        if let a = lhs.numerator.asInt, let b = lhs.denominator.asInt,
           let c = rhs.numerator.asInt, let d = rhs.denominator.asInt {
            let (ad, o1) = a.multipliedReportingOverflow(by: d)
            let (cb, o2) = c.multipliedReportingOverflow(by: b)
            if !o1 && !o2 { return ad < cb }
        }
        // Denominators are positive, so cross-multiplying preserves the order.
        return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}
