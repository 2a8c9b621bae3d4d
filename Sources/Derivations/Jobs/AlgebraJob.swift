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
        return ExpressionArgument(input: a.input, expr: f.expr, context: a.context, notes: notes)
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
