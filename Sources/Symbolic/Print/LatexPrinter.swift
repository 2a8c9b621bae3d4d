import ArbitraryPrecision

/// Choices of notation in LaTeX output.
public struct LatexOptions: Sendable {
    public enum Conjugate: Sendable { case bar, star }
    /// `\bar{x}` (default) or `x^*` for complex conjugation.
    public var conjugate: Conjugate = .bar
    /// The imaginary unit, `i` by default.
    public var imaginaryUnit = "i"
    /// The variable of a sum or integral: `.standard` typesets ω, ν, … for integrals and k, q, …
    /// for sums (the papers' notation, the default); `.asBuilt` the name it was built with (its
    /// hint, as the text printer does).
    public var binderNames: BinderNames = .standard
    public enum BinderNames: Sendable { case standard, asBuilt }

    public init(conjugate: Conjugate = .bar, imaginaryUnit: String = "i", binderNames: BinderNames = .standard) {
        self.conjugate = conjugate
        self.imaginaryUnit = imaginaryUnit
        self.binderNames = binderNames
    }
}

extension Expr {
    /// LaTeX as in the papers: `-i\omega_c - \frac{\kappa}{2}`.
    public var latex: String { latex(options: LatexOptions()) }

    public func latex(options: LatexOptions, context: ParseContext = .init()) -> String {
        LatexPrinter(options: options, context: context).latex(self)
    }
}

/// The LaTeX printer. Terms come in the same order as in the text printer.
struct LatexPrinter: ExprPrinter {
    let options: LatexOptions
    let text: TextPrinter
    let context: ParseContext

    init(options: LatexOptions, context: ParseContext) {
        self.options = options
        self.context = context
        self.text = TextPrinter(context: context)
    }

    func latex(_ e: Expr) -> String { print(e, pullContent: true).text }

    func symbol(_ s: Symbol) -> Printed {
        switch s.info.constant {
        case .pi: return Printed(text: "\\pi", level: .atom)
        case .infinity: return Printed(text: "\\infty", level: .atom)
        case .undefined: return Printed(text: "\\mathrm{undefined}", level: .atom)
        case nil: return Printed(text: LatexNames.latex(s.name), level: .atom)
        }
    }

    func bound(_ index: Int) -> Printed { Printed(text: "\\#\(index)", level: .atom) }

    private func parenthesized(_ s: String) -> String { "\\left(" + s + "\\right)" }

    // MARK: Sums and terms

    func sum(_ terms: [Expr], pullContent: Bool) -> Printed {
        if pullContent, terms.count > 1 {
            let d = TermLayout.coefficientDenominator(of: terms[0])
            if !d.isOne, terms.allSatisfy({ TermLayout.coefficientDenominator(of: $0) == d }) {
                let scaled = terms.map { Expr.mul(.number(d), $0) }
                return Printed(text: "\\frac{" + sum(scaled, pullContent: false).text + "}{" + d.description + "}",
                               level: .product)
            }
        }
        var out = ""
        for (k, t) in text.orderedTerms(terms).enumerated() {
            let layout = TermLayout(t)
            let body = layoutText(layout).text
            if k == 0 { out = layout.negative ? "-" + body : body }
            else { out += (layout.negative ? " - " : " + ") + body }
        }
        return Printed(text: out, level: .sum)
    }

    func layoutText(_ layout: TermLayout) -> Printed {
        var numerator: [Printed] = []
        if let q = layout.complexCoefficient {
            numerator.append(Printed(text: parenthesized(sum(printedTerms(of: .number(q)), pullContent: false).text),
                                     level: .atom))
        } else {
            if let n = layout.coefficientNumerator { numerator.append(Printed(text: n.description, level: .atom)) }
            if layout.imaginary { numerator.append(Printed(text: options.imaginaryUnit, level: .atom)) }
        }
        numerator += sortedFactors(layout.commuting)
        numerator += layout.ordered.map(factor)
        var denominator: [Printed] = []
        if let d = layout.coefficientDenominator { denominator.append(Printed(text: d.description, level: .atom)) }
        denominator += sortedFactors(layout.denominator)

        if denominator.isEmpty {
            let top = numerator.isEmpty ? "1" : juxtapose(numerator.map(\.text))
            return Printed(text: top, level: numerator.count == 1 ? numerator[0].level : .product)
        }
        // Inside \frac a lone factor needs no parentheses: \frac{x + y}{\kappa + i\omega}.
        let top = numerator.count == 1 && layout.commuting.count + layout.ordered.count == 1
            ? lone(layout.commuting.first ?? layout.ordered[0]) ?? numerator[0].text
            : numerator.isEmpty ? "1" : juxtapose(numerator.map(\.text))
        let bottom = denominator.count == 1 && layout.denominator.count == 1
            ? lone(layout.denominator[0]) ?? denominator[0].text
            : juxtapose(denominator.map(\.text))
        return Printed(text: "\\frac{" + top + "}{" + bottom + "}", level: .product)
    }

    private func lone(_ f: Factor) -> String? {
        f.exponent.isOne ? print(f.base, pullContent: true).text : nil
    }

    /// Writes factors side by side: a space between letters (`\eta x`), `\cdot` between
    /// digits (`2 \cdot 3^{1/3}`).
    private func juxtapose(_ parts: [String]) -> String {
        var out = ""
        for p in parts {
            if let last = out.last, let first = p.first {
                if last.isNumber && first.isNumber { out += " \\cdot " }
                else if last.isLetter && first.isLetter { out += " " }
            }
            out += p
        }
        return out
    }

    private func sortedFactors(_ factors: [Factor]) -> [Printed] {
        factors.map { ($0.base.flags.contains(.numeric), factor($0)) }
            .sorted { $0.0 != $1.0 ? $0.0 : $0.1.text < $1.1.text }
            .map { $0.1 }
    }

    func factor(_ f: Factor) -> Printed {
        let base = print(f.base, pullContent: false)
        if f.exponent.isOne {
            return base.level >= .power ? base : Printed(text: parenthesized(base.text), level: .atom)
        }
        if f.exponent == .half {
            return Printed(text: "\\sqrt{" + print(f.base, pullContent: true).text + "}", level: .atom)
        }
        var baseText = base.level >= .atom ? base.text : parenthesized(base.text)
        // A base that already carries a superscript (a^\dagger, e^{x}) is braced.
        if base.level >= .atom && baseText.contains("^") { baseText = "{" + baseText + "}" }
        return Printed(text: baseText + "^" + braced(exponentText(f.exponent)), level: .power)
    }

    private func exponentText(_ e: Expr) -> String {
        if let q = e.rationalValue, !q.isInteger { return q.description }
        return print(e, pullContent: true).text
    }

    private func braced(_ s: String) -> String { s.count == 1 ? s : "{" + s + "}" }

    // MARK: Functions and binders

    func call(_ e: Expr) -> Printed {
        let args = e.children.map { print($0, pullContent: true).text }
        let arg = args.first ?? ""
        switch e.builtin {
        case .exp:
            return Printed(text: "e^{" + arg + "}", level: .power)
        case .sin, .cos, .tan, .sinh, .cosh, .tanh, .log:
            return Printed(text: "\\" + e.head!.name + parenthesized(arg), level: .atom)
        case .atan:
            return Printed(text: "\\arctan" + parenthesized(arg), level: .atom)
        case .derivative:
            // derivative(F(a…), k): F'(a) for a one-slot function, ∂_k F(a…) otherwise.
            guard e.children.count == 2, case let f = e.children[0], f.kind == .function else {
                return Printed(text: "\\operatorname{derivative}" + parenthesized(args.joined(separator: ", ")), level: .atom)
            }
            if f.children.count == 1, f.builtin == nil {
                return Printed(text: LatexNames.latex(f.head!.name) + "'" + parenthesized(print(f.children[0], pullContent: true).text),
                               level: .atom)
            }
            return Printed(text: "\\partial_{" + args[1] + "}" + args[0], level: .atom)
        case .re:
            return Printed(text: "\\operatorname{Re}" + parenthesized(arg), level: .atom)
        case .im:
            return Printed(text: "\\operatorname{Im}" + parenthesized(arg), level: .atom)
        case .sign:
            return Printed(text: "\\operatorname{sign}" + parenthesized(arg), level: .atom)
        case .abs:
            return Printed(text: "\\left|" + arg + "\\right|", level: .atom)
        case .conj:
            let inner = print(e.children[0], pullContent: false)
            switch options.conjugate {
            case .bar:
                let macro = e.children[0].kind == .symbol ? "\\bar{" : "\\overline{"
                return Printed(text: macro + inner.text + "}", level: .atom)
            case .star:
                var t = inner.level >= .atom ? inner.text : parenthesized(inner.text)
                if inner.level >= .atom && t.contains("^") { t = "{" + t + "}" }
                return Printed(text: t + "^*", level: .power)
            }
        case .theta:
            return Printed(text: "\\theta" + parenthesized(arg), level: .atom)
        case .delta:
            return Printed(text: "\\delta" + parenthesized(arg), level: .atom)
        case .kdelta:
            let joined = args.allSatisfy { $0.count == 1 } ? args.joined() : args.joined(separator: ",")
            return Printed(text: "\\delta_{" + joined + "}", level: .atom)
        case nil:
            return Printed(text: LatexNames.latex(e.head!.name) + parenthesized(args.joined(separator: ", ")),
                           level: .atom)
        }
    }

    func binder(_ e: Expr) -> Printed {
        let (variable, body, _) = openBinderForPrinting(e, context: context, useHint: options.binderNames == .asBuilt)
        let parts = e.binderParts!
        let v = LatexNames.latex(variable.name)
        let lower = print(parts.lower, pullContent: true).text
        let upper = print(parts.upper, pullContent: true).text
        let b = print(body, pullContent: true)
        let bodyText = b.level >= .product ? b.text : parenthesized(b.text)
        switch e.binderKind! {
        case .integral:
            return Printed(text: "\\int_{" + lower + "}^{" + upper + "} d" + v + "\\, " + bodyText, level: .product)
        case .sum:
            return Printed(text: "\\sum_{" + v + "=" + lower + "}^{" + upper + "} " + bodyText, level: .product)
        case .product:
            return Printed(text: "\\prod_{" + v + "=" + lower + "}^{" + upper + "} " + bodyText, level: .product)
        }
    }
}

extension Expr {
    /// Display symbols that typeset some symbols by given names (a model's `latex` statements:
    /// muS → `\mu_S`), for substituting before printing; a name starting with a backslash or
    /// a brace is printed as it stands.
    public static func latexDisplay(_ names: [Symbol: String]) -> [Expr: Expr] {
        var table: [Expr: Expr] = [:]
        for (s, name) in names { table[.symbol(s)] = .symbol(Symbol(name, s.info.assumptions)) }
        return table
    }

    /// LaTeX with some symbols typeset by given names.
    public func typeset(_ names: [Symbol: String]) -> String {
        names.isEmpty ? latex : substitute(Expr.latexDisplay(names)).latex
    }
}
