import CLapack
import ComplexModule
import RealModule

/// Eigenvalues (and optionally right eigenvectors) of one matrix.
public struct EigenDecomposition: Sendable {
    /// In the order LAPACK returns them (no sorting).
    public var values: [Complex<Double>]
    /// Right eigenvectors as columns, each of unit 2-norm; nil unless requested.
    public var vectors: DenseMatrix<Complex<Double>>?
    /// max_j ‖A v_j − λ_j v_j‖₂ / ‖A‖_F, evaluated after the decomposition;
    /// nil unless eigenvectors were requested.
    public var relativeResidual: Double?
}

private let jobNone = CChar(UInt8(ascii: "N"))
private let jobVectors = CChar(UInt8(ascii: "V"))

private func checkFinite(_ m: DenseMatrix<Complex<Double>>) throws {
    for z in m.storage where !(z.real.isFinite && z.imaginary.isFinite) {
        throw NumericsError.nonFiniteInput("matrix entry \(z)")
    }
}

private func interpret(info: Int32, routine: String) throws {
    if info < 0 { throw NumericsError.lapackIllegalArgument(routine: routine, argument: Int(-info)) }
    if info > 0 { throw NumericsError.eigenvaluesDidNotConverge(routine: routine, unconverged: Int(info)) }
}

/// max_j ‖A v_j − λ_j v_j‖ / ‖A‖_F for unit-norm columns v_j.
func relativeEigenResidual(_ a: DenseMatrix<Complex<Double>>, _ values: [Complex<Double>],
                           _ v: DenseMatrix<Complex<Double>>) -> Double {
    let n = a.rows
    var norm = 0.0
    for z in a.storage { norm += z.lengthSquared }
    norm = norm.squareRoot()
    var worst = 0.0
    for j in 0..<n {
        var r2 = 0.0
        for i in 0..<n {
            var s = -values[j] * v[i, j]
            for k in 0..<n { s += a[i, k] * v[k, j] }
            r2 += s.lengthSquared
        }
        worst = max(worst, r2.squareRoot())
    }
    return norm > 0 ? worst / norm : worst
}

/// Complex general eigenproblem through LAPACK `zgeev`. The workspace is
/// sized by one query at construction and reused, so repeated calls on
/// matrices of the same order (a parameter scan) allocate nothing inside
/// LAPACK and only the result arrays outside it.
public struct ComplexEigenSolver: Sendable {
    public let order: Int
    public let computesVectors: Bool
    private var a: [kk_complex_double]
    private var w: [kk_complex_double]
    private var vr: [kk_complex_double]
    private var vl: [kk_complex_double]
    private var work: [kk_complex_double]
    private var rwork: [Double]

    public init(order n: Int, vectors: Bool = false) throws {
        guard n >= 1 else { throw NumericsError.invalidArgument("matrix order \(n) must be at least 1") }
        order = n
        computesVectors = vectors
        let zero = kk_complex_double(re: 0, im: 0)
        a = Array(repeating: zero, count: n * n)
        w = Array(repeating: zero, count: n)
        vr = Array(repeating: zero, count: vectors ? n * n : 1)
        vl = [zero]
        rwork = Array(repeating: 0, count: 2 * n)
        work = [zero]
        // Workspace query (lwork = -1): LAPACK writes the optimal size to work[0].
        var query = zero
        var lwork: Int32 = -1, info: Int32 = 0
        var jobvl = jobNone, jobvr = vectors ? jobVectors : jobNone
        var nn = Int32(n), lda = Int32(n), ldvl: Int32 = 1, ldvr = Int32(vectors ? n : 1)
        zgeev_(&jobvl, &jobvr, &nn, &a, &lda, &w, &vl, &ldvl, &vr, &ldvr, &query, &lwork, &rwork, &info, 1, 1)
        try interpret(info: info, routine: "zgeev")
        work = Array(repeating: zero, count: max(Int(query.re), 2 * n))
    }

    /// Writes the eigenvalues into `values` (resized to the order) without
    /// any other allocation; eigenvectors, if enabled, stay inside the solver.
    public mutating func eigenvalues(of m: DenseMatrix<Complex<Double>>, into values: inout [Complex<Double>]) throws {
        try run(m)
        if values.count != order { values = Array(repeating: .zero, count: order) }
        for i in 0..<order { values[i] = Complex(w[i].re, w[i].im) }
    }

    public mutating func decompose(_ m: DenseMatrix<Complex<Double>>) throws -> EigenDecomposition {
        try run(m)
        let values = w.map { Complex($0.re, $0.im) }
        guard computesVectors else { return EigenDecomposition(values: values, vectors: nil, relativeResidual: nil) }
        let v = DenseMatrix(rows: order, columns: order, columnMajor: vr.map { Complex($0.re, $0.im) })
        return EigenDecomposition(values: values, vectors: v, relativeResidual: relativeEigenResidual(m, values, v))
    }

    private mutating func run(_ m: DenseMatrix<Complex<Double>>) throws {
        precondition(m.rows == order && m.columns == order, "solver built for order \(order), got \(m.rows)×\(m.columns)")
        try checkFinite(m)
        for k in 0..<m.storage.count { a[k] = kk_complex_double(re: m.storage[k].real, im: m.storage[k].imaginary) }
        var lwork = Int32(work.count), info: Int32 = 0
        var jobvl = jobNone, jobvr = computesVectors ? jobVectors : jobNone
        var nn = Int32(order), lda = Int32(order), ldvl: Int32 = 1, ldvr = Int32(computesVectors ? order : 1)
        zgeev_(&jobvl, &jobvr, &nn, &a, &lda, &w, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &rwork, &info, 1, 1)
        try interpret(info: info, routine: "zgeev")
    }
}

/// Real general eigenproblem through LAPACK `dgeev`; eigenvalues come back
/// as complex numbers, conjugate pairs adjacent with positive imaginary part first.
public struct RealEigenSolver: Sendable {
    public let order: Int
    public let computesVectors: Bool
    private var a: [Double]
    private var wr: [Double]
    private var wi: [Double]
    private var vr: [Double]
    private var vl: [Double]
    private var work: [Double]

    public init(order n: Int, vectors: Bool = false) throws {
        guard n >= 1 else { throw NumericsError.invalidArgument("matrix order \(n) must be at least 1") }
        order = n
        computesVectors = vectors
        a = Array(repeating: 0, count: n * n)
        wr = Array(repeating: 0, count: n)
        wi = wr
        vr = Array(repeating: 0, count: vectors ? n * n : 1)
        vl = [0]
        work = [0]
        var query = 0.0
        var lwork: Int32 = -1, info: Int32 = 0
        var jobvl = jobNone, jobvr = vectors ? jobVectors : jobNone
        var nn = Int32(n), lda = Int32(n), ldvl: Int32 = 1, ldvr = Int32(vectors ? n : 1)
        dgeev_(&jobvl, &jobvr, &nn, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &query, &lwork, &info, 1, 1)
        try interpret(info: info, routine: "dgeev")
        work = Array(repeating: 0, count: max(Int(query), 4 * n))
    }

    public mutating func eigenvalues(of m: DenseMatrix<Double>, into values: inout [Complex<Double>]) throws {
        try run(m)
        if values.count != order { values = Array(repeating: .zero, count: order) }
        for i in 0..<order { values[i] = Complex(wr[i], wi[i]) }
    }

    public mutating func decompose(_ m: DenseMatrix<Double>) throws -> EigenDecomposition {
        try run(m)
        let values = (0..<order).map { Complex(wr[$0], wi[$0]) }
        guard computesVectors else { return EigenDecomposition(values: values, vectors: nil, relativeResidual: nil) }
        // dgeev packs a conjugate pair (j, j+1) as the real and imaginary parts
        // of the first vector, in columns j and j+1.
        let n = order
        var v = DenseMatrix<Complex<Double>>(rows: n, columns: n, repeating: .zero)
        var j = 0
        while j < n {
            if wi[j] == 0 {
                for i in 0..<n { v[i, j] = Complex(vr[i + j * n], 0) }
                j += 1
            } else {
                for i in 0..<n {
                    let re = vr[i + j * n], im = vr[i + (j + 1) * n]
                    v[i, j] = Complex(re, im)
                    v[i, j + 1] = Complex(re, -im)
                }
                j += 2
            }
        }
        let residual = relativeEigenResidual(m.map { Complex($0, 0) }, values, v)
        return EigenDecomposition(values: values, vectors: v, relativeResidual: residual)
    }

    private mutating func run(_ m: DenseMatrix<Double>) throws {
        precondition(m.rows == order && m.columns == order, "solver built for order \(order), got \(m.rows)×\(m.columns)")
        for x in m.storage where !x.isFinite { throw NumericsError.nonFiniteInput("matrix entry \(x)") }
        for k in 0..<m.storage.count { a[k] = m.storage[k] }
        var lwork = Int32(work.count), info: Int32 = 0
        var jobvl = jobNone, jobvr = computesVectors ? jobVectors : jobNone
        var nn = Int32(order), lda = Int32(order), ldvl: Int32 = 1, ldvr = Int32(computesVectors ? order : 1)
        dgeev_(&jobvl, &jobvr, &nn, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &info, 1, 1)
        try interpret(info: info, routine: "dgeev")
    }
}

extension DenseMatrix where Element == Complex<Double> {
    /// Eigen-decomposition with a throwaway workspace; for repeated calls keep a `ComplexEigenSolver`.
    public func eigen(vectors: Bool = false) throws -> EigenDecomposition {
        precondition(isSquare, "eigenvalues of a non-square matrix")
        var solver = try ComplexEigenSolver(order: rows, vectors: vectors)
        return try solver.decompose(self)
    }
}

extension DenseMatrix where Element == Double {
    public func eigen(vectors: Bool = false) throws -> EigenDecomposition {
        precondition(isSquare, "eigenvalues of a non-square matrix")
        var solver = try RealEigenSolver(order: rows, vectors: vectors)
        return try solver.decompose(self)
    }
}
