import ArbitraryPrecision
import Symbolic

/// The stability matrix of mean-field equations about a point: ẋ = A x for the deviations
/// x of the variables the user lists, with a variable and its conjugate independent
/// (Wirtinger derivatives ∂/∂z, ∂/∂z̄).
public struct Linearization: Sendable {
    /// The variables in the user's order (symbols, or conj of symbols).
    public let variables: [Expr]
    /// A[k][l] = ∂(d x_k/dt)/∂x_l at the point, coefficients distributed.
    public let matrix: [[Expr]]
    /// The right-hand sides at the point (all zero for a steady state).
    public let residuals: [Expr]
    /// Derivatives of listed rows with respect to variables left out of the list that do
    /// not vanish at the point: when empty, the listed block is closed at linear order.
    public let omittedCouplings: [(row: Expr, column: Expr, value: Expr)]
    /// The point: each variable (symbol) → its value.
    public var point: [Expr: Expr] = [:]

    /// The same matrix as a `Matrix` (for determinants, characteristic polynomials).
    public var stabilityMatrix: Matrix { Matrix(matrix) }
}

extension MeanFieldSystem {
    /// Linearises about `point` (a value for every variable of the system; conjugates
    /// follow). `variables` fixes the order of x, e.g. (⟨a⟩, conj⟨a⟩, ⟨S^-⟩, conj⟨S^-⟩, …).
    public func linearize(variables: [Expr], about point: [Expr: Expr]) throws -> Linearization {
        var values: [Symbol: Expr] = [:]
        for (k, v) in point {
            guard let s = k.symbol else { throw AlgebraError.unsupported("point keys must be variables (symbols)") }
            values[s] = v
        }
        for v in self.variables where values[v.symbol!] == nil {
            throw AlgebraError.missing("a value for \(v.symbol!.name) at the linearisation point")
        }
        for v in variables where !isAtom(v) {
            throw AlgebraError.unsupported("linearisation variables must be variables or their conjugates")
        }
        var matrix: [[Expr]] = []
        var residuals: [Expr] = []
        var omitted: [(row: Expr, column: Expr, value: Expr)] = []
        var others: [Expr] = []
        for v in self.variables {
            for u in v.isReal ? [v] : [v, Expr.conjugate(v)] where !variables.contains(u) { others.append(u) }
        }
        var gradient = GradientAtPoint(atoms: variables + others, point: values)
        for row in variables {
            // The row of conj⟨x⟩ is read off the equation of ⟨x⟩ (see `rhs(for:)`).
            let (residual, derivatives): (Expr, [Expr])
            if let e = equations.first(where: { $0.variable == row }) {
                (residual, derivatives) = gradient.evaluate(e.rhs, conjugated: false)
            } else if row.builtin == .conj, let e = equations.first(where: { $0.variable == row.children[0] }) {
                (residual, derivatives) = gradient.evaluate(e.rhs, conjugated: true)
            } else {
                (residual, derivatives) = gradient.evaluate(try rhs(for: row), conjugated: false)
            }
            residuals.append(residual)
            matrix.append(Array(derivatives.prefix(variables.count)))
            for (u, d) in zip(others, derivatives.dropFirst(variables.count)) where !d.isZero {
                omitted.append((row, u, d))
            }
        }
        var lin = Linearization(variables: variables, matrix: matrix, residuals: residuals, omittedCouplings: omitted)
        lin.point = point
        return lin
    }
}

/// Whether `e` is a mean-field atom: a symbol or conj of a symbol.
public func isAtom(_ e: Expr) -> Bool {
    e.kind == .symbol || (e.builtin == .conj && e.children[0].kind == .symbol)
}
