/// A square or rectangular matrix of plain numbers stored column-major, the
/// layout LAPACK expects, so kernels can hand the storage over without copying.
public struct DenseMatrix<Element>: Sendable where Element: Sendable {
    public let rows: Int
    public let columns: Int
    /// Column-major: element (i, j) is at `i + j * rows`.
    public var storage: [Element]

    public init(rows: Int, columns: Int, repeating value: Element) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows
        self.columns = columns
        storage = Array(repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, columnMajor: [Element]) {
        precondition(columnMajor.count == rows * columns, "storage size does not match \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        storage = columnMajor
    }

    /// Builds a matrix from its rows as written on paper.
    public init(_ rowList: [[Element]]) {
        let m = rowList.count, n = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == n }, "rows of unequal length")
        var s = [Element]()
        s.reserveCapacity(m * n)
        for j in 0..<n { for i in 0..<m { s.append(rowList[i][j]) } }
        self.init(rows: m, columns: n, columnMajor: s)
    }

    public var isSquare: Bool { rows == columns }

    public subscript(i: Int, j: Int) -> Element {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    public func map<T>(_ transform: (Element) throws -> T) rethrows -> DenseMatrix<T> {
        DenseMatrix<T>(rows: rows, columns: columns, columnMajor: try storage.map(transform))
    }
}
