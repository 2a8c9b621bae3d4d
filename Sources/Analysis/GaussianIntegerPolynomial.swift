import ArbitraryPrecision
import Symbolic

/// A dense polynomial in one variable with Gaussian-integer coefficients, lowest degree
/// first (no trailing zero): the ring ℤ[i][P] in which the characteristic polynomial of a
/// stability matrix with one free parameter and its crossing resultant are computed. Plain
/// arrays of `BigInt` (small-integer fast path) instead of `Expr` or sparse `Polynomial`:
/// the 6×6 determinants of paper 003 are a few hundred products of short arrays.
struct GaussianIntegerPolynomial: Equatable {
    var re: [BigInt]
    var im: [BigInt]

    init(re: [BigInt], im: [BigInt]) {
        var r = re, i = im
        let n = max(r.count, i.count)
        while r.count < n { r.append(.zero) }
        while i.count < n { i.append(.zero) }
        while let a = r.last, let b = i.last, a.isZero, b.isZero { r.removeLast(); i.removeLast() }
        self.re = r
        self.im = i
    }

    init(_ c: BigInt) { self.init(re: [c], im: []) }

    static let zero = GaussianIntegerPolynomial(re: [], im: [])
    static let one = GaussianIntegerPolynomial(.one)

    var isZero: Bool { re.isEmpty }
    var isReal: Bool { im.allSatisfy(\.isZero) }
    var degree: Int { re.count - 1 }

    static func + (a: Self, b: Self) -> Self {
        if a.isZero { return b }
        if b.isZero { return a }
        let n = max(a.re.count, b.re.count)
        var r = [BigInt](repeating: .zero, count: n), i = r
        for k in 0..<a.re.count { r[k] = a.re[k]; i[k] = a.im[k] }
        for k in 0..<b.re.count { r[k] = r[k] + b.re[k]; i[k] = i[k] + b.im[k] }
        return Self(re: r, im: i)
    }

    static prefix func - (a: Self) -> Self { Self(re: a.re.map { -$0 }, im: a.im.map { -$0 }) }
    static func - (a: Self, b: Self) -> Self { a + (-b) }

    static func * (a: Self, b: Self) -> Self {
        if a.isZero || b.isZero { return .zero }
        let n = a.re.count + b.re.count - 1
        var r = [BigInt](repeating: .zero, count: n), i = r
        let aReal = a.isReal, bReal = b.isReal
        for j in 0..<a.re.count {
            let ar = a.re[j], ai = a.im[j]
            if ar.isZero && ai.isZero { continue }
            for k in 0..<b.re.count {
                let br = b.re[k], bi = b.im[k]
                if !ar.isZero && !br.isZero { r[j + k] = r[j + k] + ar * br }
                if aReal && bReal { continue }
                if !ai.isZero && !bi.isZero { r[j + k] = r[j + k] - ai * bi }
                if !ar.isZero && !bi.isZero { i[j + k] = i[j + k] + ar * bi }
                if !ai.isZero && !br.isZero { i[j + k] = i[j + k] + ai * br }
            }
        }
        return Self(re: r, im: i)
    }

    func scaled(by c: BigInt) -> Self { Self(re: re.map { $0 * c }, im: im.map { $0 * c }) }

    /// Multiplication by i^k.
    func timesPowerOfI(_ k: Int) -> Self {
        switch ((k % 4) + 4) % 4 {
        case 0: return self
        case 1: return Self(re: im.map { -$0 }, im: re)
        case 2: return -self
        default: return Self(re: im, im: re.map { -$0 })
        }
    }

    static func dot(_ a: [Self], _ b: [Self]) -> Self {
        var s = Self.zero
        for k in 0..<a.count where !a[k].isZero && !b[k].isZero { s = s + a[k] * b[k] }
        return s
    }
}

/// The characteristic polynomial det(t − B) of a square matrix over ℤ[i][P], ascending in t
/// (the last coefficient is 1), by Berkowitz's division-free algorithm: with
/// B = [[b, R], [C, B₁]] the coefficient vector of B is T·(vector of B₁), T lower-triangular
/// Toeplitz with first column (1, −b, −R·C, −R·B₁·C, …). Exact, no divisions, O(n⁴) ring
/// operations.
func berkowitzCharacteristic(_ b: [[GaussianIntegerPolynomial]]) -> [GaussianIntegerPolynomial] {
    typealias G = GaussianIntegerPolynomial
    let n = b.count
    if n == 0 { return [.one] }
    var p: [G] = [.one, -b[n - 1][n - 1]]  // highest degree first
    for k in stride(from: n - 2, through: 0, by: -1) {
        let m = n - k - 1
        let r = (k + 1..<n).map { b[k][$0] }
        var v = (k + 1..<n).map { b[$0][k] }
        var q: [G] = [.one, -b[k][k]]
        for j in 0..<m {
            q.append(-G.dot(r, v))
            if j < m - 1 {
                v = (0..<m).map { i in G.dot(Array(b[k + 1 + i][(k + 1)...]), v) }
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

/// det M over ℤ[i][P], from the characteristic polynomial: det M = (−1)ⁿ·det(0 − M).
func berkowitzDeterminant(_ m: [[GaussianIntegerPolynomial]]) -> GaussianIntegerPolynomial {
    let c0 = berkowitzCharacteristic(m)[0]
    return m.count % 2 == 0 ? c0 : -c0
}

/// The Sylvester matrix of f, g (coefficients lowest degree first, formal degrees
/// f.count − 1 and g.count − 1), whose determinant is res(f, g).
func sylvesterMatrix(_ f: [GaussianIntegerPolynomial], _ g: [GaussianIntegerPolynomial]) -> [[GaussianIntegerPolynomial]] {
    let df = f.count - 1, dg = g.count - 1
    let size = df + dg
    var rows: [[GaussianIntegerPolynomial]] = []
    for k in 0..<dg {
        var row = [GaussianIntegerPolynomial](repeating: .zero, count: size)
        for j in 0...df { row[k + j] = f[df - j] }
        rows.append(row)
    }
    for k in 0..<df {
        var row = [GaussianIntegerPolynomial](repeating: .zero, count: size)
        for j in 0...dg { row[k + j] = g[dg - j] }
        rows.append(row)
    }
    return rows
}
