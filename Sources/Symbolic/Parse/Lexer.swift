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
/// `_`, primes and `†` (`ω'_z`, `a†`, `gamma_up`); declared names that contain operator
/// characters (`S+`, `T+_i`) are munched whole when they are the longest match.
struct Lexer {
    let source: SourceText
    let specialNames: [[Character]]

    // ASCII fast paths: the Unicode property lookups of Character were a visible part of
    // parsing a model; the answers for ASCII are the same.
    static func isIdentifierStart(_ c: Character) -> Bool {
        if let a = c.asciiValue { return isASCIILetter(a) }
        return c.isLetter
    }

    static func isIdentifierContinue(_ c: Character) -> Bool {
        if let a = c.asciiValue { return isASCIILetter(a) || (a >= 48 && a <= 57) || a == 95 || a == 39 }
        return c.isLetter || c == "′" || c == "†"
    }

    private static func isASCIILetter(_ a: UInt8) -> Bool { (a >= 65 && a <= 90) || (a >= 97 && a <= 122) }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    private static func isSpace(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a == 32 || (a >= 9 && a <= 13) }
        return c.isWhitespace
    }

    func tokenize() throws(ParseError) -> [Token] {
        let chars = source.chars
        var tokens: [Token] = []
        var i = 0
        var spaced = false
        while i < chars.count {
            let c = chars[i]
            if Self.isSpace(c) { i += 1; spaced = true; continue }
            let start = i
            let special = longestSpecialName(at: i)
            if c == "∞" && special == 0 {
                tokens.append(Token(kind: .identifier("∞"), start: i, length: 1, spaced: spaced))
                i += 1
            } else if Self.isIdentifierStart(c) || special > 0 {
                var j = i
                if Self.isIdentifierStart(c) {
                    j += 1
                    while j < chars.count && Self.isIdentifierContinue(chars[j]) { j += 1 }
                }
                let end = max(j, i + special)
                tokens.append(Token(kind: .identifier(String(chars[i..<end])), start: i, length: end - i,
                                    spaced: spaced))
                i = end
            } else if Self.isDigit(c) || (c == "." && i + 1 < chars.count && Self.isDigit(chars[i + 1])) {
                let (value, end) = try number(at: i)
                tokens.append(Token(kind: .number(value), start: start, length: end - start, spaced: spaced))
                i = end
            } else if c == "*" && i + 1 < chars.count && chars[i + 1] == "*" {
                tokens.append(Token(kind: .symbol("^"), start: i, length: 2, spaced: spaced))
                i += 2
            } else if let op = Self.operatorCharacter(c) {
                tokens.append(Token(kind: .symbol(op), start: i, length: 1, spaced: spaced))
                i += 1
            } else {
                throw source.error(at: i, "unexpected character '\(c)'")
            }
            spaced = false
        }
        tokens.append(Token(kind: .end, start: chars.count, length: 0, spaced: spaced))
        return tokens
    }

    private static func operatorCharacter(_ c: Character) -> Character? {
        switch c {
        case "+", "-", "*", "/", "^", "(", ")", ",", ":", "&": return c
        case "·", "×", "⋅": return "*"
        case "−": return "-"
        default: return nil
        }
    }

    private func longestSpecialName(at i: Int) -> Int {
        let chars = source.chars
        for name in specialNames where name.count <= chars.count - i && name[0] == chars[i] {
            if chars[i..<(i + name.count)].elementsEqual(name) { return name.count }
        }
        return 0
    }

    /// An exact decimal: digits, an optional fraction, an optional exponent `e-3`.
    private func number(at start: Int) throws(ParseError) -> (BigRational, Int) {
        let chars = source.chars
        var j = start
        while j < chars.count && Self.isDigit(chars[j]) { j += 1 }
        if j < chars.count && chars[j] == "." && j + 1 < chars.count && Self.isDigit(chars[j + 1]) {
            j += 1
            while j < chars.count && Self.isDigit(chars[j]) { j += 1 }
        }
        // An exponent only when digits follow, so `2e` stays 2·e.
        if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
            var k = j + 1
            if k < chars.count && (chars[k] == "+" || chars[k] == "-") { k += 1 }
            if k < chars.count && Self.isDigit(chars[k]) {
                while k < chars.count && Self.isDigit(chars[k]) { k += 1 }
                j = k
            }
        }
        if j < chars.count && chars[j] == "." {
            throw source.error(at: j, "malformed number: unexpected '.'")
        }
        guard let value = BigRational(String(chars[start..<j])) else {
            throw source.error(at: start, "number out of range")
        }
        return (value, j)
    }
}
