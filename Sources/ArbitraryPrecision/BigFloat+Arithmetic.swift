import CMPFR

extension BigFloat {
    typealias BinaryOperation = (
        UnsafeMutablePointer<__mpfr_struct>?, UnsafePointer<__mpfr_struct>?,
        UnsafePointer<__mpfr_struct>?, mpfr_rnd_t
    ) -> Int32

    static func binary(_ lhs: BigFloat, _ rhs: BigFloat, _ op: BinaryOperation) -> BigFloat {
        computing(precision: Swift.max(lhs.precision, rhs.precision)) {
            _ = op($0, lhs.box.pointer, rhs.box.pointer, MPFR_RNDN)
        }
    }

    /// Operates in place when `lhs` already has enough precision and owns its
    /// storage, avoiding an allocation in accumulation loops.
    static func binaryInPlace(_ lhs: inout BigFloat, _ rhs: BigFloat, _ op: BinaryOperation) {
        guard lhs.precision >= rhs.precision else {
            lhs = binary(lhs, rhs, op)
            return
        }
        lhs.makeUnique()
        _ = op(lhs.box.pointer, lhs.box.pointer, rhs.box.pointer, MPFR_RNDN)
    }

    public static func + (lhs: BigFloat, rhs: BigFloat) -> BigFloat { binary(lhs, rhs, mpfr_add) }
    public static func - (lhs: BigFloat, rhs: BigFloat) -> BigFloat { binary(lhs, rhs, mpfr_sub) }
    public static func * (lhs: BigFloat, rhs: BigFloat) -> BigFloat { binary(lhs, rhs, mpfr_mul) }

    /// IEEE semantics: dividing by zero gives ±infinity or NaN, never a trap.
    public static func / (lhs: BigFloat, rhs: BigFloat) -> BigFloat { binary(lhs, rhs, mpfr_div) }

    public static prefix func - (x: BigFloat) -> BigFloat {
        computing(precision: x.precision) { mpfr_neg($0, x.box.pointer, MPFR_RNDN) }
    }

    public static func += (lhs: inout BigFloat, rhs: BigFloat) { binaryInPlace(&lhs, rhs, mpfr_add) }
    public static func -= (lhs: inout BigFloat, rhs: BigFloat) { binaryInPlace(&lhs, rhs, mpfr_sub) }
    public static func *= (lhs: inout BigFloat, rhs: BigFloat) { binaryInPlace(&lhs, rhs, mpfr_mul) }
    public static func /= (lhs: inout BigFloat, rhs: BigFloat) { binaryInPlace(&lhs, rhs, mpfr_div) }
}

// Comparisons follow IEEE rules: every comparison involving NaN is false.
extension BigFloat: Comparable {
    public static func == (lhs: BigFloat, rhs: BigFloat) -> Bool {
        mpfr_equal_p(lhs.box.pointer, rhs.box.pointer) != 0
    }

    public static func < (lhs: BigFloat, rhs: BigFloat) -> Bool {
        mpfr_less_p(lhs.box.pointer, rhs.box.pointer) != 0
    }

    public static func <= (lhs: BigFloat, rhs: BigFloat) -> Bool {
        mpfr_lessequal_p(lhs.box.pointer, rhs.box.pointer) != 0
    }

    public static func > (lhs: BigFloat, rhs: BigFloat) -> Bool {
        mpfr_greater_p(lhs.box.pointer, rhs.box.pointer) != 0
    }

    public static func >= (lhs: BigFloat, rhs: BigFloat) -> Bool {
        mpfr_greaterequal_p(lhs.box.pointer, rhs.box.pointer) != 0
    }
}
