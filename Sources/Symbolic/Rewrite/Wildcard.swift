import Synchronization

/// What a wildcard may match.
public enum WildcardType: Sendable {
    case any
    /// An exact number (integer, rational or Gaussian rational).
    case number
    case integer
    case rational
    /// A symbol (not a compound expression, not a number).
    case symbol
    /// An expression known to be positive (by assumptions or value).
    case positive
    /// An expression known to be real.
    case real
    /// An expression in which the given symbol does not occur.
    case freeOf(Symbol)
    /// A user predicate; `label` names it (it becomes part of the wildcard's name, so two
    /// predicates with the same label on the same wildcard name must mean the same test).
    case predicate(String, @Sendable (Expr) -> Bool)

    var tag: String {
        switch self {
        case .any: return ""
        case .number: return ":number"
        case .integer: return ":integer"
        case .rational: return ":rational"
        case .symbol: return ":symbol"
        case .positive: return ":positive"
        case .real: return ":real"
        case .freeOf(let s): return ":freeOf(\(s.name)#\(s.index))"
        case .predicate(let label, _): return ":\(label)"
        }
    }

    func accepts(_ e: Expr) -> Bool {
        switch self {
        case .any: return true
        case .number: return e.isNumber
        case .integer: return e.isNumber && e.isIntegerValued
        case .rational: return e.rationalValue != nil
        case .symbol: return e.kind == .symbol && e.symbol!.info.constant == nil
        case .positive: return e.isPositive
        case .real: return e.isReal
        case .freeOf(let s): return !e.contains(s)
        case .predicate(_, let test): return test(e)
        }
    }
}

struct WildcardSpec: Sendable {
    let type: WildcardType
    let isSequence: Bool
    /// Value taken when the wildcard finds nothing to match (an optional wildcard),
    /// e.g. 1 for a coefficient `c_` so that `c_*x` also matches `x`.
    let defaultValue: Expr?
}

/// A pattern variable. It is a symbol (so patterns are ordinary expressions built with the
/// ordinary constructors) whose declaration is recorded in the wildcard registry; its name
/// carries the type, so differently typed wildcards are different symbols.
///
/// ```swift
/// let x = Wildcard("x"), rest = Wildcard.sequence("rest")
/// let pythagoras = Rule(Expr.pow(.sin(x.expr), 2) + Expr.pow(.cos(x.expr), 2) + rest.expr,
///                       1 + rest.expr, name: "sin²+cos²")
/// ```
public struct Wildcard: Sendable, Hashable {
    public let symbol: Symbol

    /// A wildcard matching one expression of the given type. With `default`, the wildcard
    /// is optional: where nothing is left for it to match (a missing coefficient in a
    /// product, a missing term in a sum, a missing exponent) it takes that value.
    public init(_ name: String, _ type: WildcardType = .any, default defaultValue: Expr? = nil) {
        var full = name + "_" + type.tag
        if let d = defaultValue { full += "=" + (d.intValue.map(String.init) ?? "#\(d.id)") }
        symbol = WildcardRegistry.shared.declare(full, WildcardSpec(type: type, isSequence: false,
                                                                    defaultValue: defaultValue))
    }

    private init(sequence name: String) {
        symbol = WildcardRegistry.shared.declare(name + "__", WildcardSpec(type: .any, isSequence: true,
                                                                           defaultValue: nil))
    }

    /// A sequence wildcard (`rest__`): in a sum it matches the sum of all terms left over
    /// (0 if none), in a product the product of all factors left over (1 if none).
    public static func sequence(_ name: String) -> Wildcard { Wildcard(sequence: name) }

    public var expr: Expr { .symbol(symbol) }
    public var name: String { symbol.name }

    public static func == (a: Wildcard, b: Wildcard) -> Bool { a.symbol == b.symbol }
    public func hash(into h: inout Hasher) { h.combine(symbol) }
}

final class WildcardRegistry: Sendable {
    static let shared = WildcardRegistry()
    private let specs = Mutex<[Symbol: WildcardSpec]>([:])

    func declare(_ name: String, _ spec: WildcardSpec) -> Symbol {
        let s = Symbol(name)
        specs.withLock { $0[s] = spec }
        return s
    }

    func spec(_ s: Symbol) -> WildcardSpec? { specs.withLock { $0[s] } }
}

/// The values wildcards took in a match.
///
/// A wildcard inside a binder of the pattern (`∫dt f_`) can take a value that mentions the
/// variable bound there (as a de Bruijn index); the binding remembers that depth, and
/// `instantiate` shifts the value by the difference of depths wherever the template uses it, so
/// `∫dt f_ → 2∫dt f_` keeps f_ under its binder, and a value placed under binders of the template
/// that the pattern did not have is not captured by them (ψ(x_) → ∫dν K(x_, ν) φ(ν)).
public struct Bindings: Sendable, Hashable {
    public private(set) var values: [Symbol: Expr] = [:]
    /// The number of pattern binders above each binding (absent: 0).
    private(set) var depths: [Symbol: Int] = [:]

    public init() {}

    public subscript(_ w: Wildcard) -> Expr? { values[w.symbol] }
    /// By the wildcard's full name (`"x_"`, `"rest__"`, `"c_:number"`).
    public subscript(name: String) -> Expr? { values.first { $0.key.name == name }?.value }

    mutating func bind(_ s: Symbol, _ e: Expr, depth: Int = 0) {
        values[s] = e
        if depth != 0 { depths[s] = depth }
    }

    func depth(_ s: Symbol) -> Int { depths[s] ?? 0 }

    /// Substitutes the bound values for the wildcards of `template` (shifted to the depth of
    /// each use; a value that mentions a pattern binder placed outside every template binder
    /// is left as it was).
    public func instantiate(_ template: Expr) -> Expr { instantiateScoped(template) ?? instantiateUnscoped(template) }

    /// nil when a value mentioning a binder of the pattern would land outside any binder.
    func instantiateScoped(_ template: Expr) -> Expr? {
        var s = Substitution(scoped: values.map { (Expr.symbol($0.key), $0.value, depth($0.key)) })
        let out = s(template)
        return s.placedEveryValue ? out : nil
    }

    private func instantiateUnscoped(_ template: Expr) -> Expr {
        var s = Substitution(scoped: values.map { (Expr.symbol($0.key), $0.value, 0) })
        return s(template)
    }
}
