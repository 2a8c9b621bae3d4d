import ArbitraryPrecision

/// Dense polynomials over ℤ in one variable as plain `[BigInt]` (lowest degree first, no
/// trailing zero): the arithmetic of exact elimination and real-root isolation. Over ℤ a
/// remainder sequence needs no gcd per coefficient (as ℚ does) — one content per member —
/// and values at integer nodes are integers, so interpolation stays in ℤ.
public enum UnivariateIntegerPolynomials {
    /// Drops trailing zeros.
    public static func trimmed(_ a: [BigInt]) -> [BigInt] {
        var a = a
        while let l = a.last, l.isZero { a.removeLast() }
        return a
    }

    /// The positive gcd of the coefficients (0 for the zero polynomial).
    public static func content(_ a: [BigInt]) -> BigInt {
        var g = BigInt.zero
        for c in a where !c.isZero {
            g = BigInt.gcd(g, c)
            if g.isOne { break }
        }
        return g
    }

    /// a divided by its positive content (signs kept).
    public static func primitivePart(_ a: [BigInt]) -> [BigInt] {
        let g = content(a)
        if g.isZero || g.isOne { return a }
        return a.map { $0.exactlyDivided(by: g) }
    }

    public static func derivative(_ a: [BigInt]) -> [BigInt] {
        if a.count < 2 { return [] }
        return (1..<a.count).map { a[$0] * BigInt($0) }
    }

    /// c·(a mod b) for some integer c > 0 (`b` nonzero): the remainder up to a positive
    /// factor, which is what sign-sensitive sequences (Sturm) need. The pseudo-remainder
    /// lc(b)^(δ+1)·a mod b of the recursive kernel, negated when that factor is negative.
    public static func positivePseudoRemainder(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        precondition(!b.isEmpty, "pseudo-remainder by the zero polynomial")
        var r = trimmed(a)
        if r.count < b.count { return r }
        let lb = b.last!
        var steps = r.count - b.count + 1
        let factorNegative = lb.signum < 0 && steps % 2 == 1
        // On the dense array: r ← lb·r − top·x^shift·b, the top coefficient cancelling.
        while r.count >= b.count {
            let top = r.removeLast()
            let shift = r.count + 1 - b.count
            for k in 0..<r.count where !r[k].isZero { r[k] = r[k] * lb }
            for j in 0..<(b.count - 1) where !b[j].isZero { r[shift + j] = r[shift + j] - top * b[j] }
            while let l = r.last, l.isZero { r.removeLast() }
            steps -= 1
        }
        if steps > 0 {
            let f = lb.power(steps)
            r = r.map { $0 * f }
        }
        return factorNegative ? r.map { -$0 } : r
    }

    /// The exact quotient a / b over ℚ scaled to a primitive integer polynomial with the sign
    /// of lc(a)/lc(b) (b must divide a over ℚ). By Gauss's lemma a primitive divisor divides
    /// over ℤ, so this is the recursive kernel's exact division by b's primitive part.
    public static func primitiveQuotient(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        precondition(!b.isEmpty && trimmed(a).count >= b.count, "primitiveQuotient needs deg b ≤ deg a")
        guard let q = univariate(trimmed(a)).exactQuotient(univariate(primitivePart(b))) else {
            preconditionFailure("primitiveQuotient: b does not divide a")
        }
        return primitivePart(q.coefficients.map(\.groundValue))
    }

    static func univariate(_ a: [BigInt]) -> RecursivePolynomial<BigInt> { .poly(a.map { .ground($0) }) }

    /// p(x) at an integer x.
    public static func evaluate(_ a: [BigInt], at x: BigInt) -> BigInt {
        var h = BigInt.zero
        for c in a.reversed() { h = h * x + c }
        return h
    }

    /// The integer nodes 0, 1, −1, 2, −2, … (small, so values stay small).
    public static func nodes(_ count: Int) -> [BigInt] {
        (0..<count).map { (k: Int) -> BigInt in
            let x: Int = k % 2 == 1 ? (k + 1) / 2 : -(k / 2)
            return BigInt(x)
        }
    }

    /// The polynomial of degree < nodes.count through (nodes[i], values[i]), when it has
    /// integer coefficients (Newton's divided differences: at integer nodes the divided
    /// differences of an integer polynomial are integers — those of xᵐ are complete symmetric
    /// polynomials of the nodes — so every division is exact). Nil when a division is not
    /// exact, i.e. the interpolant is not in ℤ[x].
    public static func interpolate(nodes x: [BigInt], values y: [BigInt]) -> [BigInt]? {
        let m = x.count
        precondition(m == y.count && m > 0)
        // A constant (the imaginary parts of a real characteristic polynomial: all 0).
        if y.allSatisfy({ $0 == y[0] }) { return trimmed([y[0]]) }
        var d = y
        for k in 1..<max(m, 1) {
            for i in stride(from: m - 1, through: k, by: -1) {
                let num = d[i] - d[i - 1], den = x[i] - x[i - k]
                if num.isZero { d[i] = .zero; continue }
                guard num.isDivisible(by: den) else { return nil }
                d[i] = num.exactlyDivided(by: den)
            }
        }
        // Newton form d₀ + (x − x₀)(d₁ + (x − x₁)(d₂ + …)) to monomials, innermost first.
        var p: [BigInt] = [d[m - 1]]
        for k in stride(from: m - 2, through: 0, by: -1) {
            // p ← p·(x − x_k) + d_k
            var q = [BigInt](repeating: .zero, count: p.count + 1)
            for (i, c) in p.enumerated() {
                q[i + 1] = q[i + 1] + c
                q[i] = q[i] - c * x[k]
            }
            q[0] = q[0] + d[k]
            p = q
        }
        return trimmed(p)
    }

    /// det M over ℤ by fraction-free (Bareiss) elimination with row pivoting; M square.
    public static func determinant(_ m: [[BigInt]]) -> BigInt {
        let n = m.count
        if n == 0 { return .one }
        var a = m
        var sign = 1
        var previous = BigInt.one
        for k in 0..<(n - 1) {
            if a[k][k].isZero {
                guard let p = (k + 1..<n).first(where: { !a[$0][k].isZero }) else { return .zero }
                a.swapAt(k, p)
                sign = -sign
            }
            for i in (k + 1)..<n {
                for j in (k + 1)..<n {
                    a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]).exactlyDivided(by: previous)
                }
                a[i][k] = .zero
            }
            previous = a[k][k]
        }
        return sign > 0 ? a[n - 1][n - 1] : -a[n - 1][n - 1]
    }

    /// An upper bound on the degree of det M for a matrix of polynomials with entry degrees
    /// `degrees` (−1 for a zero entry): the heaviest permutation Σᵢ deg M[i][σ(i)] (every term
    /// of the determinant is one permutation's product), by dynamic programming over column
    /// subsets (n ≤ 16; above that, the sum of the row maxima). Nil when every permutation
    /// meets a zero entry, so det M = 0.
    public static func determinantDegreeBound(_ degrees: [[Int]]) -> Int? {
        let n = degrees.count
        if n == 0 { return 0 }
        if n > 16 {
            var sum = 0
            for row in degrees {
                guard let m = row.max(), m >= 0 else { return nil }
                sum += m
            }
            return sum
        }
        // best[mask]: the heaviest assignment of rows 0..<popcount(mask) to the columns in mask.
        var best = [Int](repeating: Int.min, count: 1 << n)
        best[0] = 0
        for mask in 0..<(1 << n) where best[mask] != Int.min {
            let row = mask.nonzeroBitCount
            if row == n { continue }
            for col in 0..<n where mask & (1 << col) == 0 && degrees[row][col] >= 0 {
                let next = mask | (1 << col)
                best[next] = max(best[next], best[mask] + degrees[row][col])
            }
        }
        let full = best[(1 << n) - 1]
        return full == Int.min ? nil : full
    }

    /// The Sylvester matrix of f and g (lowest degree first, formal degrees f.count − 1 and
    /// g.count − 1), whose determinant is res(f, g) at those formal degrees.
    public static func sylvesterMatrix(_ f: [BigInt], _ g: [BigInt]) -> [[BigInt]] {
        sylvesterPattern(f, g, empty: .zero)
    }

    /// The Sylvester layout of any coefficient data (degrees of polynomial coefficients, for
    /// degree bounds), `empty` off the bands.
    public static func sylvesterPattern<T>(_ f: [T], _ g: [T], empty: T) -> [[T]] {
        let df = f.count - 1, dg = g.count - 1
        let size = df + dg
        var rows: [[T]] = []
        for k in 0..<max(dg, 0) {
            var row = [T](repeating: empty, count: size)
            for j in 0...df { row[k + j] = f[df - j] }
            rows.append(row)
        }
        for k in 0..<max(df, 0) {
            var row = [T](repeating: empty, count: size)
            for j in 0...dg { row[k + j] = g[dg - j] }
            rows.append(row)
        }
        return rows
    }

    /// The matrix whose determinant is the coefficient of xⁱ in the j-th subresultant
    /// S_j(f, g) (formal degrees m = f.count − 1, n = g.count − 1, 0 ≤ i ≤ j < min(m, n) or
    /// j = min(m, n) < max(m, n)): the rows x^(n−j−1)·f … f, x^(m−j−1)·g … g, read in the
    /// columns of x^(m+n−j−1) … x^(j+1) and of xⁱ. S_j = Σᵢ det·xⁱ is u·f + v·g for
    /// polynomials u, v, so every common root of f and g is a root of S_j; with its x^j
    /// coefficient nonzero, S_j has degree j. `empty` off the bands (as `sylvesterPattern`).
    @inlinable
    public static func subresultantPattern<T>(_ f: [T], _ g: [T], j: Int, column i: Int, empty: T) -> [[T]] {
        let m = f.count - 1, n = g.count - 1
        precondition(j >= 0 && i >= 0 && i <= j && j <= min(m, n) && m + n - 2 * j >= 1, "subresultant index out of range")
        let top = m + n - j - 1
        let powers = Array(stride(from: top, through: j + 1, by: -1)) + [i]
        var rows: [[T]] = []
        func row(_ c: [T], shift: Int) -> [T] {
            powers.map { p in
                let k = p - shift
                return k >= 0 && k < c.count ? c[k] : empty
            }
        }
        for r in stride(from: n - j - 1, through: 0, by: -1) { rows.append(row(f, shift: r)) }
        for r in stride(from: m - j - 1, through: 0, by: -1) { rows.append(row(g, shift: r)) }
        return rows
    }
}
