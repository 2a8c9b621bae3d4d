import CGMP

// Each operator tries Int arithmetic first and falls back to GMP only on
// overflow or when an operand is already big.

extension BigInt {
    @inlinable
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (r, overflow) = a.addingReportingOverflow(b)
            if !overflow { return BigInt(r) }
        }
        return addSlow(lhs, rhs)
    }

    @inlinable
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (r, overflow) = a.subtractingReportingOverflow(b)
            if !overflow { return BigInt(r) }
        }
        return subtractSlow(lhs, rhs)
    }

    @inlinable
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (r, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return BigInt(r) }
        }
        return multiplySlow(lhs, rhs)
    }

    @inlinable
    public static prefix func - (x: BigInt) -> BigInt {
        if case .small(let a) = x.storage, a != .min { return BigInt(-a) }
        return negateSlow(x)
    }

    @inlinable public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    @inlinable public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }
    @inlinable public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    @usableFromInline
    static func addSlow(_ lhs: BigInt, _ rhs: BigInt) -> BigInt {
        lhs.withMPZ { a in rhs.withMPZ { b in computing { __gmpz_add($0, a, b) } } }
    }

    @usableFromInline
    static func subtractSlow(_ lhs: BigInt, _ rhs: BigInt) -> BigInt {
        lhs.withMPZ { a in rhs.withMPZ { b in computing { __gmpz_sub($0, a, b) } } }
    }

    @usableFromInline
    static func multiplySlow(_ lhs: BigInt, _ rhs: BigInt) -> BigInt {
        lhs.withMPZ { a in rhs.withMPZ { b in computing { __gmpz_mul($0, a, b) } } }
    }

    @usableFromInline
    static func negateSlow(_ x: BigInt) -> BigInt {
        x.withMPZ { a in computing { __gmpz_neg($0, a) } }
    }
}

extension BigInt {
    /// Multiplies by 2^n (n >= 0).
    public static func << (lhs: BigInt, rhs: Int) -> BigInt {
        precondition(rhs >= 0, "shift amount must be non-negative")
        if case .small(let a) = lhs.storage {
            if a == 0 { return lhs }
            if rhs < Int.bitWidth - 1 {
                let shifted = a << rhs
                if shifted >> rhs == a { return BigInt(shifted) }
            }
        }
        return lhs.withMPZ { a in computing { __gmpz_mul_2exp($0, a, mp_bitcnt_t(rhs)) } }
    }

    /// Divides by 2^n rounding toward negative infinity (n >= 0), like `Int.>>`.
    public static func >> (lhs: BigInt, rhs: Int) -> BigInt {
        precondition(rhs >= 0, "shift amount must be non-negative")
        if case .small(let a) = lhs.storage {
            return BigInt(rhs >= Int.bitWidth ? (a < 0 ? -1 : 0) : a >> rhs)
        }
        return lhs.withMPZ { a in computing { __gmpz_fdiv_q_2exp($0, a, mp_bitcnt_t(rhs)) } }
    }
}
