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

    /// Declares an index value (`i` of kind index, `σ` of kind contour, `α` of kind site with
    /// range 1…N) and returns it. The name then reads as the index, not as anything else it
    /// would mean undeclared (`i` is no longer the imaginary unit).
    @discardableResult
    public mutating func declareIndex(_ name: String, _ kind: IndexKind, range: IndexRange? = nil,
                                      _ assumptions: Assumptions = []) -> Symbol {
        let s = Symbol.index(name, kind, range: range, assumptions)
        declare(s)
        return s
    }

    /// Declares a function symbol whose slots have declared kinds (`ψ(σ, t)`: contour, time).
    @discardableResult
    public mutating func declareFunction(_ name: String, _ assumptions: Assumptions = [],
                                         commutation: Commutation = .commuting, slots: [IndexKind?]) -> Symbol {
        let s = Symbol.function(name, assumptions, commutation: commutation, slots: slots)
        declare(s)
        return s
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
    public var words: [String] {
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
