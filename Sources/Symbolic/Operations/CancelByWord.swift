/// Rational simplification of an expression with Grassmann (or operator) factors: the terms
/// are collected by their word (the Grassmann-odd and operator factors, in canonical order)
/// and each word's commuting coefficient is brought to one cancelled fraction. `cancel()`
/// works on commuting expressions only (a polynomial has no place for an odd generator's
/// sign), so without this a sum such as ψ̄ψ·(1 − w/(w + k)) − ψ̄ψ·k/(w + k) would not reduce to 0.
/// Terms are distributed first (`distribute`); a word with a mixed factor is kept as it is.
extension Expr {
    public func cancelledByWord() -> Expr {
        var order: [Expr] = []
        var coefficients: [Expr: [Expr]] = [:]
        for term in distribute(self).terms {
            let parts = ProductParts(term)
            let word = Expr.mul(parts.odd + parts.ordered)
            let coefficient = Expr.mul([Expr.number(parts.coefficient)] + parts.commuting)
            if coefficients[word] == nil { order.append(word) }
            coefficients[word, default: []].append(coefficient)
        }
        return Expr.add(order.map { Expr.add(coefficients[$0]!).cancel() * $0 })
    }
}
