import Algebra
import Analysis
import ArbitraryPrecision
import Symbolic

/// The names of a model and the values given to them on the command line.
///
/// `--set R=v` gives R a value v, an expression that may use other parameters (ω'_z =
/// Ω_U(λ) for Fig. 5 of 003); assignments are substituted into each other until only the
/// scan axes (or the varied parameter) remain.
public struct ParameterContext: Sendable {
    /// Every symbol the model uses, by name.
    public let symbols: [String: Symbol]
    /// The model whose parser reads option values (it knows the model's definitions and
    /// operators); nil: the core parser with the symbols declared.
    let model: Model?

    public init<S: Sequence>(symbols: S, model: Model? = nil) where S.Element == Symbol {
        var m: [String: Symbol] = [:]
        for s in symbols { m[s.name] = s }
        self.symbols = m
        self.model = model
    }

    public func symbol(named name: String) throws -> Symbol {
        let trimmed = name.trimmingWhitespace
        guard let s = symbols[trimmed] else { throw AnalysisError.unknownParameter(trimmed, known: Array(symbols.keys)) }
        return s
    }

    /// Parses an expression over the model's names; an undeclared name is an error.
    /// `what` names the option as the user wrote it (`--set kappa=1+`); `offset` is where
    /// `text` starts inside it, so the error's column counts in the option's text.
    public func parse(_ text: String, what: String, offset: Int = 0) throws(OptionError) -> Expr {
        if let model {
            do { return try model.expression(text, origin: "command line") } catch {
                throw OptionError(option: what, reason: .model(error), offset: offset)
            }
        }
        var context = ParseContext(Array(symbols.values), allowUndeclared: false)
        context.allowUndeclared = false
        do {
            return try parseExpr(text, context: context)
        } catch {
            throw OptionError(option: what, reason: .expression(error), offset: offset)
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

    /// `lo:hi` as exact real values (for thresholds).
    public func interval(_ text: String) throws -> (BigRational, BigRational) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw AnalysisError.badRange(text, reason: "expected lo:hi") }
        let lo = try parse(String(parts[0]), what: text), hi = try parse(String(parts[1]), what: text)
        guard !lo.freeSymbols.contains(where: { !$0.isFunction }) && !hi.freeSymbols.contains(where: { !$0.isFunction }),
              let l = lo.numberValue, let h = hi.numberValue, l.isReal, h.isReal else {
            throw AnalysisError.badRange(text, reason: "the ends must be real numbers")
        }
        guard l.re < h.re else { throw AnalysisError.badRange(text, reason: "the range is empty") }
        return (l.re, h.re)
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
            guard !rhs.trimmingWhitespace.isEmpty else { throw AnalysisError.badAssignment("--set \(t)", reason: "the value is empty") }
            let value = try parse(rhs, what: "--set \(t)", offset: 6 + t.distance(from: t.startIndex, to: eq) + 1)
            try Self.checkDomain(sym, value, option: "--set \(t)")
            if let earlier = out[sym], earlier != value {
                throw AnalysisError.badAssignment("--set \(t)", reason: "\(sym.name) is already set to \(earlier)")
            }
            out[sym] = value
        }
        return out
    }

    /// A value that is a number must lie in the parameter's declared domain: `kappa : real
    /// positive` refuses −1, i and 0. Positive means > 0, because the derivation used it:
    /// the core cancels a positive symbol from a quotient and takes √(η²) = η, steps that
    /// are wrong or meaningless at 0. A parameter that may be switched off (η = η′ = 0 is the
    /// Dicke limit of paper 003) is declared `nonnegative`, and the error says so. A value
    /// with other parameters in it is not checked here: its sign is known only at each point.
    static func checkDomain(_ symbol: Symbol, _ value: Expr, option: String) throws {
        let a = symbol.info.assumptions.closed
        guard !a.isEmpty, value.freeSymbols.isEmpty, let z = try? value.evaluate([:]) else { return }
        let words = a.words.joined(separator: " ")
        func refuse(_ hint: String = "") throws -> Never {
            throw AnalysisError.badAssignment(option, reason: "\(symbol.name) is declared \(words), and \(value) is not\(hint)")
        }
        guard z.real.isFinite && z.imaginary.isFinite else { try refuse() }
        if a.contains(.real) && z.imaginary != 0 { try refuse() }
        if a.contains(.nonnegative) && !(z.real >= 0) { try refuse() }
        if a.contains(.positive) && !(z.real > 0) {
            try refuse(" (positive means > 0; declare \(symbol.name) nonnegative in the model if 0 is meant)")
        }
        if a.contains(.integer) && (value.rationalValue.map { !$0.isInteger } ?? true) { try refuse() }
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
