import ArbitraryPrecision
import Symbolic

/// n − rank A(p₀): the number of independent eigenvectors of the eigenvalue 0 of the
/// stability matrix at P = p₀, by Gaussian elimination over ℚ(i); nil when an entry is not a
/// polynomial in P over ℚ(i). Fewer than the multiplicity of 0 is a Jordan block.
func zeroModeNullity(_ problem: StabilityProblem, at p0: BigRational) -> Int? {
    let pe = Expr.symbol(problem.free[0])
    let n = problem.order
    var a: [[GaussianRational]] = []
    for i in 0..<n {
        var row: [GaussianRational] = []
        for j in 0..<n {
            guard let c = denseCoefficients(problem.matrix[i, j], in: pe) else { return nil }
            var v = GaussianRational.zero
            for z in c.reversed() { v = v * GaussianRational(p0) + z }
            row.append(v)
        }
        a.append(row)
    }
    var rank = 0
    for col in 0..<n where rank < n {
        guard let pivot = (rank..<n).first(where: { !a[$0][col].isZero }) else { continue }
        a.swapAt(rank, pivot)
        for r in (rank + 1)..<n where !a[r][col].isZero {
            let f = a[r][col] / a[rank][col]
            for c in col..<n { a[r][c] = a[r][c] - f * a[rank][c] }
        }
        rank += 1
    }
    return n - rank
}
