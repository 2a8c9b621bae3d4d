import ArbitraryPrecision
import RealModule

/// Canonical powers. Integer and rational exponents of exact numbers are evaluated
/// exactly where the result is exact (perfect powers, i² = −1); denominators of
/// surds are rationalised (1/√2 → √2/2); (x^a)^b is combined only where that is an
/// identity for the declared assumptions (b integer, or x ≥ 0, or √(x²) = |x| for real x).
extension Expr {
    public static func pow(_ base: Expr, _ exponent: Expr) -> Expr {
        if base.isUndefinedValue || exponent.isUndefinedValue { return .undefined }
        if exponent.isZero { return .one }
        if exponent.isOne { return base }
        if base.isOne { return .one }
        if base.isZero {
            if exponent.isPositive { return .zero }
            if let q = exponent.rationalValue, q.signum < 0 { return .undefined }
            return raw(.pow, flags: powFlags(base, exponent), [base, exponent])
        }
        if let q = base.numberValue, let e = exponent.rationalValue {
            return numericPow(q, e)
        }
        let eInteger = exponent.intValue
        switch base.kind {
        case .pow:
            let x = base.children[0], a = base.children[1]
            if eInteger != nil || (x.isNonnegative && a.isReal && exponent.isReal) {
                return pow(x, mul(a, exponent))
            }
            if x.isReal, let ai = a.intValue, ai % 2 == 0, exponent.rationalValue != nil {
                return pow(abs(x), mul(a, exponent))
            }
        case .mul where base.isCommuting:
            if eInteger != nil {
                return mul(base.children.map { pow($0, exponent) })
            }
            let positive = base.children.filter { $0.isNonnegative }
            if !positive.isEmpty && exponent.isReal {
                let rest = base.children.filter { !$0.isNonnegative }
                return mul(positive.map { pow($0, exponent) } + [pow(mul(rest), exponent)])
            }
        case .add:
            // Pull the content out of a sum: (2x+2y)^2 = 4 (x+y)^2, matching products.
            let (content, primitive) = base.sumContent()
            if !content.isOne && (eInteger != nil || (content.isReal && content.re.signum > 0 && exponent.isReal)) {
                return mul(pow(number(content), exponent), pow(primitive, exponent))
            }
        case .function where base.builtin == .exp:
            let x = base.children[0]
            if eInteger != nil || (x.isReal && exponent.isReal) { return exp(mul(x, exponent)) }
        default:
            break
        }
        if base.isGrassmannOdd, let n = eInteger {
            // Grassmann generators are nilpotent and have no inverse.
            return n >= 2 ? .zero : .undefined
        }
        return raw(.pow, flags: powFlags(base, exponent), [base, exponent])
    }

    static func powFlags(_ b: Expr, _ e: Expr) -> NodeFlags {
        var f: NodeFlags = []
        let eInteger = e.isIntegerValued
        if (b.isReal && eInteger) || (b.isNonnegative && e.isReal) { f.insert(.real) }
        if b.isPositive && e.isReal { f.formUnion([.positive, .nonnegative]) }
        if b.isNonnegative && e.isReal { f.insert(.nonnegative) }
        if b.isReal, let n = e.intValue, n % 2 == 0 { f.insert(.nonnegative) }
        if b.isIntegerValued && e.isNonnegative && eInteger { f.insert(.integer) }
        if b.flags.contains(.numeric) && e.flags.contains(.numeric) { f.insert(.numeric) }
        f.formUnion(b.flags.union(e.flags).intersection([.noncommuting, .hasBound, .hasGrassmann]))
        // Integer powers of an odd base never get here (0, the base, or undefined); any other
        // power of an odd or mixed base, or with a Grassmann exponent, is mixed.
        if !b.flags.union(e.flags).isDisjoint(with: .parity) { f.insert(.mixed) }
        if b.flags.contains(.infinite) && !(e.rationalValue.map { $0.signum < 0 } ?? false) { f.insert(.infinite) }
        return f
    }

    /// Exact q^e for q in Q(i) and rational e.
    static func numericPow(_ q: GaussianRational, _ e: BigRational) -> Expr {
        let rawPow = { raw(.pow, flags: powFlags(number(q), number(e)), [number(q), number(e)]) }
        if e.isInteger {
            guard let n = e.numerator.asInt else { return rawPow() }
            if q.isZero { return n > 0 ? .zero : .undefined }
            let isUnit = q.norm.isOne
            // Keep huge exact powers symbolic rather than building enormous numbers
            // (more than about 10^6 digits).
            let bits = max(q.re.numerator.bitWidth, q.re.denominator.bitWidth,
                           q.im.numerator.bitWidth, q.im.denominator.bitWidth)
            if !isUnit && (Swift.abs(n) > 100_000 || bits * Swift.abs(n) > 4_000_000) { return rawPow() }
            return number(q.power(n))
        }
        guard q.isReal else { return rawPow() }
        let r = q.re
        if r.signum < 0 {
            // (−|r|)^(p/2) = i^p |r|^(p/2): the principal branch for square roots.
            if e.denominator == 2, let p = e.numerator.asInt {
                return mul(number(GaussianRational.i.power(((p % 4) + 4) % 4)), numericPow(GaussianRational(-r), e))
            }
            return rawPow()
        }
        // r > 0: r^(p/d) = num^(p/d) · den^(−p/d), each reduced to an integer part times a surd.
        let num = positiveIntegerPow(r.numerator, e)
        let den = positiveIntegerPow(r.denominator, BigRational(0) - e)
        return mul(num, den)
    }

    /// n^(p/d) for a positive integer n: exact when n is a perfect d-th power, otherwise
    /// n^k · n^(s/d) with 0 < s < d.
    private static func positiveIntegerPow(_ n: BigInt, _ e: BigRational) -> Expr {
        if n.isOne { return .one }
        let d = e.denominator
        if let root = integerRoot(n, d) {
            if let p = e.numerator.asInt, Swift.abs(p) <= 100_000 {
                return number(BigRational(root).power(p))
            }
        }
        let k = e.floor
        let s = e - BigRational(k)
        guard let kk = k.asInt, Swift.abs(kk) <= 100_000 else {
            return raw(.pow, flags: powFlags(number(n), number(e)), [number(n), number(e)])
        }
        let whole = number(BigRational(n).power(kk))
        let surd = raw(.pow, flags: powFlags(number(n), number(s)), [number(n), number(s)])
        return mul(whole, surd)
    }

    /// The exact d-th root of n ≥ 0 when it is an integer.
    static func integerRoot(_ n: BigInt, _ d: BigInt) -> BigInt? {
        guard let dd = d.asInt, dd >= 1 else { return nil }
        if dd == 1 { return n }
        if dd == 2 { return n.isPerfectSquare ? n.isqrt() : nil }
        // Newton's method on integers from a floating-point start.
        let approx = Double.pow(n.toDouble(), 1.0 / Double(dd))
        guard approx.isFinite else { return nil }
        let guess = BigInt(approx.rounded())
        for candidate in [guess - 1, guess, guess + 1] where candidate.signum >= 0 {
            if candidate.power(dd) == n { return candidate }
        }
        return nil
    }

    /// Not a number: the value of 0^(−1) and similar.
    public static let undefined = symbol(.constant(.undefined))
}

