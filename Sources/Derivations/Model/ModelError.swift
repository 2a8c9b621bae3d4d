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

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, the form compilers use (editors jump to it).
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
