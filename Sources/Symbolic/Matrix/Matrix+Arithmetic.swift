/// Entry-wise sums and the matrix product. Products keep the order of factors
/// (A_ik · B_kj), so matrices of operators multiply correctly; zero entries are skipped,
/// which keeps products of block-sparse matrices (Keldysh structure) small.
extension Matrix {
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns,
                     "cannot add a \(a.rows)×\(a.columns) and a \(b.rows)×\(b.columns) matrix")
        return Matrix(rows: a.rows, columns: a.columns, entries: zip(a.entries, b.entries).map { $0 + $1 })
    }

    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns,
                     "cannot subtract a \(b.rows)×\(b.columns) from a \(a.rows)×\(a.columns) matrix")
        return Matrix(rows: a.rows, columns: a.columns, entries: zip(a.entries, b.entries).map { $0 - $1 })
    }

    public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }

    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows,
                     "cannot multiply a \(a.rows)×\(a.columns) by a \(b.rows)×\(b.columns) matrix")
        return Matrix(rows: a.rows, columns: b.columns) { i, j in
            var builder = SumBuilder()
            for k in 0..<a.columns {
                let x = a[i, k], y = b[k, j]
                if x.isZero || y.isZero { continue }
                builder.add(x * y)
            }
            return builder.build()
        }
    }

    public static func * (s: Expr, m: Matrix) -> Matrix { m.map { s * $0 } }
    public static func * (m: Matrix, s: Expr) -> Matrix { m.map { $0 * s } }

    public static func += (a: inout Matrix, b: Matrix) { a = a + b }
    public static func -= (a: inout Matrix, b: Matrix) { a = a - b }
    public static func *= (a: inout Matrix, b: Matrix) { a = a * b }

    /// Matrix product followed by entry normalisation.
    public func multiplied(by b: Matrix, normalize: (Expr) -> Expr) -> Matrix {
        (self * b).map(normalize)
    }

    /// `self^n` for n ≥ 0 by repeated squaring.
    public func power(_ n: Int, normalize: (Expr) -> Expr = Matrix.defaultNormalize) -> Matrix {
        precondition(isSquare && n >= 0, "power needs a square matrix and n ≥ 0")
        var result = Matrix.identity(rows), base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result.multiplied(by: base, normalize: normalize) }
            k >>= 1
            if k > 0 { base = base.multiplied(by: base, normalize: normalize) }
        }
        return result
    }
}

/// The Kronecker product A ⊗ B: the block matrix whose block (i, j) is A_ij · B. With A
/// the Keldysh structure and B the Nambu structure this is the Nambu ⊗ Keldysh layout of
/// a 4×4 Green's function.
public func kronecker(_ a: Matrix, _ b: Matrix) -> Matrix {
    Matrix(rows: a.rows * b.rows, columns: a.columns * b.columns) { i, j in
        let x = a[i / b.rows, j / b.columns]
        if x.isZero { return .zero }
        return x * b[i % b.rows, j % b.columns]
    }
}
