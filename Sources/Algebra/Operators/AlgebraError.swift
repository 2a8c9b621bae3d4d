import Symbolic

/// Errors of the operator algebra and of the derivations built on it.
public enum AlgebraError: Error, CustomStringConvertible, Equatable {
    /// An operator symbol that the algebra did not declare.
    case unknownOperator(String)
    /// An expression the algebra cannot bring to canonical form (an operator inside a
    /// function, a non-integer power of an operator, ...).
    case unsupported(String)
    /// A term of an equation grows faster with N than its left-hand side.
    case scaling(String)
    /// A variable or equation the derivation needs is missing.
    case missing(String)
    /// ⟨…⟩ of something that is not one operator word.
    case notOneWord(Expr)
    /// ⟨…⟩ of a per-site operator (expectation values are of collective operators).
    case perSiteExpectation(Expr)

    public var description: String {
        switch self {
        case .unknownOperator(let s): return "unknown operator \(s): declare it in the OperatorAlgebra"
        case .unsupported(let s): return "unsupported: \(s)"
        case .scaling(let s): return "N-scaling: \(s)"
        case .missing(let s): return "missing: \(s)"
        case .notOneWord(let e): return "⟨…⟩ must hold one operator word (a, S-, a† a), not \(e)"
        case .perSiteExpectation: return "⟨…⟩ of a per-site operator: write the collective operator"
        }
    }
}
