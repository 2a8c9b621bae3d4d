import CGMP
import CMPFR

extension BigInt {
    /// Parses an optional '-' followed by digits valid in `radix` (2...36, either
    /// letter case). Returns nil for anything else, including an invalid radix,
    /// since the input may come from users.
    public init?(_ s: String, radix: Int = 10) {
        guard (2...36).contains(radix) else { return nil }
        var digits = Substring(s)
        if digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty,
              digits.allSatisfy({ $0.isASCII && ($0.hexDigitValue ?? $0.letterDigitValue ?? 99) < radix })
        else { return nil }
        if let v = Int(s, radix: radix) {
            self.init(v)
            return
        }
        let box = MPZBox()
        let status = __gmpz_set_str(box.pointer, s, Int32(radix))
        guard status == 0 else { return nil }
        self.init(normalizing: box)
    }

    public func toString(radix: Int = 10) -> String {
        precondition((2...36).contains(radix), "radix must be in 2...36")
        if case .small(let v) = storage { return String(v, radix: radix) }
        return withMPZ { z in
            // sizeinbase may overestimate by one; +2 covers the sign and the NUL.
            let capacity = __gmpz_sizeinbase(z, Int32(radix)) + 2
            var buffer = [CChar](repeating: 0, count: capacity)
            buffer.withUnsafeMutableBufferPointer { _ = __gmpz_get_str($0.baseAddress, Int32(radix), z) }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Nearest Double (ties to even); ±infinity beyond the Double range.
    public func toDouble() -> Double {
        if case .small(let v) = storage { return Double(v) }
        // mpz_get_d truncates; a 53-bit MPFR rounding gives the correctly rounded value.
        return withMPZ { z in
            var f = __mpfr_struct()
            mpfr_init2(&f, 53)
            defer { mpfr_clear(&f) }
            mpfr_set_z(&f, z, MPFR_RNDN)
            return mpfr_get_d(&f, MPFR_RNDN)
        }
    }
}

extension Character {
    /// 10...35 for ASCII letters so radices above 16 can be validated.
    fileprivate var letterDigitValue: Int? {
        guard let a = asciiValue else { return nil }
        switch a {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(a - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(a - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}

extension BigInt: CustomStringConvertible {
    public var description: String { toString(radix: 10) }
}
