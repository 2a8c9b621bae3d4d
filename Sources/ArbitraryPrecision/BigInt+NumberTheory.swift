import CGMP

extension BigInt {
    /// Non-negative greatest common divisor; gcd(0, 0) == 0.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            // Magnitudes as UInt because |Int.min| does not fit in Int.
            var u = x.magnitude, v = y.magnitude
            while v != 0 { (u, v) = (v, u % v) }
            return BigInt(u)
        }
        return a.withMPZ { x in b.withMPZ { y in computing { __gmpz_gcd($0, x, y) } } }
    }

    /// Non-negative least common multiple; zero if either argument is zero.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        if a.isZero || b.isZero { return .zero }
        return (a.magnitude.exactlyDivided(by: gcd(a, b))) * b.magnitude
    }

    /// self^n for n >= 0; 0^0 == 1.
    public func power(_ n: Int) -> BigInt {
        precondition(n >= 0, "BigInt.power requires a non-negative exponent")
        if case .small(let base) = storage {
            if let r = BigInt.smallPower(base, n) { return BigInt(r) }
        }
        return withMPZ { b in BigInt.computing { __gmpz_pow_ui($0, b, UInt(n)) } }
    }

    /// Square-and-multiply in Int; nil on overflow so the caller can use GMP.
    private static func smallPower(_ base: Int, _ n: Int) -> Int? {
        switch base {
        case 0: return n == 0 ? 1 : 0
        case 1: return 1
        case -1: return n.isMultiple(of: 2) ? 1 : -1
        default: break
        }
        var result = 1, b = base, e = n
        while true {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: b)
                if o { return nil }
                result = r
            }
            e >>= 1
            if e == 0 { return result }
            let (sq, o) = b.multipliedReportingOverflow(by: b)
            if o { return nil }
            b = sq
        }
    }

    /// floor(sqrt(self)); nil for negative values.
    public func isqrt() -> BigInt? {
        if signum < 0 { return nil }
        return withMPZ { x in BigInt.computing { __gmpz_sqrt($0, x) } }
    }

    public var isPerfectSquare: Bool {
        if signum < 0 { return false }
        return withMPZ { __gmpz_perfect_square_p($0) != 0 }
    }

    public static func factorial(_ n: Int) -> BigInt {
        precondition(n >= 0, "factorial requires n >= 0")
        return computing { __gmpz_fac_ui($0, UInt(n)) }
    }

    public static func binomial(_ n: BigInt, _ k: Int) -> BigInt {
        precondition(k >= 0, "binomial requires k >= 0")
        return n.withMPZ { x in computing { __gmpz_bin_ui($0, x, UInt(k)) } }
    }
}
