import ArbitraryPrecision

/// A dense matrix of expressions, stored row-major.
///
/// Entries are ordinary `Expr` values, so a matrix of operators, Grassmann bilinears or
/// user functions is the same type as a matrix of numbers. Arithmetic builds entries with
/// the canonical constructors; algorithms that need cancellation (determinant, inverse)
/// take an entry normaliser `normalize: (Expr) -> Expr`, applied to every intermediate
/// entry they build.
public struct Matrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major entries: entry (i, j) is `entries[i * columns + j]`.
    public private(set) var entries: [Expr]

    public init(rows: Int, columns: Int, entries: [Expr]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(entries.count == rows * columns,
                     "a \(rows)×\(columns) matrix needs \(rows * columns) entries, got \(entries.count)")
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// A matrix from its rows; every row must have the same length.
    public init(_ rowList: [[Expr]]) {
        let c = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == c }, "all rows of a matrix must have the same length")
        self.init(rows: rowList.count, columns: c, entries: rowList.flatMap { $0 })
    }

    /// A matrix from its rows, or nil when the rows have different lengths (for input that
    /// comes from users rather than from code).
    public init?(validating rowList: [[Expr]]) {
        let c = rowList.first?.count ?? 0
        guard rowList.allSatisfy({ $0.count == c }) else { return nil }
        self.init(rows: rowList.count, columns: c, entries: rowList.flatMap { $0 })
    }

    /// The matrix whose entry (i, j) is `entry(i, j)`.
    public init(rows: Int, columns: Int, entry: (Int, Int) throws -> Expr) rethrows {
        var list: [Expr] = []
        list.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { list.append(try entry(i, j)) } }
        self.init(rows: rows, columns: columns, entries: list)
    }

    public static func zero(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, entries: Array(repeating: .zero, count: rows * columns))
    }

    public static func identity(_ n: Int) -> Matrix {
        Matrix(rows: n, columns: n) { i, j in i == j ? .one : .zero }
    }

    public static func diagonal(_ d: [Expr]) -> Matrix {
        Matrix(rows: d.count, columns: d.count) { i, j in i == j ? d[i] : .zero }
    }

    /// A column vector.
    public static func column(_ v: [Expr]) -> Matrix { Matrix(rows: v.count, columns: 1, entries: v) }

    public var isSquare: Bool { rows == columns }

    public subscript(i: Int, j: Int) -> Expr {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index (\(i), \(j)) out of range")
            return entries[i * columns + j]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index (\(i), \(j)) out of range")
            entries[i * columns + j] = newValue
        }
    }

    public func row(_ i: Int) -> [Expr] { Array(entries[i * columns..<(i + 1) * columns]) }
    public func column(_ j: Int) -> [Expr] { (0..<rows).map { self[$0, j] } }
    public var rowList: [[Expr]] { (0..<rows).map(row) }

    public func map(_ transform: (Expr) throws -> Expr) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, entries: try entries.map(transform))
    }

    /// Every entry passed through the normaliser.
    public func normalized(using normalize: (Expr) -> Expr = Matrix.defaultNormalize) -> Matrix {
        map(normalize)
    }

    /// Whether every entry is zero after normalisation.
    public func isZero(normalize: (Expr) -> Expr = Matrix.defaultNormalize) -> Bool {
        entries.allSatisfy { $0.isZero || normalize($0).isZero }
    }

    public var transpose: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }

    /// The conjugate transpose.
    public var adjoint: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in Expr.conj(self[j, i]) }
    }

    public var trace: Expr {
        precondition(isSquare, "the trace needs a square matrix, got \(rows)×\(columns)")
        return Expr.add((0..<rows).map { self[$0, $0] })
    }

    /// The default entry normaliser: distributive expansion (`Expr.expand`), so that
    /// polynomial entries cancel and a determinant that vanishes identically is the zero
    /// expression. Negative powers of sums stay generators of the expansion; pass a
    /// rational-function normaliser (`cancel`) for entries with denominators.
    public static let defaultNormalize: @Sendable (Expr) -> Expr = { $0.expand() }

    /// Leaves entries as the canonical constructors built them (smallest unexpanded DAGs).
    public static let identityNormalize: @Sendable (Expr) -> Expr = { $0 }

    /// Rational-function normal form (`Expr.cancel`): proves a rational determinant zero
    /// and reduces every quotient to lowest terms.
    public static let cancelNormalize: @Sendable (Expr) -> Expr = { $0.cancel() }

    /// The default normaliser of inverses and solves: `cancel` as soon as an entry is a
    /// rational function with a denominator (expand cannot decide whether such a
    /// determinant is zero), `expand` for polynomial entries.
    public func automaticNormalize(with rhs: Matrix? = nil) -> @Sendable (Expr) -> Expr {
        let rational = entries.contains { $0.hasDenominator } || (rhs?.entries.contains { $0.hasDenominator } ?? false)
        return rational ? Matrix.cancelNormalize : Matrix.defaultNormalize
    }
}

extension Matrix: ExpressibleByArrayLiteral {
    public init(arrayLiteral rowList: [Expr]...) { self.init(rowList) }
}
