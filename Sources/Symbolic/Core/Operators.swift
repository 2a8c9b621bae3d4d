import ArbitraryPrecision

infix operator ** : ExponentiationPrecedence
precedencegroup ExponentiationPrecedence {
    associativity: right
    higherThan: MultiplicationPrecedence
}

extension Expr: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension Expr {
    public static func + (a: Expr, b: Expr) -> Expr { add(a, b) }
    public static func - (a: Expr, b: Expr) -> Expr { add(a, neg(b)) }
    public static prefix func - (a: Expr) -> Expr { neg(a) }
    public static func * (a: Expr, b: Expr) -> Expr { mul(a, b) }
    public static func / (a: Expr, b: Expr) -> Expr { mul(a, pow(b, .minusOne)) }
    public static func ** (a: Expr, b: Expr) -> Expr { pow(a, b) }
    public static func += (a: inout Expr, b: Expr) { a = a + b }
    public static func -= (a: inout Expr, b: Expr) { a = a - b }
    public static func *= (a: inout Expr, b: Expr) { a = a * b }
}
