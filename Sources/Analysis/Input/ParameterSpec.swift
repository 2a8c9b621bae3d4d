import Symbolic

/// One axis of a scan: `P=lo:hi:n`, n equally spaced values from lo to hi inclusive.
public struct GridAxis: Sendable, Equatable {
    public let symbol: Symbol
    public let lower: Double
    public let upper: Double
    public let count: Int

    public init(symbol: Symbol, lower: Double, upper: Double, count: Int) throws {
        let text = "\(symbol.name)=\(lower):\(upper):\(count)"
        guard count >= 1 else { throw AnalysisError.badRange(text, reason: "the number of points must be at least 1") }
        guard lower.isFinite && upper.isFinite else { throw AnalysisError.badRange(text, reason: "the ends must be finite") }
        guard lower < upper || (count == 1 && lower == upper) else {
            throw AnalysisError.badRange(text, reason: lower == upper ? "the range is empty" : "the lower end exceeds the upper end")
        }
        self.symbol = symbol
        self.lower = lower
        self.upper = upper
        self.count = count
    }

    public var name: String { symbol.name }

    public func value(_ i: Int) -> Double {
        count == 1 ? lower : lower + (upper - lower) * Double(i) / Double(count - 1)
    }
}

/// The names of a model and the values given to them on the command line.
///
/// `--set R=v` gives R a value v, an expression that may use other parameters (ω'_z =
/// Ω_U(λ) for Fig. 5 of 003); assignments are substituted into each other until only the
/// scan axes (or the varied parameter) remain.
public struct ParameterContext: Sendable {
    /// Every symbol the model uses, by name.
    public let symbols: [String: Symbol]
    /// Parses an expression in the model's names (a model file's own parser, which knows its
    /// definitions); nil: the core parser with the symbols declared.
    let parser: (@Sendable (String) throws -> Expr)?

    public init<S: Sequence>(symbols: S, parser: (@Sendable (String) throws -> Expr)? = nil) where S.Element == Symbol {
        var m: [String: Symbol] = [:]
        for s in symbols { m[s.name] = s }
        self.symbols = m
        self.parser = parser
    }

    public func symbol(named name: String) throws -> Symbol {
        let trimmed = name.trimmingWhitespace
        guard let s = symbols[trimmed] else { throw AnalysisError.unknownParameter(trimmed, known: Array(symbols.keys)) }
        return s
    }

    /// Parses an expression over the model's names; an undeclared name is an error.
    public func parse(_ text: String, what: String) throws -> Expr {
        if let parser {
            do { return try parser(text) } catch {
                throw AnalysisError.badAssignment(what, reason: "\(error)")
            }
        }
        var context = ParseContext(Array(symbols.values), allowUndeclared: false)
        context.allowUndeclared = false
        do {
            return try parseExpr(text, context: context)
        } catch {
            throw AnalysisError.badAssignment(what, reason: error.description)
        }
    }

    /// `P=lo:hi:n`.
    public func axis(_ text: String) throws -> GridAxis {
        guard let eq = text.firstIndex(of: "=") else { throw AnalysisError.badRange(text, reason: "expected NAME=lo:hi:n") }
        let sym = try symbol(named: String(text[..<eq]))
        let parts = text[text.index(after: eq)...].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw AnalysisError.badRange(text, reason: "expected lo:hi:n") }
        guard let lo = try? numericValue(String(parts[0])), let hi = try? numericValue(String(parts[1])) else {
            throw AnalysisError.badRange(text, reason: "the ends must be numbers")
        }
        guard let n = Int(parts[2].trimmingWhitespace) else { throw AnalysisError.badRange(text, reason: "the number of points must be an integer") }
        do { return try GridAxis(symbol: sym, lower: lo, upper: hi, count: n) } catch {
            throw AnalysisError.badRange(text, reason: (error as? AnalysisError).map { if case .badRange(_, let r) = $0 { return r } else { return $0.description } } ?? "\(error)")
        }
    }

    /// `lo:hi` as exact values (for thresholds).
    public func interval(_ text: String) throws -> (Expr, Expr) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw AnalysisError.badRange(text, reason: "expected lo:hi") }
        let lo = try parse(String(parts[0]), what: text), hi = try parse(String(parts[1]), what: text)
        guard !lo.freeSymbols.contains(where: { !$0.isFunction }) && !hi.freeSymbols.contains(where: { !$0.isFunction }),
              let l = lo.numberValue, let h = hi.numberValue else {
            throw AnalysisError.badRange(text, reason: "the ends must be numbers")
        }
        guard l.re < h.re else { throw AnalysisError.badRange(text, reason: "the range is empty") }
        return (lo, hi)
    }

    private func numericValue(_ text: String) throws -> Double {
        let e = try parse(text, what: text)
        guard let v = try? e.evaluate([:]), v.imaginary == 0, v.real.isFinite else {
            throw AnalysisError.badAssignment(text, reason: "not a real number")
        }
        return v.real
    }

    /// `R=v` pairs, parsed.
    public func assignments(_ texts: [String]) throws -> [Symbol: Expr] {
        var out: [Symbol: Expr] = [:]
        for t in texts {
            guard let eq = t.firstIndex(of: "=") else { throw AnalysisError.badAssignment(t, reason: "expected NAME=VALUE") }
            let sym = try symbol(named: String(t[..<eq]))
            let rhs = String(t[t.index(after: eq)...])
            guard !rhs.trimmingWhitespace.isEmpty else { throw AnalysisError.badAssignment(t, reason: "the value is empty") }
            out[sym] = try parse(rhs, what: t)
        }
        return out
    }
}

extension Symbol {
    var isFunction: Bool { info.isFunction }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Substitutes assignments into each other until none refers to another, then into `e`.
/// Throws on a cycle.
public func resolveAssignments(_ values: [Symbol: Expr]) throws -> [Symbol: Expr] {
    var resolved: [Symbol: Expr] = [:]
    var visiting: [Symbol] = []
    func resolve(_ s: Symbol) throws -> Expr {
        if let r = resolved[s] { return r }
        if let k = visiting.firstIndex(of: s) {
            throw AnalysisError.cyclicAssignment((visiting[k...] + [s]).map(\.name))
        }
        visiting.append(s)
        defer { visiting.removeLast() }
        let raw = values[s]!
        var inner: [Symbol: Expr] = [:]
        for t in raw.freeSymbols where values[t] != nil { inner[t] = try resolve(t) }
        let r = inner.isEmpty ? raw : raw.substitute(inner)
        resolved[s] = r
        return r
    }
    for s in values.keys { _ = try resolve(s) }
    return resolved
}
