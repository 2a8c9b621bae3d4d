import ArbitraryPrecision

/// LU factorisation with partial pivoting of a complex matrix; a zero pivot
/// is replaced by `tiny` so inverse iteration on an exactly singular
/// A − λI still produces the null vector.
struct ComplexLU {
    var lu: DenseMatrix<BigComplex>
    var pivots: [Int]

    init(_ m: DenseMatrix<BigComplex>, tiny: BigFloat) {
        lu = m
        let n = m.rows
        pivots = Array(0..<n)
        for k in 0..<n {
            var p = k
            var best = lu[k, k].abs1
            for i in (k + 1)..<n {
                let v = lu[i, k].abs1
                if v > best { best = v; p = i }
            }
            pivots[k] = p
            if p != k { for j in 0..<n { lu.swapAt((p, j), (k, j)) } }
            if lu[k, k].abs1 <= tiny { lu[k, k] = BigComplex(tiny) }
            let pivot = lu[k, k]
            for i in (k + 1)..<n {
                let l = lu[i, k] / pivot
                lu[i, k] = l
                if l.isZero { continue }
                for j in (k + 1)..<n { lu[i, j] = lu[i, j] - l * lu[k, j] }
            }
        }
    }

    func solve(_ b: [BigComplex]) -> [BigComplex] {
        let n = b.count
        var x = b
        for k in 0..<n where pivots[k] != k { x.swapAt(k, pivots[k]) }
        for i in 0..<n { for j in 0..<i { x[i] = x[i] - lu[i, j] * x[j] } }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)..<n { x[i] = x[i] - lu[i, j] * x[j] }
            x[i] = x[i] / lu[i, i]
        }
        return x
    }
}

func norm2(_ v: [BigComplex]) -> BigFloat {
    var s = BigFloat(0, precision: v[0].precision)
    for z in v { s += z.lengthSquared }
    return BigFloat.sqrt(s)
}

func normalized(_ v: [BigComplex]) -> [BigComplex] {
    let inv = BigFloat(1, precision: v[0].precision) / norm2(v)
    return v.map { $0.scaled(by: inv) }
}

func matVec(_ a: DenseMatrix<BigComplex>, _ x: [BigComplex]) -> [BigComplex] {
    let n = a.rows
    return (0..<n).map { i in
        var s = BigComplex.zero(precision: x[0].precision)
        for k in 0..<n { s += a[i, k] * x[k] }
        return s
    }
}

/// yᴴ x.
func innerProduct(_ y: [BigComplex], _ x: [BigComplex]) -> BigComplex {
    var s = BigComplex.zero(precision: x[0].precision)
    for k in 0..<x.count { s += y[k].conjugate * x[k] }
    return s
}

/// Right and left eigenvectors by two steps of inverse iteration each, the
/// two-sided Rayleigh quotient yᴴAx/yᴴx (error quadratic in the vector
/// errors), and the first-order error bound ‖r‖‖y‖/|yᴴx|.
func refineEigenvalue(_ a: DenseMatrix<BigComplex>, _ lambda: BigComplex, normF: BigFloat,
                      precision p: Int) -> PreciseEigenvalue {
    let n = a.rows
    let eps = BigFloat.powerOfTwo(-p, precision: p)
    let tiny = BigFloat.max(normF, BigFloat(1, precision: p)) * eps
    // Shift slightly off λ so A − σI is safely invertible and, for a
    // defective λ, both iterations still converge to the true eigenvectors
    // (an exactly singular LU with pivoting can land on a Jordan-chain vector instead).
    let offset = BigFloat.max(lambda.abs, normF) * BigFloat.powerOfTwo(-(p - 16), precision: p)
    let sigma = lambda + BigComplex(offset * BigFloat(0.6, precision: p), offset * BigFloat(0.8, precision: p))
    var shifted = a
    for i in 0..<n { shifted[i, i] = shifted[i, i] - sigma }
    var adjoint = shifted
    for i in 0..<n { for j in 0..<n { adjoint[i, j] = shifted[j, i].conjugate } }
    let luRight = ComplexLU(shifted, tiny: tiny), luLeft = ComplexLU(adjoint, tiny: tiny)
    // A start vector with unequal entries, unlikely to be orthogonal to an eigenvector.
    let start = (0..<n).map { BigComplex(BigFloat(1, precision: p) / BigFloat(n + $0 + 1, precision: p)) }
    var x = normalized(luRight.solve(start)), y = normalized(luLeft.solve(start))
    x = normalized(luRight.solve(x))
    y = normalized(luLeft.solve(y))

    let ax = matVec(a, x)
    let yx = innerProduct(y, x)
    func residual(_ mu: BigComplex) -> BigFloat { norm2(zip(ax, x).map { $0 - mu * $1 }) }
    var value = lambda
    var r = residual(lambda)
    if !yx.isZero {
        let rayleigh = innerProduct(y, ax) / yx
        let rr = residual(rayleigh)
        if rr <= r { value = rayleigh; r = rr }
    }
    let yxAbs = yx.abs
    let condition = yxAbs.isZero ? BigFloat(Double.infinity, precision: 53) : BigFloat(1, precision: p) / yxAbs
    // 0·∞ would give NaN for an exactly converged defective eigenvalue: report ∞ instead.
    let error = yxAbs.isZero ? condition : r * condition + condition * eps * normF
    return PreciseEigenvalue(value: value, errorEstimate: error.rounded(toPrecision: 53),
                             condition: condition.toDouble())
}
