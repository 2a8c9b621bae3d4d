import ArbitraryPrecision

/// The parse tree of expression text, before names are resolved. Resolution is a second
/// pass because the variable of `sum(body, k, 1, N)` is named after its body.
///
/// Chains of `+`/`-` and of `*`/`/` are flat lists, not left-deep binary nodes: a sum of
/// 30 000 terms must be neither 30 000 levels deep (elaborating and destroying a deep tree
/// recurse, and the stack overflows) nor built one `a + b` at a time (each step copies the
/// growing sum: quadratic). Nesting that remains (parentheses, unary minus, `^`, calls) is
/// bounded by `Parser.maximumDepth`.
indirect enum Syntax: Sendable {
    case number(BigRational, at: Int)
    case name(String, at: Int)
    /// `f(args)`; each argument may carry a `:word&word` annotation (binder variables).
    case call(String, [Argument], at: Int, closing: Int)
    /// `t₀ ± t₁ ± …` (at least two terms); `at` of a term is its operator's offset.
    case sum([Term])
    /// `f₀ * f₁ / f₂ …` and juxtaposition (at least two factors).
    case product([Factor])
    /// `base ^ exponent`, with the offset of the operator.
    case power(Syntax, Syntax, at: Int)
    case negate(Syntax, at: Int)

    struct Argument: Sendable {
        var value: Syntax
        var annotation: [(word: String, at: Int)]?
    }

    struct Term: Sendable {
        var negative: Bool
        var value: Syntax
        var at: Int
    }

    struct Factor: Sendable {
        var divides: Bool
        var value: Syntax
        var at: Int
    }

    var offset: Int {
        switch self {
        case .number(_, let at), .name(_, let at), .call(_, _, let at, _), .negate(_, let at): return at
        case .power(let base, _, _): return base.offset
        case .sum(let terms): return terms[0].value.offset
        case .product(let factors): return factors[0].value.offset
        }
    }
}
