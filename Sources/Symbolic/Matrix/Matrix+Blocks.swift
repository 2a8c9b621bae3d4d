/// Block construction and extraction, and minors.
extension Matrix {
    /// The matrix assembled from a grid of blocks. Blocks in one block row must have the
    /// same number of rows, blocks in one block column the same number of columns.
    public static func block(_ grid: [[Matrix]]) -> Matrix {
        do { return try checkedBlock(grid) } catch { preconditionFailure("\(error)") }
    }

    /// `block(_:)` for grids that come from user input: throws on inconsistent sizes.
    public static func checkedBlock(_ grid: [[Matrix]]) throws -> Matrix {
        guard let firstRow = grid.first, !firstRow.isEmpty else { return Matrix.zero(0, 0) }
        let widths = firstRow.map(\.columns)
        var heights: [Int] = []
        for (bi, blockRow) in grid.enumerated() {
            guard blockRow.count == widths.count else {
                throw MatrixError.dimensionMismatch("block row \(bi) has \(blockRow.count) blocks, expected \(widths.count)")
            }
            let h = blockRow[0].rows
            for (bj, m) in blockRow.enumerated() where m.rows != h || m.columns != widths[bj] {
                throw MatrixError.dimensionMismatch(
                    "block (\(bi), \(bj)) is \(m.rows)×\(m.columns), expected \(h)×\(widths[bj])")
            }
            heights.append(h)
        }
        var list: [Expr] = []
        list.reserveCapacity(heights.reduce(0, +) * widths.reduce(0, +))
        for (bi, blockRow) in grid.enumerated() {
            for r in 0..<heights[bi] {
                for m in blockRow { list.append(contentsOf: m.row(r)) }
            }
        }
        return Matrix(rows: heights.reduce(0, +), columns: widths.reduce(0, +), entries: list)
    }

    /// The submatrix of the given rows and columns (in the given order).
    public func subMatrix<R: Sequence, C: Sequence>(rows r: R, cols c: C) -> Matrix
        where R.Element == Int, C.Element == Int {
        let rs = Array(r), cs = Array(c)
        return Matrix(rows: rs.count, columns: cs.count) { i, j in self[rs[i], cs[j]] }
    }

    /// Block (bi, bj) of a matrix cut into equal square blocks of size `size`.
    public func block(_ bi: Int, _ bj: Int, size: Int) -> Matrix {
        subMatrix(rows: bi * size..<(bi + 1) * size, cols: bj * size..<(bj + 1) * size)
    }

    /// The matrix with row i and column j removed.
    public func minor(_ i: Int, _ j: Int) -> Matrix {
        subMatrix(rows: (0..<rows).filter { $0 != i }, cols: (0..<columns).filter { $0 != j })
    }
}
