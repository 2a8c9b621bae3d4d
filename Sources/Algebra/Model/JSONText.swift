import Symbolic

/// A JSON value written with its keys in the order given, so that reports are stable
/// from run to run and can be compared as text.
indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }

    /// Pretty-printed with two-space indentation.
    func text(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        let close = String(repeating: " ", count: indent)
        switch self {
        case .string(let s): return Self.quoted(s)
        case .number(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .array = $0 { return false }; if case .object = $0 { return false }; return true }) {
                return "[" + items.map { $0.text() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.text(indent: indent + 2) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { pad + Self.quoted($0.0) + ": " + $0.1.text(indent: indent + 2) }
                .joined(separator: ",\n") + "\n" + close + "}"
        }
    }

    static func quoted(_ s: String) -> String { jsonStringLiteral(s) }
}
