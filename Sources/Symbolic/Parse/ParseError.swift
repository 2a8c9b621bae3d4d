/// A syntax or name error in expression text, with a 1-based line and column counted in
/// Unicode characters (what an editor shows), so a user can find the mistake.
public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`, the form compilers use.
    public var description: String { "\(line):\(column): \(message)" }
}
