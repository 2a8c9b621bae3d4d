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
        let signer = members[0]
        // Cauchy bound 1 + max|aᵢ/aₙ| ≤ 2^e.
        let lead = BigRational(ints.last!).abs
        var m = BigRational.zero
        for c in ints.dropLast() { let q = BigRational(c).abs / lead; if m < q { m = q } }
        let e = (m + 1).ceil.bitWidth + 1
        func meets(_ u: BigInt, _ w: BigInt, _ k: Int) -> Bool {
            let scale = BigInt.one << k
            return !(BigRational(u + w, scale) < lower) && !(upper < BigRational(u, scale))
        }
        var stack: [(u: BigInt, w: BigInt, k: Int, count: Int)] = []
        let lo = -(BigInt.one << e), width = BigInt.one << (e + 1)
        let total = signChanges(dyadic: lo, exponent: 0) - signChanges(dyadic: lo + width, exponent: 0)
        if total > 0 { stack.append((lo, width, 0, total)) }
        var found: [(BigInt, BigInt, Int)] = []
        while let (u, w, k, c) = stack.popLast() {
            if c == 1 { found.append((u, w, k)); continue }
            var (u2, w2, k2) = (u, w, k)
            if w2.isOne { u2 = u2 << 1; w2 = BigInt(2); k2 += 1 }
            let h = w2 >> 1
            let mid = u2 + h
            let vLo = signChanges(dyadic: u2, exponent: k2)
            let vMid = signChanges(dyadic: mid, exponent: k2)
            let vHi = signChanges(dyadic: u2 + w2, exponent: k2)
            let left = vLo - vMid, right = vMid - vHi
            if right > 0 && meets(mid, h, k2) { stack.append((mid, h, k2, right)) }
            if left > 0 && meets(u2, h, k2) { stack.append((u2, h, k2, left)) }
        }
        var out: [RealRoot] = []
        for (u0, w0, k0) in found {
            // (u/2^k, (u+w)/2^k] with one root: make it a sign-change interval.
            var (u, w, k) = (u0, w0, k0)
            if signer.sign(dyadic: u + w, exponent: k) == 0 {
                out.append(RealRoot(polynomial: ints, u: u + w, w: 0, k: k)); continue
            }
            while signer.sign(dyadic: u, exponent: k) == 0 {
                if w.isOne { u = u << 1; w = BigInt(2); k += 1 }
                let h = w >> 1
                let mid = u + h
                let inLeft = signChanges(dyadic: u, exponent: k) - signChanges(dyadic: mid, exponent: k)
                if inLeft == 1 {
                    if signer.sign(dyadic: mid, exponent: k) == 0 {
                        out.append(RealRoot(polynomial: ints, u: mid, w: 0, k: k)); w = 0; break
                    }
                    w = h
                } else {
                    u = mid; w = w - h
                }
            }
            if !w.isZero { out.append(RealRoot(polynomial: ints, u: u, w: w, k: k)) }
        }
        return out.sorted { $0.lower < $1.lower }
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
