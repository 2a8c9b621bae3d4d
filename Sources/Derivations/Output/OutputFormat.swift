/// How a command prints its result.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, latex, json
}
