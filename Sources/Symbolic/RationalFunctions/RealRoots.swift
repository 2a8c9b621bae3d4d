import ArbitraryPrecision

/// A real root of a square-free integer polynomial, certified by an isolating interval with
/// dyadic endpoints [u/2^k, (u + w)/2^k] that contains exactly this root.
///
/// Either the root is exactly the lower endpoint (`isExact`, w = 0), or p changes sign
/// strictly between the endpoints, so the root is in the open interval. Refinement keeps
/// that invariant and needs only signs of p at dyadic points (see `refined(toBits:)`).
public struct RealRoot: Sendable, CustomStringConvertible {
    /// The square-free primitive integer polynomial the root belongs to, lowest degree first.
    public let polynomial: [BigInt]
    let u: BigInt
    let w: BigInt
    let k: Int

    init(polynomial: [BigInt], u: BigInt, w: BigInt, k: Int) {
        self.polynomial = polynomial
        self.u = u
        self.w = w
        self.k = k
    }

    public var isExact: Bool { w.isZero }
    public var lower: BigRational { BigRational(u, BigInt.one << k) }
    public var upper: BigRational { BigRational(u + w, BigInt.one << k) }
    public var width: BigRational { BigRational(w, BigInt.one << k) }

    public var description: String { isExact ? "\(lower)" : "(\(lower), \(upper))" }

    var signer: IntegerPolynomialSign { IntegerPolynomialSign(a: polynomial) }

    /// The same root with an isolating interval of width at most 2^(−bits).
    ///
    /// Quadratic interval refinement (Abbott): the secant through the endpoint values picks
    /// one of N subintervals, and two sign evaluations confirm (N ← N², quadratic
    /// convergence) or refute it (N ← √N, then one bisection). Every step is certified by
    /// signs of exact integer evaluations, so the result is an isolating interval whatever
    /// the secant guessed.
    public func refined(toBits bits: Int) -> RealRoot {
        if isExact { return self }
        let p = signer
        var (u, w, k) = (self.u, self.w, self.k)
        let sLow = p.sign(dyadic: u, exponent: k)
        func exact(_ x: BigInt, _ e: Int) -> RealRoot { RealRoot(polynomial: polynomial, u: x, w: 0, k: e) }
        // Bisect down to w = 1 (width 2^−k).
        while w > 1 {
            if !w.isEven { u = u << 1; w = w << 1; k += 1 }
            let h = w >> 1, mid = u + h
            let s = p.sign(dyadic: mid, exponent: k)
            if s == 0 { return exact(mid, k) }
            if s == sLow { u = mid; w = w - h } else { w = h }
        }
        var logN = 2
        while k < bits {
            if logN >= 2 {
                // Endpoint values on one scale (2^(k·n)); opposite signs, so fa − fb ≠ 0.
                let fa = p.value(dyadic: u, exponent: k), fb = p.value(dyadic: u + 1, exponent: k)
                let n = BigInt.one << logN
                let denom = fa - fb
                // j ≈ N·fa/(fa − fb), the secant's subinterval, kept inside (0, N).
                var j = (n * fa + (denom >> 1)).floorDivided(by: denom)
                if j < 1 { j = 1 }
                if j > n - 1 { j = n - 1 }
                let e = k + logN
                let xj = (u << logN) + j
                let sj = p.sign(dyadic: xj, exponent: e)
                if sj == 0 { return exact(xj, e) }
                let neighbour = sj == sLow ? xj + 1 : xj - 1
                let s2 = p.sign(dyadic: neighbour, exponent: e)
                if s2 == 0 { return exact(neighbour, e) }
                if sj != s2 {
                    u = Swift.min(xj, neighbour)
                    k = e
                    logN = Swift.min(2 * logN, 1 << 24)
                    continue
                }
                logN = logN / 2
            }
            // One bisection step.
            u = u << 1
            k += 1
            let mid = u + 1
            let s = p.sign(dyadic: mid, exponent: k)
            if s == 0 { return exact(mid, k) }
            if s == sLow { u = mid }
            if logN < 2 { logN = 2 }
        }
        // A quadratic step can overshoot the requested width; that is only better.
        return RealRoot(polynomial: polynomial, u: u, w: 1, k: k)
    }

    /// The same root with an isolating interval of width at most `width` (> 0).
    public func refined(toWidth width: BigRational) -> RealRoot {
        precondition(width.signum > 0)
        // 2^(−bits) ≤ width  ⇔  bits ≥ log2(1/width).
        let r = width.reciprocal
        var bits = r.ceil.bitWidth
        if bits < 0 { bits = 0 }
        return refined(toBits: bits)
    }
}

extension UnivariatePolynomial {
    /// The distinct real roots, in increasing order, each with a certified isolating
    /// interval (Sturm sequence bisection from a power-of-two Cauchy bound).
    public func realRoots() -> [RealRoot] {
        precondition(!isZero, "real roots of the zero polynomial")
        if degree < 1 { return [] }
        let sturm = SturmSequence(squareFreePartOf: self)
        return sturm.isolatedRoots(of: sturm.polynomial, signer: sturm.members[0]) { _, _, _ in true }
    }

    /// The rational roots (distinct, increasing). A rational root p/q of the primitive
    /// integer polynomial has q | aₙ, so aₙ·x is an integer root of the monic polynomial
    /// aₙ^(n−1) f(y/aₙ); its real roots are isolated and the integers near each are tested
    /// exactly — no integer factoring needed.
    public func rationalRoots() -> [BigRational] {
        if degree < 1 { return [] }
        let ints = squareFreePart.primitiveIntegerCoefficients
        let n = ints.count - 1
        let an = ints[n]
        // g(y) = Σ aᵢ aₙ^(n−1−i) yⁱ for i < n, plus yⁿ.
        var g = [BigInt](repeating: .zero, count: n + 1)
        g[n] = 1
        var pw = BigInt.one
        for i in stride(from: n - 1, through: 0, by: -1) { g[i] = ints[i] * pw; pw = pw * an }
        let gp = UnivariatePolynomial(g.map { BigRational($0) })
        var roots: [BigRational] = []
        let f = UnivariatePolynomial(ints.map { BigRational($0) })
        for r in gp.realRoots() {
            let t = r.refined(toBits: 2)
            var candidates = [t.lower.floor, t.lower.ceil, t.upper.floor, t.upper.ceil]
            candidates = Array(Set(candidates.map { $0.description })).compactMap { BigInt($0) }
            for y in candidates {
                let x = BigRational(y, an)
                if f.evaluate(x).isZero && !roots.contains(x) { roots.append(x) }
            }
        }
        return roots.sorted()
    }
}

extension SturmSequence {
    /// Sturm bisection of the roots of the square-free integer polynomial `ints` (the first
    /// member of this sequence, up to a positive factor) from a power-of-two Cauchy bound,
    /// keeping only the subintervals (u/2^k, (u+w)/2^k] for which `keep(u, w, k)` holds; each
    /// interval with one root is then made a sign-change interval (or an exact dyadic root).
    func isolatedRoots(of ints: [BigInt], signer: IntegerPolynomialSign,
                       keep: (BigInt, BigInt, Int) -> Bool) -> [RealRoot] {
        // Cauchy bound 1 + max|aᵢ/aₙ| ≤ 2^e.
        let lead = BigRational(ints.last!).abs
        var m = BigRational.zero
        for c in ints.dropLast() { let q = BigRational(c).abs / lead; if m < q { m = q } }
        let e = (m + 1).ceil.bitWidth + 1
        // Intervals (u/2^k, (u+w)/2^k] with root counts; start with (−2^e, 2^e] at k = 0.
        // Each interval carries the sign changes at its ends, so a split evaluates the
        // sequence at the midpoint only.
        var stack: [(u: BigInt, w: BigInt, k: Int, vLo: Int, vHi: Int)] = []
        let lo = -(BigInt.one << e), width = BigInt.one << (e + 1)
        let vLo0 = signChanges(dyadic: lo, exponent: 0), vHi0 = signChanges(dyadic: lo + width, exponent: 0)
        if vLo0 - vHi0 > 0 { stack.append((lo, width, 0, vLo0, vHi0)) }
        var found: [(BigInt, BigInt, Int)] = []
        while let (u, w, k, vLo, vHi) = stack.popLast() {
            if vLo - vHi == 1 { found.append((u, w, k)); continue }
            var (u2, w2, k2) = (u, w, k)
            if w2.isOne { u2 = u2 << 1; w2 = BigInt(2); k2 += 1 }
            let h = w2 >> 1
            let mid = u2 + h
            let vMid = signChanges(dyadic: mid, exponent: k2)
            if vMid - vHi > 0 && keep(mid, h, k2) { stack.append((mid, h, k2, vMid, vHi)) }
            if vLo - vMid > 0 && keep(u2, h, k2) { stack.append((u2, h, k2, vLo, vMid)) }
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
