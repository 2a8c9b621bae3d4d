/// Dense polynomials over the prime field 𝔽ₚ as `[Int]` (lowest degree first, no trailing
/// zero, entries in 0..<p): the arithmetic of modular factorisation. p < 2³¹, so every
/// product of two residues fits in an `Int` before reduction.
struct ModularPolynomials {
    let p: Int

    init(_ p: Int) {
        precondition(p > 2 && p < (1 << 31), "odd prime below 2^31 expected")
        self.p = p
    }

    func trimmed(_ a: [Int]) -> [Int] {
        var a = a
        while let l = a.last, l == 0 { a.removeLast() }
        return a
    }

    func reduce(_ c: Int) -> Int { let r = c % p; return r < 0 ? r + p : r }

    func inverse(_ a: Int) -> Int {
        // Extended Euclid on (a, p); a is a nonzero residue.
        var (r0, r1) = (p, reduce(a)), (t0, t1) = (0, 1)
        while r1 != 0 {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        precondition(r0 == 1, "not invertible mod p")
        return reduce(t0)
    }

    func add(_ a: [Int], _ b: [Int]) -> [Int] {
        var c = a.count >= b.count ? a : b
        let o = a.count >= b.count ? b : a
        for i in 0..<o.count { c[i] = (c[i] + o[i]) % p }
        return trimmed(c)
    }

    func negate(_ a: [Int]) -> [Int] { a.map { $0 == 0 ? 0 : p - $0 } }

    func subtract(_ a: [Int], _ b: [Int]) -> [Int] { add(a, negate(b)) }

    func scale(_ a: [Int], _ c: Int) -> [Int] {
        let c = reduce(c)
        return c == 0 ? [] : a.map { $0 * c % p }
    }

    func multiply(_ a: [Int], _ b: [Int]) -> [Int] {
        if a.isEmpty || b.isEmpty { return [] }
        var c = [Int](repeating: 0, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where x != 0 {
            for (j, y) in b.enumerated() where y != 0 { c[i + j] = (c[i + j] + x * y) % p }
        }
        return trimmed(c)
    }

    /// Quotient and remainder; `b` nonzero.
    func divide(_ a: [Int], _ b: [Int]) -> (quotient: [Int], remainder: [Int]) {
        precondition(!b.isEmpty, "division by zero polynomial mod p")
        if a.count < b.count { return ([], a) }
        var r = a
        let n = b.count
        let inv = inverse(b[n - 1])
        var q = [Int](repeating: 0, count: a.count - n + 1)
        for k in stride(from: a.count - n, through: 0, by: -1) {
            let c = r[k + n - 1] * inv % p
            q[k] = c
            if c == 0 { continue }
            for j in 0..<n where b[j] != 0 { r[k + j] = (r[k + j] - c * b[j] % p + p) % p }
        }
        return (trimmed(q), trimmed(Array(r.prefix(n - 1))))
    }

    func remainder(_ a: [Int], _ b: [Int]) -> [Int] { divide(a, b).remainder }

    func monic(_ a: [Int]) -> [Int] {
        guard let l = a.last, l != 1 else { return a }
        return scale(a, inverse(l))
    }

    /// The monic gcd.
    func gcd(_ a: [Int], _ b: [Int]) -> [Int] {
        var (u, v) = (a, b)
        while !v.isEmpty { (u, v) = (v, remainder(u, v)) }
        return monic(u)
    }

    /// (g, s, t) with s·a + t·b = g = gcd(a, b) monic.
    func extendedGCD(_ a: [Int], _ b: [Int]) -> (gcd: [Int], s: [Int], t: [Int]) {
        var (r0, r1) = (a, b), (s0, s1) = ([1], [Int]()), (t0, t1) = ([Int](), [1])
        while !r1.isEmpty {
            let (q, r) = divide(r0, r1)
            (r0, r1) = (r1, r)
            (s0, s1) = (s1, subtract(s0, multiply(q, s1)))
            (t0, t1) = (t1, subtract(t0, multiply(q, t1)))
        }
        guard let l = r0.last else { return (r0, s0, t0) }
        let inv = inverse(l)
        return (scale(r0, inv), scale(s0, inv), scale(t0, inv))
    }

    func derivative(_ a: [Int]) -> [Int] {
        if a.count < 2 { return [] }
        return trimmed((1..<a.count).map { a[$0] * ($0 % p) % p })
    }

    /// aⁿ mod m (n ≥ 0).
    func power(_ a: [Int], _ n: Int, modulo m: [Int]) -> [Int] {
        var result: [Int] = [1], base = remainder(a, m), e = n
        while e > 0 {
            if e & 1 == 1 { result = remainder(multiply(result, base), m) }
            e >>= 1
            if e > 0 { base = remainder(multiply(base, base), m) }
        }
        return remainder(result, m)
    }
}
