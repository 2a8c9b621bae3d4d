/// Adjugate, inverse (plain or by blocks) and linear solves.
///
/// Everything is division-free up to one final division by the determinant, so the result
/// is "polynomial / determinant" whatever the normaliser. Singularity is detected when the
/// normalised determinant is the zero expression: with a normaliser that cannot prove a
/// symbolic determinant zero (the identity, say) a singular symbolic matrix can slip
/// through, which is why `cancel` is the default normaliser when an entry (of the matrix or
/// of the right-hand side) has a denominator, and `expand` otherwise (see
/// `Matrix.automaticNormalize`); pass `Matrix.cancelNormalize` to get every entry of an
/// inverse in lowest terms.
extension Matrix {
    /// The adjugate adj(A), with A · adj(A) = det(A) · 1.
    public func adjugate(normalize: ((Expr) -> Expr)? = nil) throws -> Matrix {
        let normalize = normalize ?? automaticNormalize()
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        let parts = adjugateParts(normalize)
        return Matrix(rows: rows, columns: columns) { i, j in
            parts.signs[i * columns + j] == 1 ? parts.unsigned[i, j] : normalize(-parts.unsigned[i, j])
        }
    }

    /// adj(A)_ij = signs_ij · unsigned_ij, and det A.
    ///
    /// The sign is kept apart because the core distributes a number over a sum: −(x − y)
    /// becomes the new sum y − x, which no longer cancels against (x − y)⁻¹. Multiplying
    /// sign, cofactor and det⁻¹ in one product lets equal factors cancel (this is what makes
    /// the inverse of the Keldysh matrix [[0, a], [b, c]] come out as 1/b and 1/a exactly).
    ///
    /// Cofactors for n ≤ 4 (each a small Laplace or Berkowitz determinant, compact
    /// unexpanded); above that Cayley–Hamilton with the Berkowitz coefficients:
    /// adj(A) = (−1)^{n−1} (A^{n−1} + p₁ A^{n−2} + … + p_{n−1}), n − 1 products in all.
    func adjugateParts(_ normalize: (Expr) -> Expr) -> (signs: [Int], unsigned: Matrix, determinant: Expr) {
        let n = rows
        if n == 0 { return ([], Matrix.zero(0, 0), .one) }
        if n == 1 { return ([1], Matrix.identity(1), self[0, 0]) }
        if n <= 4 {
            // Entry (i, j) of the adjugate is the (j, i) cofactor.
            let minors = Matrix(rows: n, columns: n) { i, j in
                (try? minor(j, i).determinant(normalize: normalize)) ?? .zero
            }
            let signs = (0..<n * n).map { ($0 / n + $0 % n) % 2 == 0 ? 1 : -1 }
            // The divisor keeps the factored form Laplace builds (an expanded determinant
            // no longer shares factors with the cofactors); the caller normalises it only
            // to test for zero.
            return (signs, minors, laplaceDeterminant(Matrix.identityNormalize))
        }
        let p = berkowitzVector(normalize)
        var b = Matrix.identity(n)
        for k in 1..<n {
            b = multiplied(by: b, normalize: normalize)
            for i in 0..<n { b[i, i] = normalize(b[i, i] + p[k]) }
        }
        let det = n % 2 == 0 ? p[n] : normalize(-p[n])
        return (Array(repeating: n % 2 == 1 ? 1 : -1, count: n * n), b, det)
    }

    /// adj(A)·B / det A with every entry built as one product sign · value · det⁻¹.
    private func dividedAdjugate(times rhs: Matrix?, _ normalize: (Expr) -> Expr) throws -> Matrix {
        let (signs, unsigned, det) = adjugateParts(normalize)
        guard !normalize(det).isZero else { throw MatrixError.singular(block: nil) }
        let inv = Expr.pow(det, .minusOne)
        guard let rhs else {
            return Matrix(rows: rows, columns: columns) { i, j in
                let v = unsigned[i, j]
                return v.isZero ? .zero : normalize(Expr.mul([.integer(signs[i * columns + j]), v, inv]))
            }
        }
        return Matrix(rows: rows, columns: rhs.columns) { i, j in
            var builder = SumBuilder()
            for k in 0..<columns where !unsigned[i, k].isZero && !rhs[k, j].isZero {
                builder.add(Expr.mul([.integer(signs[i * columns + k]), unsigned[i, k], rhs[k, j]]))
            }
            let v = normalize(builder.build())
            return v.isZero ? .zero : normalize(Expr.mul(v, inv))
        }
    }

    /// The inverse. With `blockSize` k the matrix is read as [[A, B], [C, D]] with A of
    /// size k×k and inverted by blocks: the closed forms for a zero diagonal block (the
    /// Keldysh structure [[0, (G⁻¹)^A], [(G⁻¹)^R, (G⁻¹)^K]] inverts to
    /// [[G^K, G^R], [G^A, 0]] this way), else a Schur complement.
    public func inverse(blockSize: Int? = nil,
                        normalize: ((Expr) -> Expr)? = nil) throws -> Matrix {
        try inverted(blockSize: blockSize, normalize ?? automaticNormalize())
    }

    func inverted(blockSize: Int?, _ normalize: (Expr) -> Expr) throws -> Matrix {
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        if let k = blockSize, k > 0, k < rows {
            return try blockInverse(k, normalize)
        }
        return try dividedAdjugate(times: nil, normalize)
    }

    private func blockInverse(_ k: Int, _ normalize: (Expr) -> Expr) throws -> Matrix {
        let n = rows
        let a = subMatrix(rows: 0..<k, cols: 0..<k), b = subMatrix(rows: 0..<k, cols: k..<n)
        let c = subMatrix(rows: k..<n, cols: 0..<k), d = subMatrix(rows: k..<n, cols: k..<n)
        func inv(_ m: Matrix, _ name: String) throws -> Matrix {
            do { return try m.inverted(blockSize: nil, normalize) } catch MatrixError.singular {
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
        if let ai = try? a.inverted(blockSize: nil, normalize) {
            // det M = det A · det S with S = D − C A⁻¹ B.
            let s = (d - mul(mul(c, ai), b)).map(normalize)
            let si = try inv(s, "Schur complement D − C A⁻¹ B")
            let aib = mul(ai, b), cai = mul(c, ai)
            return Matrix.block([
                [(ai + mul(mul(aib, si), cai)).map(normalize), -mul(aib, si)],
                [-mul(si, cai), si],
            ])
        }
        if let di = try? d.inverted(blockSize: nil, normalize) {
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
        return try inverted(blockSize: nil, normalize)
    }

    /// The solution X of A·X = B (B may have several columns), by adj(A)·B / det A.
    public func solve(_ b: Matrix, normalize: ((Expr) -> Expr)? = nil) throws -> Matrix {
        let normalize = normalize ?? automaticNormalize(with: b)
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        guard b.rows == rows else {
            throw MatrixError.dimensionMismatch("right-hand side has \(b.rows) rows, the matrix \(rows)")
        }
        return try dividedAdjugate(times: b, normalize)
    }

    /// The solution x of A·x = b for a vector b.
    public func solve(_ b: [Expr], normalize: ((Expr) -> Expr)? = nil) throws -> [Expr] {
        try solve(Matrix.column(b), normalize: normalize).entries
    }
}
