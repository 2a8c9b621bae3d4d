import ArbitraryPrecision

/// Why an expression cannot be read as a rational function.
public enum RationalFunctionError: Error, Equatable, Sendable {
    /// Operators or Grassmann factors: not a commutative rational function.
    case notCommuting(Expr)
    /// A negative power of something that is zero.
    case divisionByZero(Expr)
    /// The operation needs a polynomial or rational function in one variable only, over ℚ.
    case notUnivariate(Expr, in: Symbol)
    /// The operation needs rational (not Gaussian) coefficients.
    case notRational(Expr)
    /// The operation needs a polynomial, not a fraction.
    case notPolynomial(Expr)
}

/// A rational function numerator / denominator of two polynomials over ℚ(i) in shared
/// generators, with the denominator kept as a product of distinct normalised factors
/// (as the expression's own structure supplied them, not factorised further).
///
/// Generators are what the polynomial kernel takes as generators — symbols, function
/// applications (exp(y), F_Ψ(ω), conj(ψ)), binders, powers with symbolic exponents — and,
/// for a fractional power b^(p/q), the root b^(1/q), so x^(−3/2) is a denominator factor
/// (x^(1/2))³. Generators are ordered symbols by name first, then the rest canonically, so
/// the normal forms chosen below do not depend on how the input was written.
public struct RationalFunction: Sendable {
    public let generators: [Expr]
    public var numerator: Polynomial
    /// Distinct factors in `Polynomial.normalForm` (Gaussian-primitive, unit fixed), with
    /// positive exponents.
    public var denominatorFactors: [(factor: Polynomial, exponent: Int)]

    /// The product of the denominator factors, expanded.
    public var denominator: Polynomial {
        denominatorFactors.reduce(Polynomial(1, generators: generators)) { $0 * $1.factor.power($1.exponent) }
    }

    /// Reads `e` as one fraction over the common denominator of its parts.
    public init(_ e: Expr, generators extra: [Expr] = []) throws {
        self = try [RationalFunction]([e], generators: extra)[0]
    }

    init(generators: [Expr], numerator: Polynomial, factors: [(factor: Polynomial, exponent: Int)]) {
        self.generators = generators
        self.numerator = numerator
        self.denominatorFactors = factors
    }

    /// Reads several expressions in one common list of generators.
    public static func from(_ exprs: [Expr], generators extra: [Expr] = []) throws -> [RationalFunction] {
        try [RationalFunction](exprs, generators: extra)
    }

    /// Numerator and denominator coprime, the denominator in `Polynomial.normalForm`: a
    /// true normal form of the rational function (in the given generators).
    public func cancelled() -> (numerator: Polynomial, denominator: Polynomial) {
        let (_, n, d) = Polynomial.cofactors(numerator, denominator)
        let (c, dn) = d.normalForm()
        return (c.isOne ? n : n.scaled(by: GaussianRational.one / c), dn)
    }

    /// numerator · ∏ factorᵏ⁻¹ as an expression, the denominator left factored.
    public func toExpr() -> Expr {
        if numerator.isZero { return .zero }
        var parts = [numerator.toExpr()]
        for (f, k) in denominatorFactors { parts.append(Expr.pow(f.toExpr(), .integer(-k))) }
        return Expr.mul(parts)
    }
}

extension [RationalFunction] {
    init(_ exprs: [Expr], generators extra: [Expr]) throws {
        var collector = RationalGeneratorCollector()
        for g in extra { collector.add(g) }
        for e in exprs { try collector.collect(e) }
        var converter = ExprToRationalFunction(generators: collector.ordered(extra))
        self = try exprs.map { try converter.convert($0) }
    }
}

/// The generator a power stands for, and the integer exponent on it: b^n (n ∈ ℤ) is not a
/// generator itself; b^(p/q) is (b^(1/q))^p; anything else is its own generator.
private func rationalGeneratorPower(_ e: Expr) -> (base: Expr, exponent: Int, isStructure: Bool) {
    guard e.kind == .pow else { return (e, 1, false) }
    let (b, x) = (e.children[0], e.children[1])
    if let n = x.intValue { return (b, n, true) }
    guard let q = x.rationalValue, let p = q.numerator.asInt, let d = q.denominator.asInt, p != Int.min else {
        return (e, 1, false)
    }
    let unit = Expr.pow(b, Expr.rational(1, d))
    if unit.kind != .pow { return (e, 1, false) }
    return (unit, p, false)
}

private struct RationalGeneratorCollector {
    var index: Set<Expr> = []
    var found: [Expr] = []
    var seen = Set<Expr>()

    mutating func collect(_ e: Expr) throws {
        if e.isNumber { return }
        guard Polynomial.isConvertible(e) else { throw RationalFunctionError.notCommuting(e) }
        guard seen.insert(e).inserted else { return }
        switch e.kind {
        case .add, .mul:
            for c in e.children { try collect(c) }
        case .pow:
            let (b, _, structure) = rationalGeneratorPower(e)
            if structure { try collect(b) } else { add(b) }
        default:
            add(e)
        }
    }

    mutating func add(_ g: Expr) {
        if index.insert(g).inserted { found.append(g) }
    }

    /// Given generators first, then symbols by name, then the rest canonically.
    func ordered(_ given: [Expr]) -> [Expr] {
        let rest = found.filter { !given.contains($0) }.sorted { a, b in
            switch (a.symbol, b.symbol) {
            case let (sa?, sb?):
                let (na, nb) = (sa.description, sb.description)
                return na != nb ? na < nb : Expr.canonicalLess(a, b)
            case (.some, nil): return true
            case (nil, .some): return false
            default: return Expr.canonicalLess(a, b)
            }
        }
        return given + rest
    }
}

private struct ExprToRationalFunction {
    let generators: [Expr]
    var index: [Expr: Int] = [:]
    var memo: [Expr: RationalFunction] = [:]

    init(generators: [Expr]) {
        self.generators = generators
        for (k, g) in generators.enumerated() where index[g] == nil { index[g] = k }
    }

    var one: Polynomial { Polynomial(1, generators: generators) }

    func constant(_ p: Polynomial) -> RationalFunction {
        RationalFunction(generators: generators, numerator: p, factors: [])
    }

    mutating func convert(_ e: Expr) throws -> RationalFunction {
        if let q = e.numberValue { return constant(Polynomial(q, generators: generators)) }
        if let r = memo[e] { return r }
        let r: RationalFunction
        switch e.kind {
        case .add:
            r = sum(try e.children.map { try convert($0) })
        case .mul:
            var acc = try convert(e.children[0])
            for c in e.children.dropFirst() { acc = product(acc, try convert(c)) }
            r = acc
        case .pow:
            let (b, n, structure) = rationalGeneratorPower(e)
            let base = structure ? try convert(b) : generator(b)
            r = try power(base, n, of: e)
        default:
            r = generator(e)
        }
        memo[e] = r
        return r
    }

    func generator(_ g: Expr) -> RationalFunction {
        constant(Polynomial.generator(index[g]!, of: generators))
    }

    func sum(_ parts: [RationalFunction]) -> RationalFunction {
        // The common denominator: every distinct factor to its largest exponent.
        var common: [(factor: Polynomial, exponent: Int)] = []
        for p in parts {
            for (f, k) in p.denominatorFactors {
                if let i = common.firstIndex(where: { $0.factor == f }) {
                    common[i].exponent = Swift.max(common[i].exponent, k)
                } else {
                    common.append((f, k))
                }
            }
        }
        var terms: [Polynomial] = []
        for p in parts {
            var t = p.numerator
            for (f, k) in common {
                let have = p.denominatorFactors.first { $0.factor == f }?.exponent ?? 0
                if k > have { t = t * f.power(k - have) }
            }
            terms.append(t)
        }
        let numerator = Polynomial.sum(terms, generators: generators)
        if numerator.isZero { return constant(numerator) }
        return RationalFunction(generators: generators, numerator: numerator, factors: common)
    }

    func product(_ a: RationalFunction, _ b: RationalFunction) -> RationalFunction {
        var factors = a.denominatorFactors
        for (f, k) in b.denominatorFactors {
            if let i = factors.firstIndex(where: { $0.factor == f }) { factors[i].exponent += k } else { factors.append((f, k)) }
        }
        return RationalFunction(generators: generators, numerator: a.numerator * b.numerator, factors: factors)
    }

    func power(_ base: RationalFunction, _ n: Int, of e: Expr) throws -> RationalFunction {
        if n >= 0 {
            return RationalFunction(generators: generators, numerator: base.numerator.power(n),
                                    factors: n == 0 ? [] : base.denominatorFactors.map { ($0.factor, $0.exponent * n) })
        }
        let m = -n
        guard !base.numerator.isZero else { throw RationalFunctionError.divisionByZero(e) }
        var numerator = one
        for (f, k) in base.denominatorFactors { numerator = numerator * f.power(k * m) }
        let (c, p) = base.numerator.normalForm()
        numerator = numerator.scaled(by: (GaussianRational.one / c).power(m))
        return RationalFunction(generators: generators, numerator: numerator,
                                factors: p.totalDegree > 0 ? [(p, m)] : [])
    }
}

// MARK: - Expression interface

extension Expr {
    /// One fraction over a common denominator: the numerator expanded, the denominator the
    /// product of the distinct denominator factors found in the expression, each to the
    /// largest power it occurs with (factors equal up to a constant, like x − 1 and 2 − 2x,
    /// are recognised). Nested fractions are flattened. No common factors are cancelled
    /// (`cancel` does that). Function arguments are not entered. Expressions with
    /// operators or Grassmann factors are returned unchanged.
    public func together() -> Expr {
        guard let r = try? RationalFunction(self) else { return self }
        return r.toExpr()
    }

    /// The canonical form N/D of a rational function: N and D coprime polynomials (N
    /// expanded, D expanded and in `Polynomial.normalForm` — Gaussian-primitive, unit
    /// fixed), so two equal rational functions give the identical expression. Generators
    /// are treated as independent (x and x^(1/2) are two generators). Expressions with
    /// operators or Grassmann factors are returned unchanged.
    public func cancel() -> Expr {
        guard let r = try? RationalFunction(self) else { return self }
        let (n, d) = r.cancelled()
        if n.isZero { return .zero }
        if d.totalDegree <= 0 { return n.toExpr() }
        return Expr.mul(n.toExpr(), Expr.pow(d.toExpr(), .minusOne))
    }

    /// The numerator of `cancel()`.
    public var numerator: Expr {
        guard let r = try? RationalFunction(self) else { return self }
        return r.cancelled().numerator.toExpr()
    }

    /// The denominator of `cancel()` (1 for a polynomial).
    public var denominator: Expr {
        guard let r = try? RationalFunction(self) else { return .one }
        return r.cancelled().denominator.toExpr()
    }
}

extension Expr {
    /// The normalised gcd of two polynomial expressions (see `Polynomial.gcd`).
    public static func gcd(_ a: Expr, _ b: Expr) throws -> Expr {
        let ps = try Polynomial.from([a, b])
        return Polynomial.gcd(ps[0], ps[1]).toExpr()
    }
}

extension Expr {
    /// Whether a negative power of a non-number occurs in the sum/product/power structure
    /// (function arguments are not entered): the expression is a rational function with a
    /// nontrivial denominator rather than a polynomial in its generators.
    public var hasDenominator: Bool {
        switch kind {
        case .add, .mul: return children.contains { $0.hasDenominator }
        case .pow:
            let (b, e) = (children[0], children[1])
            if let q = e.rationalValue, q.signum < 0, !b.isNumber { return true }
            return b.hasDenominator
        default: return false
        }
    }
}
