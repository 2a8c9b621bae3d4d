import Symbolic

/// The named operations of `keldysh simplify --then …`: the core's shape-changing moves, which
/// canonical form never applies by itself (expanding, linearity of binders, δ sifting, a
/// functional derivative), so a physicist can take one step of a derivation at a time.
public enum ExpressionOperation: String, CaseIterable, Sendable {
    case expand
    /// ∫(a f + b g) = a∫f + b∫g, constant factors out (Σ likewise).
    case split
    /// f·∫g = ∫f g, (∫a)(∫b) = ∫∫ab.
    case merge
    /// ∫dx∫dy f = ∫dy∫dx f, on each outermost binder.
    case exchange
    /// ∫dt∫dν∫dω f = ∫dν∫dω∫dt f: the outermost binder of each term moved innermost.
    case sink
    /// exp(a)exp(b) = exp(a + b).
    case combineExp = "combine-exp"
    /// ∫dt e^{iat+b} = 2πe^{b}δ(a).
    case planeWaves = "plane-waves"
    /// ∫ds δ(t − s)f(s) = f(t), roots assumed inside the range when undecided.
    case sift
    /// Σ_j δ_ij x_j = x_i, likewise.
    case contract

    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// `transform` applied to every factor of every term (the outermost binders of a sum of
    /// products), the products rebuilt in order.
    private static func eachFactor(_ e: Expr, _ transform: (Expr) -> Expr) -> Expr {
        Expr.add(e.terms.map { term in Expr.mul((term.kind == .mul ? Array(term.children) : [term]).map(transform)) })
    }

    func apply(_ e: Expr) -> Expr {
        switch self {
        case .expand: return e.expand()
        case .split: return e.splittingBinders()
        case .merge: return e.mergingBinderProducts()
        case .exchange: return Self.eachFactor(e) { $0.exchangingBinderOrder() ?? $0 }
        case .sink: return Self.eachFactor(e) { $0.sinkingOutermostBinder() }
        case .combineExp: return e.combiningExponentials()
        case .planeWaves: return e.integratingPlaneWaves()
        case .sift: return e.siftingDeltas(assumingInRange: true)
        case .contract: return e.contractingKroneckerDeltas(assumingInRange: true)
        }
    }
}

/// Why `--then` or `--functional-derivative` could not be applied.
public struct ExpressionOperationError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension ExpressionArgument {
    /// The expression with `operations` applied in order (comma-separated names), after the
    /// functional derivative with respect to `field` (a field value such as `psi(t0)` or
    /// `conj(psi(t0))`, read under the same declarations) when one is given.
    public func applying(_ operations: String?, functionalDerivative field: String? = nil) throws -> ExpressionArgument {
        var e = expr
        if let field {
            let value: Expr
            do { value = try parseExpr(field, context: context) } catch {
                throw ExpressionOperationError(description: "--functional-derivative: \(error)")
            }
            let inner = value.builtin == .conj ? value.children[0] : value
            guard inner.kind == .function, inner.head?.info.builtin == nil else {
                throw ExpressionOperationError(description: "--functional-derivative: '\(field)' is not a field value such as psi(t0) or conj(psi(t0))")
            }
            e = e.functionalDerivative(value)
        }
        for word in (operations ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let op = ExpressionOperation(rawValue: word) else {
                throw ExpressionOperationError(description: "--then: unknown operation '\(word)' (known: \(ExpressionOperation.names))")
            }
            e = op.apply(e)
        }
        return ExpressionArgument(input: input, expr: e, context: context, notes: notes)
    }
}
