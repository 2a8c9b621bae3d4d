import ArbitraryPrecision

/// Exact sign of an integer polynomial (coefficients lowest degree first) at rationals.
///
/// p(u/v) has the sign of v^n·p(u/v) = Σ aᵢ uⁱ v^(n−i) for v > 0, computed by Horner in
/// integers; at a dyadic point u/2^k the powers of v are shifts. No rational arithmetic
/// (and no gcds) in the inner loop — this is what makes bisection to thousands of bits fast.
struct IntegerPolynomialSign {
    let a: [BigInt]

    /// sign p(u / 2^k), k ≥ 0.
    func sign(dyadic u: BigInt, exponent k: Int) -> Int {
        value(dyadic: u, exponent: k).signum
    }

    /// 2^(k·n) · p(u / 2^k).
    func value(dyadic u: BigInt, exponent k: Int) -> BigInt {
        BigInt.dyadicHorner(a, numerator: u, exponent: k)
    }

    /// sign p(q) for any rational q.
    func sign(at q: BigRational) -> Int {
        BigInt.rationalHorner(a, numerator: q.numerator, denominator: q.denominator).signum
    }
}

/// The Sturm sequence p₀ = p, p₁ = p′, pₖ₊₁ = −rem(pₖ₋₁, pₖ) of a univariate polynomial
/// over ℚ (each member scaled by a positive constant to a primitive integer polynomial,
/// which keeps the signs). The number of distinct real roots in (a, b] is V(a) − V(b),
/// V the number of sign changes along the sequence (Sturm's theorem; multiple roots are
/// counted once).
///
/// Built over ℤ: each remainder is a positive pseudo-remainder reduced to its primitive
/// part, so the only gcd per member is its content (a remainder sequence over ℚ pays a gcd
/// for every coefficient operation, and the coefficients of elimination polynomials are
/// hundreds of bits long).
public struct SturmSequence: Sendable {
    let members: [IntegerPolynomialSign]

    public init(_ p: UnivariatePolynomial) {
        precondition(!p.isZero, "Sturm sequence of the zero polynomial")
        // Scaled by a positive rational: the signs, hence the sign changes, are those of p.
        self.init(integers: p.primitiveIntegerCoefficients)
    }

    /// The sequence of an integer polynomial (nonzero, lowest degree first).
    public init(integers p: [BigInt]) {
        members = Self.chain(UnivariateIntegerPolynomials.trimmed(p)).map { IntegerPolynomialSign(a: $0) }
    }

    /// The Sturm sequence of the square-free part of `p` (whose roots are the distinct roots
    /// of p, each simple — what root isolation and refinement need). The chain of p ends in
    /// gcd(p, p′) up to a constant, so when that is a constant (p square-free, the usual
    /// case) the chain is already the answer and no separate gcd is computed.
    public init(squareFreePartOf p: UnivariatePolynomial) {
        self.init(squareFreePartOfIntegers: p.primitiveIntegerCoefficients)
    }

    public init(squareFreePartOfIntegers p: [BigInt]) {
        let p = UnivariateIntegerPolynomials.trimmed(p)
        precondition(!p.isEmpty, "Sturm sequence of the zero polynomial")
        let chain = Self.chain(p)
        if chain.last!.count > 1 {
            let sf = UnivariateIntegerPolynomials.primitiveQuotient(p, chain.last!)
            members = Self.chain(sf).map { IntegerPolynomialSign(a: $0) }
        } else {
            members = chain.map { IntegerPolynomialSign(a: $0) }
        }
    }

    /// p, p′ and the negated positive pseudo-remainders, each primitive; the last member is
    /// gcd(p, p′) up to a constant.
    public static func chain(_ p: [BigInt]) -> [[BigInt]] {
        precondition(!p.isEmpty, "Sturm sequence of the zero polynomial")
        var seq = [UnivariateIntegerPolynomials.primitivePart(p)]
        let d = UnivariateIntegerPolynomials.primitivePart(UnivariateIntegerPolynomials.derivative(p))
        if d.isEmpty { return seq }
        seq.append(d)
        while true {
            let r = UnivariateIntegerPolynomials.positivePseudoRemainder(seq[seq.count - 2], seq[seq.count - 1])
            if r.isEmpty { break }
            seq.append(UnivariateIntegerPolynomials.primitivePart(r).map { -$0 })
        }
        return seq
    }

    /// The square-free polynomial the sequence starts with (primitive, over ℤ).
    public var polynomial: [BigInt] { members[0].a }

    /// Sign changes at a rational point (zeros skipped).
    public func signChanges(at x: BigRational) -> Int {
        changes(members.map { $0.sign(at: x) })
    }

    func signChanges(dyadic u: BigInt, exponent k: Int) -> Int {
        changes(members.map { $0.sign(dyadic: u, exponent: k) })
    }

    /// Sign changes at +∞ (or −∞): the signs of the leading coefficients.
    public func signChangesAtInfinity(negative: Bool) -> Int {
        changes(members.map { m in
            let s = m.a.last!.signum
            return negative && (m.a.count - 1) % 2 == 1 ? -s : s
        })
    }

    private func changes(_ signs: [Int]) -> Int {
        var count = 0, last = 0
        for s in signs where s != 0 {
            if last != 0 && s != last { count += 1 }
            last = s
        }
        return count
    }

    /// Number of distinct real roots in (a, b].
    public func countRoots(in a: BigRational, _ b: BigRational) -> Int {
        precondition(a <= b)
        return signChanges(at: a) - signChanges(at: b)
    }

    /// Number of distinct real roots.
    public var realRootCount: Int { signChangesAtInfinity(negative: true) - signChangesAtInfinity(negative: false) }
}
