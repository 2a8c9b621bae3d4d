import ArbitraryPrecision

/// A numeric coefficient being collected in a sum or product, with the number node it was
/// read from: most coefficients pass through a product or sum unchanged, and `expr` hands
/// that node back instead of looking the value up in the number table again.
struct Coefficient: Sendable {
    private(set) var value: GaussianRational
    private var node: Expr?

    init(_ q: GaussianRational) { value = q; node = nil }
    init(of e: Expr) { value = e.numberValue!; node = e }

    var isZero: Bool { value.isZero }
    var isOne: Bool { value.isOne }
    var expr: Expr { node ?? .number(value) }

    mutating func add(_ other: Coefficient) {
        if other.isZero { return }
        if isZero { self = other; return }
        value = value + other.value
        node = nil
    }

    mutating func multiply(_ other: Coefficient) {
        if other.isOne { return }
        if isOne { self = other; return }
        value = value * other.value
        node = nil
    }

    /// Splits `3*x*y` into (3, x*y) without building an intermediate node when possible.
    static func split(_ e: Expr) -> (Coefficient, Expr) {
        if e.isNumber { return (Coefficient(of: e), .one) }
        if e.kind == .mul {
            let first = e.children[0]
            if first.isNumber {
                let rest = e.children.dropFirst()
                if rest.count == 1 { return (Coefficient(of: first), rest.first!) }
                let list = Array(rest)
                return (Coefficient(of: first), Expr.raw(.mul, flags: Expr.mulFlags(list), list))
            }
        }
        return (Coefficient(1), e)
    }
}
