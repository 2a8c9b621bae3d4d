import ArbitraryPrecision

/// A sparse multivariate polynomial with coefficients in ℚ(i), in the generators `generators`.
///
/// Stored as (re + i·im) / denominator with `re`, `im` integer polynomials (`SparseIntegerPolynomial`,
/// packed monomials in graded-lex order, `Int` coefficients promoted to GMP on overflow) and a
/// positive common denominator, normalised so that the denominator and all coefficients are
/// coprime. Polynomials over ℤ (denominator 1, no imaginary part) therefore run entirely in
/// the integer kernel; ℚ and ℚ(i) cost a few extra integer products.
///
/// Monomial order: graded lexicographic with generators[0] > generators[1] > ⋯; `terms`
/// lists terms in decreasing order and the leading term is the first.
public struct Polynomial: Sendable, Equatable, CustomStringConvertible {
    public let generators: [Expr]
    var re: SparseIntegerPolynomial
    var im: SparseIntegerPolynomial
    var denominator: BigInt

    /// The coefficient ring a polynomial actually needs.
    public enum Domain: Sendable, Equatable { case integers, rationals, gaussianRationals }

    init(generators: [Expr], re: SparseIntegerPolynomial, im: SparseIntegerPolynomial, denominator: BigInt = 1) {
        precondition(denominator.signum > 0)
        let degree = max(re.totalDegree, im.totalDegree, 0)
        let (r, i) = SparseIntegerPolynomial.aligned(re, im, degree: degree)
        self.generators = generators
        self.re = r
        self.im = i
        self.denominator = denominator
        normalize()
    }

    private mutating func normalize() {
        if denominator.isOne { return }
        var g = BigInt.gcd(denominator, re.content)
        if !g.isOne { g = BigInt.gcd(g, im.content) }
        if g.isOne { return }
        re = re.exactlyDivided(by: g)
        im = im.exactlyDivided(by: g)
        denominator = denominator.exactlyDivided(by: g)
    }

    static func layout(_ generators: [Expr]) -> MonomialLayout {
        MonomialLayout(variables: generators.count, maxDegree: 1)
    }

    // MARK: Construction

    /// The constant polynomial c.
    public init(_ c: GaussianRational, generators: [Expr]) {
        let layout = Polynomial.layout(generators)
        let den = BigInt.lcm(c.re.denominator, c.im.denominator)
        let den1 = den.isZero ? BigInt.one : den
        self.init(generators: generators,
                  re: .constant(c.re.numerator * den1.exactlyDivided(by: c.re.denominator), layout: layout),
                  im: .constant(c.im.numerator * den1.exactlyDivided(by: c.im.denominator), layout: layout),
                  denominator: den1)
    }

    public init(_ c: Int, generators: [Expr]) {
        self.init(GaussianRational(BigRational(c)), generators: generators)
    }

    /// The polynomial generators[k].
    public static func generator(_ k: Int, of generators: [Expr]) -> Polynomial {
        var e = [Int](repeating: 0, count: generators.count)
        e[k] = 1
        return Polynomial(terms: [(e, GaussianRational.one)], generators: generators)
    }

    /// The sum of `coefficient · ∏ generators[k]^exponents[k]` over `terms` (in any order;
    /// equal monomials are added).
    public init(terms: [(exponents: [Int], coefficient: GaussianRational)], generators: [Expr]) {
        var den = BigInt.one
        for t in terms {
            den = BigInt.lcm(den, t.coefficient.re.denominator)
            den = BigInt.lcm(den, t.coefficient.im.denominator)
        }
        func scaled(_ q: BigRational) -> BigInt { q.numerator * den.exactlyDivided(by: q.denominator) }
        let re = SparseIntegerPolynomial.fromTerms(terms.map { ($0.exponents, scaled($0.coefficient.re)) },
                                             variables: generators.count)
        let im = SparseIntegerPolynomial.fromTerms(terms.map { ($0.exponents, scaled($0.coefficient.im)) },
                                             variables: generators.count)
        self.init(generators: generators, re: re, im: im, denominator: den)
    }

    public static func zero(generators: [Expr]) -> Polynomial { Polynomial(0, generators: generators) }

    // MARK: Inspection

    public var isZero: Bool { re.isZero && im.isZero }

    public var domain: Domain {
        if !im.isZero { return .gaussianRationals }
        return denominator.isOne ? .integers : .rationals
    }

    /// Number of terms (monomials with a nonzero coefficient).
    public var termCount: Int {
        if im.isZero { return re.count }
        if re.isZero { return im.count }
        return mergedIndices().count
    }

    /// Terms in decreasing graded-lex order.
    public var terms: [(exponents: [Int], coefficient: GaussianRational)] {
        mergedIndices().map { (i, j) in
            let exps = i >= 0 ? re.exponents(i) : im.exponents(j)
            return (exps, coefficient(reIndex: i, imIndex: j))
        }
    }

    func coefficient(reIndex i: Int, imIndex j: Int) -> GaussianRational {
        let r = i >= 0 ? BigRational(re.coefficient(i), denominator) : BigRational.zero
        let m = j >= 0 ? BigRational(im.coefficient(j), denominator) : BigRational.zero
        return GaussianRational(r, m)
    }

    /// Index pairs (into re, into im; −1 where absent) of the union of both supports, in order.
    func mergedIndices() -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        out.reserveCapacity(max(re.count, im.count))
        let w = re.layout.words
        re.monomials.withUnsafeBufferPointer { rm in
            im.monomials.withUnsafeBufferPointer { imm in
                var i = 0, j = 0
                while i < re.count || j < im.count {
                    let c: Int
                    if i == re.count { c = -1 } else if j == im.count { c = 1 } else {
                        c = compareMonomials(rm.baseAddress! + i * w, imm.baseAddress! + j * w, words: w)
                    }
                    if c > 0 { out.append((i, -1)); i += 1 }
                    else if c < 0 { out.append((-1, j)); j += 1 }
                    else { out.append((i, j)); i += 1; j += 1 }
                }
            }
        }
        return out
    }

    /// The coefficient of ∏ generators[k]^exponents[k].
    public func coefficient(of exponents: [Int]) -> GaussianRational {
        precondition(exponents.count == generators.count)
        for t in terms where t.exponents == exponents { return t.coefficient }
        return .zero
    }

    /// The leading term in graded-lex order; nil for zero.
    public var leadingTerm: (exponents: [Int], coefficient: GaussianRational)? {
        guard let (i, j) = mergedIndices().first else { return nil }
        return (i >= 0 ? re.exponents(i) : im.exponents(j), coefficient(reIndex: i, imIndex: j))
    }

    /// Total degree; −1 for the zero polynomial.
    public var totalDegree: Int { max(re.totalDegree, im.totalDegree) }

    /// Degree in generators[k]; −1 for the zero polynomial.
    public func degree(in k: Int) -> Int { max(re.degree(in: k), im.degree(in: k)) }

    public var description: String {
        if isZero { return "0" }
        return terms.map { t in
            let mono = t.exponents.enumerated().filter { $0.element > 0 }
                .map { $0.element == 1 ? "\(generators[$0.offset])" : "\(generators[$0.offset])^\($0.element)" }
            return (["(\(t.coefficient))"] + mono).joined(separator: "*")
        }.joined(separator: " + ")
    }

    public static func == (a: Polynomial, b: Polynomial) -> Bool {
        a.generators == b.generators && a.denominator == b.denominator && a.re == b.re && a.im == b.im
    }
}

// MARK: - Arithmetic

extension Polynomial {
    public static func + (a: Polynomial, b: Polynomial) -> Polynomial { combine(a, b, subtract: false) }
    public static func - (a: Polynomial, b: Polynomial) -> Polynomial { combine(a, b, subtract: true) }

    public static prefix func - (a: Polynomial) -> Polynomial {
        Polynomial(generators: a.generators, re: -a.re, im: -a.im, denominator: a.denominator)
    }

    private static func combine(_ a: Polynomial, _ b: Polynomial, subtract: Bool) -> Polynomial {
        precondition(a.generators == b.generators, "polynomials in different generators")
        func op(_ x: SparseIntegerPolynomial, _ y: SparseIntegerPolynomial) -> SparseIntegerPolynomial {
            SparseIntegerPolynomial.merge(x, y, negateB: subtract)
        }
        if a.denominator == b.denominator {
            return Polynomial(generators: a.generators, re: op(a.re, b.re), im: op(a.im, b.im),
                              denominator: a.denominator)
        }
        let l = BigInt.lcm(a.denominator, b.denominator)
        let fa = l.exactlyDivided(by: a.denominator), fb = l.exactlyDivided(by: b.denominator)
        return Polynomial(generators: a.generators,
                          re: op(a.re.scaled(by: fa), b.re.scaled(by: fb)),
                          im: op(a.im.scaled(by: fa), b.im.scaled(by: fb)),
                          denominator: l)
    }

    public static func * (a: Polynomial, b: Polynomial) -> Polynomial { a.multiplied(by: b) }

    /// The product, with a choice of integer multiplication kernel (for benchmarks).
    public func multiplied(by b: Polynomial, method: MultiplicationMethod = .automatic) -> Polynomial {
        precondition(generators == b.generators, "polynomials in different generators")
        let mul = { (x: SparseIntegerPolynomial, y: SparseIntegerPolynomial) in SparseIntegerPolynomial.multiply(x, y, method: method) }
        var r = mul(re, b.re)
        var i = mul(re, b.im)
        if !im.isZero {
            r = r - mul(im, b.im)
            i = i + mul(im, b.re)
        }
        return Polynomial(generators: generators, re: r, im: i, denominator: denominator * b.denominator)
    }

    /// c · p for an exact number c.
    public func scaled(by c: GaussianRational) -> Polynomial {
        self * Polynomial(c, generators: generators)
    }

    /// pⁿ, n ≥ 0.
    public func power(_ n: Int, method: MultiplicationMethod = .automatic) -> Polynomial {
        precondition(n >= 0, "negative power of a polynomial")
        if im.isZero {
            return Polynomial(generators: generators, re: re.power(n, method: method), im: SparseIntegerPolynomial(layout: re.layout),
                              denominator: denominator.power(n))
        }
        var result = Polynomial(1, generators: generators), base = self, e = n
        while true {
            if e & 1 == 1 { result = result.multiplied(by: base, method: method) }
            e >>= 1
            if e == 0 { return result }
            base = base.multiplied(by: base, method: method)
        }
    }

    /// ∂p/∂generators[k].
    public func derivative(_ k: Int) -> Polynomial {
        Polynomial(generators: generators, re: re.derivative(k), im: im.derivative(k), denominator: denominator)
    }

    /// The value at generators[k] = values[k].
    public func evaluate(_ values: [GaussianRational]) -> GaussianRational {
        precondition(values.count == generators.count)
        var powers = values.map { [GaussianRational.one, $0] }
        func power(_ k: Int, _ e: Int) -> GaussianRational {
            while powers[k].count <= e { powers[k].append(powers[k].last! * values[k]) }
            return powers[k][e]
        }
        var sum = GaussianRational.zero
        for t in terms {
            var v = t.coefficient
            for (k, e) in t.exponents.enumerated() where e > 0 { v = v * power(k, e) }
            sum = sum + v
        }
        return sum
    }

    /// Positive rational content: the polynomial divided by it has coprime integer real and
    /// imaginary parts. Zero for the zero polynomial.
    public var content: BigRational {
        let g = BigInt.gcd(re.content, im.content)
        return g.isZero ? .zero : BigRational(g, denominator)
    }

    /// p / content(p): integer coefficients (Gaussian integers) with gcd 1.
    public var primitivePart: Polynomial {
        let g = BigInt.gcd(re.content, im.content)
        if g.isZero { return self }
        return Polynomial(generators: generators, re: re.exactlyDivided(by: g), im: im.exactlyDivided(by: g))
    }
}
