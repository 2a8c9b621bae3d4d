import ArbitraryPrecision
import Symbolic

/// Options of a mean-field derivation.
public struct MeanFieldOptions: Sendable {
    public enum Order: Sendable { case first, secondCumulant }
    /// `.first`: ⟨AB⟩ ≈ ⟨A⟩⟨B⟩. `.secondCumulant`: ⟨AB⟩ are variables, cumulants of order
    /// ≥ 3 vanish (Appendix E of 003).
    public var order: Order
    /// N for intensive variables (⟨a⟩/√N, ⟨S⟩/N); nil keeps extensive expectation values.
    public var systemSize: Expr?
    /// Keep terms suppressed by powers of 1/N (they are always listed in `dropped`/`subleading`).
    public var keepSubleading: Bool

    public init(order: Order = .first, systemSize: Expr? = nil, keepSubleading: Bool = false) {
        self.order = order
        self.systemSize = systemSize
        self.keepSubleading = keepSubleading
    }
}

/// d⟨O⟩/dt = rhs for one variable.
public struct MeanFieldEquation: Sendable {
    /// The operator word O.
    public let operatorWord: Expr
    /// The variable ⟨O⟩ (intensive when a system size was given).
    public let variable: Expr
    /// d⟨O⟩/dt (already divided by `lhsFactor`).
    public let rhs: Expr
    /// Terms of relative order N^k, k < 0, i.e. suppressed as N → ∞ (each with its power of N).
    /// They are dropped from `rhs` unless `keepSubleading` was set.
    public let subleading: [Expr]
    /// The factor the equation is written with, f · d⟨O⟩/dt = f · rhs: 1 + iα/2 for a
    /// Gilbert-damped boson (Eq. C1 of 003), 1 otherwise. Only printing uses it.
    public internal(set) var lhsFactor: Expr = .one

    public init(operatorWord: Expr, variable: Expr, rhs: Expr, subleading: [Expr], lhsFactor: Expr = .one) {
        self.operatorWord = operatorWord
        self.variable = variable
        self.rhs = rhs
        self.subleading = subleading
        self.lhsFactor = lhsFactor
    }
}

/// A closed set of mean-field equations.
public struct MeanFieldSystem: Sendable {
    public let equations: [MeanFieldEquation]
    /// Operators the closure added to the ones the user named.
    public let added: [Expr]
    /// The factorisation that closed the equations (kept by every transformation of them).
    public internal(set) var closure: Closure
    /// Set when the equations were restricted to states with the model's symmetries.
    public internal(set) var symmetry: SymmetryReduction?

    public init(equations: [MeanFieldEquation], added: [Expr], closure: Closure = Closure(order: .first)) {
        self.equations = equations
        self.added = added
        self.closure = closure
    }

    public var variables: [Expr] { equations.map(\.variable) }

    /// The right-hand side for a variable or for the conjugate of one.
    public func rhs(for variable: Expr) throws -> Expr {
        if let e = equations.first(where: { $0.variable == variable }) { return e.rhs }
        if variable.builtin == .conj, let e = equations.first(where: { $0.variable == variable.children[0] }) {
            return distribute(Expr.conjugate(e.rhs))
        }
        throw AlgebraError.missing("no equation for \(variable)")
    }
}

extension OpenSystem {
    /// The expectation value of an operator expression in the mean-field variables.
    public func expectation(_ o: Expr, options: MeanFieldOptions = MeanFieldOptions()) throws -> Expr {
        var map = ExpectationMap(algebra: algebra, systemSize: options.systemSize)
        return try expectation(algebra.canonical(algebra.read(o)), options, &map)
    }

    func expectation(_ s: OperatorSum, _ options: MeanFieldOptions, _ map: inout ExpectationMap) throws -> Expr {
        var terms: [Expr] = []
        for (w, c) in s.collected() {
            if w.isEmpty { terms.append(c); continue }
            let value = options.order == .first ? try map.factorised(w) : try map.cumulant2(w)
            // c is distributed: multiply its terms one by one rather than building c·value,
            // whose canonical form first pulls the content out of c, and distributing that.
            if c.kind == .add { terms.append(contentsOf: c.children.map { Expr.mul($0, value) }) }
            else { terms.append(Expr.mul(c, value)) }
        }
        return distribute(Expr.add(terms))
    }

    /// Mean-field equations for the operators named (each a single operator word such as
    /// a, S^-, S^z, a†a), closed automatically: every variable that appears on a right-hand
    /// side gets its own equation, except conjugates of variables already present.
    ///
    /// With a system size, each equation is divided by the N-scaling of its left-hand side;
    /// terms of relative order N^k, k < 0, are listed in `subleading` (and dropped unless
    /// `keepSubleading`), and a term with k > 0 is an error (`AlgebraError.scaling`).
    public func meanField(_ operators: [Expr], options: MeanFieldOptions = MeanFieldOptions()) throws -> MeanFieldSystem {
        // Expectation values in the variables alone: the powers of N that make them
        // intensive are added as exponents (see `DistributedSum`).
        var map = ExpectationMap(algebra: algebra, systemSize: nil)
        var queue: [Word] = []
        var done = Set<Word>()
        for o in operators {
            let s = algebra.canonical(try algebra.read(o)).collected()
            guard s.count == 1, !s[0].0.isEmpty, s[0].1.isOne else {
                throw AlgebraError.unsupported("mean-field equations are derived for single operator words, not \(o)")
            }
            let primary = try map.primary(s[0].0).word
            if !queue.contains(primary) { queue.append(primary) }
        }
        let size = options.systemSize
        var products = MonomialProducts(separating: size?.kind == .symbol ? size : nil)
        let generator = HeisenbergGenerator(self, &products)
        var scaling: SizeScaling? = nil
        // ⟨v⟩ of every word met, distributed, and ⟨v⟩/N^p for each scaling N^p of a left-hand
        // side: the same words recur in every equation.
        var values: [Word: DistributedSum] = [:]
        var scaled: [GaussianRational: [Word: DistributedSum]] = [:]
        let named = Set(queue)
        var equations: [MeanFieldEquation] = []
        var added: [Expr] = []
        var factorised: [Expr] = []
        var k = 0
        while k < queue.count {
            let w = queue[k]
            k += 1
            if !done.insert(w).inserted { continue }
            if !named.contains(w) { added.append(algebra.wordExpr(w)) }
            let variable = map.variable(w, hermitian: try map.primary(w).hermitian)
            let p = GaussianRational(map.scaling(w))
            if let n = size, scaling == nil { scaling = try SizeScaling(n) }
            var sum = DistributedSum()
            var table = scaled.removeValue(forKey: p) ?? [:]
            for (v, c) in try generator.apply([w: .one], &products) where !c.isZero {
                if v.isEmpty {
                    sum.add(size == nil ? c : c.shifted(by: -p), times: .one)
                    continue
                }
                let value: DistributedSum
                if let known = table[v] {
                    value = known
                } else {
                    let unscaled: DistributedSum
                    if let known = values[v] {
                        unscaled = known
                    } else {
                        unscaled = DistributedSum(options.order == .first ? try map.factorised(v) : try map.cumulant2(v), &products)
                        values[v] = unscaled
                        if v.count > (options.order == .first ? 1 : 2) { factorised.append(algebra.wordExpr(v)) }
                    }
                    value = size == nil ? unscaled : unscaled.shifted(by: GaussianRational(map.scaling(v)) - p)
                    table[v] = value
                }
                sum.add(c.times(value, &products), times: .one)
            }
            scaled[p] = table
            var rhs = sum.expr(products)
            var subleading: [Expr] = []
            if scaling != nil {
                (rhs, subleading) = try scaling!.split(rhs, keep: options.keepSubleading, name: { map.name(w) })
            }
            equations.append(MeanFieldEquation(operatorWord: algebra.wordExpr(w), variable: variable, rhs: rhs,
                                               subleading: subleading))
            // A term's symbols repeat from term to term: each distinct one is looked up once.
            var met: [Symbol] = []
            for s in orderedSymbols(rhs) where !met.contains(s) {
                met.append(s)
                if let v = map.wordOfSymbol[s], !done.contains(v), !queue.contains(v) { queue.append(v) }
            }
        }
        let productWords = options.order == .first ? queue.filter { named.contains($0) && $0.count > 1 }.map(algebra.wordExpr) : []
        // The words were met in the order of a dictionary's walk (seeded per process): sorted
        // by length and printed form, the record reads the same in every run.
        let sorted = factorised.map { ($0, $0.operatorCount, "\($0)") }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.2 < $1.2 }.map(\.0)
        return MeanFieldSystem(equations: equations, added: added,
                               closure: Closure(order: options.order, factorised: sorted, productVariables: productWords))
    }
}

extension Expr {
    /// The number of operator factors of a word (a^2 counts 2).
    fileprivate var operatorCount: Int {
        (kind == .mul ? Array(children) : [self]).reduce(0) { n, f in
            let (_, x) = f.asPower
            return n + (x.intValue ?? 1)
        }
    }
}

/// The free symbols of `e` in the order of a walk of its (canonically ordered) children
/// (repeats possible), so that the closure adds equations in the same order in every run
/// (a `Set`'s order is seeded per process). The factors of a right-hand side's terms are
/// mostly variables, conjugates and powers of symbols, read here without a walk.
func orderedSymbols(_ e: Expr) -> [Symbol] {
    var out: [Symbol] = []
    var seen = Set<Expr>()
    func walk(_ x: Expr) {
        if x.flags.contains(.numeric) { return }
        if let s = x.symbol { out.append(s); return }
        if !seen.insert(x).inserted { return }
        for c in x.children { walk(c) }
    }
    for t in e.kind == .add ? Array(e.children) : [e] {
        for f in t.kind == .mul ? Array(t.children) : [t] where !f.flags.contains(.numeric) {
            var (b, x) = f.asPower
            if b.builtin == .conj, b.children[0].kind == .symbol { b = b.children[0] }
            if let s = b.symbol, x.flags.contains(.numeric) { out.append(s) } else { walk(f) }
        }
    }
    return out
}
