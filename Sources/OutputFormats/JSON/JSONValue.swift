/// A JSON value written with its keys in the order given, so that results are stable from
/// run to run and can be compared as text. Every `--json` output and every JSON file the
/// tools write is a `JSONValue` rendered in one of the layouts below.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    /// Written as Swift prints a Double (shortest round-trip form); a non-finite value, which
    /// JSON cannot hold, is written as null.
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.inline == b.inline }

    /// `.string` of an optional, or null.
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation; arrays of scalars stay on one line.
    public func pretty(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        let close = String(repeating: " ", count: indent)
        switch self {
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map(\.inline).joined(separator: ", ") + "]" }
            return "[\n" + items.map { pad + $0.pretty(indent: indent + 2) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { pad + jsonStringLiteral($0.0) + ": " + $0.1.pretty(indent: indent + 2) }
                .joined(separator: ",\n") + "\n" + close + "}"
        default:
            return inline
        }
    }

    /// On one line: `{"a": 1, "b": [1, 2]}`.
    public var inline: String {
        switch self {
        case .string(let s): return jsonStringLiteral(s)
        case .int(let n): return String(n)
        case .double(let x): return x.isFinite ? "\(x)" : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.inline).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { jsonStringLiteral($0.0) + ": " + $0.1.inline }.joined(separator: ", ") + "}"
        }
    }

    /// An object with one field per line (values inline) and a final newline, the layout of
    /// files a person reads and a program parses (scan.json).
    public var fieldPerLine: String {
        guard case .object(let fields) = self else { return inline + "\n" }
        return "{\n" + fields.map { "  " + jsonStringLiteral($0.0) + ": " + $0.1.inline }.joined(separator: ",\n") + "\n}\n"
    }

    /// An array with one element per line (elements inline).
    public var elementPerLine: String {
        guard case .array(let items) = self else { return inline }
        return "[" + items.map(\.inline).joined(separator: ",\n ") + "]"
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}
