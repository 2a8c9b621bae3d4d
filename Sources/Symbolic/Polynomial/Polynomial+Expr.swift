import ArbitraryPrecision

/// Why an expression cannot become a `Polynomial`.
public enum PolynomialConversionError: Error, Equatable, Sendable {
    /// The expression contains operators or Grassmann factors: their products are not
    /// commutative, so they are left to the general expander.
    case notCommuting(Expr)
}

// MARK: - Expr → Polynomial

extension Polynomial {
    /// Converts `exprs` to polynomials in one common list of generators: the given
    /// `generators` first, then every other non-polynomial subexpression in the canonical order.
    ///
    /// Sums, products, numbers of ℚ(i) and positive integer powers are polynomial structure;
    /// everything else is a generator: symbols, function applications (exp(y), F_b(ω),
    /// conj(ψ)), binders, and powers with other exponents. A negative or fractional power is
    /// written as a positive power of a generator, so x⁻² is (x⁻¹)² and x^(3/2) is (x^(1/2))³.
    /// Throws for non-commuting or Grassmann-valued input.
    public static func from(_ exprs: [Expr], generators: [Expr] = []) throws -> [Polynomial] {
        var collector = GeneratorCollector(generators)
        for e in exprs { try collector.collect(e) }
        var converter = ExprToPolynomial(generators: collector.ordered())
        return exprs.map { converter.convert($0) }
    }

    /// Converts one expression; see `from(_:generators:)`.
    public init(_ e: Expr, generators: [Expr] = []) throws {
        self = try Polynomial.from([e], generators: generators)[0]
    }

    /// Whether `e` can be converted: no operator or Grassmann factor anywhere in it.
    public static func isConvertible(_ e: Expr) -> Bool {
        !e.flags.contains(.noncommuting) && !e.flags.contains(.hasGrassmann) && !e.flags.contains(.odd)
    }

    /// The sum of many polynomials by pairwise merging: O(n log n) term moves.
    public static func sum(_ ps: [Polynomial], generators: [Expr]) -> Polynomial {
        if ps.isEmpty { return .zero(generators: generators) }
        var level = ps
        while level.count > 1 {
            var next: [Polynomial] = []
            next.reserveCapacity((level.count + 1) / 2)
            var k = 0
            while k + 1 < level.count { next.append(level[k] + level[k + 1]); k += 2 }
            if k < level.count { next.append(level[k]) }
            level = next
        }
        return level[0]
    }
}

/// A power that is not polynomial structure, as a positive power of a generator.
func generatorPower(_ e: Expr) -> (generator: Expr, exponent: Int) {
    guard e.kind == .pow else { return (e, 1) }
    let (b, x) = (e.children[0], e.children[1])
    guard let q = x.rationalValue, let p = q.numerator.asInt, let d = q.denominator.asInt, p != Int.min else {
        return (e, 1)
    }
    if d == 1 && p > 0 { return (b, p) }
    let unit = Expr.pow(b, Expr.rational(p < 0 ? -1 : 1, d))
    // Guard against a base the core would rewrite (x^(1/d))^p into something else.
    if unit.kind != .pow { return (e, 1) }
    return (unit, Swift.abs(p))
}

private struct GeneratorCollector {
    var given: [Expr]
    var index: [Expr: Int] = [:]
    var found: [Expr] = []
    var seen = Set<Expr>()

    init(_ generators: [Expr]) {
        given = generators
        for (k, g) in generators.enumerated() where index[g] == nil { index[g] = k }
    }

    mutating func collect(_ e: Expr) throws {
        if e.isNumber { return }
        guard Polynomial.isConvertible(e) else { throw PolynomialConversionError.notCommuting(e) }
        guard seen.insert(e).inserted else { return }
        switch e.kind {
        case .add, .mul:
            for c in e.children { try collect(c) }
        case .pow:
            if let n = e.children[1].intValue, n > 0 { try collect(e.children[0]) } else { add(generatorPower(e).generator) }
        default:
            add(e)
        }
    }

    mutating func add(_ g: Expr) {
        if index[g] == nil { index[g] = given.count + found.count; found.append(g) }
    }

    func ordered() -> [Expr] { given + found.sorted(by: Expr.canonicalLess) }
}

private struct ExprToPolynomial {
    let generators: [Expr]
    var index: [Expr: Int] = [:]
    var memo: [Expr: Polynomial] = [:]

    init(generators: [Expr]) {
        self.generators = generators
        for (k, g) in generators.enumerated() where index[g] == nil { index[g] = k }
    }

    mutating func convert(_ e: Expr) -> Polynomial {
        if let q = e.numberValue { return Polynomial(q, generators: generators) }
        if let p = memo[e] { return p }
        let p: Polynomial
        if let term = monomial(e) {
            p = Polynomial(terms: [term], generators: generators)
        } else {
            switch e.kind {
            case .add:
                p = Polynomial.sum(e.children.map { convert($0) }, generators: generators)
            case .mul:
                p = e.children.dropFirst().reduce(convert(e.children[0])) { $0 * convert($1) }
            case .pow:
                // monomial(e) handled every power except a positive power of a sum or product.
                p = convert(e.children[0]).power(e.children[1].intValue!)
            default:
                preconditionFailure("unreachable: atoms are monomials")
            }
        }
        memo[e] = p
        return p
    }

    /// `e` as one term when it is a number times powers of generators (no sums inside).
    func monomial(_ e: Expr) -> (exponents: [Int], coefficient: GaussianRational)? {
        var exps = [Int](repeating: 0, count: generators.count)
        var coefficient = GaussianRational.one
        func factor(_ f: Expr) -> Bool {
            if let q = f.numberValue { coefficient = coefficient * q; return true }
            if f.kind == .add || f.kind == .mul { return false }
            if f.kind == .pow, f.children[1].intValue.map({ $0 > 0 }) == true,
               f.children[0].kind == .add || f.children[0].kind == .mul { return false }
            let (g, n) = generatorPower(f)
            guard let k = index[g] else { return false }
            exps[k] += n
            return true
        }
        if e.kind == .mul {
            for f in e.children where !factor(f) { return nil }
        } else if !factor(e) {
            return nil
        }
        return (exps, coefficient)
    }
}

// MARK: - Polynomial → Expr

extension Polynomial {
    /// The canonical expression Σ c·∏ gₖ^eₖ, assembled as one sum.
    ///
    /// When every generator is a symbol, each term's factors are distinct canonical powers,
    /// so product and sum nodes are built directly (sorted, no like-term collection); the
    /// result is the same node `Expr.add` of `Expr.mul` terms would give. Other generators
    /// (x^(1/2) next to x, exp(y)) may combine, so those terms go through `Expr.mul` and
    /// `SumBuilder`.
    public func toExpr() -> Expr {
        if isZero { return .zero }
        let direct = generators.allSatisfy { $0.kind == .symbol }
        var powers = generators.map { [Expr.one, $0] }
        func power(_ k: Int, _ e: Int) -> Expr {
            while powers[k].count <= e { powers[k].append(Expr.pow(generators[k], .integer(powers[k].count))) }
            return powers[k][e]
        }
        let realInteger = im.isZero && denominator.isOne
        func coefficientExpr(_ i: Int, _ j: Int) -> Expr {
            if realInteger {
                if re.isSmall { return .integer(re.small[i]) }
                return .number(re.coefficient(i))
            }
            return .number(coefficient(reIndex: i, imIndex: j))
        }
        let indices: [(Int, Int)] = im.isZero ? (0..<re.count).map { ($0, -1) } : mergedIndices()
        var builder = SumBuilder()
        var terms: [Expr] = []
        terms.reserveCapacity(indices.count)
        var constant: Expr? = nil
        var factors: [Expr] = []
        let n = generators.count
        let w = re.layout.words
        re.monomials.withUnsafeBufferPointer { rm in
            im.monomials.withUnsafeBufferPointer { imm in
                for (i, j) in indices {
                    let m = i >= 0 ? rm.baseAddress! + i * w : imm.baseAddress! + j * w
                    factors.removeAll(keepingCapacity: true)
                    for k in 0..<n {
                        let e = re.layout.exponent(k, of: m)
                        if e > 0 { factors.append(power(k, e)) }
                    }
                    let c = coefficientExpr(i, j)
                    if !direct {
                        builder.add(Expr.mul([c] + factors))
                        continue
                    }
                    if factors.isEmpty { constant = c; continue }
                    if factors.count > 1 { factors.sort(by: Expr.canonicalLess) }
                    if c.isOne && factors.count == 1 { terms.append(factors[0]); continue }
                    if !c.isOne { factors.insert(c, at: 0) }
                    terms.append(Expr.raw(.mul, flags: Expr.mulFlags(factors), factors))
                }
            }
        }
        if !direct { return builder.build() }
        Expr.sortCanonically(&terms)
        if let constant { terms.insert(constant, at: 0) }
        if terms.count == 1 { return terms[0] }
        return Expr.raw(.add, flags: Expr.addFlags(terms), terms)
    }
}
