import ArbitraryPrecision

extension SturmSequence {
    /// The distinct real roots of p₀ (the polynomial the sequence was built from, which must
    /// be square-free: `SturmSequence(p.squareFreePart)`) whose isolating intervals meet
    /// [lower, upper], in increasing order. The same Sturm bisection as
    /// `UnivariatePolynomial.realRoots()`, but subintervals that miss [lower, upper] are
    /// dropped, so roots elsewhere on the axis are never separated from each other. A root
    /// near an end may come with an interval that sticks out; `refined` shrinks it.
    public func realRoots(in lower: BigRational, _ upper: BigRational) -> [RealRoot] {
        precondition(lower <= upper)
        let ints = members[0].a
        if ints.count < 2 { return [] }
        return isolatedRoots(of: ints, signer: members[0]) { u, w, k in
            let scale = BigInt.one << k
            return !(BigRational(u + w, scale) < lower) && !(upper < BigRational(u, scale))
        }
    }
}

extension RealRoot {
    /// The root itself when it is rational, else nil. A rational root x of the primitive
    /// integer polynomial has a denominator dividing aₙ (rational root theorem), so |aₙ|·x
    /// is an integer; once the interval is narrower than 1/|aₙ| it holds at most one such
    /// candidate, which is tested exactly. Only this root is examined — no search of the
    /// whole axis.
    public func rationalRoot() -> BigRational? {
        if isExact { return lower }
        let an = polynomial.last!.magnitude
        var r = self
        // width ≤ 2^(−bits) < 1/|aₙ| with bits = bitWidth(aₙ) + 1.
        r = r.refined(toBits: an.bitWidth + 1)
        if r.isExact { return r.lower }
        let y = (r.lower * BigRational(an)).ceil
        let x = BigRational(y, an)
        guard x < r.upper, r.lower < x else { return nil }
        return r.signer.sign(at: x) == 0 ? x : nil
    }
}
