import ArbitraryPrecision

public struct PreciseNewtonResult: Sendable {
    public enum Stop: Sendable, Equatable {
        /// The last Newton step was below 10^(−digits)·max(‖x‖, 1); with
        /// quadratic convergence the remaining error is of the order of its square.
        case converged
        case maxIterations
        /// A zero pivot in the Jacobian at the current point.
        case singularJacobian
        /// F returned NaN or ±∞.
        case nonFiniteResidual
    }
    public var x: [BigFloat]
    /// ‖F(x)‖₂ from one more evaluation at the returned x.
    public var residualNorm: BigFloat
    /// ‖Δx‖₂ of the last step taken: an upper estimate of the error of x
    /// before that step, so a conservative error bar for the result.
    public var lastStepNorm: BigFloat
    public var stop: Stop
    public var iterations: Int
    public var functionEvaluations: Int
}

/// Newton's method in MPFR to polish a root found in double precision.
/// Works at `BigFloat.bits(forDigits: digits + 10)` bits; the Jacobian is the
/// user's or central differences with h = 2^(−p/3)·max(|xⱼ|, 1) (error
/// O(h²) = 2^(−2p/3), so Newton still gains ≈ 2p/3 bits per step).
public func newtonPolish(_ f: ([BigFloat]) throws -> [BigFloat],
                         jacobian: (([BigFloat]) throws -> DenseMatrix<BigFloat>)? = nil,
                         from start: [BigFloat], digits: Int, maxIterations: Int = 60) rethrows -> PreciseNewtonResult {
    let n = start.count
    precondition(n >= 1, "empty system")
    let p = BigFloat.bits(forDigits: digits + 10)
    var evaluations = 0
    func evalF(_ x: [BigFloat]) throws -> [BigFloat] {
        evaluations += 1
        let y = try f(x)
        precondition(y.count == n, "F returned \(y.count) components for \(n) unknowns")
        return y
    }
    func norm(_ v: [BigFloat]) -> BigFloat {
        var s = BigFloat(0, precision: p)
        for z in v { s += z * z }
        return BigFloat.sqrt(s)
    }
    func evalJ(_ x: [BigFloat]) throws -> DenseMatrix<BigFloat> {
        if let jacobian { return try jacobian(x) }
        var j = DenseMatrix(rows: n, columns: n, repeating: BigFloat(0, precision: p))
        let base = BigFloat.powerOfTwo(-p / 3, precision: p)
        for c in 0..<n {
            let h = base * BigFloat.max(BigFloat.abs(x[c]), BigFloat(1, precision: p))
            var xp = x, xm = x
            xp[c] = x[c] + h
            xm[c] = x[c] - h
            let fp = try evalF(xp), fm = try evalF(xm)
            let twoH = (xp[c] - xm[c])
            for r in 0..<n { j[r, c] = (fp[r] - fm[r]) / twoH }
        }
        return j
    }
    var x = start.map { $0.rounded(toPrecision: p) }
    let tolerance = BigFloat.pow(BigFloat(10, precision: p), -digits)
    var stepNorm = BigFloat(Double.infinity, precision: 53)
    var iterations = 0
    var stop = PreciseNewtonResult.Stop.maxIterations
    while iterations < maxIterations {
        let fx = try evalF(x)
        guard fx.allSatisfy(\.isFinite) else { stop = .nonFiniteResidual; break }
        let j = try evalJ(x)
        guard let step = solveLinear(j, fx, precision: p) else { stop = .singularJacobian; break }
        iterations += 1
        for i in 0..<n { x[i] = x[i] - step[i] }
        stepNorm = norm(step)
        if stepNorm <= tolerance * BigFloat.max(norm(x), BigFloat(1, precision: p)) { stop = .converged; break }
    }
    let residual = norm(try evalF(x))
    if !residual.isFinite { stop = .nonFiniteResidual }
    return PreciseNewtonResult(x: x, residualNorm: residual.rounded(toPrecision: 64), lastStepNorm: stepNorm.rounded(toPrecision: 64),
                               stop: stop, iterations: iterations, functionEvaluations: evaluations)
}

/// Convenience: start from a double-precision solution (e.g. from `solveDogleg`).
public func newtonPolish(_ f: ([BigFloat]) throws -> [BigFloat],
                         jacobian: (([BigFloat]) throws -> DenseMatrix<BigFloat>)? = nil,
                         from start: [Double], digits: Int, maxIterations: Int = 60) rethrows -> PreciseNewtonResult {
    let p = BigFloat.bits(forDigits: digits + 10)
    return try newtonPolish(f, jacobian: jacobian, from: start.map { BigFloat($0, precision: p) },
                            digits: digits, maxIterations: maxIterations)
}

/// Gaussian elimination with partial pivoting; nil on an exactly zero pivot.
func solveLinear(_ a: DenseMatrix<BigFloat>, _ b: [BigFloat], precision p: Int) -> [BigFloat]? {
    let n = b.count
    var m = a, x = b
    for k in 0..<n {
        var pivot = k
        for i in (k + 1)..<n where BigFloat.abs(m[i, k]) > BigFloat.abs(m[pivot, k]) { pivot = i }
        if m[pivot, k].isZero { return nil }
        if pivot != k {
            for j in 0..<n { m.swapAt((pivot, j), (k, j)) }
            x.swapAt(pivot, k)
        }
        for i in (k + 1)..<n {
            let l = m[i, k] / m[k, k]
            if l.isZero { continue }
            for j in (k + 1)..<n { m[i, j] = m[i, j] - l * m[k, j] }
            x[i] = x[i] - l * x[k]
        }
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
        for j in (i + 1)..<n { x[i] = x[i] - m[i, j] * x[j] }
        x[i] = x[i] / m[i, i]
    }
    return x
}
