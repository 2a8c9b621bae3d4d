import Algebra
import OutputFormats
import Symbolic

/// The verdict on one transcribed equation, matrix or value.
public enum VerificationStatus: String, Sendable {
    /// Derived and printed agree (symbolically, or at every random point at 100 digits).
    case identical
    /// They disagree and no erratum is recorded.
    case differs
    /// They disagree and the manifest records the disagreement as an erratum of the paper.
    case erratum
    /// Nothing derived corresponds to it (the step failed or does not produce it).
    case notDerived = "not derived"
}

/// One compared entry (a matrix entry, or the single entry of an equation).
public struct VerificationEntry: Sendable {
    /// `A2(5,1)` for a matrix entry, the item name otherwise.
    public let name: String
    public let status: VerificationStatus
    public let symbolic: Bool
    public let numeric: Bool?
    public let maxRelativeDifference: String
    /// The digits the numeric check verified (`Comparison.digits` unless an integral's quadrature
    /// verified fewer; shown only then).
    public let numericDigits: Int
    /// Derived − printed, simplified (empty when they agree).
    public let differenceText: String
    public let differenceLatex: String
    public let note: String?
    /// How the symbolic check reached 0 beyond distributing and expanding (`Comparison`), or nil.
    public var symbolicMethod: String? = nil
    /// How the numeric check was made when not the plain one (`by integrands`), or nil.
    public var numericMethod: String? = nil
}

/// One transcription of the manifest and what the re-derivation made of it.
public struct VerificationItem: Sendable {
    public let name: String
    /// `equation`, `matrix` or `value`.
    public let kind: String
    /// The line of the manifest that transcribes it.
    public let line: Int
    public let status: VerificationStatus
    /// Every entry compared (one for an equation or value, rows × columns for a matrix).
    public let entries: [VerificationEntry]
    /// The reason when not derived, or the erratum's text.
    public let note: String?

    public var symbolic: Bool { !entries.isEmpty && entries.allSatisfy(\.symbolic) }
    public var numeric: Bool? {
        if entries.isEmpty || entries.contains(where: { $0.numeric == nil }) { return nil }
        return entries.allSatisfy { $0.numeric == true }
    }
    /// The fewest digits any entry's numeric check verified.
    public var numericDigits: Int {
        entries.filter { $0.numeric != nil }.map(\.numericDigits).min() ?? Comparison.digits
    }
    /// The methods the entries' checks used beyond the plain ones, in order, once each.
    var symbolicMethods: String? { Self.methods(entries.map(\.symbolicMethod)) }
    var numericMethods: String? { Self.methods(entries.map(\.numericMethod)) }
    private static func methods(_ m: [String?]) -> String? {
        var seen: [String] = []
        for x in m.compactMap({ $0 }) where !seen.contains(x) { seen.append(x) }
        return seen.isEmpty ? nil : seen.joined(separator: "; ")
    }
}

/// The report of `keldysh verify`.
public struct VerificationReport: Sendable {
    public let directory: String
    public let manifest: String
    public let title: String?
    public let items: [VerificationItem]
    /// Errata recorded for items that were reproduced after all (the record is stale).
    public let staleErrata: [String]

    /// Every item reproduced or a recorded erratum: the exit status is 0 exactly then.
    public var passed: Bool { !items.isEmpty && items.allSatisfy { $0.status == .identical || $0.status == .erratum } }

    func count(_ s: VerificationStatus) -> Int { items.filter { $0.status == s }.count }

    public var text: String {
        var lines = ["keldysh verify \(directory) (\(manifest))" + (title.map { ": " + $0 } ?? "")]
        let width = max(8, items.map(\.name.count).max() ?? 0)
        for item in items {
            let pad = String(repeating: " ", count: max(0, width - item.name.count))
            var line = "  \(item.name)\(pad)  \(item.kind.padding(8))  \(item.status.rawValue.padding(11))"
            if item.status != .notDerived {
                let n = item.entries.count
                let sym = item.entries.filter(\.symbolic).count
                let num = item.entries.filter { $0.numeric == true }.count
                let of = n > 1 ? " (\(sym)/\(n) entries)" : ""
                let ofNum = n > 1 ? " (\(num)/\(n))" : ""
                line += "  symbolic: \(item.symbolic ? "0" : "≠ 0")\(of)" + (item.symbolicMethods.map { " (\($0))" } ?? "")
                line += "  numeric at \(item.numericDigits) digits, \(Comparison.points) points: "
                    + (item.numeric == nil ? "not evaluable" : (item.numeric! ? "equal" : "differ")) + ofNum
                    + (item.numericMethods.map { " (\($0))" } ?? "")
            }
            lines.append(line)
            if let note = item.note { lines.append("      \(item.status == .erratum ? "erratum" : "reason"): \(note)") }
            for e in item.entries where e.status != .identical {
                lines.append("      \(e.name): derived − printed = \(e.differenceText)")
                lines.append("      LaTeX: \(e.differenceLatex)")
                if let note = e.note { lines.append("      \(note)") }
            }
        }
        for s in staleErrata { lines.append("  note: the erratum recorded for \(s) is stale: the item is reproduced") }
        lines.append("summary: \(count(.identical)) identical, \(count(.differs)) differ, \(count(.erratum)) errata, "
                     + "\(count(.notDerived)) not derived: " + (passed ? "reproduced" : "NOT reproduced"))
        return lines.joined(separator: "\n")
    }

    public var json: String { jsonValue.pretty() }

    var jsonValue: JSONValue {
        func entry(_ e: VerificationEntry) -> JSONValue {
            var f: [(String, JSONValue)] = [("name", .string(e.name)), ("status", .string(e.status.rawValue)),
                                            ("symbolic", .bool(e.symbolic)),
                                            ("numeric", e.numeric.map { .bool($0) } ?? .null),
                                            ("maxRelativeDifference", .string(e.maxRelativeDifference))]
            if e.numeric != nil && e.numericDigits < Comparison.digits { f.append(("numericDigits", .int(e.numericDigits))) }
            if e.status != .identical {
                f.append(("difference", .string(e.differenceText)))
                f.append(("differenceLatex", .string(e.differenceLatex)))
            }
            if let n = e.note { f.append(("note", .string(n))) }
            if let m = e.symbolicMethod { f.append(("symbolicMethod", .string(m))) }
            if let m = e.numericMethod { f.append(("numericMethod", .string(m))) }
            return .object(f)
        }
        let items: [JSONValue] = self.items.map { item in
            var f: [(String, JSONValue)] = [("name", .string(item.name)), ("kind", .string(item.kind)),
                                            ("line", .int(item.line)), ("status", .string(item.status.rawValue))]
            if item.status != .notDerived {
                f.append(("symbolic", .bool(item.symbolic)))
                f.append(("numeric", item.numeric.map { .bool($0) } ?? .null))
                if item.numericDigits < Comparison.digits { f.append(("numericDigits", .int(item.numericDigits))) }
                f.append(("entriesCompared", .int(item.entries.count)))
                let shown = item.entries.count == 1 ? item.entries : item.entries.filter { $0.status != .identical }
                f.append(("entries", .array(shown.map(entry))))
            }
            if let n = item.note { f.append(("note", .string(n))) }
            return .object(f)
        }
        return .object([
            ("directory", .string(directory)), ("manifest", .string(manifest)),
            ("title", title.map { .string($0) } ?? .null),
            ("numericCheck", .object([("digits", .int(Comparison.digits)), ("points", .int(Comparison.points))])),
            ("items", .array(items)),
            ("staleErrata", .array(staleErrata.map { .string($0) })),
            ("summary", .object([("identical", .int(count(.identical))), ("differs", .int(count(.differs))),
                                 ("errata", .int(count(.erratum))), ("notDerived", .int(count(.notDerived))),
                                 ("passed", .bool(passed))])),
        ])
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
