import Symbolic
import KeldyshNumerics

/// A stability matrix with every parameter but the free ones (scan axes, or the varied
/// parameter of a threshold) given a value.
public struct StabilityProblem: Sendable {
    /// The matrix with the assignments substituted.
    public let matrix: Matrix
    /// The parameters left free, in the order the compiled function takes them.
    public let free: [Symbol]

    /// Substitutes `values` (resolved against each other first) into `matrix` and checks
    /// that only `free` remain.
    public init(matrix: Matrix, free: [Symbol], values: [Symbol: Expr]) throws {
        guard matrix.isSquare, matrix.rows >= 1 else {
            throw AnalysisError.numerical("the stability matrix must be square (it is \(matrix.rows)×\(matrix.columns))")
        }
        for s in free where values[s] != nil {
            throw AnalysisError.badAssignment("\(s.name)=…", reason: "\(s.name) is scanned or varied and cannot also be set")
        }
        let resolved = try resolveAssignments(values)
        let m = resolved.isEmpty ? matrix
            : Matrix(rows: matrix.rows, columns: matrix.columns, entries: Expr.substitute(matrix.entries, resolved))
        var left = Expr.freeSymbols(of: m.entries).filter { !$0.info.isFunction }
        left.subtract(free)
        guard left.isEmpty else { throw AnalysisError.unassigned(left.map(\.name)) }
        self.matrix = m
        self.free = free
    }

    public var order: Int { matrix.rows }

    /// The matrix as a function of the free parameters (taken real).
    public func compile() throws -> CompiledFunction {
        do { return try CompiledFunction(matrix, parameters: free, assumeRealParameters: true) } catch {
            throw AnalysisError.numerical("cannot compile the stability matrix: \(error)", cause: .init(error))
        }
    }
}
