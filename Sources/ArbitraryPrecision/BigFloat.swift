import CMPFR

/// Arbitrary-precision binary floating-point number (MPFR), a copy-on-write
/// value. Every operation rounds to nearest (MPFR_RNDN); binary operations
/// produce the larger of the operands' precisions.
public struct BigFloat: Sendable {
    var box: MPFRBox

    init(box: MPFRBox) { self.box = box }

    /// Valid precisions in bits (MPFR_PREC_MIN is 1; the upper bound is far
    /// below MPFR_PREC_MAX and anything a computation could afford).
    public static let precisionRange = 1...(Int(Int32.max))

    /// Bits needed for `d` significant decimal digits, plus guard bits so the
    /// last requested digit is still correct after a few roundings.
    public static func bits(forDigits d: Int) -> Int {
        let log2of10 = 3.321928094887362
        return Int((Double(Swift.max(d, 1)) * log2of10).rounded(.up)) + 16
    }

    /// Runs `body` on a fresh mpfr of the given precision and wraps it.
    static func computing(precision: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) -> BigFloat {
        precondition(precisionRange.contains(precision), "BigFloat precision \(precision) out of range")
        let box = MPFRBox(precision: precision)
        body(box.pointer)
        return BigFloat(box: box)
    }

    public var precision: Int { mpfr_get_prec(box.pointer) }

    public func withUnsafeMPFR<R>(_ body: (UnsafePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        try body(box.pointer)
    }

    /// Gives `body` exclusive write access, copying the storage first if it is shared.
    public mutating func withUnsafeMutableMPFR<R>(_ body: (UnsafeMutablePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        makeUnique()
        return try body(box.pointer)
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
    }

    /// The value rounded to a new precision.
    public func rounded(toPrecision p: Int) -> BigFloat {
        BigFloat.computing(precision: p) { mpfr_set($0, box.pointer, MPFR_RNDN) }
    }
}

extension BigFloat {
    public init(_ d: Double, precision: Int = 53) {
        self = .computing(precision: precision) { mpfr_set_d($0, d, MPFR_RNDN) }
    }

    public init(_ v: Int, precision: Int = 64) {
        self = .computing(precision: precision) { mpfr_set_si($0, v, MPFR_RNDN) }
    }

    /// With `precision` nil the value is exact (at least 64 bits).
    public init(_ v: BigInt, precision: Int? = nil) {
        let p = precision ?? Swift.max(v.bitWidth, 64)
        self = v.withMPZ { z in .computing(precision: p) { mpfr_set_z($0, z, MPFR_RNDN) } }
    }

    public init(_ q: BigRational, precision: Int) {
        self = q.withMPQ { r in .computing(precision: precision) { mpfr_set_q($0, r, MPFR_RNDN) } }
    }

    /// Parses a decimal number such as "3.14", "-2.5e-30", "inf" or "nan";
    /// nil if the string is not entirely a number.
    public init?(_ s: String, precision: Int) {
        guard BigFloat.precisionRange.contains(precision) else { return nil }
        let text = s.trimmingCharacters(where: \.isWhitespace)
        guard !text.isEmpty else { return nil }
        let box = MPFRBox(precision: precision)
        guard mpfr_set_str(box.pointer, text, 10, MPFR_RNDN) == 0 else { return nil }
        self.init(box: box)
    }

    public static func pi(precision: Int) -> BigFloat {
        .computing(precision: precision) { mpfr_const_pi($0, MPFR_RNDN) }
    }

    /// Euler's number e.
    public static func e(precision: Int) -> BigFloat {
        exp(BigFloat(1, precision: precision))
    }

    /// log(2).
    public static func ln2(precision: Int) -> BigFloat {
        .computing(precision: precision) { mpfr_const_log2($0, MPFR_RNDN) }
    }

    public static func zero(precision: Int) -> BigFloat { BigFloat(0, precision: precision) }
}

extension BigFloat {
    public var isZero: Bool { mpfr_zero_p(box.pointer) != 0 }
    public var isNaN: Bool { mpfr_nan_p(box.pointer) != 0 }
    public var isFinite: Bool { mpfr_number_p(box.pointer) != 0 }
    public var isInfinite: Bool { mpfr_inf_p(box.pointer) != 0 }

    /// -1, 0 or 1; 0 for zero and NaN.
    public var sign: Int {
        if isZero || isNaN { return 0 }
        return mpfr_signbit(box.pointer) != 0 ? -1 : 1
    }

    /// Nearest Double.
    public func toDouble() -> Double { mpfr_get_d(box.pointer, MPFR_RNDN) }

    /// The exact value as a rational; nil for NaN and infinities.
    public func toBigRational() -> BigRational? {
        guard isFinite else { return nil }
        var q = __mpq_struct()
        __gmpq_init(&q)
        defer { __gmpq_clear(&q) }
        mpfr_get_q(&q, box.pointer)
        return withUnsafePointer(to: &q._mp_num) { n in
            withUnsafePointer(to: &q._mp_den) { d in BigRational(BigInt(mpz: n), BigInt(mpz: d)) }
        }
    }
}

extension String {
    func trimmingCharacters(where predicate: (Character) -> Bool) -> String {
        guard let start = firstIndex(where: { !predicate($0) }),
              let end = lastIndex(where: { !predicate($0) })
        else { return "" }
        return String(self[start...end])
    }
}
