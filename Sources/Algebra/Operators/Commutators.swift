import ArbitraryPrecision
import Symbolic

/// The public face of the canonicalising product: a short pipeline of passes
/// (read into ordered words → restore the canonical order with the (anti)commutation
/// relations → sink into a dictionary word → coefficient, coefficients distributed).
extension OperatorAlgebra {
    /// The canonical form of `e`: Σ coefficient × ordered operator word, in the order
    /// described in `OrderingRules.swift` (normal order: a† before a, c† before c,
    /// S^+ S^z S^-). Coefficients are distributed over sums.
    public func normalOrder(_ e: Expr) throws -> Expr {
        expr(canonical(try read(e)))
    }

    /// [A, B] = AB − BA in canonical form.
    public func commutator(_ a: Expr, _ b: Expr) throws -> Expr {
        let x = try read(a), y = try read(b)
        return expr(canonical(x * y + (y * x).scaled(.minusOne)))
    }

    /// {A, B} = AB + BA in canonical form.
    public func anticommutator(_ a: Expr, _ b: Expr) throws -> Expr {
        let x = try read(a), y = try read(b)
        return expr(canonical(x * y + y * x))
    }

    /// The Hermitian adjoint: reverses operator order, conjugates coefficients, a ↔ a†,
    /// c ↔ c†, S^± ↔ S^∓ (σ_i^± ↔ σ_i^∓), S^z self-adjoint. Parameters must be declared
    /// real for conj to disappear from them.
    public func adjoint(_ e: Expr) throws -> Expr {
        expr(adjoint(canonical(try read(e))))
    }

    func adjoint(_ s: OperatorSum) -> OperatorSum {
        var out = OperatorSum()
        for (w, c) in s.collected() {
            out.add(w.reversed().map { Letter(group: $0.group, role: $0.role.adjoint) }, Expr.conjugate(c))
        }
        return canonical(out)
    }

    /// The canonical adjoint of one canonical word: ± a single word, except for the spin-1/2
    /// reductions (which never produce more than one word for a canonical word either).
    func adjointWord(_ w: Word) -> [Word: GaussianRational] {
        canonicalWord(w.reversed().map { Letter(group: $0.group, role: $0.role.adjoint) })
    }
}
