/// Why an analysis (scan, dynamics, threshold, merge) could not run (a file that cannot be
/// written is an `OutputError`). Every case carries
/// what a user needs to fix the input; the CLI prints `description` and exits non-zero.
public enum AnalysisError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A name on the command line that the model does not have.
    case unknownParameter(String, known: [String])
    /// `P=lo:hi:n` that is not a range, or one with no points.
    case badRange(String, reason: String)
    /// `R=value` whose value does not parse or refers to unknown names.
    case badAssignment(String, reason: String)
    /// Parameters the matrix or equations still contain after every assignment.
    case unassigned([String])
    /// Assignments that refer to each other in a cycle.
    case cyclicAssignment([String])
    /// A numerical step failed (non-finite entries, no convergence); `cause` is the lower
    /// layer's own error when there is one (a solver's stop reason, a compile error), kept as
    /// it was thrown for a caller that inspects it.
    case numerical(String, cause: Cause? = nil)
    /// Shards that do not form one scan.
    case inconsistentShards(String)
    /// A threshold search that found no crossing or could not certify one.
    case noCrossing(String)
    /// A request past a resource limit (docs/limits.md), refused before the work starts.
    case tooLarge(String)

    public var description: String {
        switch self {
        case let .unknownParameter(name, known):
            return "unknown parameter '\(name)'; the model has: \(known.sorted().joined(separator: ", "))"
        case let .badRange(text, reason): return "bad range '\(text)': \(reason)"
        case let .badAssignment(text, reason): return "bad assignment '\(text)': \(reason)"
        case let .unassigned(names):
            return "parameter(s) without a value: \(names.sorted().joined(separator: ", ")) (give them with --set NAME=VALUE)"
        case let .cyclicAssignment(names): return "assignments refer to each other in a cycle: \(names.joined(separator: " → "))"
        case let .numerical(what, _): return what
        case let .inconsistentShards(what): return "cannot merge: \(what)"
        case let .noCrossing(what): return what
        case let .tooLarge(what): return what
        }
    }
}

extension AnalysisError {
    /// A lower layer's error, carried along unchanged (equal when their descriptions are).
    public struct Cause: Sendable, Equatable, CustomStringConvertible {
        public let error: any Error & Sendable
        public init(_ error: any Error & Sendable) { self.error = error }
        public var description: String { "\(error)" }
        public static func == (a: Cause, b: Cause) -> Bool { a.description == b.description && type(of: a.error) == type(of: b.error) }
    }
}
