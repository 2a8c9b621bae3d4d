import ComplexModule
import RealModule

/// Solves A x = b for a small dense complex matrix (rows of A) by Gaussian elimination with
/// partial pivoting; nil when a pivot vanishes relative to the largest entry of A (singular
/// to working precision). For the few unknowns of a correlation resolvent (iω − M)⁻¹, where
/// a factorisation library would cost more than it saves.
public func solveComplexLinear(_ a: [[Complex<Double>]], _ b: [Complex<Double>]) -> [Complex<Double>]? {
    let n = b.count
    precondition(a.count == n && a.allSatisfy { $0.count == n }, "a square system")
    var m = a, x = b
    let scale = a.flatMap { $0 }.map(\.length).max() ?? 0
    guard scale > 0 else { return n == 0 ? [] : nil }
    for k in 0..<n {
        var p = k
        for i in (k + 1)..<max(n, k + 1) where m[i][k].length > m[p][k].length { p = i }
        if m[p][k].length <= scale * 1e-14 { return nil }
        if p != k { m.swapAt(p, k); x.swapAt(p, k) }
        for i in (k + 1)..<max(n, k + 1) {
            let f = m[i][k] / m[k][k]
            if f == .zero { continue }
            for j in k..<n { m[i][j] -= f * m[k][j] }
            x[i] -= f * x[k]
        }
    }
    for k in stride(from: n - 1, through: 0, by: -1) {
        var s = x[k]
        for j in (k + 1)..<max(n, k + 1) { s -= m[k][j] * x[j] }
        x[k] = s / m[k][k]
    }
    return x
}
