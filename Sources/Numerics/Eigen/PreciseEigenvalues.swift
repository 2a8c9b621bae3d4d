import ArbitraryPrecision
import ComplexModule
import RealModule

/// One eigenvalue in arbitrary precision with a first-order error bound.
public struct PreciseEigenvalue: Sendable {
    public var value: BigComplex
    /// Estimated absolute error |λ̃ − λ|: ‖A x − λ̃ x‖·‖y‖/|yᴴx| (x, y the
    /// right and left eigenvectors from inverse iteration, ‖x‖ = 1) plus the
    /// rounding floor κ·2^(−p)·‖A‖_F. Large for defective eigenvalues.
    public var errorEstimate: BigFloat
    /// Eigenvalue condition number ‖x‖‖y‖/|yᴴx| (1 for normal matrices).
    public var condition: Double
}

public struct PreciseEigenResult: Sendable {
    public var eigenvalues: [PreciseEigenvalue]
    public var requestedDigits: Int
    /// Bits used internally (requested digits plus guard bits).
    public var workingPrecision: Int
    /// Shifted QR sweeps over all deflations.
    public var qrIterations: Int
    /// True when every error estimate is at most 10^(−digits)·max(|λ|, ‖A‖_F):
    /// eigenvalues much smaller than the matrix are measured against ‖A‖.
    public var meetsRequestedDigits: Bool
}

/// Eigenvalues of a complex matrix to `digits` decimal digits: Hessenberg
/// reduction by stabilised elimination, single-shift complex QR with
/// Wilkinson shifts and deflation, then per eigenvalue one two-sided
/// Rayleigh-quotient refinement from inverse-iteration eigenvectors, which
/// also yields the error estimate. Throws if QR does not converge within
/// `maxSweepsPerEigenvalue` sweeps for some eigenvalue.
public func preciseEigenvalues(of matrix: DenseMatrix<BigComplex>, digits: Int,
                               maxSweepsPerEigenvalue: Int = 60) throws -> PreciseEigenResult {
    guard matrix.isSquare, matrix.rows >= 1 else {
        throw NumericsError.invalidArgument("eigenvalues need a non-empty square matrix, got \(matrix.rows)×\(matrix.columns)")
    }
    guard digits >= 1 else { throw NumericsError.invalidArgument("digits must be positive") }
    for z in matrix.storage where !z.isFinite { throw NumericsError.nonFiniteInput("matrix entry \(z)") }
    let p = BigFloat.bits(forDigits: digits) + 32
    let a = matrix.map { $0.rounded(toPrecision: p) }
    var normF = BigFloat(0, precision: p)
    for z in a.storage { normF += z.lengthSquared }
    normF = BigFloat.sqrt(normF)

    var h = a
    reduceToHessenberg(&h)
    var sweeps = 0
    let raw = try hessenbergQREigenvalues(&h, precision: p, maxSweepsPerEigenvalue: maxSweepsPerEigenvalue, sweeps: &sweeps)

    let tolerance = BigFloat.pow(BigFloat(10, precision: 64), -digits)
    var meets = true
    var refined = [PreciseEigenvalue]()
    for lambda in raw {
        let r = refineEigenvalue(a, lambda, normF: normF, precision: p)
        let scale = BigFloat.max(r.value.abs, normF)
        if !(r.errorEstimate <= tolerance * scale) { meets = false }
        refined.append(r)
    }
    return PreciseEigenResult(eigenvalues: refined, requestedDigits: digits, workingPrecision: p,
                              qrIterations: sweeps, meetsRequestedDigits: meets)
}

/// Convenience for a double-precision matrix whose entries are taken as exact.
public func preciseEigenvalues(of matrix: DenseMatrix<Complex<Double>>, digits: Int) throws -> PreciseEigenResult {
    let p = BigFloat.bits(forDigits: digits) + 32
    return try preciseEigenvalues(of: matrix.map { BigComplex($0, precision: p) }, digits: digits)
}

/// Similarity reduction to upper Hessenberg form by Gaussian elimination with
/// row/column interchanges (EISPACK's comhes idea): half the work of
/// Householder and stable in practice for the small matrices used here.
func reduceToHessenberg(_ h: inout DenseMatrix<BigComplex>) {
    let n = h.rows
    guard n > 2 else { return }
    for m in 1..<(n - 1) {
        var pivot = m
        var best = h[m, m - 1].abs1
        for i in (m + 1)..<n {
            let v = h[i, m - 1].abs1
            if v > best { best = v; pivot = i }
        }
        if pivot != m {
            for j in (m - 1)..<n { h.swapAt((pivot, j), (m, j)) }
            for i in 0..<n { h.swapAt((i, pivot), (i, m)) }
        }
        guard !best.isZero else { continue }
        let x = h[m, m - 1]
        for i in (m + 1)..<n {
            var y = h[i, m - 1]
            if y.isZero { continue }
            y = y / x
            h[i, m - 1] = y
            for j in m..<n { h[i, j] = h[i, j] - y * h[m, j] }
            for k in 0..<n { h[k, m] = h[k, m] + y * h[k, i] }
        }
        for i in (m + 1)..<n { h[i, m - 1] = BigComplex.zero(precision: x.precision) }
    }
}

extension DenseMatrix {
    mutating func swapAt(_ p: (Int, Int), _ q: (Int, Int)) {
        storage.swapAt(p.0 + p.1 * rows, q.0 + q.1 * rows)
    }
}

/// Eigenvalues of the 2×2 matrix [[a, b], [c, d]], the larger-magnitude one
/// from the quadratic formula and the other from the determinant, avoiding cancellation.
func eigenvalues2x2(_ a: BigComplex, _ b: BigComplex, _ c: BigComplex, _ d: BigComplex) -> (BigComplex, BigComplex) {
    let p = a.precision
    let half = BigComplex(BigFloat(0.5, precision: p))
    let mean = (a + d) * half
    let diff = (a - d) * half
    var s = BigComplex.sqrt(diff * diff + b * c)
    // Pick the sign of s that adds to the mean rather than cancelling it.
    if (mean.re * s.re + mean.im * s.im).sign < 0 { s = -s }
    let l1 = mean + s
    if l1.isZero { return (l1, l1) }
    let det = a * d - b * c
    return (l1, det / l1)
}

/// Explicit single-shift QR on the active window of an upper Hessenberg
/// matrix (Givens rotations), deflating from the bottom.
func hessenbergQREigenvalues(_ h: inout DenseMatrix<BigComplex>, precision p: Int,
                             maxSweepsPerEigenvalue: Int, sweeps: inout Int) throws -> [BigComplex] {
    let n = h.rows
    var values = [BigComplex]()
    let eps = BigFloat.powerOfTwo(-p, precision: p)
    var norm = BigFloat(0, precision: p)
    for z in h.storage { norm = BigFloat.max(norm, z.abs1) }
    var hi = n - 1
    var iterations = 0
    while hi >= 0 {
        if hi == 0 { values.append(h[0, 0]); break }
        // Find the top of the unreduced block ending at hi.
        var lo = hi
        while lo > 0 {
            var scale = h[lo - 1, lo - 1].abs1 + h[lo, lo].abs1
            if scale.isZero { scale = norm }
            if h[lo, lo - 1].abs1 <= eps * scale {
                h[lo, lo - 1] = BigComplex.zero(precision: p)
                break
            }
            lo -= 1
        }
        if lo == hi {
            values.append(h[hi, hi]); hi -= 1; iterations = 0; continue
        }
        if lo == hi - 1 {
            let (l1, l2) = eigenvalues2x2(h[hi - 1, hi - 1], h[hi - 1, hi], h[hi, hi - 1], h[hi, hi])
            values.append(l1); values.append(l2); hi -= 2; iterations = 0; continue
        }
        iterations += 1
        sweeps += 1
        if iterations > maxSweepsPerEigenvalue {
            throw NumericsError.eigenvaluesDidNotConverge(routine: "preciseEigenvalues", unconverged: hi + 1)
        }
        var mu: BigComplex
        if iterations % 11 == 0 {
            // Exceptional shift to break cycles (as in EISPACK comqr).
            let bump = h[hi, hi - 1].re.magnitude + h[hi - 1, hi - 2].re.magnitude
            mu = h[hi, hi] + BigComplex(bump * BigFloat(0.75, precision: p))
        } else {
            let (l1, l2) = eigenvalues2x2(h[hi - 1, hi - 1], h[hi - 1, hi], h[hi, hi - 1], h[hi, hi])
            mu = (l1 - h[hi, hi]).abs1 <= (l2 - h[hi, hi]).abs1 ? l1 : l2
        }
        qrSweep(&h, lo: lo, hi: hi, shift: mu)
    }
    return values
}

/// H[lo...hi, lo...hi] ← R Q + μ I where Q R = H − μ I.
func qrSweep(_ h: inout DenseMatrix<BigComplex>, lo: Int, hi: Int, shift mu: BigComplex) {
    for k in lo...hi { h[k, k] = h[k, k] - mu }
    // Each rotation is (1/r)[[ā, b̄], [−b, a]], mapping (a, b) to (r, 0).
    var rotations = [(a: BigComplex, b: BigComplex, invR: BigFloat)]()
    for k in lo..<hi {
        let a = h[k, k], b = h[k + 1, k]
        let r = BigFloat.sqrt(a.lengthSquared + b.lengthSquared)
        if r.isZero { rotations.append((a, b, r)); continue }
        let invR = BigFloat(1, precision: r.precision) / r
        rotations.append((a, b, invR))
        let ac = a.conjugate, bc = b.conjugate
        for j in k...hi {
            let x = h[k, j], y = h[k + 1, j]
            h[k, j] = (ac * x + bc * y).scaled(by: invR)
            h[k + 1, j] = (a * y - b * x).scaled(by: invR)
        }
    }
    for (offset, g) in rotations.enumerated() where !g.invR.isZero {
        let k = lo + offset
        let bc = g.b.conjugate, ac = g.a.conjugate
        for i in lo...min(k + 2, hi) {
            let x = h[i, k], y = h[i, k + 1]
            h[i, k] = (g.a * x + g.b * y).scaled(by: g.invR)
            h[i, k + 1] = (ac * y - bc * x).scaled(by: g.invR)
        }
    }
    for k in lo...hi { h[k, k] = h[k, k] + mu }
}
