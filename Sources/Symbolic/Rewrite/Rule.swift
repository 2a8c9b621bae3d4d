/// A rewrite rule `lhs → rhs`, optionally guarded by a condition on the bindings.
///
/// The left side is a pattern: an ordinary expression containing wildcards. The right side
/// is an expression with the same wildcards, or a closure computing the replacement from the
/// bindings (returning nil to decline). A rule is a value: it can be stored, printed (from
/// `name`, `lhs` and `rhs`) and tested. Applied to an expression it rewrites at the top only;
/// the combinators (`Postwalk`, `Prewalk`, `Fixpoint`) decide where and how often.
///
/// When the left side is a product holding operator or Grassmann factors, the rule also
/// rewrites a sub-word of a longer product: `a a† → a† a + 1` applied to `2 x a a† a` gives
/// `2x (a† a + 1) a`, distributed.
public struct Rule: Sendable {
    public enum RightHandSide: Sendable {
        case expr(Expr)
        case compute(@Sendable (Bindings) -> Expr?)
    }

    public let name: String
    public let lhs: Expr
    public let rhs: RightHandSide
    public let condition: (@Sendable (Bindings) -> Bool)?
    /// Upper bound on matching steps per application (associative–commutative matching can
    /// branch a lot); an application that exceeds it does not fire.
    public var matchBudget = 100_000

    public init(_ lhs: Expr, _ rhs: Expr, where condition: (@Sendable (Bindings) -> Bool)? = nil,
                name: String = "") {
        self.name = name
        self.lhs = lhs
        self.rhs = .expr(rhs)
        self.condition = condition
    }

    public init(_ lhs: Expr, where condition: (@Sendable (Bindings) -> Bool)? = nil, name: String = "",
                compute: @escaping @Sendable (Bindings) -> Expr?) {
        self.name = name
        self.lhs = lhs
        self.rhs = .compute(compute)
        self.condition = condition
    }

    /// The bindings of the first match of the left side against the whole of `e`.
    public func match(_ e: Expr) -> Bindings? {
        var found: Bindings?
        let m = Matcher(budget: matchBudget)
        _ = m.match(lhs, e) { b in
            guard condition?(b) ?? true else { return false }
            found = b
            return true
        }
        return found
    }

    /// Rewrites `e` at its top; nil when the rule does not apply or changes nothing.
    public func apply(_ e: Expr) -> Expr? {
        var result: Expr?
        let m = Matcher(budget: matchBudget)
        _ = m.matchInContext(lhs, e) { b in
            guard condition?(b) ?? true else { return false }
            let replacement: Expr?
            switch rhs {
            case .expr(let template): replacement = b.instantiateScoped(template)
            case .compute(let f): replacement = f(b)
            }
            guard let r = replacement else { return false }
            result = m.context.map { $0.wrap(r) } ?? r
            return true
        }
        guard let r = result, r != e else { return nil }
        return r
    }

    public func callAsFunction(_ e: Expr) -> Expr? { apply(e) }

    /// The rule as a rewriter, for the combinators.
    public var rewriter: Rewriter { { apply($0) } }
}

extension Expr {
    /// Applies the first matching rule at every node, bottom-up, once.
    public func replacingAll(_ rules: [Rule]) -> Expr {
        let rw = Postwalk(Chain(rules.map(\.rewriter), stopOnMatch: true))
        return ((try? rw(self)) ?? nil) ?? self
    }

    /// Applies the rules bottom-up until nothing changes; throws `RewriteError` on a cycle
    /// or after `limit` passes.
    public func replacingRepeatedly(_ rules: [Rule], limit: Int = 1000) throws -> Expr {
        let rw = Fixpoint(Postwalk(Chain(rules.map(\.rewriter), stopOnMatch: true)), limit: limit)
        return try rw(self) ?? self
    }
}
