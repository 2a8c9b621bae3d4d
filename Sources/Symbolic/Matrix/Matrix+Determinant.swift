/// Determinants and characteristic polynomials without division.
///
/// Entries are expressions, and without a normaliser that cancels common factors a
/// division leaves an unreduced quotient behind: Bareiss elimination would divide by the
/// previous pivot at every step and, with the identity or an expand-only normaliser, build
/// nested fractions that are polynomials only in principle. Berkowitz's algorithm uses
/// only ring operations (O(n⁴) of them), so its result is a polynomial in the entries
/// whatever the normaliser, and it yields the whole characteristic polynomial, from which
/// the determinant and the adjugate (Cayley–Hamilton) follow. For n ≤ 3 Laplace expansion
/// along the sparsest line gives the most compact unexpanded result and is used instead.
/// Entries are assumed to commute with each other (scalars, even Grassmann bilinears).
public enum DeterminantMethod: Sendable {
    /// Laplace for n ≤ 3, Berkowitz above.
    case automatic
    /// Cofactor expansion along the row or column with most zeros (O(n!) in the worst case).
    case laplace
    /// Berkowitz's division-free algorithm.
    case berkowitz
}

/// The characteristic polynomial det(λ·1 − A), monic of degree n.
public struct CharacteristicPolynomial: Hashable, Sendable {
    public let variable: Symbol
    /// c_0 … c_n with p(λ) = Σ c_k λ^k and c_n = 1.
    public let coefficients: [Expr]
    /// Σ c_k λ^k, normalised.
    public let expr: Expr

    public var degree: Int { coefficients.count - 1 }
}

extension Matrix {
    public func determinant(method: DeterminantMethod = .automatic,
                            normalize: (Expr) -> Expr = Matrix.defaultNormalize) throws -> Expr {
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        switch method {
        case .laplace:
            return laplaceDeterminant(normalize)
        case .berkowitz:
            let p = berkowitzVector(normalize)
            return rows % 2 == 0 ? p[rows] : normalize(-p[rows])
        case .automatic:
            return rows <= 3 ? laplaceDeterminant(normalize)
                             : try determinant(method: .berkowitz, normalize: normalize)
        }
    }

    /// det(λ·1 − A) by Berkowitz's algorithm.
    public func characteristicPolynomial(in lambda: Symbol,
                                         normalize: (Expr) -> Expr = Matrix.defaultNormalize) throws
        -> CharacteristicPolynomial {
        guard isSquare else { throw MatrixError.notSquare(rows: rows, columns: columns) }
        let p = berkowitzVector(normalize)
        let ascending = Array(p.reversed())
        let l = Expr.symbol(lambda)
        let terms = ascending.enumerated().map { k, c in c * Expr.pow(l, .integer(k)) }
        return CharacteristicPolynomial(variable: lambda, coefficients: ascending,
                                        expr: normalize(Expr.add(terms)))
    }

    /// Coefficients of det(λ·1 − A), highest degree first: [1, p_1, …, p_n]
    /// (`berkowitzCharacteristic`).
    func berkowitzVector(_ normalize: (Expr) -> Expr) -> [Expr] {
        berkowitzCharacteristic(size: rows, { self[$0, $1] }, normalize: normalize)
    }

    /// Cofactor expansion along the line (row or column) with the most zero entries.
    func laplaceDeterminant(_ normalize: (Expr) -> Expr) -> Expr {
        let n = rows
        switch n {
        case 0: return .one
        case 1: return self[0, 0]
        case 2: return normalize(self[0, 0] * self[1, 1] - self[0, 1] * self[1, 0])
        default: break
        }
        var best = (isRow: true, index: 0, zeros: -1)
        for i in 0..<n {
            let rz = row(i).filter(\.isZero).count, cz = column(i).filter(\.isZero).count
            if rz > best.zeros { best = (true, i, rz) }
            if cz > best.zeros { best = (false, i, cz) }
        }
        var builder = SumBuilder()
        for k in 0..<n {
            let (i, j) = best.isRow ? (best.index, k) : (k, best.index)
            let a = self[i, j]
            if a.isZero { continue }
            let sub = minor(i, j).laplaceDeterminant(normalize)
            if sub.isZero { continue }
            builder.add((i + j) % 2 == 0 ? a * sub : -(a * sub))
        }
        return normalize(builder.build())
    }
}
