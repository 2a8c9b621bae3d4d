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

/// The text being parsed as an array of characters, so positions are character offsets
/// and can be turned into line and column.
struct SourceText {
    let chars: [Character]

    init(_ text: String) { chars = Array(text) }

    func location(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for c in chars[..<min(offset, chars.count)] {
            if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    func error(at offset: Int, _ message: String) -> ParseError {
        let (line, column) = location(offset)
        return ParseError(line: line, column: column, message: message)
    }
}
