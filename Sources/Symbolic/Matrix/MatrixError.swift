/// Errors of matrix algorithms on user data (a matrix typed in by a user may be singular or
/// have the wrong shape, so these are thrown rather than trapped).
public enum MatrixError: Error, Equatable, CustomStringConvertible {
    case notSquare(rows: Int, columns: Int)
    /// The determinant normalised to zero. `block` names the block that failed in a block
    /// inversion (nil for the whole matrix).
    case singular(block: String?)
    case dimensionMismatch(String)

    public var description: String {
        switch self {
        case .notSquare(let r, let c): return "matrix is not square (\(r)×\(c))"
        case .singular(nil): return "matrix is singular (its determinant normalises to 0)"
        case .singular(let b?): return "matrix is singular: block \(b) is not invertible"
        case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
        }
    }
}
