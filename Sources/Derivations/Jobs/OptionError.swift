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
    /// Characters of `option` before the parsed text (`--set kappa=`), added to the column.
    public let offset: Int

    public init(option: String, reason: Reason, offset: Int = 0) {
        self.option = option
        self.reason = reason
        self.offset = offset
    }

    /// `option 'TEXT', column C: message`: the option as the user wrote it and the column in
    /// it (the parser's own position was `command line:1:C` counted in the value alone, and
    /// its `error:` doubled the CLI's).
    public var description: String {
        switch reason {
        case .model(let e): return "option '\(option)', column \(offset + e.column): \(e.message)"
        case .expression(let e): return "option '\(option)', column \(offset + e.column): \(e.message)"
        }
    }
}
