import Symbolic

/// An action read as a Gaussian form in a finite list of field variables (the "finite shadow"
/// of a functional integral: field components at a few times, sites, Keldysh and Nambu
/// indices, each an atom — a symbol or a field application such as b¹(t′)):
///
///     S = Σ_ij ψ̄_i A_ij ψ_j + Σ_j J̄_j ψ_j + Σ_i ψ̄_i J_i + S₀,
///
/// A independent of the fields, J̄ and J the sources (Grassmann-odd for fermions, even for
/// bosons; the sources of a photon may be fermion bilinears), S₀ the rest. Everything is read
/// with the core's left derivatives, so the Grassmann signs are the core's, not re-derived here:
/// A_ij = ∂_{ψ_j} ∂_{ψ̄_i} S, J_i = ∂_{ψ̄_i} S, J̄_j = ±∂_{ψ_j} S (− for fermions: the left
/// derivative passes the odd J̄_j), S₀ = S, each at ψ = ψ̄ = 0. The reading is then checked by
/// rebuilding S: a term of another degree in the fields (an interaction) is an error naming it.
public struct QuadraticForm: Sendable {
    public let statistics: Statistics
    /// ψ_j (the columns of A).
    public let fields: [Expr]
    /// ψ̄_i (the rows of A).
    public let bars: [Expr]
    public let kernel: Matrix
    /// J̄_j, multiplying ψ_j from the left.
    public let sourceBar: [Expr]
    /// J_i, multiplying ψ̄_i from the right.
    public let source: [Expr]
    /// S₀: the part free of the fields.
    public let rest: Expr

    public init(reading s: Expr, fields: [Expr], bars: [Expr], statistics: Statistics) throws {
        guard fields.count == bars.count, !fields.isEmpty else {
            throw FieldTheoryError.precondition("a Gaussian form needs as many barred as unbarred fields")
        }
        var zero: [Expr: Expr] = [:]
        for f in fields + bars { zero[f] = .zero }
        func atZero(_ e: Expr) -> Expr { distribute(e.substitute(zero)).expand() }
        let s = distribute(s)
        let n = fields.count
        var a = [[Expr]](repeating: [Expr](repeating: .zero, count: n), count: n)
        var source: [Expr] = []
        for (i, bar) in bars.enumerated() {
            let d = s.derivative(withRespectTo: bar)
            source.append(atZero(d))
            for (j, f) in fields.enumerated() { a[i][j] = atZero(d.derivative(withRespectTo: f)) }
        }
        let sign: Expr = statistics == .fermion ? .minusOne : .one
        let sourceBar = fields.map { atZero(sign * s.derivative(withRespectTo: $0)) }
        self.statistics = statistics
        self.fields = fields
        self.bars = bars
        self.kernel = Matrix(a)
        self.sourceBar = sourceBar
        self.source = source
        self.rest = atZero(s)
        var remainder = distribute(s - expr).expand()
        if !remainder.isZero { remainder = remainder.cancelledByWord() }
        if !remainder.isZero {
            throw FieldTheoryError.inconsistent("not Gaussian in \(fields.map(\.description).joined(separator: ", ")): "
                                                + "the terms \(remainder) are of another degree")
        }
    }

    /// ψ̄Aψ + J̄ψ + ψ̄J + S₀, rebuilt (factors in this order, so Grassmann signs are explicit).
    public var expr: Expr {
        var terms: [Expr] = [rest]
        for i in bars.indices {
            for j in fields.indices where !kernel[i, j].isZero { terms.append(Expr.mul([bars[i], kernel[i, j], fields[j]])) }
            terms.append(Expr.mul(bars[i], source[i]))
        }
        for j in fields.indices { terms.append(Expr.mul(sourceBar[j], fields[j])) }
        return distribute(Expr.add(terms))
    }
}
