import ArbitraryPrecision

/// Coefficients and collection with respect to symbols.
///
/// The expression is read as a sum of terms (it is not expanded first: `expand` belongs to
/// the polynomial layer, call it before when products of sums should be multiplied out).
/// A term's degree in x is the exponent of its factor `x^n`; other occurrences of x (in
/// sin(x), in a sum factor) stay inside the coefficient, as in SymPy's `coeff`.
///
/// Coefficients stand to the *right* of the monomial: a term is `monomial · coefficient`,
/// with Grassmann symbols of the monomial moved to the front (the sign kept), so the
/// coefficient of ψ agrees with the left derivative ∂/∂ψ on terms linear in ψ:
/// the coefficient of ψ in `a ψ + b χ` is a, and in `χ ψ` it is −χ. Operator factors may be
/// present in the terms and stay, in order, in the coefficients; collecting with respect to
/// an operator symbol is not supported (a precondition).
extension Expr {
    /// The terms of a sum, or the expression itself as a single term.
    public var terms: [Expr] { kind == .add ? Array(children) : [self] }

    /// The coefficient of x^n (n = 0: the terms free of any power of x).
    public func coefficient(of x: Symbol, degree n: Int = 1) -> Expr {
        let base = Expr.symbol(x)
        precondition(!base.flags.contains(.noncommuting), "coefficient(of:) with respect to an operator symbol")
        var out = SumBuilder()
        for t in terms {
            let (exponents, k) = Expr.splitMonomial(t, bases: [base])
            if exponents[0] == .integer(n) { out.add(k) }
        }
        return out.build()
    }

    /// The sum of the coefficients K of the terms `monomial · K`: each base of the monomial
    /// must appear with exactly the monomial's exponent, and an operator word in the monomial
    /// must be the whole operator word of the term.
    public func coefficient(ofTerm monomial: Expr) -> Expr {
        let m = ProductParts(monomial)
        guard !m.coefficient.isZero else { return .zero }
        let powers = m.commuting.map(\.asPower)
        var out = SumBuilder()
        termLoop: for t in terms {
            var p = ProductParts(t)
            for (b, e) in powers {
                guard let i = p.commuting.firstIndex(where: { $0.asPower.base == b }),
                      p.commuting[i].asPower.exponent == e else { continue termLoop }
                p.commuting.remove(at: i)
            }
            var sign = 1
            for f in m.odd {
                guard let i = p.odd.firstIndex(of: f) else { continue termLoop }
                if i % 2 == 1 { sign = -sign }
                p.odd.remove(at: i)
            }
            if !m.ordered.isEmpty {
                guard p.ordered == m.ordered else { continue termLoop }
                p.ordered = []
            }
            let c = p.coefficient / m.coefficient
            out.add(Expr.mul([.number(c), .integer(sign)] + p.commuting + p.odd + p.ordered))
        }
        return out.build()
    }

    /// Groups the terms by their powers of x: Σ_n x^n · (coefficient of x^n).
    public func collect(_ x: Symbol) -> Expr { collect([x]) }

    /// Groups the terms by their monomials in the given symbols.
    public func collect(_ xs: [Symbol]) -> Expr {
        let bases = xs.map { Expr.symbol($0) }
        precondition(!bases.contains { $0.flags.contains(.noncommuting) }, "collect with respect to an operator symbol")
        var order: [[Expr]] = []
        var groups: [[Expr]: SumBuilder] = [:]
        for t in terms {
            let (exponents, k) = Expr.splitMonomial(t, bases: bases)
            if groups[exponents] == nil { order.append(exponents); groups[exponents] = SumBuilder() }
            groups[exponents]!.add(k)
        }
        var out = SumBuilder()
        for exponents in order {
            let monomial = Expr.mul(zip(bases, exponents).map { Expr.pow($0.0, $0.1) })
            out.add(Expr.mul(monomial, groups[exponents]!.build()))
        }
        return out.build()
    }

    /// Splits a term into the exponents of `bases` and the coefficient K with
    /// term = Π bases^exponents · K (odd bases moved to the front in the order given).
    static func splitMonomial(_ term: Expr, bases: [Expr]) -> (exponents: [Expr], coefficient: Expr) {
        var p = ProductParts(term)
        var exponents: [Expr] = []
        var sign = 1
        for b in bases {
            if b.isGrassmannOdd {
                if let i = p.odd.firstIndex(of: b) {
                    if i % 2 == 1 { sign = -sign }
                    p.odd.remove(at: i)
                    exponents.append(.one)
                } else {
                    exponents.append(.zero)
                }
            } else {
                var e = Expr.zero
                p.commuting.removeAll { f in
                    let (fb, fe) = f.asPower
                    guard fb == b else { return false }
                    e = e + fe
                    return true
                }
                exponents.append(e)
            }
        }
        let k = Expr.mul([.number(p.coefficient), .integer(sign)] + p.commuting + p.odd + p.ordered)
        return (exponents, k)
    }
}
