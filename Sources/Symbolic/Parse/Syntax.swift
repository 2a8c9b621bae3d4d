import ArbitraryPrecision

/// The parse tree of expression text, before names are resolved. Resolution is a second
/// pass because the variable of `sum(body, k, 1, N)` is named after its body.
indirect enum Syntax: Sendable {
    case number(BigRational, at: Int)
    case name(String, at: Int)
    /// `f(args)`; each argument may carry a `:word&word` annotation (binder variables).
    case call(String, [Argument], at: Int, closing: Int)
    /// `+ - * /` and `^`, with the offset of the operator.
    case binary(Character, Syntax, Syntax, at: Int)
    case negate(Syntax, at: Int)

    struct Argument: Sendable {
        var value: Syntax
        var annotation: [(word: String, at: Int)]?
    }

    var offset: Int {
        switch self {
        case .number(_, let at), .name(_, let at), .call(_, _, let at, _), .negate(_, let at): return at
        case .binary(_, let lhs, _, _): return lhs.offset
        }
    }
}
