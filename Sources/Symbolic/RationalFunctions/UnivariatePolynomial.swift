import ArbitraryPrecision

/// A dense univariate polynomial over ℚ, coefficients lowest degree first (no trailing
/// zero): the arithmetic of partial fractions, square-free factorisation and Sturm
/// sequences.
public struct UnivariatePolynomial: Sendable, Equatable, CustomStringConvertible {
    public private(set) var coefficients: [BigRational]

    public init(_ coefficients: [BigRational]) {
        var c = coefficients
        while let l = c.last, l.isZero { c.removeLast() }
        self.coefficients = c
    }

    public init(_ integers: [Int]) { self.init(integers.map { BigRational($0) }) }

    public static let zero = UnivariatePolynomial([BigRational]())
    public static let one = UnivariatePolynomial([BigRational.one])
    /// The variable x.
    public static let x = UnivariatePolynomial([BigRational.zero, .one])

    public var isZero: Bool { coefficients.isEmpty }
    /// −1 for zero.
    public var degree: Int { coefficients.count - 1 }
    public var leadingCoefficient: BigRational { coefficients.last ?? .zero }

    /// The polynomial of `p` when it is univariate in generator `k` with rational coefficients.
    public init?(_ p: Polynomial, variable k: Int) {
        var c = [BigRational](repeating: .zero, count: max(p.degree(in: k) + 1, 0))
        for t in p.terms {
            for (j, e) in t.exponents.enumerated() where j != k && e != 0 { return nil }
            guard t.coefficient.im.isZero else { return nil }
            c[t.exponents[k]] = t.coefficient.re
        }
        self.init(c)
    }

    /// As a kernel polynomial in generator k of `generators`.
    public func polynomial(variable k: Int, generators: [Expr]) -> Polynomial {
        Polynomial(terms: coefficients.enumerated().filter { !$0.element.isZero }.map { (i, c) in
            var e = [Int](repeating: 0, count: generators.count)
            e[k] = i
            return (e, GaussianRational(c))
        }, generators: generators)
    }

    public var description: String {
        if isZero { return "0" }
        return coefficients.enumerated().reversed().filter { !$0.element.isZero }
            .map { "(\($0.element))·x^\($0.offset)" }.joined(separator: " + ")
    }

    // MARK: Arithmetic

    public static func + (a: Self, b: Self) -> Self {
        var c = a.coefficients.count >= b.coefficients.count ? a.coefficients : b.coefficients
        let o = a.coefficients.count >= b.coefficients.count ? b.coefficients : a.coefficients
        for i in 0..<o.count { c[i] = c[i] + o[i] }
        return Self(c)
    }

    public static prefix func - (a: Self) -> Self { Self(a.coefficients.map { -$0 }) }
    public static func - (a: Self, b: Self) -> Self { a + (-b) }

    public static func * (a: Self, b: Self) -> Self {
        if a.isZero || b.isZero { return .zero }
        var c = [BigRational](repeating: .zero, count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() where !x.isZero {
            for (j, y) in b.coefficients.enumerated() where !y.isZero { c[i + j] = c[i + j] + x * y }
        }
        return Self(c)
    }

    public func scaled(by c: BigRational) -> Self { Self(coefficients.map { $0 * c }) }

    public func power(_ n: Int) -> Self {
        var r = Self.one
        for _ in 0..<n { r = r * self }
        return r
    }

    /// Quotient and remainder (divisor nonzero).
    public func divided(by d: Self) -> (quotient: Self, remainder: Self) {
        precondition(!d.isZero, "division by the zero polynomial")
        var r = coefficients
        let n = d.coefficients.count
        if r.count < n { return (.zero, self) }
        var q = [BigRational](repeating: .zero, count: r.count - n + 1)
        let inv = d.leadingCoefficient.reciprocal
        for k in stride(from: r.count - n, through: 0, by: -1) {
            let c = r[k + n - 1] * inv
            q[k] = c
            if c.isZero { continue }
            for j in 0..<n where !d.coefficients[j].isZero { r[k + j] = r[k + j] - c * d.coefficients[j] }
        }
        return (Self(q), Self(Array(r.prefix(n - 1))))
    }

    public static func % (a: Self, b: Self) -> Self { a.divided(by: b).remainder }

    public var monic: Self { isZero ? self : scaled(by: leadingCoefficient.reciprocal) }

    public func derivative() -> Self {
        if coefficients.count <= 1 { return .zero }
        return Self((1..<coefficients.count).map { coefficients[$0] * BigRational($0) })
    }

    public func evaluate(_ x: BigRational) -> BigRational {
        coefficients.reversed().reduce(BigRational.zero) { $0 * x + $1 }
    }

    /// The monic gcd (0 for gcd(0, 0)).
    public static func gcd(_ a: Self, _ b: Self) -> Self {
        var (u, v) = (a, b)
        while !v.isZero { (u, v) = (v, u % v) }
        return u.monic
    }

    /// (g, s, t) with s·a + t·b = g = gcd(a, b) monic (extended Euclid).
    public static func extendedGCD(_ a: Self, _ b: Self) -> (gcd: Self, s: Self, t: Self) {
        var (r0, r1) = (a, b), (s0, s1) = (Self.one, Self.zero), (t0, t1) = (Self.zero, Self.one)
        while !r1.isZero {
            let (q, r) = r0.divided(by: r1)
            (r0, r1) = (r1, r)
            (s0, s1) = (s1, s0 - q * s1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        if r0.isZero { return (r0, s0, t0) }
        let inv = r0.leadingCoefficient.reciprocal
        return (r0.scaled(by: inv), s0.scaled(by: inv), t0.scaled(by: inv))
    }

    /// The integer polynomial c·self with coprime coefficients and c > 0.
    public var primitiveIntegerCoefficients: [BigInt] {
        var l = BigInt.one
        for c in coefficients { l = BigInt.lcm(l, c.denominator) }
        let ints = coefficients.map { $0.numerator * l.exactlyDivided(by: $0.denominator) }
        let g = ints.reduce(BigInt.zero) { BigInt.gcd($0, $1) }
        return g.isZero || g.isOne ? ints : ints.map { $0.exactlyDivided(by: g) }
    }

    /// Square-free factorisation by Yun's algorithm: self = c · ∏ fᵢ^i with the fᵢ monic,
    /// square-free and pairwise coprime; returns c and the nonconstant (fᵢ, i).
    public func squareFreeFactorization() -> (constant: BigRational, factors: [(factor: Self, multiplicity: Int)]) {
        if degree <= 0 { return (leadingCoefficient, []) }
        let c = leadingCoefficient
        let f = monic
        let d = f.derivative()
        var a = Self.gcd(f, d)
        var b = f.divided(by: a).quotient
        var cc = d.divided(by: a).quotient - b.derivative()
        var out: [(Self, Int)] = []
        var i = 1
        while b.degree > 0 {
            a = Self.gcd(b, cc)
            b = b.divided(by: a).quotient
            cc = cc.divided(by: a).quotient - b.derivative()
            if a.degree > 0 { out.append((a, i)) }
            i += 1
        }
        return (c, out)
    }

    /// The square-free part (product of the distinct monic irreducible factors).
    public var squareFreePart: Self {
        if degree <= 0 { return Self.one }
        return monic.divided(by: Self.gcd(self, derivative())).quotient.monic
    }
}
