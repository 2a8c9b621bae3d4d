extension BigRational {
    /// Largest decimal exponent accepted; larger ones would allocate
    /// gigabytes from a short user-supplied string.
    static let maximumDecimalExponent = 1_000_000

    /// Accepts integers ("3"), fractions ("-3/4") and decimals ("1.25",
    /// "2.5e-3", ".5"), all parsed exactly. Returns nil for malformed input
    /// or a zero denominator.
    public init?(_ s: String) {
        let text = s.trimmingWhitespace()
        if let slash = text.firstIndex(of: "/") {
            guard let n = BigInt(String(text[..<slash])),
                  let d = BigInt(String(text[text.index(after: slash)...])),
                  !d.isZero
            else { return nil }
            self.init(n, d)
            return
        }
        guard let value = BigRational.parseDecimal(text) else { return nil }
        self = value
    }

    private static func parseDecimal(_ text: Substring) -> BigRational? {
        var rest = text
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        var mantissa = rest
        var exponent = 0
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = rest[..<e]
            guard let x = Int(rest[rest.index(after: e)...]),
                  Swift.abs(x) <= maximumDecimalExponent
            else { return nil }
            exponent = x
        }
        var integerPart = mantissa, fractionPart = Substring("")
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        guard !(integerPart.isEmpty && fractionPart.isEmpty),
              integerPart.allSatisfy(isDigit), fractionPart.allSatisfy(isDigit),
              let digits = BigInt(String(integerPart) + String(fractionPart))
        else { return nil }
        let shift = exponent - fractionPart.count
        let ten = BigInt(10)
        var value = shift >= 0
            ? BigRational(reduced: digits * ten.power(shift), 1)
            : BigRational(digits, ten.power(-shift))
        if negative { value = -value }
        return value
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        let scalars = Substring(self)
        guard let start = scalars.firstIndex(where: { !$0.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return scalars[start...end]
    }
}
