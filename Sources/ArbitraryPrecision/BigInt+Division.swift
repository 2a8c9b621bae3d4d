import CGMP

extension BigInt {
    /// Truncating division, matching `Int.quotientAndRemainder(dividingBy:)`:
    /// the remainder has the sign of the dividend.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "division by zero")
        if case .small(let a) = storage, case .small(let b) = divisor.storage {
            let (q, overflow) = a.dividedReportingOverflow(by: b)
            if !overflow { return (BigInt(q), BigInt(a - q * b)) }
        }
        let q = MPZBox(), r = MPZBox()
        withMPZ { n in divisor.withMPZ { d in __gmpz_tdiv_qr(q.pointer, r.pointer, n, d) } }
        return (BigInt(normalizing: q), BigInt(normalizing: r))
    }

    /// Truncating quotient, like `Int./`.
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt {
        precondition(!rhs.isZero, "division by zero")
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (q, overflow) = a.dividedReportingOverflow(by: b)
            if !overflow { return BigInt(q) }
        }
        return lhs.withMPZ { n in rhs.withMPZ { d in computing { __gmpz_tdiv_q($0, n, d) } } }
    }

    /// Truncating remainder, like `Int.%` (sign of the dividend).
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt {
        precondition(!rhs.isZero, "division by zero")
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (r, overflow) = a.remainderReportingOverflow(dividingBy: b)
            if !overflow { return BigInt(r) }
        }
        return lhs.withMPZ { n in rhs.withMPZ { d in computing { __gmpz_tdiv_r($0, n, d) } } }
    }

    public static func /= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs / rhs }
    public static func %= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs % rhs }

    /// Quotient rounded toward negative infinity.
    public func floorDivided(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "division by zero")
        if case .small(let a) = storage, case .small(let b) = divisor.storage {
            let (q, overflow) = a.dividedReportingOverflow(by: b)
            if !overflow {
                let inexact = q &* b != a
                return BigInt(inexact && ((a < 0) != (b < 0)) ? q - 1 : q)
            }
        }
        return withMPZ { n in divisor.withMPZ { d in BigInt.computing { __gmpz_fdiv_q($0, n, d) } } }
    }

    /// Remainder of `floorDivided(by:)`; has the sign of the divisor.
    public func floorModulo(_ divisor: BigInt) -> BigInt {
        self - floorDivided(by: divisor) * divisor
    }

    /// Quotient when the division is known to be exact. GMP's divexact is much
    /// faster than general division for big operands; divisibility is checked
    /// only in debug builds because verifying it costs as much as dividing.
    public func exactlyDivided(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "division by zero")
        if case .small(let a) = storage, case .small(let b) = divisor.storage {
            let (q, overflow) = a.dividedReportingOverflow(by: b)
            if !overflow {
                precondition(q &* b == a, "exactlyDivided(by:) requires an exact division")
                return BigInt(q)
            }
        }
        return withMPZ { n in
            divisor.withMPZ { d in
                assert(__gmpz_divisible_p(n, d) != 0, "exactlyDivided(by:) requires an exact division")
                return BigInt.computing { __gmpz_divexact($0, n, d) }
            }
        }
    }

    /// True when `divisor` divides `self` exactly.
    public func isDivisible(by divisor: BigInt) -> Bool {
        if divisor.isZero { return isZero }
        if case .small(let a) = storage, case .small(let b) = divisor.storage {
            return a.remainderReportingOverflow(dividingBy: b).partialValue == 0
        }
        return withMPZ { n in divisor.withMPZ { d in __gmpz_divisible_p(n, d) != 0 } }
    }
}
