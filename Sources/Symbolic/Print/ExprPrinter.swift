/// What the text and LaTeX printers share: how an expression's kind decides what prints it.
/// A printer supplies the pieces (a sum, a signed term, a symbol, a bound variable, a call, a
/// binder); the dispatch, and the rule that a number with several printed terms (a complex
/// number) prints as a sum, are written once here.
protocol ExprPrinter {
    func sum(_ terms: [Expr], pullContent: Bool) -> Printed
    /// A term without its sign (coefficient, factors, denominator), as its layout says.
    func layoutText(_ layout: TermLayout) -> Printed
    func symbol(_ s: Symbol) -> Printed
    func bound(_ index: Int) -> Printed
    func call(_ e: Expr) -> Printed
    func binder(_ e: Expr) -> Printed
}

extension ExprPrinter {
    /// A term with its sign: `-` before the printed layout of a negative term.
    func signedTerm(_ e: Expr) -> Printed {
        let layout = TermLayout(e)
        let body = layoutText(layout)
        return layout.negative ? Printed(text: "-" + body.text, level: .negated) : body
    }

    func print(_ e: Expr, pullContent: Bool) -> Printed {
        switch e.kind {
        case .add:
            return sum(printedTerms(of: e), pullContent: pullContent)
        case .integer, .number:
            let terms = printedTerms(of: e)
            return terms.count > 1 ? sum(terms, pullContent: false) : signedTerm(e)
        case .mul, .pow:
            return signedTerm(e)
        case .symbol:
            return symbol(e.symbol!)
        case .bound:
            return bound(e.boundIndex!)
        case .function:
            return call(e)
        case .binder:
            return binder(e)
        }
    }
}
