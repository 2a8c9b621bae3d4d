import Algebra
import Symbolic

/// One logical statement: its characters and where each came from. A class: fragments
/// of it are passed around everywhere, and a reference is one retain where its arrays and
/// file name would be five.
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
