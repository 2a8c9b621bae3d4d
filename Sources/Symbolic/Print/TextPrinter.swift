import ArbitraryPrecision

/// How tightly a printed piece binds, to decide where parentheses are needed.
enum PrintLevel: Int, Comparable {
    case sum, negated, product, power, atom
    static func < (a: PrintLevel, b: PrintLevel) -> Bool { a.rawValue < b.rawValue }
}

struct Printed {
    var text: String
    var level: PrintLevel
}

extension Expr: CustomStringConvertible {
    /// Text that `parseExpr` reads back to this expression (given the declarations of its
    /// symbols): `x - y`, `-x`, `x/y`, `sqrt(x)`, `I` for the imaginary unit.
    public var description: String { TextPrinter(context: ParseContext()).text(self) }

    /// Text in the syntax of `parseExpr`, using `context` to avoid names it gives another
    /// meaning (a declared `I`, a binder variable that would capture a declared name).
    public func text(context: ParseContext) -> String { TextPrinter(context: context).text(self) }
}

/// The text printer. Terms of sums are in a human order (higher degree first, imaginary
/// coefficients first, then alphabetical), independent of the canonical order.
struct TextPrinter: ExprPrinter {
    let context: ParseContext
    let imaginaryUnit: String

    init(context: ParseContext) {
        self.context = context
        if context.symbol(named: "I") == nil { imaginaryUnit = "I" }
        else if context.symbol(named: "i") == nil { imaginaryUnit = "i" }
        else { imaginaryUnit = "sqrt(-1)" }
    }

    func text(_ e: Expr) -> String { print(e, pullContent: true).text }

    func symbol(_ s: Symbol) -> Printed { Printed(text: symbolName(s), level: .atom) }

    func bound(_ index: Int) -> Printed { Printed(text: "#\(index)", level: .atom) }

    func symbolName(_ s: Symbol) -> String {
        switch s.info.constant {
        case .pi: return context.symbol(named: "pi") == nil ? "pi" : "π"
        case .infinity: return context.symbol(named: "oo") == nil ? "oo" : "∞"
        case .undefined: return "undefined"
        case nil: return s.name
        }
    }

    // MARK: Sums

    /// Sort key of a term: degree (descending), imaginary coefficient first, positive
    /// before negative, the term without its coefficient, the whole term. So the A2 entry of
    /// paper 003 reads `-I*ω_c - κ/2` and A1 reads `(γ_up - γ_down)/2`.
    func orderedTerms(_ terms: [Expr]) -> [Expr] {
        let keyed = terms.map { t -> (Expr, Double, Bool, Bool, String, String) in
            var bare = TermLayout(t)
            let negative = bare.negative
            bare.negative = false
            bare.coefficientNumerator = nil
            bare.coefficientDenominator = nil
            bare.imaginary = false
            bare.complexCoefficient = nil
            // Imaginary terms first, except constants, which read real part first: 1 + 2*I.
            let imaginaryFirst = TermLayout.hasImaginaryCoefficient(t) != t.isNumber
            return (t, -TermLayout.degree(t), !imaginaryFirst, negative,
                    layoutText(bare).text, signedTerm(t).text)
        }
        return keyed.sorted { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return !a.2 }
            if a.3 != b.3 { return !a.3 }
            if a.4 != b.4 { return a.4 < b.4 }
            return a.5 < b.5
        }.map { $0.0 }
    }

    /// `a + b - c`; with `pullContent`, a common denominator of every coefficient is taken
    /// out, `(γ_up - γ_down)/2`, which parses back to the same distributed sum.
    func sum(_ terms: [Expr], pullContent: Bool) -> Printed {
        if pullContent, let d = commonDenominator(terms) {
            let scaled = terms.map { Expr.mul(.number(d), $0) }
            return Printed(text: "(" + sum(scaled, pullContent: false).text + ")/" + d.description,
                           level: .product)
        }
        var text = ""
        for (k, t) in orderedTerms(terms).enumerated() {
            let layout = TermLayout(t)
            let body = layoutText(layout).text
            if k == 0 { text = layout.negative ? "-" + body : body }
            else { text += (layout.negative ? " - " : " + ") + body }
        }
        return Printed(text: text, level: .sum)
    }

    private func commonDenominator(_ terms: [Expr]) -> BigInt? {
        guard terms.count > 1 else { return nil }
        let d = TermLayout.coefficientDenominator(of: terms[0])
        if d.isOne { return nil }
        for t in terms.dropFirst() where TermLayout.coefficientDenominator(of: t) != d { return nil }
        return d
    }

    // MARK: Terms

    func layoutText(_ layout: TermLayout) -> Printed {
        var numerator: [Printed] = []
        if let q = layout.complexCoefficient {
            numerator.append(Printed(text: "(" + sum(printedTerms(of: .number(q)), pullContent: false).text + ")",
                                     level: .atom))
        } else {
            if let n = layout.coefficientNumerator { numerator.append(Printed(text: n.description, level: .atom)) }
            if layout.imaginary { numerator.append(Printed(text: imaginaryUnit, level: .atom)) }
        }
        numerator += sortedFactors(layout.commuting)
        numerator += layout.ordered.map(factor)
        var denominator: [Printed] = []
        if let d = layout.coefficientDenominator { denominator.append(Printed(text: d.description, level: .atom)) }
        denominator += sortedFactors(layout.denominator)

        let top: Printed
        switch numerator.count {
        case 0: top = Printed(text: "1", level: .atom)
        case 1: top = numerator[0]
        default: top = Printed(text: numerator.map(\.text).joined(separator: "*"), level: .product)
        }
        if denominator.isEmpty { return top }
        let bottom = denominator.count == 1 && denominator[0].level >= .power
            ? denominator[0].text
            : "(" + denominator.map(\.text).joined(separator: "*") + ")"
        return Printed(text: top.text + "/" + bottom, level: .product)
    }

    /// Commuting factors in reading order: numeric factors (surds) first, then by text.
    private func sortedFactors(_ factors: [Factor]) -> [Printed] {
        factors.map { ($0.base.flags.contains(.numeric), factor($0)) }
            .sorted { $0.0 != $1.0 ? $0.0 : $0.1.text < $1.1.text }
            .map { $0.1 }
    }

    func factor(_ f: Factor) -> Printed {
        if f.exponent.isOne { return wrap(print(f.base, pullContent: false), .power) }
        if f.exponent == .half {
            return Printed(text: "sqrt(" + print(f.base, pullContent: true).text + ")", level: .atom)
        }
        let base = wrapText(print(f.base, pullContent: false), .atom)
        let exponent = wrapText(print(f.exponent, pullContent: true), .atom)
        return Printed(text: base + "^" + exponent, level: .power)
    }

    private func wrapText(_ p: Printed, _ minimum: PrintLevel) -> String {
        p.level >= minimum ? p.text : "(" + p.text + ")"
    }

    private func wrap(_ p: Printed, _ minimum: PrintLevel) -> Printed {
        p.level >= minimum ? p : Printed(text: "(" + p.text + ")", level: .atom)
    }

    // MARK: Functions and binders

    func call(_ e: Expr) -> Printed {
        let head = e.head!
        var name = head.name
        if let b = head.info.builtin, context.symbol(named: name) != nil {
            if b == .theta { name = "θ" } else if b == .delta { name = "δ" }
        }
        let args = e.children.map { print($0, pullContent: true).text }.joined(separator: ", ")
        return Printed(text: name + "(" + args + ")", level: .atom)
    }

    func binder(_ e: Expr) -> Printed {
        let kind = e.binderKind!
        let (variable, body, annotation) = openBinderForPrinting(e, context: context)
        let parts = e.binderParts!
        let name = annotation.isEmpty ? variable.name : variable.name + ":" + annotation.joined(separator: "&")
        let keyword = kind == .integral ? "integral" : kind == .sum ? "sum" : "product"
        let text = keyword + "(" + print(body, pullContent: true).text + ", " + name + ", "
            + print(parts.lower, pullContent: true).text + ", " + print(parts.upper, pullContent: true).text + ")"
        return Printed(text: text, level: .atom)
    }
}

/// Opens a binder with a variable name that reads back to the same binder: not free in
/// it, not a reserved name, and either undeclared or declared with the binder's
/// assumptions. The name the binder was built with (its hint) comes first, with
/// `useHint`; then ω, ν, … for integrals and k, q, … for sums. Returns the assumption words
/// to annotate when the reader's default (real for integrals, integer for sums) would differ.
func openBinderForPrinting(_ e: Expr, context: ParseContext, useHint: Bool = true) -> (Symbol, Expr, [String]) {
    let kind = e.binderKind!
    let assumptions = e.binderAssumptions
    let defaultAssumptions: Assumptions = kind == .integral ? Assumptions.real.closed : Assumptions.integer.closed
    let standard = kind == .integral ? ["ω", "ν", "ω'", "ν'", "w"] : ["k", "q", "n", "m", "k'", "j"]
    let hints = (useHint ? e.binderHint.map { [$0.name] } ?? [] : []) + standard
    var attempt = 0
    while true {
        let hint = attempt < hints.count ? hints[attempt] : standard[0] + "_\(attempt)"
        attempt += 1
        guard let (variable, body) = e.openBinder(hint: hint) else { preconditionFailure("not a binder") }
        let name = variable.name
        if ["I", "i", "pi", "π", "oo", "∞"].contains(name) || BuiltinNames.callable[name] != nil { continue }
        if let declared = context.symbol(named: name) {
            let info = declared.info
            guard !info.isFunction, info.commutation == .commuting, info.assumptions == assumptions else { continue }
            return (variable, body, [])
        }
        return (variable, body, assumptions == defaultAssumptions ? [] : assumptions.words)
    }
}
