import ArbitraryPrecision

/// A numeric coefficient accumulator with a machine-integer fast path: collecting
/// like terms in large sums is mostly small-integer arithmetic, and only overflow or a
/// fraction moves it to exact Q(i) arithmetic.
struct Coefficient: Sendable {
    private var small: Int
    private var exact: GaussianRational?
    /// The number node an exact value was read from: `expr` hands it back instead of
    /// looking the value up again (most coefficients pass through a product unchanged).
    private var node: Expr?

    init(_ v: Int = 0) { small = v; exact = nil; node = nil }
    init(_ q: GaussianRational) {
        node = nil
        if q.isReal, q.re.isInteger, let v = q.re.numerator.asInt { small = v; exact = nil }
        else { small = 0; exact = q }
    }
    init(of e: Expr) {
        if let v = e.intValue { self.init(v) } else { self.init(e.numberValue!); node = e }
    }

    var value: GaussianRational { exact ?? GaussianRational(BigRational(small)) }
    var isZero: Bool { exact == nil ? small == 0 : exact!.isZero }
    var isOne: Bool { exact == nil ? small == 1 : exact!.isOne }
    var expr: Expr { node ?? (exact == nil ? .integer(small) : .number(exact!)) }

    mutating func add(_ other: Coefficient) {
        if other.exact == nil && other.small == 0 { return }
        if exact == nil && small == 0 { self = other; return }
        if exact == nil, other.exact == nil {
            let (s, o) = small.addingReportingOverflow(other.small)
            if !o { small = s; return }
        }
        self = Coefficient(value + other.value)
    }

    mutating func multiply(_ other: Coefficient) {
        if other.exact == nil && other.small == 1 { return }
        if exact == nil && small == 1 { self = other; return }
        if exact == nil, other.exact == nil {
            let (s, o) = small.multipliedReportingOverflow(by: other.small)
            if !o { small = s; return }
        }
        self = Coefficient(value * other.value)
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
