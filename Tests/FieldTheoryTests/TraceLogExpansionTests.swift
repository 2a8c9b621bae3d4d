import Testing
import Symbolic
@testable import FieldTheory

/// tr ln(K + δ) to second order (FIELDTHEORY.md, paper 000 B9) against the determinant:
/// ln det(K + εS) = ln p₀ + (p₁/p₀) ε + (p₂/p₀ − p₁²/2p₀²) ε² + O(ε³) for p(ε) = det(K + εS) =
/// p₀ + p₁ε + p₂ε² + …, the coefficients read off the determinant polynomial (Laplace rule) —
/// no inverse, no trace of products.
@Suite("tr ln expansion to second order against ln det")
struct TraceLogExpansionTests {
    let eps = Symbol("epsilon")

    func check(_ k: Matrix, _ s: Matrix) throws {
        let e = Expr.symbol(eps)
        let p = try (k + e * s).determinant(normalize: { $0.expand() })
        let p0 = p.coefficient(of: eps, degree: 0), p1 = p.coefficient(of: eps, degree: 1), p2 = p.coefficient(of: eps, degree: 2)
        let t = try TraceLogExpansion(kernel: k, perturbation: s)
        #expect((t.first - p1 / p0).cancel().isZero, "tr(GS) = \(t.first), p1/p0 = \((p1 / p0).cancel())")
        #expect((t.second - (p2 / p0 - p1 * p1 / (2 * p0 * p0))).cancel().isZero)
        // B9's sign: −i tr ln(K + δ) ⊃ −i tr(Gδ) + (i/2) tr(GδGδ).
        #expect((t.fermionicAction - Expr.neg(Expr.i) * (p1 / p0) - Expr.neg(Expr.i) * (p2 / p0 - p1 * p1 / (2 * p0 * p0))).cancel().isZero)
    }

    @Test func symbolic2x2() throws {
        let n = ["k11", "k12", "k21", "k22"].map { Expr.symbol($0) }, m = ["s11", "s12", "s21", "s22"].map { Expr.symbol($0) }
        try check(Matrix([[n[0], n[1]], [n[2], n[3]]]), Matrix([[m[0], m[1]], [m[2], m[3]]]))
    }

    @Test func numeric3x3OverGaussianRationals() throws {
        let i = Expr.i
        let k = Matrix([[3, 1 + i, 0], [2, -1, 4 * i], [1, 0, 5]])
        let s = Matrix([[0, 1, i], [-2, 1, 0], [3 - i, 0, 2]])
        try check(k, s)
    }

    @Test func keldyshStructuredKernelWithFieldPerturbation() throws {
        // A boson-like Keldysh kernel [[0, A], [R, K]] perturbed by a field x in the off-diagonal
        // blocks, as δG₀⁻¹ of B6 is: the expansion is the same identity, blocks inverted in closed form.
        let r = Expr.symbol("r"), a = Expr.symbol("a"), kk = Expr.symbol("kk"), x = Expr.symbol("x"), y = Expr.symbol("y")
        try check(Matrix([[0, a], [r, kk]]), Matrix([[x, y], [y, 0]]))
    }
}
