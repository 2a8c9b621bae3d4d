import Algebra
import Symbolic

/// What the expressions of a step's `values` clause may refer to.
struct ValueSources {
    /// `rhs(<X>)`: the right-hand side of the step's equation for the variable X.
    var equation: ((Expr) throws -> Expr)?
    /// `charpoly(s)`: det(s − A) of the step's matrix, at s.
    var matrix: Matrix?
    /// A steady state: every mean-field variable stands for its value on it.
    var branch: SteadyStateBranch?
}

/// The `values NAME = EXPR, …` clause of a step: each EXPR is read in the model's names
/// (and the names of the values before it on the line) and evaluated with
///
/// * `rhs(<X>)` — the step's right-hand side d<X>/dt;
/// * `coefficient(E, X)` — the coefficient of the variable X (or of conj X) in E, multiplied out;
/// * `solve(E, X)` — the root of E = 0 in X: linear in a variable X, or the single root in
///   P² of a polynomial in a positive parameter P with even powers only (`solve(E, P^2, k)`:
///   the k-th largest of several);
/// * `subs(E, X1, V1, X2, V2, …)` — E with X1 replaced by V1, then X2 by V2, …;
/// * `re(E)`, `im(E)`, `abs2(E)` = |E|², with every parameter real;
/// * `cancel(E)` — E as one fraction with common factors cancelled;
/// * `charpoly(S)` — the characteristic polynomial of the step's matrix at S;
///
/// and on a steady state every variable stands for its value there (its real and imaginary
/// parts, real by construction, so re, im and abs2 need no assumption on a square root).
enum StepValues {
    static let functionNames = ["rhs", "coefficient", "solve", "subs", "abs2", "charpoly", "cancel"]

    static func evaluate(_ clause: Fragment, parameters: Fragment?, scope stepScope: ModelScope,
                         sources: ValueSources) throws(ModelError) -> [String: Expr] {
        var scope = stepScope
        for name in functionNames { scope.context.declareFunction(name) }
        if let parameters { try scope.declareParameters(parameters) }
        let branch = sources.branch.map { BranchPlaceholders($0) }
        var out: [String: Expr] = [:]
        for item in clause.split(",") {
            guard let eq = item.find("=") else { throw item.error("expected `NAME = expression`", at: item.end) }
            let name = item.sub(item.start, eq).trimmed
            guard name.isName else { throw name.error("expected a value name such as lambdaC2") }
            if out[name.text] != nil { throw name.error("the value '\(name.text)' is given twice") }
            let body = item.sub(eq + 1, item.end).trimmed
            var read = try scope.expression(body)
            if let branch { read = read.substitute(branch.placeholders) }
            let value: Expr
            do {
                value = try Evaluation(sources: sources, branch: branch).value(read)
            } catch let e as ModelError {
                throw e
            } catch {
                throw body.error(wrapping: error)
            }
            // A branch's parts are put in and the value multiplied out and cancelled, as
            // |x|² = (Re x)² + (Im x)² is.
            let final = branch.map { value.substitute($0.values).expand().cancel() } ?? value
            out[name.text] = final
            // Later values may use this one by name, unless the name is taken (an operator).
            if scope.declared[name.text] == nil { try scope.define(name.text, final, at: name) }
        }
        return out
    }
}

/// A steady state's variables as real placeholder symbols (X = u_X + i v_X): re, im and
/// abs2 work on real symbols, and the parts are put in at the end.
struct BranchPlaceholders {
    var placeholders: [Expr: Expr] = [:]
    var values: [Expr: Expr] = [:]

    init(_ b: SteadyStateBranch) {
        for (v, parts) in b.parts {
            let name = v.symbol?.name ?? "\(v)"
            let u = Expr.symbol(Symbol("re•" + name, [.real])), w = Expr.symbol(Symbol("im•" + name, [.real]))
            placeholders[v] = parts.im.isZero ? u : u + Expr.i * w
            values[u] = parts.re
            if !parts.im.isZero { values[w] = parts.im }
        }
        for (v, value) in b.values where b.parts[v] == nil { placeholders[v] = value }
    }

    /// The value behind the placeholders (what `solve` and `subs` work on).
    func resolved(_ e: Expr) -> Expr { values.isEmpty ? e : e.substitute(values).cancel() }
}

/// Evaluates the value functions bottom-up.
private struct Evaluation {
    let sources: ValueSources
    let branch: BranchPlaceholders?

    func value(_ e: Expr) throws -> Expr {
        if e.children.isEmpty { return e }
        let children = try e.children.map(value)
        if e.kind == .function, let f = e.head?.name, StepValues.functionNames.contains(f) {
            return try apply(f, children)
        }
        let rebuilt = e.withChildren(children)
        switch e.builtin {
        case .re?: return realPart(children[0])
        case .im?: return ((children[0] - Expr.conjugate(children[0])) / (2 * Expr.i)).cancel()
        default: return rebuilt
        }
    }

    private func apply(_ f: String, _ args: [Expr]) throws -> Expr {
        func arity(_ n: ClosedRange<Int>) throws {
            guard n.contains(args.count) else { throw AlgebraError.unsupported("\(f) takes \(n.lowerBound)…\(n.upperBound) arguments") }
        }
        switch f {
        case "rhs":
            try arity(1...1)
            guard let equation = sources.equation else { throw AlgebraError.unsupported("rhs(…): this step has no equations") }
            return try equation(args[0])
        case "coefficient":
            try arity(2...2)
            let e = args[0].expand()
            if let s = args[1].symbol { return e.coefficient(of: s).cancel() }
            return e.coefficient(ofTerm: args[1]).cancel()
        case "solve":
            try arity(2...3)
            return try solve(branch?.resolved(args[0]) ?? args[0], for: args[1], rank: args.count == 3 ? args[2].intValue : 1)
        case "subs":
            guard args.count >= 3, args.count % 2 == 1 else {
                throw AlgebraError.unsupported("subs(E, X1, V1, …) takes E and pairs X, V")
            }
            // In order: a value put in for X1 is itself subject to X2 → V2.
            var e = branch?.resolved(args[0]) ?? args[0]
            for k in stride(from: 1, to: args.count, by: 2) { e = e.substitute([args[k]: args[k + 1]]) }
            return e
        case "cancel":
            try arity(1...1)
            return (branch?.resolved(args[0]) ?? args[0]).cancel()
        case "abs2":
            try arity(1...1)
            return (args[0] * Expr.conjugate(args[0])).expand().cancel()
        case "charpoly":
            try arity(1...1)
            guard let m = sources.matrix else { throw AlgebraError.unsupported("charpoly(…): this step has no matrix") }
            let s = Symbol("s•charpoly", [])
            let p = try m.characteristicPolynomial(in: s).expr.expand()
            return p.substitute([Expr.symbol(s): args[0]]).expand()
        default:
            throw AlgebraError.unsupported("unknown value function \(f)")
        }
    }

    /// The root of e = 0 in x: linear in an atom, or in P² for a positive parameter P.
    private func solve(_ e: Expr, for x: Expr, rank: Int?) throws -> Expr {
        if x.kind == .pow, let p = x.children[0].symbol, x.children[1].intValue == 2 {
            let roots = try solveForSquare(clearedNumerator(e), parameter: .symbol(p))
            guard let k = rank, k >= 1, k <= roots.count else {
                throw AlgebraError.unsupported("solve(…, \(p.name)^2, k): there are \(roots.count) roots")
            }
            if rank == 1 && roots.count == 1 { return roots[0] }
            return descending(roots)[k - 1]
        }
        guard isAtom(x) else { throw AlgebraError.unsupported("solve(E, X): X must be a variable or P^2, not \(x)") }
        let expanded = e.expand()
        let (c, d) = x.kind == .symbol
            ? (expanded.coefficient(of: x.symbol!), expanded.coefficient(of: x.symbol!, degree: 0))
            : (expanded.coefficient(ofTerm: x), (expanded - expanded.coefficient(ofTerm: x) * x).expand())
        // X is a variable or its conjugate: either way it contains the variable's symbol.
        let v = x.symbol ?? x.children[0].symbol!
        guard !c.isZero, !d.contains(v), !c.contains(v) else { throw AlgebraError.unsupported("\(e) = 0 is not linear in \(x)") }
        return (Expr.neg(d) / c).cancel()
    }

    /// Real roots in descending order, compared at random points at 30 digits (r − s is
    /// |r − s| there exactly when r ≥ s).
    private func descending(_ roots: [Expr]) -> [Expr] {
        roots.sorted { r, s in
            (try? Expr.numericallyEqual(r - s, Expr.sqrt((r - s) * (r - s)), digits: 30, samples: 3, seed: 3).equal) ?? false
        }
    }
}

/// (e + conj e)/2, cancelled: the real part when every symbol in e is real.
func realPart(_ e: Expr) -> Expr { ((e + Expr.conjugate(e)) / 2).cancel() }
