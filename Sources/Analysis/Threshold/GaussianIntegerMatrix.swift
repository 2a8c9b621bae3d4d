import ArbitraryPrecision

/// A Gaussian integer a + bi: the entries of a stability matrix scaled by the common
/// denominator of its rational parts and evaluated at an integer node of the varied parameter.
struct GaussianInteger: Equatable {
    var re: BigInt
    var im: BigInt

    static let zero = GaussianInteger(re: .zero, im: .zero)
    static let one = GaussianInteger(re: .one, im: .zero)

    var isZero: Bool { re.isZero && im.isZero }

    static func + (a: Self, b: Self) -> Self { Self(re: a.re + b.re, im: a.im + b.im) }
    static func - (a: Self, b: Self) -> Self { Self(re: a.re - b.re, im: a.im - b.im) }
    static prefix func - (a: Self) -> Self { Self(re: -a.re, im: -a.im) }
    static func * (a: Self, b: Self) -> Self {
        if a.im.isZero && b.im.isZero { return Self(re: a.re * b.re, im: .zero) }
        return Self(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re)
    }
}

/// The characteristic polynomial det(t − B) of a square matrix over ℤ[i], ascending in t
/// (the last coefficient is 1), by Berkowitz's division-free algorithm: with
/// B = [[b, R], [C, B₁]] the coefficient vector of B is T·(vector of B₁), T lower-triangular
/// Toeplitz with first column (1, −b, −R·C, −R·B₁·C, …). Exact, no divisions, O(n⁴).
func berkowitzCharacteristic(_ b: [[GaussianInteger]]) -> [GaussianInteger] {
    typealias G = GaussianInteger
    let n = b.count
    if n == 0 { return [.one] }
    var p: [G] = [.one, -b[n - 1][n - 1]]  // highest degree first
    var v: [G] = [], w: [G] = []
    for k in stride(from: n - 2, through: 0, by: -1) {
        let m = n - k - 1
        // q = (1, −b_kk, −R·C, −R·B₁·C, …), R = row k right of the diagonal, C = column k below it.
        var q: [G] = [.one, -b[k][k]]
        v = (k + 1..<n).map { b[$0][k] }
        for j in 0..<m {
            var s = G.zero
            for t in 0..<m where !v[t].isZero && !b[k][k + 1 + t].isZero { s = s + b[k][k + 1 + t] * v[t] }
            q.append(-s)
            if j < m - 1 {
                w = (0..<m).map { i in
                    var s = G.zero
                    for t in 0..<m where !v[t].isZero && !b[k + 1 + i][k + 1 + t].isZero { s = s + b[k + 1 + i][k + 1 + t] * v[t] }
                    return s
                }
                swap(&v, &w)
            }
        }
        p = (0..<m + 2).map { i in
            var s = G.zero
            for j in 0...min(i, m) where !q[i - j].isZero && !p[j].isZero { s = s + q[i - j] * p[j] }
            return s
        }
    }
    return p.reversed()
}
