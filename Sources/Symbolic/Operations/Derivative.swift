import ArbitraryPrecision

/// Differentiation.
///
/// * Products: the Leibniz rule in the order of the factors, so operator words keep their
///   order: d(A B) = dA·B + A·dB.
/// * Grassmann variables: the derivative with respect to an odd variable is a *left*
///   derivative: moving ∂/∂ψ past an odd factor flips the sign, ∂/∂ψ (χ ψ) = −χ, and past a
///   mixed one applies the grade involution, ∂/∂ψ ((1 + χ) ψ) = 1 − χ (∂(AB) = (∂A)B + α(A)∂B).
///   A builtin of a mixed argument a + θ (a even, θ odd) is read as f(a) + f'(a)θ first.
/// * Complex variables: z and conj(z) are independent (Wirtinger calculus).
///   `derivative(z)` is ∂_z (∂_z conj(z) = 0) and `conjugateWirtingerDerivative(z)` is ∂_z̄.
///   For a real variable both are the ordinary derivative. User functions are taken to be
///   holomorphic in their arguments.
/// * User functions: `∂/∂x F(a(x), b(x)) = a'·derivative(F(a,b), 1) + b'·derivative(F(a,b), 2)`
///   with the builtin `derivative(F(…), k)` (slot k); mixed partials are put in ascending
///   slot order (they commute).
/// * Builtins: the chain rule; |u|' = sign(u)·u' and θ'(u) = δ(u)·u' for real u; sign'(u) =
///   2δ(u)·u'; δ'(u) is `derivative(δ(u), 1)`; the Kronecker delta is piecewise constant.
/// * Binders: under an integral with the variable in a limit, the Leibniz integral rule;
///   the limits of a sum are integers, piecewise constant in the variable, and contribute 0.
extension Expr {
    public func derivative(_ x: Symbol) -> Expr {
        var d = Differentiator(variable: .symbol(x), conjugateSide: false)
        return d.d(self)
    }

    /// Derivative with respect to an atom that is not a plain symbol, such as a field value
    /// `ψ(σ, t)` (a function symbol applied to its slots), treated as an independent variable.
    public func derivative(withRespectTo atom: Expr) -> Expr {
        var d = Differentiator(variable: atom, conjugateSide: false)
        return d.d(self)
    }

    /// ∂/∂z with z and conj(z) independent.
    public func wirtingerDerivative(_ z: Symbol) -> Expr { derivative(z) }

    /// ∂/∂z̄ with z and conj(z) independent: ∂_z̄ z = 0, ∂_z̄ conj(z) = 1.
    public func conjugateWirtingerDerivative(_ z: Symbol) -> Expr {
        var d = Differentiator(variable: .symbol(z), conjugateSide: true)
        return d.d(self)
    }

    /// `derivative(F(a₁,…,aₙ), k)`: the k-th slot derivative of a function application; nested
    /// slot derivatives are kept in ascending slot order.
    public static func slotDerivative(_ application: Expr, slot k: Int) -> Expr {
        if application.builtin == .derivative, let inner = application.children[1].intValue, k < inner {
            return rawSlotDerivative(slotDerivative(application.children[0], slot: k), inner)
        }
        return rawSlotDerivative(application, k)
    }

    private static func rawSlotDerivative(_ application: Expr, _ k: Int) -> Expr {
        apply(.builtin(.derivative), [application, .integer(k)])
    }

    /// The arguments of the user function under a (possibly nested) slot derivative.
    var slotArguments: [Expr] {
        builtin == .derivative ? children[0].slotArguments : Array(children)
    }
}

/// What a derivative is taken with respect to: one atom (x, ψ, ψ(σ, t) as a whole), or every
/// value of a field (the functional derivative δ/δψ(point): any application ψ(args) is the
/// variable, with derivative Π over slots of δ(arg − point) or δ_{arg, point}).
enum DifferentiationVariable {
    case atom(Expr)
    case field(FieldPoint)
}

struct Differentiator {
    let variable: DifferentiationVariable
    /// Differentiating with respect to conj(variable) (∂_z̄) rather than the variable.
    let conjugateSide: Bool
    var memo: [Expr: Expr] = [:]
    var dependence: [Expr: Bool] = [:]
    var flipped: [Expr: Expr] = [:]

    init(variable: Expr, conjugateSide: Bool) {
        self.init(variable: .atom(variable), conjugateSide: conjugateSide)
    }

    init(variable: DifferentiationVariable, conjugateSide: Bool) {
        self.variable = variable
        self.conjugateSide = conjugateSide
        switch variable {
        case .atom(let x): variableIsOdd = x.isGrassmannOdd
        case .field(let f): variableIsOdd = f.isOdd
        }
    }

    let variableIsOdd: Bool

    func isVariable(_ e: Expr) -> Bool {
        switch variable {
        case .atom(let x): return e == x
        case .field(let f): return f.matches(e)
        }
    }

    /// d(variable): 1, or the deltas pairing a field value's slots with the point.
    func seed(_ e: Expr) -> Expr {
        if conjugateSide && !e.isReal { return .zero }
        switch variable {
        case .atom: return .one
        case .field(let f): return f.deltas(e)
        }
    }

    mutating func dependsOn(_ e: Expr) -> Bool {
        if isVariable(e) { return true }
        if e.children.isEmpty { return false }
        if let known = dependence[e] { return known }
        var r = false
        for c in e.children where dependsOn(c) { r = true; break }
        dependence[e] = r
        return r
    }

    /// The derivative with respect to the conjugate side (∂̄ when this is ∂, and back).
    mutating func other(_ e: Expr) -> Expr {
        if let done = flipped[e] { return done }
        var o = Differentiator(variable: variable, conjugateSide: !conjugateSide)
        let r = o.d(e)
        flipped[e] = r
        return r
    }

    mutating func d(_ e: Expr) -> Expr {
        if isVariable(e) { return seed(e) }
        guard dependsOn(e) else { return .zero }
        if let done = memo[e] { return done }
        let r = compute(e)
        memo[e] = r
        return r
    }

    private mutating func compute(_ e: Expr) -> Expr {
        switch e.kind {
        case .add:
            var b = SumBuilder()
            for t in e.children { b.add(d(t)) }
            return b.build()
        case .mul:
            return leibniz(Array(e.children))
        case .pow:
            return power(e.children[0], e.children[1])
        case .function:
            return function(e)
        case .binder:
            return binder(e)
        default:
            return .zero
        }
    }

    /// Σ_k α(f₀…f_{k−1}) (df_k) f_{k+1}… for an odd ∂ (α the grade involution: a sign per odd
    /// factor passed, odd parts of mixed factors negated), Σ_k f₀…(df_k)… for an even one.
    private mutating func leibniz(_ factors: [Expr]) -> Expr {
        var b = SumBuilder()
        var passed = factors
        var negate = false
        for k in factors.indices {
            let df = d(factors[k])
            if !df.isZero {
                var list = passed
                list[k] = df
                let term = Expr.mul(list)
                b.add(negate ? Expr.neg(term) : term)
            }
            if variableIsOdd {
                switch factors[k].parity {
                case .odd: negate.toggle()
                case .mixed: passed[k] = factors[k].gradeInvolution()
                case .even: break
                }
            }
        }
        return b.build()
    }

    private mutating func power(_ u: Expr, _ v: Expr) -> Expr {
        let du = d(u)
        if !dependsOn(v) {
            if !u.isCommuting, let n = v.intValue, n >= 1 {
                // An operator power: the Leibniz rule on u·u·…·u keeps the order.
                return leibniz(Array(repeating: u, count: n))
            }
            return Expr.mul([du, v, Expr.pow(u, v - 1)])
        }
        // u^v = exp(v log u): d(u^v) = u^v (v' log u + v u'/u).
        let dv = d(v)
        return Expr.pow(u, v) * (dv * Expr.log(u) + v * du / u)
    }

    private mutating func function(_ e: Expr) -> Expr {
        guard let b = e.builtin else { return chainThroughSlots(e) }
        if b == .derivative { return chainThroughSlots(e) }
        if b == .kdelta { return .zero }
        let u = e.children[0]
        switch b {
        case .conj:
            return Expr.conj(other(u))
        case .re:
            return (d(u) + Expr.conj(other(u))) / 2
        case .im:
            return (d(u) - Expr.conj(other(u))) / (2 * Expr.i)
        case .abs where !u.isReal:
            // |u| = (u ū)^(1/2): d|u| = (u' ū + u conj(∂̄u)) / (2|u|), written with |u| itself so
            // that it cancels against other factors of |u|.
            return (d(u) * Expr.conj(u) + u * Expr.conj(other(u))) / (2 * e)
        case .sign where !u.isReal:
            // sign u = u/|u|.
            let absU = Expr.abs(u)
            return d(u) / absU - u * d(absU) / Expr.pow(absU, 2)
        default:
            break
        }
        if variableIsOdd, let (even, odd) = u.parityParts, !odd.isZero, let f1 = outer(b, even) {
            // f(a + θ) = f(a) + f'(a)θ exactly (θ² = 0, a commutes with θ); the chain rule
            // du·f'(u) would keep θ inside f'.
            return d(Expr.apply(e.head!, [even]) + f1 * odd)
        }
        let du = d(u)
        if du.isZero { return .zero }
        return du * outer(b, u)!
    }

    /// f'(u) for a builtin f of one argument (nil for those handled apart).
    private func outer(_ b: Builtin, _ u: Expr) -> Expr? {
        switch b {
        case .exp: return Expr.exp(u)
        case .log: return Expr.pow(u, .minusOne)
        case .sin: return Expr.cos(u)
        case .cos: return -Expr.sin(u)
        case .tan: return 1 + Expr.pow(Expr.tan(u), 2)
        case .sinh: return Expr.cosh(u)
        case .cosh: return Expr.sinh(u)
        case .tanh: return 1 - Expr.pow(Expr.tanh(u), 2)
        case .atan: return Expr.pow(1 + Expr.pow(u, 2), .minusOne)
        case .abs: return Expr.sign(u)
        case .sign: return 2 * Expr.diracDelta(u)
        case .theta: return Expr.diracDelta(u)
        case .delta: return Expr.slotDerivative(Expr.diracDelta(u), slot: 1)
        case .conj, .re, .im, .kdelta, .derivative: return nil  // handled in `function`
        }
    }

    /// Chain rule through the slots of a user function (or of a slot derivative of one).
    /// The derivative of the argument stands on the left, as a left derivative requires.
    private mutating func chainThroughSlots(_ e: Expr) -> Expr {
        var b = SumBuilder()
        for (j, a) in e.slotArguments.enumerated() {
            let da = d(a)
            if da.isZero { continue }
            b.add(da * Expr.slotDerivative(e, slot: j + 1))
        }
        return b.build()
    }

    private mutating func binder(_ e: Expr) -> Expr {
        guard let kind = e.binderKind, let (_, lower, upper) = e.binderParts,
              let (v, body) = e.openBinderFresh() else { return .zero }
        let dBody = d(body)
        switch kind {
        case .integral:
            var out = dBody.isZero ? Expr.zero : Expr.integral(dBody, v, from: lower, to: upper)
            let (da, db) = (d(lower), d(upper))
            if !db.isZero { out = out + db * body.substitute([v: upper]) }
            if !da.isZero { out = out - da * body.substitute([v: lower]) }
            return out
        case .sum:
            return dBody.isZero ? .zero : Expr.sum(dBody, v, from: lower, to: upper)
        case .product:
            // d Π f = Π f · Σ f'/f.
            if dBody.isZero { return .zero }
            return e * Expr.sum(dBody / body, v, from: lower, to: upper)
        }
    }
}
