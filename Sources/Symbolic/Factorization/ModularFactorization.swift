import ArbitraryPrecision

/// Factorisation of a square-free monic polynomial over 𝔽ₚ (p odd): distinct-degree
/// splitting, then Cantor–Zassenhaus equal-degree splitting with random elements drawn
/// from a fixed-seed generator, so the factors (and everything built on them) are the same
/// in every run.
extension ModularPolynomials {
    /// Whether a (nonconstant) is square-free mod p: gcd(a, a′) = 1.
    func isSquareFree(_ a: [Int]) -> Bool {
        let d = derivative(a)
        if d.isEmpty { return false }
        return gcd(a, d).count == 1
    }

    /// Distinct-degree factorisation of a monic square-free f: pairs (g, d) where g is the
    /// product of all irreducible factors of degree d.
    func distinctDegreeFactors(_ f: [Int]) -> [(product: [Int], degree: Int)] {
        var out: [(product: [Int], degree: Int)] = []
        var f = f
        var h = [0, 1]  // x^(p^i) mod f
        var i = 1
        while 2 * i <= f.count - 1 {
            h = power(h, p, modulo: f)
            let g = gcd(f, subtract(h, [0, 1]))
            if g.count > 1 {
                out.append((g, i))
                f = divide(f, g).quotient
                h = remainder(h, f)
            }
            i += 1
        }
        if f.count > 1 { out.append((f, f.count - 1)) }
        return out
    }

    /// The number of irreducible factors of a monic square-free f (from its distinct-degree
    /// factorisation).
    func factorCount(_ ddf: [(product: [Int], degree: Int)]) -> Int {
        ddf.reduce(0) { $0 + ($1.product.count - 1) / $1.degree }
    }

    /// The monic irreducible factors of g, a product of distinct irreducibles of degree d.
    func equalDegreeFactors(_ g: [Int], degree d: Int, generator: inout SplitMix64) -> [[Int]] {
        let n = g.count - 1
        if n == d { return [g] }
        while true {
            // A random a of degree < n; b = a^((p^d − 1)/2) mod g, computed as
            // (a · a^p · … · a^(p^(d−1)))^((p−1)/2) since (p^d − 1) = (p − 1)(1 + p + … + p^(d−1)).
            let a = trimmed((0..<n).map { _ in generator.next(p) })
            if a.count < 2 { continue }
            var t = a, product = a
            for _ in 1..<max(d, 1) {
                t = power(t, p, modulo: g)
                product = remainder(multiply(product, t), g)
            }
            let b = power(product, (p - 1) / 2, modulo: g)
            let h = gcd(g, subtract(b, [1]))
            if h.count > 1 && h.count < g.count {
                return equalDegreeFactors(h, degree: d, generator: &generator)
                    + equalDegreeFactors(divide(g, h).quotient, degree: d, generator: &generator)
            }
        }
    }

    /// All monic irreducible factors of a monic square-free f, by increasing degree.
    func factorSquareFree(_ f: [Int], ddf: [(product: [Int], degree: Int)]? = nil) -> [[Int]] {
        var generator = SplitMix64(seed: 0x6B65_6C64_7973_6800 ^ UInt64(p))
        return (ddf ?? distinctDegreeFactors(f)).flatMap {
            equalDegreeFactors($0.product, degree: $0.degree, generator: &generator)
        }
    }
}
