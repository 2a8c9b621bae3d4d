/// Why an expression cannot be compiled to an evaluator.
public enum CompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A free symbol that is not among the parameters.
    case unboundSymbol(String)
    /// Operators and Grassmann numbers have no numeric value.
    case notANumber(String)
    /// A function with no numeric definition (user functions, slot derivatives).
    case userFunction(String)
    /// A construct the compiler does not lower (integrals, sums, Dirac δ, ∞).
    case unsupported(String)
    /// The same symbol twice in the parameter list.
    case duplicateParameter(String)

    public var description: String {
        switch self {
        case .unboundSymbol(let s): return "symbol '\(s)' is not among the parameters"
        case .notANumber(let s): return "'\(s)' is an operator or Grassmann symbol and has no numeric value"
        case .userFunction(let f): return "function '\(f)' has no numeric definition"
        case .unsupported(let what): return "cannot compile \(what)"
        case .duplicateParameter(let s): return "parameter '\(s)' is listed twice"
        }
    }
}
