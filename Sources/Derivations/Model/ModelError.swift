import Algebra
import Symbolic

/// An error in a model file, a verification manifest or a command-line option, located at
/// the file, line and column (1-based, counted in Unicode characters as an editor shows
/// them) of the offending token.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The lower layer's error this one reports at a position (the algebra refusing an
    /// operator, a linearisation failing), kept as it was thrown; not part of equality.
    public var cause: (any Error & Sendable)?

    public init(file: String, line: Int, column: Int, message: String, cause: (any Error & Sendable)? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.cause = cause
    }

    public static func == (a: ModelError, b: ModelError) -> Bool {
        a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message
    }

    public func hash(into h: inout Hasher) {
        h.combine(file)
        h.combine(line)
        h.combine(column)
        h.combine(message)
    }

    /// `file:line:column: error: message`, the form compilers use (editors jump to it).
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
