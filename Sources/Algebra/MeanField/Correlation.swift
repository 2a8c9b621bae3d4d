import ArbitraryPrecision
import Symbolic

/// Two-time correlations ⟨A(t+τ)B(t)⟩ by the quantum regression theorem, closed at second
/// order.
///
/// For τ ≥ 0, d/dτ ⟨X(t+τ)B(t)⟩ = ⟨(L†X)(t+τ) B(t)⟩, L† the Heisenberg generator acting on the
/// later operator only. L†X is a sum of words W; ⟨W(t+τ)B(t)⟩ is closed as the equal-time
/// moments are, every joint cumulant of three or more operators set to zero, B(t) counted as
/// one more operator kept to the right:
///
///   ⟨XY B₀⟩ ≈ ⟨XY⟩⟨B₀⟩ + ⟨X B₀⟩⟨Y⟩ + ⟨Y B₀⟩⟨X⟩ − 2⟨X⟩⟨Y⟩⟨B₀⟩,
///
/// with ⟨XY⟩, ⟨X⟩ the equal-time moments at t+τ (their second-order equations run along in
/// τ) and ⟨B₀⟩ = ⟨B(t)⟩ a constant. The unknowns are C_X = ⟨X(t+τ)B(t)⟩ for single operators X,
/// complex and never identified with a conjugate (the conjugate of ⟨X(t+τ)B(t)⟩ is
/// ⟨B†(t)X†(t+τ)⟩, the other time order); they obey linear equations whose coefficients
/// are the equal-time moments. At τ = 0, C_X = ⟨XB⟩ at equal times (exact: a word of two).
/// With a system size N the unknowns are intensive: C_X = ⟨X(t+τ)B(t)⟩ / N^{p(X)+p(B)}, every
/// term of relative order 1/N kept (as at second order for the equal-time moments).
public struct CorrelationSystem: Sendable {
    /// A (the later operator) and B (the earlier one, a single operator).
    public let later: Expr
    public let earlier: Expr
    /// d C_X/dτ for every unknown, in the unknowns, the equal-time variables and `earlierMean`.
    public let equations: [MeanFieldEquation]
    /// The second-order equal-time equations (the means, the unknowns' letters and the
    /// equal-time pairs ⟨XB⟩ among their variables): they carry the equal-time moments in τ.
    public let equalTime: MeanFieldSystem
    /// ⟨B(t)⟩ (intensive), a constant of the evolution in τ.
    public let earlierMean: Symbol
    /// ⟨B⟩ in the equal-time variables: the value of `earlierMean` at the start.
    public let earlierMeanValue: Expr
    /// ⟨A(t+τ)B(t)⟩ (intensive: / N^{p(A)+p(B)} for a single word A) in the unknowns, the
    /// equal-time variables at t+τ and `earlierMean`.
    public let correlation: Expr
    /// ⟨A(t+τ)⟩⟨B(t)⟩ in the same variables (the disconnected part).
    public let disconnected: Expr
    /// C_X at τ = 0, ⟨XB⟩ at equal times, in the equal-time variables.
    public let initial: [Symbol: Expr]
    /// The power of N that `correlation` is divided by (0 without a system size).
    public let scaling: BigRational

    public var variables: [Expr] { equations.map(\.variable) }
}

/// An operator of a closure product: an equal-time operator at t+τ, or B at t.
private enum TimedLetter: Hashable {
    case later(Letter)
    case earlier
}

extension OpenSystem {
    /// The second-order correlation equations of ⟨A(t+τ)B(t)⟩ (see `CorrelationSystem`).
    /// `means`: the operators whose equal-time equations are wanted besides the ones the
    /// correlation needs (a model's default mean-field operators). `options.order` must be
    /// `.secondCumulant`; its `systemSize` makes every variable intensive.
    public func correlation(later a: Expr, earlier b: Expr, means: [Expr], options: MeanFieldOptions) throws -> CorrelationSystem {
        guard options.order == .secondCumulant else {
            throw AlgebraError.unsupported("two-time correlations are derived at second order (at first order ⟨A(t+τ)B(t)⟩ ≈ ⟨A(t+τ)⟩⟨B(t)⟩)")
        }
        let bs = algebra.canonical(try algebra.read(b)).collected()
        guard bs.count == 1, bs[0].0.count == 1, bs[0].1.isOne, let bLetter = bs[0].0.first else {
            throw AlgebraError.unsupported("the earlier operator of a correlation must be a single operator (a, S-, …), not \(b)")
        }
        let aSum = algebra.canonical(try algebra.read(a)).collected().filter { !$0.1.isZero }
        guard !aSum.isEmpty, aSum.allSatisfy({ !$0.0.isEmpty }) else {
            throw AlgebraError.unsupported("the later operator of a correlation must be a sum of operator words without a constant, not \(a)")
        }
        for l in aSum.flatMap(\.0) + [bLetter] {
            if algebra.kind(l) == .fermion { throw AlgebraError.unsupported("correlations of fermion operators (use the Keldysh layer)") }
            if l.role.isSite { throw AlgebraError.unsupported("per-site operators in a correlation (write collective operators)") }
        }
        var map = ExpectationMap(algebra: algebra, systemSize: options.systemSize)
        let size = options.systemSize
        func power(_ p: BigRational) -> Expr {
            guard let n = size, !p.isZero else { return .one }
            return Expr.pow(n, Expr.number(p))
        }
        let pB = size == nil ? BigRational(0) : map.scaling([bLetter])
        let bName = algebra.symbolOfLetter[bLetter]!.name
        let bHermitian = try map.primary([bLetter]).hermitian
        let earlierMean = Symbol("⟨\(bName)⟩(t)", bHermitian ? [.real] : [])
        // The unknowns: one per later letter met, in the order met.
        var unknowns: [Letter] = []
        var unknownSymbol: [Letter: Symbol] = [:]
        func unknown(_ x: Letter) -> Expr {
            if let s = unknownSymbol[x] { return Expr.symbol(s) }
            let s = Symbol("⟨\(algebra.symbolOfLetter[x]!.name)(t+τ) \(bName)(t)⟩")
            unknownSymbol[x] = s
            unknowns.append(x)
            return Expr.symbol(s)
        }
        func single(_ t: TimedLetter) throws -> Expr {
            switch t {
            case .later(let x): return try map.atom([x])
            case .earlier: return Expr.mul(power(pB), Expr.symbol(earlierMean))
            }
        }
        func pair(_ x: TimedLetter, _ y: TimedLetter) throws -> Expr {
            switch (x, y) {
            case (.later(let u), .later(let v)): return try map.atom([u, v])
            case (.later(let u), .earlier): return Expr.mul(power(map.scaling([u]) + pB), unknown(u))
            default: preconditionFailure("B(t) is the last operator of a closure product")
            }
        }
        // Every joint cumulant of order ≥ 3 set to zero (as `ExpectationMap.cumulant2`).
        func closed(_ w: [TimedLetter]) throws -> Expr {
            if w.isEmpty { return .one }
            let x = w[0]
            let rest = Array(w.dropFirst())
            var terms: [Expr] = [Expr.mul(try single(x), try closed(rest))]
            for j in rest.indices {
                var others = rest
                let y = others.remove(at: j)
                let connected = Expr.add(try pair(x, y), Expr.neg(Expr.mul(try single(x), try single(y))))
                terms.append(Expr.mul(connected, try closed(others)))
            }
            return Expr.add(terms)
        }
        let pA = size == nil ? BigRational(0) : aSum.map { map.scaling($0.0) }.max()!
        var target: [Expr] = [], apart: [Expr] = []
        for (w, c) in aSum {
            target.append(Expr.mul(c, try closed(w.map { .later($0) } + [.earlier])))
            apart.append(Expr.mul([c, try closed(w.map { .later($0) }), try single(.earlier)]))
        }
        let scale = power(-(pA + pB))
        let correlation = distribute(Expr.mul(scale, Expr.add(target)))
        let disconnected = distribute(Expr.mul(scale, Expr.add(apart)))
        var products = MonomialProducts()
        let generator = HeisenbergGenerator(self, &products)
        var scaling = try size.map { try SizeScaling($0) }
        var equations: [MeanFieldEquation] = []
        var k = 0
        while k < unknowns.count {
            let x = unknowns[k]
            k += 1
            var terms: [Expr] = []
            for (w, c) in try generator.apply([[x]: .one], &products) where !c.isZero {
                terms.append(Expr.mul(c.expr(products), try closed(w.map { .later($0) } + [.earlier])))
            }
            var rhs = distribute(Expr.mul(power(-(map.scaling([x]) + pB)), Expr.add(terms)))
            let name = "⟨\(algebra.symbolOfLetter[x]!.name)(t+τ) \(bName)(t)⟩"
            if scaling != nil { rhs = try scaling!.split(rhs, keep: true, name: { name }).0 }
            equations.append(MeanFieldEquation(operatorWord: algebra.wordExpr([x]), variable: unknown(x), rhs: rhs, subleading: []))
        }
        // C_X(0) = ⟨XB⟩ at equal times: a canonical sum of words of at most two letters.
        var initial: [Symbol: Expr] = [:]
        var equalTimeWords: [Expr] = means
        for x in unknowns {
            let s = algebra.canonical(try algebra.read(algebra.wordExpr([x])) * algebra.read(algebra.wordExpr([bLetter]))).collected()
            var terms: [Expr] = []
            for (w, c) in s {
                if w.isEmpty { terms.append(c); continue }
                terms.append(Expr.mul(c, try map.cumulant2(w)))
                equalTimeWords.append(algebra.wordExpr(w))
            }
            initial[unknownSymbol[x]!] = distribute(Expr.mul(power(-(map.scaling([x]) + pB)), Expr.add(terms)))
            equalTimeWords.append(algebra.wordExpr([x]))
        }
        for (w, _) in aSum { for l in w { equalTimeWords.append(algebra.wordExpr([l])) } }
        equalTimeWords.append(algebra.wordExpr([bLetter]))
        var seen = Set<Expr>()
        let equalTime = try meanField(equalTimeWords.filter { seen.insert($0).inserted }, options: options)
        let earlierValue = distribute(Expr.mul(power(-pB), try map.atom([bLetter])))
        return CorrelationSystem(later: a, earlier: b, equations: equations, equalTime: equalTime, earlierMean: earlierMean,
                                 earlierMeanValue: earlierValue, correlation: correlation, disconnected: disconnected,
                                 initial: initial, scaling: pA + pB)
    }
}
