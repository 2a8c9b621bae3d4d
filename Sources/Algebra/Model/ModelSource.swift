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

/// One logical statement: its characters and where each came from. A class: fragments
/// of it are passed around everywhere, and a reference is one retain where the arrays
/// would be three.
final class Statement: Sendable {
    /// From `offset` on, characters are on `line` at consecutive columns from `column` (a
    /// run per line of the file, and one for each joining space): a statement's positions
    /// without a pair of integers per character.
    struct Segment: Sendable {
        let offset: Int
        let line: Int
        let column: Int
    }

    let file: String
    let source: SourceText
    let segments: [Segment]
    /// Offsets of spaces put between two Characters that were not neighbours in the text,
    /// when one of them is not ASCII: read as one string, such a pair could form one
    /// Character (a prepended mark, a combining mark after a line break), which an
    /// expression there must see as the string-based reader did.
    let junctions: [Int]

    init(file: String, source: SourceText, segments: [Segment], junctions: [Int]) {
        self.file = file
        self.source = source
        self.segments = segments
        self.junctions = junctions
    }

    /// A statement made from one line of text typed elsewhere (a command-line option).
    convenience init(file: String, text: String) {
        let text = SourceText(text)
        var units = text.units
        var junctions: [Int] = []
        for k in units.indices where units[k] == 10 {
            units[k] = 32
            if (k > 0 && units[k - 1] >= 0x80) || (k + 1 < units.count && units[k + 1] >= 0x80) { junctions.append(k) }
        }
        self.init(file: file, source: SourceText(units: units, clusters: text.clusters),
                  segments: [Segment(offset: 0, line: 1, column: 1)], junctions: junctions)
    }

    /// Line and column of character `k` (which exists).
    static func position(of k: Int, in segments: [Segment]) -> (line: Int, column: Int) {
        var s = segments.count - 1
        while segments[s].offset > k { s -= 1 }
        return (segments[s].line, segments[s].column + k - segments[s].offset)
    }

    var whole: Fragment { Fragment(statement: self, start: 0, end: source.count).trimmed }

    func error(at index: Int, _ message: String) -> ModelError {
        let (line, column): (Int, Int)
        if index < source.count {
            (line, column) = Self.position(of: index, in: segments)
        } else if source.count > 0 {
            let last = Self.position(of: source.count - 1, in: segments)
            (line, column) = (last.line, last.column + 1)
        } else {
            (line, column) = (1, 1)
        }
        return ModelError(file: file, line: line, column: column, message: message)
    }
}

/// A range of characters of a statement.
struct Fragment: Sendable {
    let statement: Statement
    let start: Int
    let end: Int

    var source: SourceText { statement.source }
    var text: String { source.string(start..<end) }
    var isEmpty: Bool { !(start..<end).contains { !source.isSpace($0) } }
    /// Whether a character of the fragment is whitespace.
    var containsSpace: Bool { (start..<end).contains { source.isSpace($0) } }

    func starts(with c: Unicode.Scalar) -> Bool { start < end && source.unit(start, is: c) }
    func ends(with c: Unicode.Scalar) -> Bool { start < end && source.unit(end - 1, is: c) }

    func sub(_ from: Int, _ to: Int) -> Fragment { Fragment(statement: statement, start: from, end: to) }

    var trimmed: Fragment {
        let s = source
        var a = start, b = end
        while a < b && s.isSpace(a) { a += 1 }
        while b > a && s.isSpace(b - 1) { b -= 1 }
        return sub(a, b)
    }

    /// An error at `index` (a statement index), at the start of the fragment by default.
    func error(_ message: String, at index: Int? = nil) -> ModelError {
        statement.error(at: index ?? start, message)
    }

    /// The first word (letters, digits, `_`, `-`) and the rest, both trimmed.
    func splitWord() -> (word: Fragment, rest: Fragment) {
        let t = trimmed
        var k = t.start
        while k < t.end && !source.isSpace(k) && !source.unit(k, is: ":") { k += 1 }
        return (sub(t.start, k), sub(k, t.end).trimmed)
    }

    /// The statement index of the first occurrence of `s` (one scalar per character) at
    /// bracket depth 0, if any.
    func find(_ s: String, from: Int? = nil) -> Int? {
        let pattern = Array(s.unicodeScalars)
        let source = source
        var depth = 0
        var k = from ?? start
        while k + pattern.count <= end {
            if depth == 0 && pattern.indices.allSatisfy({ source.unit(k + $0, is: pattern[$0]) }) { return k }
            switch bracket(k, angles: false) {
            case 1: depth += 1
            case -1: if depth > 0 { depth -= 1 }
            default: break
            }
            k += 1
        }
        return nil
    }

    /// The pieces between top-level occurrences of `separator` (not inside (), [] or ⟨⟩).
    func split(_ separator: Unicode.Scalar) -> [Fragment] {
        let source = source
        var pieces: [Fragment] = []
        var depth = 0
        var from = start
        for k in start..<end {
            switch bracket(k, angles: true) {
            case 1: depth += 1
            case -1: if depth > 0 { depth -= 1 }
            default: break
            }
            if depth == 0 && source.unit(k, is: separator) {
                pieces.append(sub(from, k).trimmed)
                from = k + 1
            }
        }
        pieces.append(sub(from, end).trimmed)
        return pieces
    }

    /// 1 for an opening bracket at statement index `k` (`(`, `[`, and `⟨` with `angles`),
    /// −1 for a closing one, 0 otherwise; ASCII codes are answered without Characters.
    private func bracket(_ k: Int, angles: Bool) -> Int {
        let u = source.units[k]
        if u < 0x80 { return u == 40 || u == 91 ? 1 : u == 41 || u == 93 ? -1 : 0 }
        let c = source.character(unit: u)
        if c == "(" || c == "[" || (angles && c == "⟨") { return 1 }
        if c == ")" || c == "]" || (angles && c == "⟩") { return -1 }
        return 0
    }
}
