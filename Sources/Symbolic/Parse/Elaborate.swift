import ArbitraryPrecision

/// Parses expression text into a canonical expression.
///
/// Names resolve, in order, to: the variable of an enclosing `sum`/`integral`, a symbol
/// declared in `context`, the constants `I` (and `i`), `pi`/`π`, `oo`/`∞`, and otherwise a
/// new commuting symbol (or an error when `context.allowUndeclared` is false).
public func parseExpr(_ text: String, context: ParseContext = .init()) throws(ParseError) -> Expr {
    try parseExpr(SourceText(text), context: context)
}

/// `parseExpr` of text already cut into Characters (the model reader's statements).
package func parseExpr(_ source: SourceText, context: ParseContext) throws(ParseError) -> Expr {
    try parseExprNoting(source, context: context).expr
}

/// `parseExpr`, and whether the expression uses a symbol of `context.noted`.
package func parseExprNoting(_ source: SourceText,
                             context: ParseContext) throws(ParseError) -> (expr: Expr, usesNoted: Bool) {
    let tokens = try Lexer(source: source, specialNames: context.specialNames).tokenize()
    var parser = Parser(source: source, tokens: tokens, context: context)
    let syntax = try parser.parseAll()
    var elaborator = Elaborator(source: source, context: context)
    let e = try elaborator.build(syntax)
    return (e, elaborator.usesNoted)
}

/// `parseExpr`, and the names applied as functions that are neither builtins nor declared
/// (`sinn(x)`): the CLI reads them as new function symbols but says so, since a misspelt
/// builtin would otherwise pass silently. Each with its 1-based line and column.
package func parseExprListingUndeclaredFunctions(_ text: String, context: ParseContext) throws(ParseError)
    -> (expr: Expr, undeclaredFunctions: [(name: String, line: Int, column: Int)]) {
    let source = SourceText(text)
    let tokens = try Lexer(source: source, specialNames: context.specialNames).tokenize()
    var parser = Parser(source: source, tokens: tokens, context: context)
    let syntax = try parser.parseAll()
    var elaborator = Elaborator(source: source, context: context)
    let e = try elaborator.build(syntax)
    var seen: Set<String> = []
    var out: [(name: String, line: Int, column: Int)] = []
    for (name, at) in elaborator.undeclaredFunctions where seen.insert(name).inserted {
        let (line, column) = source.location(at)
        out.append((name, line, column))
    }
    return (e, out)
}

extension Expr {
    /// Parses `text` (see `parseExpr`).
    public init(parsing text: String, context: ParseContext = .init()) throws(ParseError) {
        self = try parseExpr(text, context: context)
    }
}

/// Resolves names and builds the expression through the canonical constructors.
struct Elaborator {
    let source: SourceText
    let context: ParseContext
    /// Binder variables in scope, innermost last.
    private var scope: [(name: String, symbol: Symbol)] = []
    /// Whether a name resolved to a symbol of `context.noted`.
    private(set) var usesNoted = false
    /// Names applied as functions that are neither builtins nor declared, with their offsets.
    private(set) var undeclaredFunctions: [(name: String, at: Int)] = []

    /// Largest exact power, in decimal digits, that the parser computes from user input.
    static let maximumPowerDigits = 2_000_000

    init(source: SourceText, context: ParseContext) {
        self.source = source
        self.context = context
    }

    mutating func build(_ syntax: Syntax) throws(ParseError) -> Expr {
        switch syntax {
        case .number(let q, _):
            return .number(q)
        case .name(let name, let at):
            return try resolve(name, at: at)
        case .negate, .product:
            // A chain of factors is one n-ary product: the core distributes a number over a
            // sum only when the sum is the sole other factor, so (2*(x+y))*z and 2*(x+y)*z
            // differ, and the printed `2*(x + y)*z` must mean the latter.
            var factors: [Expr] = []
            try collectFactors(syntax, into: &factors)
            return .mul(factors)
        case .sum(let terms):
            // One n-ary sum (SumBuilder, O(n log n)), not n − 1 additions of a growing sum.
            var values: [Expr] = []
            values.reserveCapacity(terms.count)
            for term in terms {
                let value = try build(term.value)
                values.append(term.negative ? .neg(value) : value)
            }
            return .add(values)
        case .power(let base, let exponent, let at):
            return try power(try build(base), try build(exponent), at: at)
        case .call(let name, let arguments, let at, let closing):
            return try call(name, arguments, at: at, closing: closing)
        }
    }

    /// Flattens products (also parenthesised ones) and negations into one list of factors.
    /// Recursion here follows parentheses and unary minus only, which the parser bounds.
    private mutating func collectFactors(_ syntax: Syntax, into factors: inout [Expr]) throws(ParseError) {
        switch syntax {
        case .negate(let inner, _):
            factors.append(.minusOne)
            try collectFactors(inner, into: &factors)
        case .product(let list):
            for factor in list {
                if factor.divides {
                    let divisor = try build(factor.value)
                    if divisor.isZero { throw source.error(at: factor.at, "division by zero") }
                    factors.append(.pow(divisor, .minusOne))
                } else {
                    try collectFactors(factor.value, into: &factors)
                }
            }
        default:
            factors.append(try build(syntax))
        }
    }

    private func power(_ base: Expr, _ exponent: Expr, at: Int) throws(ParseError) -> Expr {
        if base.isZero, let q = exponent.rationalValue, q.signum < 0 {
            throw source.error(at: at, "division by zero (0 to a negative power)")
        }
        if let q = base.numberValue, let n = exponent.intValue, !q.norm.isOne {
            let bits = q.re.numerator.bitWidth + q.re.denominator.bitWidth
                + q.im.numerator.bitWidth + q.im.denominator.bitWidth
            let (total, overflow) = bits.multipliedReportingOverflow(by: Swift.abs(n))
            if overflow || total / 3 > Self.maximumPowerDigits {
                throw source.error(at: at, "exact power too large (more than \(Self.maximumPowerDigits) digits)")
            }
        }
        return .pow(base, exponent)
    }

    private mutating func resolve(_ name: String, at: Int) throws(ParseError) -> Expr {
        if let bound = scope.last(where: { $0.name == name }) { return .symbol(bound.symbol) }
        if let s = context.symbol(named: name) {
            if s.info.isFunction {
                throw source.error(at: at, "'\(name)' is a function; write \(name)(...)")
            }
            if !context.noted.isEmpty && context.noted.contains(s) { usesNoted = true }
            return .symbol(s)
        }
        switch name {
        case "I", "i": return .i
        case "pi", "π": return .pi
        case "oo", "∞": return .infinity
        // What the core builds for 0^(−1); reading it back keeps printing invertible.
        case "undefined": return .undefined
        default: break
        }
        if BuiltinNames.callable[name] != nil {
            throw source.error(at: at, "'\(name)' is a function; write \(name)(...)")
        }
        guard context.allowUndeclared else { throw source.error(at: at, "undeclared name '\(name)'") }
        return .symbol(Symbol(name))
    }

    private mutating func call(_ name: String, _ arguments: [Syntax.Argument], at: Int,
                               closing: Int) throws(ParseError) -> Expr {
        // A binder variable written next to a parenthesis multiplies: `k(k+1)`.
        if scope.contains(where: { $0.name == name }), arguments.count == 1, arguments[0].annotation == nil {
            return try resolve(name, at: at) * build(arguments[0].value)
        }
        if let s = context.symbol(named: name) {
            if !s.info.isFunction, arguments.count == 1, arguments[0].annotation == nil {
                return try resolve(name, at: at) * build(arguments[0].value)
            }
            return .apply(s, try values(arguments, of: name))
        }
        if let arity = BuiltinNames.callable[name] {
            guard arguments.count == arity else {
                let plural = arity == 1 ? "argument" : "arguments"
                throw source.error(at: closing, "'\(name)' takes \(arity) \(plural), got \(arguments.count)")
            }
            switch name {
            case "integral": return try binder(.integral, arguments, name: name)
            case "sum": return try binder(.sum, arguments, name: name)
            case "product": return try binder(.product, arguments, name: name)
            case "sqrt": return .sqrt(try values(arguments, of: name)[0])
            default: return .apply(.builtin(BuiltinNames.builtin(name)!), try values(arguments, of: name))
            }
        }
        guard context.allowUndeclared else { throw source.error(at: at, "undeclared function '\(name)'") }
        if arguments.isEmpty { throw source.error(at: closing, "'\(name)()' has no arguments") }
        undeclaredFunctions.append((name, at))
        return .apply(.function(name), try values(arguments, of: name))
    }

    private mutating func values(_ arguments: [Syntax.Argument], of name: String) throws(ParseError) -> [Expr] {
        var out: [Expr] = []
        for a in arguments {
            if let first = a.annotation?.first {
                throw source.error(at: first.at, "':' annotations are only allowed on the variable of "
                                   + "integral, sum and product, not in '\(name)'")
            }
            out.append(try build(a.value))
        }
        return out
    }

    /// `integral(body, w, lo, hi)`, `sum(body, k, lo, hi)`, `product(body, k, lo, hi)`. The
    /// variable is real for integrals and an integer for sums and products unless it is
    /// declared in the context or annotated (`w:positive`).
    private mutating func binder(_ kind: BinderKind, _ arguments: [Syntax.Argument],
                                 name: String) throws(ParseError) -> Expr {
        guard case .name(let variable, let at) = arguments[1].value else {
            throw source.error(at: arguments[1].value.offset, "the variable of '\(name)' must be a name")
        }
        var assumptions: Assumptions = kind == .integral ? .real : .integer
        var declaredVariable: Symbol? = nil
        if let declared = context.symbol(named: variable), !declared.info.isFunction {
            assumptions = declared.info.assumptions
            // A declared commuting variable (an index `j:index`) is the binder's hint as it is.
            if declared.info.commutation == .commuting { declaredVariable = declared }
        }
        if let words = arguments[1].annotation {
            assumptions = []
            for (word, wordAt) in words {
                guard let a = Assumptions(word: word) else {
                    throw source.error(at: wordAt, "unknown assumption '\(word)' (expected real, positive, "
                                       + "nonnegative, integer or complex)")
                }
                assumptions.formUnion(a)
            }
        }
        _ = at
        let symbol = arguments[1].annotation == nil ? declaredVariable ?? Symbol(variable, assumptions)
                                                    : Symbol(variable, assumptions)
        let lower = try values([arguments[2]], of: name)[0]
        let upper = try values([arguments[3]], of: name)[0]
        scope.append((variable, symbol))
        defer { scope.removeLast() }
        let body = try values([arguments[0]], of: name)[0]
        return .binder(kind, symbol, from: lower, to: upper, body)
    }
}
