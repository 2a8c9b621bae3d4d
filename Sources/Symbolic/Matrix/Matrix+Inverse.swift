/// Adjugate, inverse (plain or by blocks) and linear solves.
///
/// Everything is division-free up to one final division by the determinant, so the result
/// is "polynomial / determinant" whatever the normaliser. Singularity is detected when the
/// normalised determinant is the zero expression: with a normaliser that cannot prove a
/// symbolic determinant zero (the identity, say) a singular symbolic matrix can slip
/// through, which is why `cancel` is the normaliser to use for rational entries.
extension Matrix {
    /// The adjugate adj(A), with A · adj(A) = det(A) · 1.
    public func adjugate(normalize: (Expr) -> Expr = Matrix.defaultNormalize) throws -> Matrix {
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        return adjugateAndDeterminant(normalize).adjugate
    }

    /// Cofactors for n ≤ 4 (each a small Laplace or Berkowitz determinant, compact
    /// unexpanded); above that Cayley–Hamilton with the Berkowitz coefficients:
    /// adj(A) = (−1)^{n−1} (A^{n−1} + p₁ A^{n−2} + … + p_{n−1}), n − 1 products in all.
    func adjugateAndDeterminant(_ normalize: (Expr) -> Expr) -> (adjugate: Matrix, determinant: Expr) {
        let n = rows
        if n == 0 { return (Matrix.zero(0, 0), .one) }
        if n == 1 { return (Matrix.identity(1), self[0, 0]) }
        if n <= 4 {
            let cofactors = Matrix(rows: n, columns: n) { i, j -> Expr in
                let d = (try? minor(i, j).determinant(normalize: normalize)) ?? .zero
                return (i + j) % 2 == 0 ? d : normalize(-d)
            }
            let det = try! determinant(normalize: normalize)
            return (cofactors.transpose, det)
        }
        let p = berkowitzVector(normalize)
        var b = Matrix.identity(n)
        for k in 1..<n {
            b = multiplied(by: b, normalize: normalize)
            for i in 0..<n { b[i, i] = normalize(b[i, i] + p[k]) }
        }
        let det = n % 2 == 0 ? p[n] : normalize(-p[n])
        return (n % 2 == 1 ? b : b.map { normalize(-$0) }, det)
    }

    /// The inverse. With `blockSize` k the matrix is read as [[A, B], [C, D]] with A of
    /// size k×k and inverted by blocks: the closed forms for a zero diagonal block (the
    /// Keldysh structure [[0, (G⁻¹)^A], [(G⁻¹)^R, (G⁻¹)^K]] inverts to
    /// [[G^K, G^R], [G^A, 0]] this way), else a Schur complement.
    public func inverse(blockSize: Int? = nil,
                        normalize: (Expr) -> Expr = Matrix.defaultNormalize) throws -> Matrix {
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        if let k = blockSize, k > 0, k < rows {
            return try blockInverse(k, normalize)
        }
        let (adj, det) = adjugateAndDeterminant(normalize)
        guard !normalize(det).isZero else { throw MatrixError.singular(block: nil) }
        let inv = Expr.pow(det, .minusOne)
        return adj.map { $0.isZero ? .zero : normalize($0 * inv) }
    }

    private func blockInverse(_ k: Int, _ normalize: (Expr) -> Expr) throws -> Matrix {
        let n = rows
        let a = subMatrix(rows: 0..<k, cols: 0..<k), b = subMatrix(rows: 0..<k, cols: k..<n)
        let c = subMatrix(rows: k..<n, cols: 0..<k), d = subMatrix(rows: k..<n, cols: k..<n)
        func inv(_ m: Matrix, _ name: String) throws -> Matrix {
            do { return try m.inverse(normalize: normalize) } catch MatrixError.singular {
                throw MatrixError.singular(block: name)
            }
        }
        func mul(_ x: Matrix, _ y: Matrix) -> Matrix { x.multiplied(by: y, normalize: normalize) }
        let square = 2 * k == n
        if square && a.isZero(normalize: normalize) {
            // [[0, B], [C, D]]⁻¹ = [[−C⁻¹ D B⁻¹, C⁻¹], [B⁻¹, 0]]  (det = ±det B · det C).
            let bi = try inv(b, "B (top right)"), ci = try inv(c, "C (bottom left)")
            return Matrix.block([[-mul(mul(ci, d), bi), ci], [bi, Matrix.zero(k, k)]])
        }
        if square && d.isZero(normalize: normalize) {
            // [[A, B], [C, 0]]⁻¹ = [[0, C⁻¹], [B⁻¹, −B⁻¹ A C⁻¹]].
            let bi = try inv(b, "B (top right)"), ci = try inv(c, "C (bottom left)")
            return Matrix.block([[Matrix.zero(k, k), ci], [bi, -mul(mul(bi, a), ci)]])
        }
        if let ai = try? a.inverse(normalize: normalize) {
            // det M = det A · det S with S = D − C A⁻¹ B.
            let s = (d - mul(mul(c, ai), b)).map(normalize)
            let si = try inv(s, "Schur complement D − C A⁻¹ B")
            let aib = mul(ai, b), cai = mul(c, ai)
            return Matrix.block([
                [(ai + mul(mul(aib, si), cai)).map(normalize), -mul(aib, si)],
                [-mul(si, cai), si],
            ])
        }
        if let di = try? d.inverse(normalize: normalize) {
            // det M = det D · det S' with S' = A − B D⁻¹ C.
            let s = (a - mul(mul(b, di), c)).map(normalize)
            let si = try inv(s, "Schur complement A − B D⁻¹ C")
            let dic = mul(di, c), bdi = mul(b, di)
            return Matrix.block([
                [si, -mul(si, bdi)],
                [-mul(dic, si), (di + mul(mul(dic, si), bdi)).map(normalize)],
            ])
        }
        // Both diagonal blocks singular: the matrix may still be invertible.
        return try inverse(normalize: normalize)
    }

    /// The solution X of A·X = B (B may have several columns), by adj(A)·B / det A.
    public func solve(_ b: Matrix, normalize: (Expr) -> Expr = Matrix.defaultNormalize) throws -> Matrix {
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        guard b.rows == rows else {
            throw MatrixError.dimensionMismatch("right-hand side has \(b.rows) rows, the matrix \(rows)")
        }
        let (adj, det) = adjugateAndDeterminant(normalize)
        guard !normalize(det).isZero else { throw MatrixError.singular(block: nil) }
        let inv = Expr.pow(det, .minusOne)
        return adj.multiplied(by: b, normalize: normalize).map { $0.isZero ? .zero : normalize($0 * inv) }
    }

    /// The solution x of A·x = b for a vector b.
    public func solve(_ b: [Expr], normalize: (Expr) -> Expr = Matrix.defaultNormalize) throws -> [Expr] {
        try solve(Matrix.column(b), normalize: normalize).entries
    }
}
