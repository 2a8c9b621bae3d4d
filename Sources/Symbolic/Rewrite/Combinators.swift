/// A rewriter maps an expression to its rewritten form, or to nil when it does not apply.
/// Rewriters compose through the combinators below (as in SymbolicUtils.jl); they may
/// throw, so that `Fixpoint` can report non-termination instead of looping.
public typealias Rewriter = (Expr) throws -> Expr?

/// Why a repeated rewrite stopped without reaching a fixed point.
public enum RewriteError: Error, Sendable, CustomStringConvertible {
    /// An expression came back after `period` steps: the rules cycle.
    case cycle(period: Int, after: Int)
    /// Still changing after `limit` passes.
    case iterationLimit(Int)

    public var description: String {
        switch self {
        case .cycle(let period, let after):
            return "rewriting cycles: an expression recurred after \(period) step(s) (detected at pass \(after))"
        case .iterationLimit(let n):
            return "rewriting did not reach a fixed point within \(n) passes"
        }
    }
}

/// Applies the rewriters in sequence, each to the output of the previous (nil if none
/// changed anything); with `stopOnMatch`, returns the result of the first that applies.
public func Chain(_ rewriters: [Rewriter], stopOnMatch: Bool = false) -> Rewriter {
    return { e in
        var current = e
        var changed = false
        for rw in rewriters {
            if let r = try rw(current), r != current {
                if stopOnMatch { return r }
                current = r
                changed = true
            }
        }
        return changed ? current : nil
    }
}

/// Applies `rewriter` until it no longer changes the expression. Every intermediate result
/// is remembered (expressions are hash-consed, so this is a set of ids): a repeat throws
/// `RewriteError.cycle`, and more than `limit` passes throws `.iterationLimit`.
public func Fixpoint(_ rewriter: @escaping Rewriter, limit: Int = 1000) -> Rewriter {
    return { e in
        var current = e
        var seen: [Expr: Int] = [e: 0]
        for pass in 1...max(limit, 1) {
            guard let next = try rewriter(current), next != current else { return pass == 1 ? nil : current }
            if let earlier = seen[next] { throw RewriteError.cycle(period: pass - earlier, after: pass) }
            seen[next] = pass
            current = next
        }
        throw RewriteError.iterationLimit(limit)
    }
}

/// Rewrites bottom-up: the children first, then the rebuilt node, once each. Shared
/// subtrees are rewritten once. The body of a binder is rewritten opened, with a fresh
/// variable in place of the bound one (`mapChildrenOpeningBinder`): rules see a named variable,
/// and a rule whose right side brings in a binder of its own cannot capture anything.
public func Postwalk(_ rewriter: @escaping Rewriter) -> Rewriter {
    return { e in
        var memo: [Expr: Expr] = [:]
        func walk(_ x: Expr) throws -> Expr {
            if let done = memo[x] { return done }
            let rebuilt = x.children.isEmpty ? x : try x.mapChildrenOpeningBinder(walk)
            let out = try rewriter(rebuilt) ?? rebuilt
            memo[x] = out
            return out
        }
        let r = try walk(e)
        return r == e ? nil : r
    }
}

/// Rewrites top-down: the node first, then the children of the result, once each; binder
/// bodies opened as in `Postwalk`.
public func Prewalk(_ rewriter: @escaping Rewriter) -> Rewriter {
    return { e in
        var memo: [Expr: Expr] = [:]
        func walk(_ x: Expr) throws -> Expr {
            if let done = memo[x] { return done }
            let top = try rewriter(x) ?? x
            let out = top.children.isEmpty ? top : try top.mapChildrenOpeningBinder(walk)
            memo[x] = out
            return out
        }
        let r = try walk(e)
        return r == e ? nil : r
    }
}

/// Applies `rewriter` only where `condition` holds.
public func IfThen(_ condition: @escaping (Expr) -> Bool, _ rewriter: @escaping Rewriter) -> Rewriter {
    return { e in condition(e) ? try rewriter(e) : nil }
}

/// Applies `rewriter` where `condition` holds and `otherwise` elsewhere.
public func IfElse(_ condition: @escaping (Expr) -> Bool, _ rewriter: @escaping Rewriter,
                   _ otherwise: @escaping Rewriter) -> Rewriter {
    return { e in condition(e) ? try rewriter(e) : try otherwise(e) }
}
