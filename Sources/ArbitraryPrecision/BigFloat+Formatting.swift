import CMPFR

extension BigFloat {
    /// Scientific notation with `digits` significant digits, e.g. "3.1416e0",
    /// "-2.50e-30"; "nan", "inf", "-inf" for special values. The format is
    /// accepted back by `BigFloat(_:precision:)` and `Double(_:)`.
    public func toString(digits: Int) -> String {
        precondition(digits >= 1, "toString(digits:) needs at least one digit")
        if isNaN { return "nan" }
        if isInfinite { return sign < 0 ? "-inf" : "inf" }
        var exponent: mpfr_exp_t = 0
        guard let raw = mpfr_get_str(nil, &exponent, 10, digits, box.pointer, MPFR_RNDN) else {
            return "nan"
        }
        defer { mpfr_free_str(raw) }
        var mantissa = String(cString: raw)
        var negative = false
        if mantissa.first == "-" {
            negative = true
            mantissa.removeFirst()
        }
        // MPFR reports 0.d1d2... × 10^exponent; scientific form shifts one digit left.
        let scientificExponent = isZero ? 0 : exponent - 1
        let head = mantissa.prefix(1), tail = mantissa.dropFirst()
        let body = tail.isEmpty ? String(head) : "\(head).\(tail)"
        return "\(negative ? "-" : "")\(body)e\(scientificExponent)"
    }
}

extension BigFloat: CustomStringConvertible {
    /// As many decimal digits as the precision guarantees, trailing zeros removed.
    public var description: String {
        let digits = Swift.max(1, Int(Double(precision) * 0.30102999566398120))
        let s = toString(digits: digits)
        guard let e = s.firstIndex(of: "e"), s[..<e].contains(".") else { return s }
        var mantissa = s[..<e]
        while mantissa.last == "0" { mantissa.removeLast() }
        if mantissa.last == "." { mantissa.append("0") }
        return String(mantissa + s[e...])
    }
}
