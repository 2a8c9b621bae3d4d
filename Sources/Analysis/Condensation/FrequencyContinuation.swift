import KeldyshNumerics
import Symbolic

/// A compiled function of the frequency (its first parameter) recompiled with the frequency
/// complex, for evaluations off the real axis. The formula is the analytic continuation only if
/// it is built from operations analytic in the frequency with no branch cut to cross: rational
/// operations, integer powers, exp, sin, cos, tan, sinh, cosh, tanh (their poles are refused by
/// the ball division where they meet). Anything else applied to an expression in the frequency
/// (conj, re, im, abs, sign, θ, deltas; log, atan and non-integer powers, whose principal
/// branches have cuts) is refused: the recompiled formula could be another function there.
enum FrequencyContinuation {
    /// `frequencies`: the parameters made complex (default the first; the loop's ν and ω).
    static func continued(_ f: CompiledFunction, frequencies: [Int] = [0]) throws -> CompiledFunction {
        guard let last = frequencies.max(), last < f.parameters.count, !frequencies.isEmpty else {
            throw CondensationError.integral("a function without a frequency")
        }
        var parameters = f.parameters, substitution: [Symbol: Expr] = [:], zetas: [Symbol] = []
        for k in frequencies {
            let zeta = Symbol.fresh("ζ")
            substitution[f.parameters[k]] = Expr.symbol(zeta)
            parameters[k] = zeta
            zetas.append(zeta)
        }
        var outputs: [Expr] = []
        for e in f.expressions {
            let c = e.substitute(substitution)
            for zeta in zetas {
                if let what = firstObstruction(c, zeta) {
                    throw CondensationError.integral("not visibly analytic in the frequency (\(what) of an expression in it): no continuation off the axis")
                }
            }
            outputs.append(c)
        }
        do {
            return try CompiledFunction(outputs, parameters: parameters)
        } catch {
            throw CondensationError.integral("the continued function does not compile: \(error)")
        }
    }

    static let analytic = Set([Builtin.exp, .sin, .cos, .tan, .sinh, .cosh, .tanh].map { Symbol.builtin($0) })

    /// The first node that may not be analytic in `zeta` (a function outside `analytic`, or a
    /// power with a non-integer exponent, applied to an expression in it), by name.
    static func firstObstruction(_ e: Expr, _ zeta: Symbol) -> String? {
        var seen = Set<Expr>()
        var stack = [e]
        while let x = stack.popLast() {
            guard x.freeSymbols.contains(zeta) else { continue }
            if x.kind == .function, let head = x.head, !analytic.contains(head) { return head.name }
            if x.kind == .pow, let exponent = x.children.last, exponent.kind != .integer { return "a power \(exponent)" }
            for c in x.children where seen.insert(c).inserted { stack.append(c) }
        }
        return nil
    }
}
