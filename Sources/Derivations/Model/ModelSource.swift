import Algebra
import Symbolic

/// The text of a model file cut into statements. A statement starts on a line that is not
/// indented; indented lines that follow continue it; `#` starts a comment. Each character
/// of a statement remembers its line and column in the file, so an error found anywhere
/// (inside an expression, in a list, at the end of a statement) points at the file.
struct ModelSource {
    let file: String
    let statements: [Statement]

    init(file: String, text: String) {
        self.file = file
        // The file is cut into Characters once; statements share its table of multi-scalar ones.
        let source = SourceText(text)
        let n = source.count
        var statements: [Statement] = []
        var current: StatementBuilder?
        var lineStart = 0
        var line = 0
        // Lines as `split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)` cuts them.
        while lineStart <= n {
            line += 1
            var lineEnd = lineStart
            while lineEnd < n && !source.isNewline(lineEnd) { lineEnd += 1 }
            var end = lineStart
            while end < lineEnd && !source.unit(end, is: "#") { end += 1 }
            let content = lineStart..<end
            lineStart = lineEnd + 1
            guard content.contains(where: { !source.isSpace($0) }) else { continue }
            if source.isSpace(content.lowerBound), current != nil {
                current!.join(source, content, line: line)
                continue
            }
            if let s = current { statements.append(s.statement(file: file, clusters: source.clusters)) }
            current = StatementBuilder()
            current!.append(source, content, line: line)
        }
        if let s = current { statements.append(s.statement(file: file, clusters: source.clusters)) }
        self.statements = statements
    }
}

/// The characters of a statement as they are collected from the lines of a file.
private struct StatementBuilder {
    var units: [UInt32] = []
    var segments: [Statement.Segment] = []
    var junctions: [Int] = []

    mutating func append(_ source: SourceText, _ range: Range<Int>, line: Int) {
        segments.append(Statement.Segment(offset: units.count, line: line, column: 1))
        units.append(contentsOf: source.units[range])
    }

    /// A continuation line; the joining space stands for the line break (errors there point
    /// past the end of the line before).
    mutating func join(_ source: SourceText, _ range: Range<Int>, line: Int) {
        let last = Statement.position(of: units.count - 1, in: segments)
        if units.last! >= 0x80 || source.units[range.lowerBound] >= 0x80 { junctions.append(units.count) }
        segments.append(Statement.Segment(offset: units.count, line: last.line, column: last.column + 1))
        units.append(32)
        append(source, range, line: line)
    }

    func statement(file: String, clusters: [Character]) -> Statement {
        Statement(file: file, source: SourceText(units: units, clusters: clusters), segments: segments,
                  junctions: junctions)
    }
}
