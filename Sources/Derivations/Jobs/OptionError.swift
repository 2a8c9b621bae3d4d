import Symbolic

/// A command-line value the model's parser rejected: the option's text and the parser's
/// error, kept with its position (a column within the value).
public struct OptionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// From a model file's parser (knows the model's names and definitions).
        case model(ModelError)
        /// From the core expression parser.
        case expression(ParseError)
    }

    public let option: String
    public let reason: Reason

    public var description: String {
        switch reason {
        case .model(let e): return "bad assignment '\(option)': \(e)"
        case .expression(let e): return "bad assignment '\(option)': \(e.description)"
        }
    }
}
