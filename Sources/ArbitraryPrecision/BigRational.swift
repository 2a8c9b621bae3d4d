/// Exact rational number in lowest terms with a positive denominator, so
/// equal values have identical fields and synthesized Hashable is correct.
public struct BigRational: Sendable, Hashable {
    public let numerator: BigInt
    public let denominator: BigInt

    /// Trusts the caller that the fraction is already reduced with d > 0.
    @usableFromInline
    init(reduced n: BigInt, _ d: BigInt) {
        numerator = n
        denominator = d
    }

    public init(_ n: BigInt, _ d: BigInt = 1) {
        precondition(!d.isZero, "BigRational with zero denominator")
        if d.isOne {
            self.init(reduced: n, d)
            return
        }
        if let a = n.asInt, let b = d.asInt, let r = BigRational.reducedSmall(a, b) {
            self = r
            return
        }
        let g = BigInt.gcd(n, d)
        var num = n.exactlyDivided(by: g), den = d.exactlyDivided(by: g)
        if den.signum < 0 { num = -num; den = -den }
        self.init(reduced: num, den)
    }

    @inlinable
    public init(_ v: Int) { self.init(reduced: BigInt(v), 1) }

    /// Reduces a/b in Int; nil only when negating Int.min would overflow.
    @usableFromInline
    static func reducedSmall(_ a: Int, _ b: Int) -> BigRational? {
        var u = a.magnitude, v = b.magnitude
        while v != 0 { (u, v) = (v, u % v) }
        // u == 2^63 only when b == Int.min and a is 0 or Int.min; then defer to BigInt.
        guard let g = Int(exactly: u), g != 0 else {
            return a == b ? BigRational(reduced: 1, 1) : nil
        }
        var n = a / g, d = b / g
        if d < 0 {
            guard n != .min, d != .min else { return nil }
            n = -n; d = -d
        }
        return BigRational(reduced: BigInt(n), BigInt(d))
    }
}

extension BigRational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigRational {
    public static let zero = BigRational(0)
    public static let one = BigRational(1)

    public var isInteger: Bool { denominator.isOne }
    public var isZero: Bool { numerator.isZero }
    public var isOne: Bool { numerator.isOne && denominator.isOne }
    public var signum: Int { numerator.signum }
    public var abs: BigRational { BigRational(reduced: numerator.magnitude, denominator) }

    /// Largest integer <= self.
    public var floor: BigInt { numerator.floorDivided(by: denominator) }

    /// Smallest integer >= self.
    public var ceil: BigInt { -((-numerator).floorDivided(by: denominator)) }

    public var reciprocal: BigRational {
        precondition(!isZero, "reciprocal of zero")
        return numerator.signum < 0
            ? BigRational(reduced: -denominator, -numerator)
            : BigRational(reduced: denominator, numerator)
    }

    /// self^n; negative n requires a nonzero value.
    public func power(_ n: Int) -> BigRational {
        if n < 0 { return reciprocal.power(-n) }
        // Powers of coprime integers stay coprime, so no reduction is needed.
        return BigRational(reduced: numerator.power(n), denominator.power(n))
    }
}
