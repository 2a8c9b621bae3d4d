/// Householder QR with column pivoting of a square Double matrix, enough for
/// the small systems of the nonlinear solver: solves J p = b and estimates
/// the condition number as |R₀₀| / |R_{n−1,n−1}| (rank-revealing with pivoting).
struct PivotedQR {
    let n: Int
    var qr: DenseMatrix<Double>      // R above the diagonal, Householder vectors below
    var tau: [Double]
    var rDiagonal: [Double]
    var permutation: [Int]           // column k of R is column permutation[k] of J

    init(_ a: DenseMatrix<Double>) {
        n = a.rows
        qr = a
        tau = Array(repeating: 0, count: n)
        rDiagonal = Array(repeating: 0, count: n)
        permutation = Array(0..<n)
        var colNorms = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + a[$1, j] * a[$1, j] } }
        for k in 0..<n {
            // Pivot: remaining column of largest norm (recomputed, n is small).
            var best = k
            for j in k..<n {
                colNorms[j] = (k..<n).reduce(0.0) { $0 + qr[$1, j] * qr[$1, j] }
                if colNorms[j] > colNorms[best] { best = j }
            }
            if best != k {
                for i in 0..<n { qr.swapAt((i, k), (i, best)) }
                permutation.swapAt(k, best)
                colNorms.swapAt(k, best)
            }
            let norm = colNorms[k].squareRoot()
            if norm == 0 { rDiagonal[k] = 0; tau[k] = 0; continue }
            let alpha = qr[k, k] > 0 ? -norm : norm
            // v = x − αe₁ stored in place, scaled so v₀ = 1.
            let v0 = qr[k, k] - alpha
            for i in (k + 1)..<n { qr[i, k] /= v0 }
            qr[k, k] = 1
            tau[k] = -v0 / alpha
            for j in (k + 1)..<n {
                var s = 0.0
                for i in k..<n { s += qr[i, k] * qr[i, j] }
                s *= tau[k]
                for i in k..<n { qr[i, j] -= s * qr[i, k] }
            }
            rDiagonal[k] = alpha
        }
    }

    var conditionEstimate: Double {
        let largest = abs(rDiagonal[0]), smallest = abs(rDiagonal[n - 1])
        if largest == 0 { return .infinity }
        return smallest == 0 ? .infinity : largest / smallest
    }

    /// Qᵀ b.
    func applyQTranspose(_ b: [Double]) -> [Double] {
        var y = b
        for k in 0..<n where tau[k] != 0 {
            var s = y[k]
            for i in (k + 1)..<n { s += qr[i, k] * y[i] }
            s *= tau[k]
            y[k] -= s
            for i in (k + 1)..<n { y[i] -= s * qr[i, k] }
        }
        return y
    }

    /// Solves J x = b; nil if R has a zero diagonal entry.
    func solve(_ b: [Double]) -> [Double]? {
        var y = applyQTranspose(b)
        for i in stride(from: n - 1, through: 0, by: -1) {
            guard rDiagonal[i] != 0 else { return nil }
            var s = y[i]
            for j in (i + 1)..<n { s -= qr[i, j] * y[j] }
            y[i] = s / rDiagonal[i]
        }
        var x = Array(repeating: 0.0, count: n)
        for k in 0..<n { x[permutation[k]] = y[k] }
        return x
    }
}

func euclideanNorm(_ v: [Double]) -> Double {
    // Scaled to avoid overflow for large residuals.
    let scale = v.reduce(0.0) { max($0, abs($1)) }
    guard scale > 0, scale.isFinite else { return scale }
    return scale * v.reduce(0.0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
}
