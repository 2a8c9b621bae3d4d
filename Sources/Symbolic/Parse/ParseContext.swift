/// What the parser knows about names: the declared symbols (so assumptions, Grassmann
/// parity and operator classes carry into parsed expressions) and whether names that were
/// not declared may be read as plain commuting symbols.
public struct ParseContext: Sendable {
    /// Declared symbols and function symbols by name. A name has one meaning per context.
    public private(set) var symbols: [String: Symbol] = [:]
    /// When false, an undeclared name is an error instead of a new commuting symbol.
    public var allowUndeclared: Bool

    public init(allowUndeclared: Bool = true) {
        self.allowUndeclared = allowUndeclared
    }

    public init(_ symbols: [Symbol], allowUndeclared: Bool = true) {
        self.allowUndeclared = allowUndeclared
        for s in symbols { declare(s) }
    }

    public mutating func declare(_ symbol: Symbol) { declare(symbol, as: symbol.name) }

    /// Declares `name` as a spelling of `symbol`: a model file writes `S+` for the operator
    /// S^+, and reading it straight as S^+ spares a pass that replaces a stand-in symbol.
    package mutating func declare(_ symbol: Symbol, as name: String) {
        if symbols.updateValue(symbol, forKey: name) == nil && Self.isSpecial(name) {
            specialNames.insert(name)
        }
    }

    /// Symbols whose use `parseExprNoting` reports: a model's defined names, which are
    /// replaced by their values only in the expressions that use them.
    package private(set) var noted: Set<Symbol> = []

    package mutating func note(_ symbol: Symbol) { noted.insert(symbol) }

    /// Room for `count` declarations (a model declares a few dozen names at once).
    package mutating func reserveCapacity(_ count: Int) { symbols.reserveCapacity(count) }

    /// Declared names that contain characters the lexer would otherwise read as operators
    /// (`S+`, `T+_i`), kept up to date by `declare` (the lexer asks for them on every parse).
    private(set) var specialNames = SpecialNames()

    private static func isSpecial(_ name: String) -> Bool {
        // ASCII names are answered byte by byte (the same answers as for their Characters).
        var ascii = true
        var first = true
        for b in name.utf8 {
            if b >= 0x80 { ascii = false; break }
            if first ? !Lexer.isASCIILetter(b) : !Lexer.isASCIIIdentifierContinue(b) { return true }
            first = false
        }
        if ascii { return false }
        guard let first = name.first, Lexer.isIdentifierStart(first) else { return !name.isEmpty }
        return !name.dropFirst().allSatisfy(Lexer.isIdentifierContinue)
    }

    /// Declares a commuting symbol with assumptions and returns it.
    @discardableResult
    public mutating func declare(_ name: String, _ assumptions: Assumptions = [],
                                 commutation: Commutation = .commuting) -> Symbol {
        let s = Symbol(name, assumptions, commutation: commutation)
        declare(s)
        return s
    }

    @discardableResult
    public mutating func declareFunction(_ name: String, _ assumptions: Assumptions = [],
                                         commutation: Commutation = .commuting) -> Symbol {
        let s = Symbol.function(name, assumptions, commutation: commutation)
        declare(s)
        return s
    }

    public func symbol(named name: String) -> Symbol? { symbols[name] }

    /// Declares symbols from a list such as `x:positive, y:real, a:operator, ψ:grassmann,
    /// F_b:function&real, n:integer&positive, b:operator2` (the `--assume` option of the CLI).
    /// A name without `:` is a plain commuting symbol.
    public mutating func declare(specification: String) throws(ParseError) {
        let source = SourceText(specification)
        var offset = 0
        for item in specification.split(separator: ",", omittingEmptySubsequences: false) {
            defer { offset += item.count + 1 }
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces
            let leading = parts[0].prefix { $0.isWhitespace }.count
            guard !name.isEmpty else {
                throw source.error(at: offset + leading, "expected a name in the declaration")
            }
            guard let first = name.first, Lexer.isIdentifierStart(first) else {
                throw source.error(at: offset + leading, "'\(name)' is not a name")
            }
            var words: [(String, Int)] = []
            if parts.count == 2 {
                var wordOffset = offset + parts[0].count + 1
                for w in parts[1].split(separator: "&", omittingEmptySubsequences: false) {
                    words.append((w.trimmingSpaces, wordOffset + w.prefix { $0.isWhitespace }.count))
                    wordOffset += w.count + 1
                }
            }
            var assumptions: Assumptions = []
            var commutation = Commutation.commuting
            var isFunction = false
            for (word, at) in words {
                if let a = Assumptions(word: word) {
                    assumptions.formUnion(a)
                } else if word == "grassmann" {
                    commutation = .grassmann
                } else if word.hasPrefix("operator"), let space = Int(word == "operator" ? "0" : String(word.dropFirst(8))),
                          space >= 0 {
                    commutation = .operator(space: space)
                } else if word == "function" {
                    isFunction = true
                } else {
                    throw source.error(at: at, "unknown declaration '\(word)' (expected real, positive, "
                                       + "nonnegative, integer, complex, grassmann, operator, operatorN or function)")
                }
            }
            if isFunction {
                declareFunction(name, assumptions, commutation: commutation)
            } else {
                declare(name, assumptions, commutation: commutation)
            }
        }
    }
}

extension Assumptions {
    /// The assumption named by a word of the declaration language, `complex` meaning none.
    public init?(word: String) {
        switch word {
        case "real": self = .real
        case "positive": self = .positive
        case "nonnegative": self = .nonnegative
        case "integer": self = .integer
        case "complex": self = []
        default: return nil
        }
    }

    /// The words that declare exactly this (closed) set, the smallest set of them.
    var words: [String] {
        let a = closed
        var out: [String] = []
        if a.contains(.integer) { out.append("integer") }
        if a.contains(.positive) { out.append("positive") }
        else if a.contains(.nonnegative) { out.append("nonnegative") }
        else if a.contains(.real) && !a.contains(.integer) { out.append("real") }
        return out.isEmpty ? ["complex"] : out
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
