import ArbitraryPrecision
import Symbolic

extension CrossingPolynomial {
    /// g(t) = gcd_j c_j(t) for q(t; P) = Σ_j c_j(t) P^j — the largest factor of the
    /// characteristic polynomial that does not depend on P — and q/g, when g is not constant.
    /// For real q the gcd is taken over ℚ[t]; for complex q only the power t^k that divides
    /// every coefficient (zero modes) is found. q/g is scaled by a positive integer to integer
    /// coefficients (positive factors change no root and no Routh count).
    static func parameterFreeFactor(_ q: [(re: [BigInt], im: [BigInt])])
        -> ([BigInt], [(re: [BigInt], im: [BigInt])])? {
        let n = q.count - 1
        guard n >= 1 else { return nil }
        guard q.allSatisfy({ $0.im.isEmpty }) else {
            let k = q.prefix { $0.re.isEmpty && $0.im.isEmpty }.count
            guard k > 0 else { return nil }
            return ([BigInt](repeating: .zero, count: k) + [.one], Array(q.dropFirst(k)))
        }
        let real = q.map(\.re)
        let top = real.map(\.count).max() ?? 0
        // The usual answer (no such factor) is proven by two columns coprime over ℤ[t], by a
        // primitive remainder sequence: no rational gcd per coefficient.
        let two = Array((0..<top).lazy.map { j in real.map { j < $0.count ? $0[j] : .zero } }
            .filter { $0.contains { !$0.isZero } }.prefix(2))
        if two.count == 2, Self.coprime(two[0], two[1]) { return nil }
        var g = UnivariatePolynomial.zero
        var columns: [UnivariatePolynomial] = []
        for j in 0..<top {
            let c = UnivariatePolynomial(real.map { j < $0.count ? BigRational($0[j]) : .zero })
            columns.append(c)
            if c.isZero { continue }
            g = g.isZero ? c.monic : UnivariatePolynomial.gcd(g, c)
            if g.degree == 0 { return nil }
        }
        guard g.degree >= 1 else { return nil }
        // Each P-coefficient c_j(t)/g(t), exactly, then back to q'_k(P) over one denominator.
        let quotients = columns.map { c -> UnivariatePolynomial in
            let (quotient, remainder) = c.divided(by: g)
            precondition(remainder.isZero, "g divides every P-coefficient")
            return quotient
        }
        let m = n - g.degree
        var denominator = BigInt.one
        for c in quotients { for a in c.coefficients { denominator = BigInt.lcm(denominator, a.denominator) } }
        var out: [(re: [BigInt], im: [BigInt])] = []
        for k in 0...m {
            var poly = (0..<top).map { j -> BigInt in
                let c = quotients[j].coefficients
                guard k < c.count else { return .zero }
                return c[k].numerator * denominator.exactlyDivided(by: c[k].denominator)
            }
            poly = UnivariateIntegerPolynomials.trimmed(poly)
            out.append((poly, []))
        }
        var gInt = g.primitiveIntegerCoefficients
        if gInt.last!.signum < 0 { gInt = gInt.map { -$0 } }
        return (gInt, out)
    }

    /// Whether two nonzero integer polynomials (lowest degree first) are proven to have no
    /// common factor of positive degree, by Euclid modulo a prime p ∤ lc(a): the gcd over ℚ
    /// divides a in ℤ[t] (Gauss), so its leading coefficient divides lc(a) and it keeps its
    /// degree mod p, where it divides both images; a constant gcd mod p proves gcd = 1.
    /// False means "not proven" (the caller computes the gcd).
    static func coprime(_ a: [BigInt], _ b: [BigInt]) -> Bool {
        let p = 2_147_483_629  // prime, < 2³¹: products fit in Int
        let big = BigInt(p)
        func reduced(_ c: [BigInt]) -> [Int] {
            var out = c.map { $0.floorModulo(big).asInt! }
            while let l = out.last, l == 0 { out.removeLast() }
            return out
        }
        func inverse(_ x: Int) -> Int {
            var result = 1, base = x, e = p - 2
            while e > 0 {
                if e & 1 == 1 { result = result * base % p }
                base = base * base % p
                e >>= 1
            }
            return result
        }
        guard let lead = a.last, !lead.isZero, lead.floorModulo(big).asInt! != 0 else { return false }
        var f = reduced(a), g = reduced(b)
        while !g.isEmpty {
            // f ← f mod g over 𝔽_p.
            let scale = inverse(g.last!)
            while f.count >= g.count {
                let c = f.last! * scale % p
                let shift = f.count - g.count
                for j in 0..<g.count { f[shift + j] = ((f[shift + j] - c * g[j]) % p + p) % p }
                while let l = f.last, l == 0 { f.removeLast() }
            }
            swap(&f, &g)
        }
        return f.count == 1
    }

    /// The coefficients without the lowest ones that vanish identically (zero modes s^k).
    static func withoutZeroModes(_ c: [Polynomial]) -> [Polynomial] {
        let k = c.prefix { $0.isZero }.count
        return k > 0 && k < c.count ? Array(c.dropFirst(k)) : c
    }

    /// q(s; P) = p(s; P)/g(s), the characteristic polynomial without its P-independent factor,
    /// lowest degree first (over ℚ(i)[P]).
    public var reducedCharacteristic: [Polynomial] {
        if let e = exprCharacteristic { return Self.withoutZeroModes(e) }
        return Self.rationalCharacteristic(scaled!, scale: scale, parameter: parameter)
    }

    /// g(t) of the scaled variable t = d·s, printed as the monic polynomial in s it stands for.
    static func describeFactor(_ g: [BigInt], scale: BigInt) -> String {
        let d = BigRational(scale)
        var coefficients: [BigRational] = []
        var power = BigRational.one
        for c in g { coefficients.append(BigRational(c) * power); power = power * d }
        let s = Expr.symbol(Symbol("s", []))
        // As a product of its square-free factors, s^k first: s^4 (s + 1/2)^2.
        let (_, factors) = UnivariatePolynomial(coefficients).monic.squareFreeFactorization()
        var parts: [(String, Int)] = []
        for (f, m) in factors {
            var f = f
            let k = f.coefficients.prefix { $0.isZero }.count
            if k > 0 {
                parts.append(("s", k * m))
                f = UnivariatePolynomial(Array(f.coefficients.dropFirst(k)))
            }
            if f.degree >= 1 { parts.append((f.polynomial(variable: 0, generators: [s]).toExpr().description, m)) }
        }
        parts.sort { ($0.0 == "s" ? 0 : 1, $0.1) < ($1.0 == "s" ? 0 : 1, $1.1) }
        return parts.map { text, m in
            let base = text == "s" ? text : "(\(text))"
            return m == 1 ? base : "\(base)^\(m)"
        }.joined(separator: " ")
    }

    /// The number of eigenvalues ≡ 0 removed with g (the power of t dividing it).
    public var zeroModeCount: Int { removedFactor?.prefix { $0.isZero }.count ?? 0 }
}
