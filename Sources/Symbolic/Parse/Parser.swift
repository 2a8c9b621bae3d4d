/// Recursive descent over tokens, by precedence:
///
///     sum     := product (('+' | '-') product)*
///     product := unary (('*' | '/') unary | power)*     juxtaposition multiplies: `2 x`, `(a)(b)`
///     unary   := ('-' | '+') unary | power               so `-x^2` is −(x²)
///     power   := primary (('^' | '**') unary)?           right-associative: 2^3^2 = 2^9
///     primary := number | name | name '(' args ')' | '(' sum ')'
///
/// Nesting is limited so that hostile input cannot exhaust the stack.
struct Parser {
    let source: SourceText
    let tokens: [Token]
    let context: ParseContext
    private var position = 0
    private var depth = 0
    static let maximumDepth = 200

    init(source: SourceText, tokens: [Token], context: ParseContext) {
        self.source = source
        self.tokens = tokens
        self.context = context
    }

    private var current: Token { tokens[position] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isSymbol(_ c: Character) -> Bool { current.kind == .symbol(c) }

    mutating func parseAll() throws(ParseError) -> Syntax {
        if current.kind == .end { throw source.error(at: current.start, "expected an expression") }
        let e = try parseSum()
        if current.kind != .end {
            if isSymbol(")") { throw source.error(at: current.start, "unmatched ')'") }
            throw source.error(at: current.start, "unexpected \(describe(current))")
        }
        return e
    }

    private mutating func parseSum() throws(ParseError) -> Syntax {
        let first = try parseProduct()
        guard isSymbol("+") || isSymbol("-") else { return first }
        var terms = [Syntax.Term(negative: false, value: first, at: first.offset)]
        while isSymbol("+") || isSymbol("-") {
            guard case .symbol(let op) = current.kind else { break }
            let at = current.start
            advance()
            terms.append(Syntax.Term(negative: op == "-", value: try parseProduct(), at: at))
        }
        return .sum(terms)
    }

    private var startsPrimary: Bool {
        switch current.kind {
        case .number, .identifier: return true
        case .symbol(let c): return c == "("
        case .end: return false
        }
    }

    private mutating func parseProduct() throws(ParseError) -> Syntax {
        let first = try parseUnary()
        var factors: [Syntax.Factor] = []
        while true {
            if case .symbol(let op) = current.kind, op == "*" || op == "/" {
                let at = current.start
                advance()
                factors.append(Syntax.Factor(divides: op == "/", value: try parseUnary(), at: at))
            } else if startsPrimary {
                let at = current.start
                factors.append(Syntax.Factor(divides: false, value: try parsePower(), at: at))
            } else {
                break
            }
        }
        if factors.isEmpty { return first }
        return .product([Syntax.Factor(divides: false, value: first, at: first.offset)] + factors)
    }

    private mutating func enter() throws(ParseError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw source.error(at: current.start, "expression nested too deeply (more than \(Self.maximumDepth) levels)")
        }
    }

    private mutating func parseUnary() throws(ParseError) -> Syntax {
        try enter()
        defer { depth -= 1 }
        if isSymbol("-") {
            let at = current.start
            advance()
            return .negate(try parseUnary(), at: at)
        }
        if isSymbol("+") {
            advance()
            return try parseUnary()
        }
        return try parsePower()
    }

    private mutating func parsePower() throws(ParseError) -> Syntax {
        let base = try parsePrimary()
        if isSymbol("^") {
            let at = current.start
            advance()
            let exponent = try parseUnary()
            return .power(base, exponent, at: at)
        }
        return base
    }

    private mutating func parsePrimary() throws(ParseError) -> Syntax {
        let token = current
        switch token.kind {
        case .number(let q):
            advance()
            return .number(q, at: token.start)
        case .identifier(let name):
            advance()
            if isSymbol("(") && isCall(name, spaced: current.spaced) {
                return try parseCall(name, at: token.start)
            }
            return .name(name, at: token.start)
        case .symbol("("):
            try enter()
            defer { depth -= 1 }
            advance()
            if isSymbol(")") { throw source.error(at: current.start, "expected an expression inside '()'") }
            let inner = try parseSum()
            try expectClosing(openedAt: token.start)
            return inner
        case .end:
            throw source.error(at: token.start, "expected an expression at the end of the input")
        default:
            throw source.error(at: token.start, "expected an expression, found \(describe(token))")
        }
    }

    /// Whether `name (` applies a function: always for declared function symbols and
    /// builtins, never for declared plain symbols (`x (y + z)` multiplies), and for
    /// undeclared names only when the parenthesis touches the name (`f(x)`, not `g (x)`).
    private func isCall(_ name: String, spaced: Bool) -> Bool {
        if let s = context.symbol(named: name) { return s.info.isFunction }
        if BuiltinNames.callable[name] != nil { return true }
        return !spaced
    }

    private mutating func parseCall(_ name: String, at: Int) throws(ParseError) -> Syntax {
        try enter()
        defer { depth -= 1 }
        let open = current.start
        advance()
        var arguments: [Syntax.Argument] = []
        if isSymbol(")") {
            let closing = current.start
            advance()
            return .call(name, arguments, at: at, closing: closing)
        }
        while true {
            let value = try parseSum()
            var annotation: [(word: String, at: Int)]?
            if isSymbol(":") {
                advance()
                var words: [(word: String, at: Int)] = []
                repeat {
                    if isSymbol("&") { advance() }
                    guard case .identifier(let w) = current.kind else {
                        throw source.error(at: current.start, "expected an assumption (real, positive, "
                                           + "nonnegative, integer, complex) after ':'")
                    }
                    words.append((w, current.start))
                    advance()
                } while isSymbol("&")
                annotation = words
            }
            arguments.append(Syntax.Argument(value: value, annotation: annotation))
            if isSymbol(",") { advance(); continue }
            let closing = current.start
            try expectClosing(openedAt: open)
            return .call(name, arguments, at: at, closing: closing)
        }
    }

    private mutating func expectClosing(openedAt open: Int) throws(ParseError) {
        guard isSymbol(")") else {
            let (line, column) = source.location(open)
            let found = current.kind == .end ? "" : ", found \(describe(current))"
            throw source.error(at: current.start, "expected ')' to close '(' opened at \(line):\(column)\(found)")
        }
        advance()
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .number: return "number '\(source.string(token.start..<(token.start + token.length)))'"
        case .identifier(let s): return "name '\(s)'"
        case .symbol(let c): return "'\(c)'"
        case .end: return "end of input"
        }
    }
}

/// Names with a fixed meaning when they are not declared in the context.
package enum BuiltinNames {
    /// Function names and how many arguments they take.
    static let callable: [String: Int] = {
        var table: [String: Int] = ["sqrt": 1, "integral": 4, "sum": 4, "product": 4,
                                    "θ": 1, "δ": 1, "kdelta": 2]
        for b in Builtin.allCases where b != .kdelta { table[b.rawValue] = 1 }
        return table
    }()

    /// The builtin function names within two edits of `name` (case ignored), the closest
    /// ones, alphabetically: the suggestion for a misspelt builtin (`Exp` → `exp`).
    package static func suggestions(for name: String) -> [String] {
        let lower = Array(name.lowercased())
        var best: [String] = []
        var bestDistance = 3
        for candidate in callable.keys.sorted() {
            let d = editDistance(lower, Array(candidate.lowercased()))
            guard d < lower.count else { continue }
            if d < bestDistance { best = [candidate]; bestDistance = d } else if d == bestDistance { best.append(candidate) }
        }
        return best
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var row = [i + 1]
            for (j, y) in b.enumerated() {
                row.append(Swift.min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }

    static func builtin(_ name: String) -> Builtin? {
        switch name {
        case "θ": return .theta
        case "δ": return .delta
        default: return Builtin(rawValue: name)
        }
    }
}
