import ArbitraryPrecision

/// A token of expression text; `start` and `length` are character offsets.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case number(BigRational)
        case identifier(String)
        /// One of `+ - * / ^ ( ) , : &` (`**`, `·`, `×` and `−` are read as `^`, `*`, `*` and `-`).
        case symbol(Character)
        case end
    }
    var kind: Kind
    var start: Int
    var length: Int
    /// Whitespace separates this token from the previous one (`f(x)` versus `f (x)`).
    var spaced: Bool
}

/// Splits text into tokens. Identifiers are Unicode letters followed by letters, digits,
/// `_`, primes and `†` (`ω'_z`, `a†`, `gamma_up`; `a^dag` or `a^dagger` is `a†` in ASCII);
/// declared names that contain operator characters (`S+`, `T+_i`) are munched whole when they
/// are the longest match.
///
/// ASCII is classified by its code; any other Character by the `Character` rules below.
struct Lexer {
    let source: SourceText
    let specialNames: SpecialNames

    static func isIdentifierStart(_ c: Character) -> Bool {
        if let a = c.asciiValue { return isASCIILetter(a) }
        return c.isLetter
    }

    static func isIdentifierContinue(_ c: Character) -> Bool {
        if let a = c.asciiValue { return isASCIIIdentifierContinue(a) }
        return c.isLetter || c == "′" || c == "†"
    }

    static func isASCIILetter(_ a: UInt8) -> Bool { (a >= 65 && a <= 90) || (a >= 97 && a <= 122) }

    static func isASCIIIdentifierContinue(_ a: UInt8) -> Bool {
        isASCIILetter(a) || (a >= 48 && a <= 57) || a == 95 || a == 39
    }

    private func isIdentifierStart(at k: Int) -> Bool {
        let u = source.units[k]
        return u < 0x80 ? Self.isASCIILetter(UInt8(u)) : Self.isIdentifierStart(source.character(unit: u))
    }

    private func isIdentifierContinue(at k: Int) -> Bool {
        let u = source.units[k]
        return u < 0x80 ? Self.isASCIIIdentifierContinue(UInt8(u)) : Self.isIdentifierContinue(source.character(unit: u))
    }

    /// `c.isASCII && c.isNumber`: only the ten ASCII digits.
    private func isDigit(at k: Int) -> Bool {
        let u = source.units[k]
        return u >= 48 && u <= 57
    }

    func tokenize() throws(ParseError) -> [Token] {
        let units = source.units
        let n = units.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 2 + 1)
        var i = 0
        var spaced = false
        while i < n {
            if source.isSpace(i) { i += 1; spaced = true; continue }
            let u = units[i]
            let start = i
            let special = specialNames.longestMatch(in: source, at: i)
            let identifierStart = isIdentifierStart(at: i)
            if special == 0 && source.unit(i, is: "∞") {
                tokens.append(Token(kind: .identifier("∞"), start: i, length: 1, spaced: spaced))
                i += 1
            } else if identifierStart || special > 0 {
                var j = i
                if identifierStart {
                    j += 1
                    while j < n && isIdentifierContinue(at: j) { j += 1 }
                }
                let end = max(j, i + special)
                var name = source.string(i..<end)
                var next = end
                // `a^dag` and `a^dagger` spell `a†` in ASCII.
                if identifierStart, j == end {
                    for spelling in ["^dagger", "^dag"] where next == end {
                        let m = spelling.utf16.count
                        if end + m <= n, source.string(end..<(end + m)) == spelling, !(end + m < n && isIdentifierContinue(at: end + m)) {
                            name += "†"
                            next = end + m
                        }
                    }
                }
                tokens.append(Token(kind: .identifier(name), start: i, length: next - i, spaced: spaced))
                i = next
            } else if isDigit(at: i) || (u == 46 && i + 1 < n && isDigit(at: i + 1)) {
                let (value, end) = try number(at: i)
                tokens.append(Token(kind: .number(value), start: start, length: end - start, spaced: spaced))
                i = end
            } else if u == 42 && i + 1 < n && units[i + 1] == 42 {
                tokens.append(Token(kind: .symbol("^"), start: i, length: 2, spaced: spaced))
                i += 2
            } else if let op = operatorCharacter(at: i) {
                tokens.append(Token(kind: .symbol(op), start: i, length: 1, spaced: spaced))
                i += 1
            } else {
                throw source.error(at: i, "unexpected character '\(source.character(i))'")
            }
            spaced = false
        }
        tokens.append(Token(kind: .end, start: n, length: 0, spaced: spaced))
        return tokens
    }

    private func operatorCharacter(at k: Int) -> Character? {
        let u = source.units[k]
        if u < 0x80 {
            switch u {
            case 43, 45, 42, 47, 94, 40, 41, 44, 58, 38: return Character(Unicode.Scalar(UInt8(u)))
            default: return nil
            }
        }
        switch source.character(unit: u) {
        case "·", "×", "⋅": return "*"
        case "−": return "-"
        default: return nil
        }
    }

    /// An exact decimal: digits, an optional fraction, an optional exponent `e-3`.
    private func number(at start: Int) throws(ParseError) -> (BigRational, Int) {
        let units = source.units
        let n = units.count
        var j = start
        while j < n && isDigit(at: j) { j += 1 }
        let integerEnd = j
        if j < n && units[j] == 46 && j + 1 < n && isDigit(at: j + 1) {
            j += 1
            while j < n && isDigit(at: j) { j += 1 }
        }
        // An exponent only when digits follow, so `2e` stays 2·e.
        if j < n && (units[j] == 101 || units[j] == 69) {
            var k = j + 1
            if k < n && (units[k] == 43 || units[k] == 45) { k += 1 }
            if k < n && isDigit(at: k) {
                while k < n && isDigit(at: k) { k += 1 }
                j = k
            }
        }
        if j < n && units[j] == 46 {
            throw source.error(at: j, "malformed number: unexpected '.'")
        }
        // Plain integers of up to 18 digits fit an Int: no decimal string to parse.
        if j == integerEnd && j - start <= 18 {
            var value = 0
            for k in start..<j { value = value * 10 + Int(units[k] - 48) }
            return (BigRational(value), j)
        }
        guard let value = BigRational(source.string(start..<j)) else {
            throw source.error(at: start, "number out of range")
        }
        return (value, j)
    }
}
