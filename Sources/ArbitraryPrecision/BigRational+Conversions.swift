import CGMP
import CMPFR

extension BigRational {
    /// The exact binary value of a finite Double.
    public init(exactly d: Double) {
        precondition(d.isFinite, "BigRational(exactly:) requires a finite Double")
        if d == 0 {
            self = .zero
            return
        }
        // d = significand * 2^exponent with an integer significand.
        let significand: UInt64
        let exponent: Int
        if d.isNormal {
            significand = d.significandBitPattern | (1 << UInt64(Double.significandBitCount))
            exponent = Int(d.exponent) - Double.significandBitCount
        } else {
            significand = d.significandBitPattern
            exponent = Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount
        }
        let magnitude = BigInt(UInt(significand))
        let signed = d.sign == .minus ? -magnitude : magnitude
        if exponent >= 0 {
            self.init(reduced: signed << exponent, 1)
        } else {
            self.init(signed, BigInt.one << -exponent)
        }
    }

    /// Lends a read-only mpq view sharing the limbs of numerator and denominator.
    public func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
        try numerator.withMPZ { n in
            try denominator.withMPZ { d in
                var q = __mpq_struct(_mp_num: n.pointee, _mp_den: d.pointee)
                return try withUnsafePointer(to: &q) { try body($0) }
            }
        }
    }

    /// Nearest Double (ties to even); ±infinity or ±0 outside the Double range.
    public func toDouble() -> Double {
        if let n = numerator.asInt, let d = denominator.asInt,
           n.magnitude <= 1 << 53, d <= 1 << 53 {
            // Both exactly representable, so one IEEE division rounds correctly.
            return Double(n) / Double(d)
        }
        return withMPQ { q in
            var f = __mpfr_struct()
            mpfr_init2(&f, 53)
            defer { mpfr_clear(&f) }
            // MPFR's wide exponent range means the only rounding is to 53 bits;
            // subnormal results are rounded again by mpfr_get_d, which is acceptable.
            mpfr_set_q(&f, q, MPFR_RNDN)
            return mpfr_get_d(&f, MPFR_RNDN)
        }
    }
}

extension BigRational: CustomStringConvertible {
    /// "3", "-3/4".
    public var description: String {
        denominator.isOne ? numerator.description : "\(numerator)/\(denominator)"
    }
}
