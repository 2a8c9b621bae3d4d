/// The text of a model file cut into statements. A statement starts on a line that is not
/// indented; indented lines that follow continue it; `#` starts a comment. Each character
/// of a statement remembers its line and column in the file, so an error found anywhere
/// (inside an expression, in a list, at the end of a statement) points at the file.
struct ModelSource {
    let file: String
    let statements: [Statement]

    init(file: String, text: String) {
        self.file = file
        var statements: [Statement] = []
        var current: Statement?
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        for (k, raw) in lines.enumerated() {
            let line = k + 1
            let content = raw.prefix { $0 != "#" }
            guard content.contains(where: { !$0.isSpace }) else { continue }
            let indented = content.first!.isWhitespace
            if indented, var s = current {
                // The joining space stands for the line break; errors there point past the line.
                s.append(" ", line: s.origin.last!.line, column: s.origin.last!.column + 1)
                for (j, c) in content.enumerated() { s.append(c, line: line, column: j + 1) }
                current = s
                continue
            }
            if let s = current { statements.append(s) }
            var s = Statement(file: file)
            for (j, c) in content.enumerated() { s.append(c, line: line, column: j + 1) }
            current = s
        }
        if let s = current { statements.append(s) }
        self.statements = statements
    }
}

/// One logical statement: its characters and where each came from.
struct Statement: Sendable {
    let file: String
    private(set) var chars: [Character] = []
    private(set) var origin: [(line: Int, column: Int)] = []

    init(file: String) { self.file = file }

    /// A statement made from one line of text typed elsewhere (a command-line option).
    init(file: String, text: String) {
        self.file = file
        for (j, c) in text.enumerated() { append(c == "\n" ? " " : c, line: 1, column: j + 1) }
    }

    mutating func append(_ c: Character, line: Int, column: Int) {
        chars.append(c)
        origin.append((line, column))
    }

    var whole: Fragment { Fragment(statement: self, start: 0, end: chars.count).trimmed }

    func error(at index: Int, _ message: String) -> ModelError {
        let (line, column): (Int, Int)
        if index < origin.count {
            (line, column) = origin[index]
        } else if let last = origin.last {
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

    var chars: ArraySlice<Character> { statement.chars[start..<end] }
    var text: String { String(chars) }
    var isEmpty: Bool { !chars.contains { !$0.isSpace } }

    func sub(_ from: Int, _ to: Int) -> Fragment { Fragment(statement: statement, start: from, end: to) }

    var trimmed: Fragment {
        var a = start, b = end
        while a < b && statement.chars[a].isSpace { a += 1 }
        while b > a && statement.chars[b - 1].isSpace { b -= 1 }
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
        while k < t.end && !statement.chars[k].isSpace && statement.chars[k] != ":" { k += 1 }
        return (sub(t.start, k), sub(k, t.end).trimmed)
    }

    /// The statement index of the first occurrence of `s` at bracket depth 0, if any.
    func find(_ s: String, from: Int? = nil) -> Int? {
        let pattern = Array(s)
        var depth = 0
        var k = from ?? start
        while k + pattern.count <= end {
            let c = statement.chars[k]
            if depth == 0 && statement.chars[k..<(k + pattern.count)].elementsEqual(pattern) { return k }
            if c == "(" || c == "[" { depth += 1 }
            if (c == ")" || c == "]") && depth > 0 { depth -= 1 }
            k += 1
        }
        return nil
    }

    /// The pieces between top-level occurrences of `separator` (not inside (), [] or ⟨⟩).
    func split(_ separator: Character) -> [Fragment] {
        var pieces: [Fragment] = []
        var depth = 0
        var from = start
        for k in start..<end {
            let c = statement.chars[k]
            if c == "(" || c == "[" || c == "⟨" { depth += 1 }
            if (c == ")" || c == "]" || c == "⟩") && depth > 0 { depth -= 1 }
            if c == separator && depth == 0 {
                pieces.append(sub(from, k).trimmed)
                from = k + 1
            }
        }
        pieces.append(sub(from, end).trimmed)
        return pieces
    }
}

extension Character {
    /// `isWhitespace` with an ASCII fast path: the Unicode property lookup was a visible
    /// part of reading a model, which looks at every character several times.
    var isSpace: Bool {
        if let a = asciiValue { return a == 32 || (a >= 9 && a <= 13) }
        return isWhitespace
    }
}
