import ArbitraryPrecision

/// Dense ℤ[x] arithmetic the lifting needs beyond `UnivariateIntegerPolynomials`.
extension UnivariateIntegerPolynomials {
    public static func multiply(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        if a.isEmpty || b.isEmpty { return [] }
        var c = [BigInt](repeating: .zero, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where !x.isZero {
            for (j, y) in b.enumerated() where !y.isZero { c[i + j] = c[i + j] + x * y }
        }
        return trimmed(c)
    }

    public static func add(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        var c = a.count >= b.count ? a : b
        let o = a.count >= b.count ? b : a
        for i in 0..<o.count { c[i] = c[i] + o[i] }
        return trimmed(c)
    }

    public static func subtract(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] { add(a, b.map { -$0 }) }

    /// Coefficients reduced to the symmetric range (−m/2, m/2].
    static func symmetricModulo(_ a: [BigInt], _ m: BigInt) -> [BigInt] {
        let half = m / 2
        return trimmed(a.map { c in
            let r = c.floorModulo(m)
            return r > half ? r - m : r
        })
    }

    /// Quotient and remainder by a monic b (exact over ℤ).
    static func divideByMonic(_ a: [BigInt], _ b: [BigInt]) -> (quotient: [BigInt], remainder: [BigInt]) {
        precondition(b.last == BigInt.one, "divisor must be monic")
        let n = b.count
        if a.count < n { return ([], a) }
        var r = a
        var q = [BigInt](repeating: .zero, count: a.count - n + 1)
        for k in stride(from: a.count - n, through: 0, by: -1) {
            let c = r[k + n - 1]
            q[k] = c
            if c.isZero { continue }
            for j in 0..<n where !b[j].isZero { r[k + j] = r[k + j] - c * b[j] }
        }
        return (trimmed(q), trimmed(Array(r.prefix(n - 1))))
    }
}

/// Multifactor Hensel lifting (von zur Gathen & Gerhard, Algorithms 15.10 and 15.17, in
/// the form of SymPy's `dup_zz_hensel_lift`): from f ≡ lc(f)·g₁⋯gᵣ mod p with monic,
/// pairwise coprime gᵢ to the same congruence mod p^l. The factor list is split in halves,
/// each two-factor congruence lifted quadratically, then each half recursively.
enum HenselLifting {
    typealias Z = UnivariateIntegerPolynomials

    /// One quadratic step: from f ≡ g·h, s·g + t·h ≡ 1 mod m to the same mod m².
    static func step(_ m: BigInt, _ f: [BigInt], _ g: [BigInt], _ h: [BigInt], _ s: [BigInt], _ t: [BigInt])
        -> (g: [BigInt], h: [BigInt], s: [BigInt], t: [BigInt]) {
        let mm = m * m
        let e = Z.symmetricModulo(Z.subtract(f, Z.multiply(g, h)), mm)
        let (q0, r0) = Z.divideByMonic(Z.multiply(s, e), h)
        let q = Z.symmetricModulo(q0, mm), r = Z.symmetricModulo(r0, mm)
        let u = Z.add(Z.multiply(t, e), Z.multiply(q, g))
        let G = Z.symmetricModulo(Z.add(g, u), mm)
        let H = Z.symmetricModulo(Z.add(h, r), mm)
        let b = Z.symmetricModulo(Z.subtract(Z.add(Z.multiply(s, G), Z.multiply(t, H)), [.one]), mm)
        let (c0, d0) = Z.divideByMonic(Z.multiply(s, b), H)
        let c = Z.symmetricModulo(c0, mm), d = Z.symmetricModulo(d0, mm)
        let v = Z.add(Z.multiply(t, b), Z.multiply(c, G))
        return (G, H, Z.symmetricModulo(Z.subtract(s, d), mm), Z.symmetricModulo(Z.subtract(t, v), mm))
    }

    /// The monic factors mod p^l of f (lc(f) coprime to p) lifted from `factors` mod p.
    static func lift(_ p: Int, _ f: [BigInt], _ factors: [[Int]], _ l: Int) -> [[BigInt]] {
        let P = BigInt(p)
        let pl = P.power(l)
        let r = factors.count
        let lc = f.last!
        if r == 1 {
            // The single factor is f / lc(f) mod p^l.
            let inv = modularInverse(lc, pl)
            return [Z.symmetricModulo(f.map { $0 * inv }, pl)]
        }
        let F = ModularPolynomials(p)
        let k = r / 2
        var g = [F.reduce(lc.floorModulo(P).asInt!)]
        for fi in factors[..<k] { g = F.multiply(g, fi) }
        var h = factors[k]
        for fi in factors[(k + 1)...] { h = F.multiply(h, fi) }
        let (_, s0, t0) = F.extendedGCD(g, h)
        func lifted(_ a: [Int]) -> [BigInt] { Z.symmetricModulo(a.map { BigInt($0) }, P) }
        var (G, H, S, T) = (lifted(g), lifted(h), lifted(s0), lifted(t0))
        var m = P
        var steps = 0
        while (1 << steps) < l { steps += 1 }
        for _ in 0..<steps {
            (G, H, S, T) = step(m, f, G, H, S, T)
            m = m * m
        }
        return lift(p, G, Array(factors[..<k]), l) + lift(p, H, Array(factors[k...]), l)
    }

    /// a⁻¹ mod m for a coprime to m.
    static func modularInverse(_ a: BigInt, _ m: BigInt) -> BigInt {
        var (r0, r1) = (m, a.floorModulo(m)), (t0, t1) = (BigInt.zero, BigInt.one)
        while !r1.isZero {
            let q = r0.floorDivided(by: r1)
            (r0, r1) = (r1, r0 - q * r1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        precondition(r0.isOne, "not invertible")
        return t0.floorModulo(m)
    }
}
