import ArbitraryPrecision
import Symbolic

/// The library's rewritings of an expression, one CLI verb each (issue 14: the CLI printed
/// only the canonical form): `expand` (products and powers multiplied out), `cancel` (one
/// fraction, common factors of numerator and denominator removed), `together` (one fraction
/// over a common denominator), `apart` (partial fractions in one variable), `factor`
/// (numerator and denominator factorised into irreducible polynomials over ℚ).
public enum AlgebraVerb: String, Sendable, CaseIterable {
    case expand, cancel, together, apart, factor
}

/// The expression rewritten by `verb`; `apart` needs the variable (`--in x`), or takes the
/// only free symbol. Errors of the rewriting (not a rational function, say) keep their text.
public func rewrite(_ a: ExpressionArgument, _ verb: AlgebraVerb, variable: String? = nil) throws -> ExpressionArgument {
    let e = a.expr
    let result: Expr
    switch verb {
    case .expand: result = e.expand()
    case .cancel: result = e.cancel()
    case .together: result = e.together()
    case .factor:
        let f: FactoredExpression
        do { f = try e.factorization() } catch { throw AlgebraVerbError("\(error)") }
        var notes = a.notes
        if !f.irreducible {
            notes.append("factor: the coefficients involve I; factorisation over Q(i) is not implemented, so the factors are the square-free decomposition and may be reducible")
        }
        var out = ExpressionArgument(input: a.input, expr: f.expr, context: a.context, notes: notes)
        out.display = factoredDisplay(f, context: a.context)
        return out
    case .apart:
        let free = e.freeSymbols.filter { !$0.info.isFunction }
        let x: Symbol
        if let name = variable {
            guard let s = free.first(where: { $0.name == name }) else {
                throw AlgebraVerbError("apart: '\(name)' does not occur in the expression (free: \(free.map(\.name).sorted().joined(separator: ", ")))")
            }
            x = s
        } else {
            guard free.count == 1, let s = free.first else {
                throw AlgebraVerbError("apart: give the variable with --in (the expression has \(free.count) free symbols: \(free.map(\.name).sorted().joined(separator: ", ")))")
            }
            x = s
        }
        do { result = try e.apart(x) } catch { throw AlgebraVerbError("apart: \(error)") }
    }
    return ExpressionArgument(input: a.input, expr: result, context: a.context, notes: a.notes)
}

public struct AlgebraVerbError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}

/// constant · ∏ factorᵐ / ∏ factorᵐ written factor by factor, each as it prints alone: the
/// canonical product keeps a sum with its constant term positive, so x − 1 would print as
/// -(-x + 1). Nil (the canonical form is printed) for a constant with i.
func factoredDisplay(_ f: FactoredExpression, context: ParseContext) -> (text: String, latex: String)? {
    if f.expr.isZero { return ("0", "0") }
    let c = f.numerator.constant / f.denominator.constant
    guard c.isReal else { return nil }
    // A lone factor (no constant, no other factor, no power) needs no parentheses.
    let alone = f.numerator.factors.count + f.denominator.factors.count == 1
        && (f.numerator.factors + f.denominator.factors)[0].multiplicity == 1 && c.re.numerator.magnitude.isOne && c.re.denominator.isOne
    func factors(_ list: [(factor: Polynomial, multiplicity: Int)], latex: Bool) -> [String] {
        list.map { p, m in
            let e = p.toExpr()
            let s = latex ? e.latex(options: LatexOptions(), context: context) : e.text(context: context)
            let bare = alone && f.denominator.factors.isEmpty
            let wrapped = !bare && (e.kind == .add || (!latex && e.kind == .mul)) ? (latex ? "\\left(\(s)\\right)" : "(\(s))") : s
            return m == 1 ? wrapped : wrapped + (latex ? "^{\(m)}" : "^\(m)")
        }
    }
    func side(_ magnitude: BigInt, _ list: [(factor: Polynomial, multiplicity: Int)], latex: Bool) -> [String] {
        (magnitude.isOne ? [] : [magnitude.description]) + factors(list, latex: latex)
    }
    let sign = c.re.signum < 0 ? "-" : ""
    func render(latex: Bool) -> String {
        let top = side(c.re.numerator.magnitude, f.numerator.factors, latex: latex)
        let bottom = side(c.re.denominator, f.denominator.factors, latex: latex)
        let join = latex ? " " : "*"
        let numerator = top.isEmpty ? "1" : top.joined(separator: join)
        if bottom.isEmpty { return sign + numerator }
        if latex { return sign + "\\frac{\(numerator)}{\(bottom.joined(separator: " "))}" }
        let denominator = bottom.count == 1 ? bottom[0] : "(" + bottom.joined(separator: "*") + ")"
        return sign + (top.count > 1 ? "(" + numerator + ")" : numerator) + "/" + denominator
    }
    return (render(latex: false), render(latex: true))
}
