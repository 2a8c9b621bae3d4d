import Algebra
import Symbolic

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

    /// A lower layer's error reported at the start of the fragment: its text as the message,
    /// the error itself as the cause.
    func error(wrapping cause: any Error) -> ModelError {
        var e = statement.error(at: start, "\(cause)")
        e.cause = cause
        return e
    }

    /// The first word (letters, digits, `_`, `-`) and the rest, both trimmed.
    func splitWord() -> (word: Fragment, rest: Fragment) {
        let t = trimmed
        var k = t.start
        while k < t.end && !source.isSpace(k) && !source.unit(k, is: ":") { k += 1 }
        return (sub(t.start, k), sub(k, t.end).trimmed)
    }

    /// The words of the fragment, separated by any whitespace (spaces and tabs alike:
    /// `real<TAB>positive` is two words, as an editor shows it).
    func words() -> [Fragment] {
        var out: [Fragment] = []
        var k = start
        while k < end {
            while k < end && source.isSpace(k) { k += 1 }
            let from = k
            while k < end && !source.isSpace(k) { k += 1 }
            if from < k { out.append(sub(from, k)) }
        }
        return out
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

    /// The parts before and after the first top-level `:` (nil when there is none).
    func splitColon() -> (Fragment, Fragment?) {
        guard let c = find(":") else { return (self, nil) }
        return (sub(start, c).trimmed, sub(c + 1, end).trimmed)
    }

    /// The comma-separated names of the fragment; anything that is not a name is an error.
    func nameList() throws(ModelError) -> [Fragment] {
        let items = split(",")
        for n in items where !n.isName {
            throw n.isEmpty ? n.error("expected a name") : n.error("'\(n.text)' is not a name")
        }
        return items
    }

    /// Whether the fragment is one name (a letter, then letters, digits, `_` and primes); an
    /// ASCII fragment is answered from its codes (ASCII letters are the only ASCII Characters
    /// that are letters, the ten digits the only numbers).
    var isName: Bool {
        let units = source.units[start..<end]
        guard let first = units.first, units.allSatisfy({ $0 < 0x80 }) else { return Fragment.isName(text) }
        func letter(_ u: UInt32) -> Bool { (u >= 65 && u <= 90) || (u >= 97 && u <= 122) }
        return letter(first) && units.dropFirst().allSatisfy { letter($0) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 39 }
    }

    static func isName(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter else { return false }
        return s.dropFirst().allSatisfy { $0.isLetter || ($0.isASCII && $0.isNumber) || $0 == "_" || $0 == "'" || $0 == "′" }
    }
}
