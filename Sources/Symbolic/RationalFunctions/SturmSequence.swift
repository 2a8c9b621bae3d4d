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
        let n = a.count - 1
        if n < 0 { return .zero }
        var h = a[n]
        for i in stride(from: n - 1, through: 0, by: -1) {
            h = h * u
            if !a[i].isZero { h = h + (a[i] << (k * (n - i))) }
        }
        return h
    }

    /// sign p(q) for any rational q.
    func sign(at q: BigRational) -> Int {
        let n = a.count - 1
        if n < 0 { return 0 }
        let u = q.numerator, v = q.denominator
        var h = a[n], vp = BigInt.one
        for i in stride(from: n - 1, through: 0, by: -1) {
            vp = vp * v
            h = h * u + a[i] * vp
        }
        return h.signum
    }
}

/// The Sturm sequence p₀ = p, p₁ = p′, pₖ₊₁ = −rem(pₖ₋₁, pₖ) of a univariate polynomial
/// over ℚ (each member scaled by a positive constant to a primitive integer polynomial,
/// which keeps the signs). The number of distinct real roots in (a, b] is V(a) − V(b),
/// V the number of sign changes along the sequence (Sturm's theorem; multiple roots are
/// counted once).
public struct SturmSequence: Sendable {
    let members: [IntegerPolynomialSign]

    public init(_ p: UnivariatePolynomial) {
        precondition(!p.isZero, "Sturm sequence of the zero polynomial")
        var seq = [p, p.derivative()]
        while !seq[seq.count - 1].isZero {
            let r = seq[seq.count - 2] % seq[seq.count - 1]
            seq.append(-r)
        }
        seq.removeLast()
        members = seq.map { q in
            // Positive scaling: primitive integer coefficients with the sign of q kept.
            let ints = q.primitiveIntegerCoefficients
            let flip = (ints.last!.signum < 0) != (q.leadingCoefficient.signum < 0)
            return IntegerPolynomialSign(a: flip ? ints.map { -$0 } : ints)
        }
    }

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
