import Testing
import Symbolic
@testable import FieldTheory

/// Paper 000 B4–B6: the change of the fermion kernel when the photon fluctuates, δG₀⁻¹ =
/// G₀⁻¹(⟨ψ⟩ + δψ) − G₀⁻¹(⟨ψ⟩), read from the model's action (`KeldyshKernel` of b, a with the
/// split photon as background) and compared with B6 as printed; then its second-order tr ln
/// term (B9–B10) against ln det at one frequency.
@Suite("Paper 000 B6: the photon-fluctuation vertex of the fermion kernel")
struct FluctuationVertexTests {
    typealias P = Paper000Fixture
    let i = Expr.i

    func vertex() throws -> (Matrix, Matrix, [Expr: Expr]) {
        let k = try KeldyshKernel.from(try P.split(), sector: ["b", "a"])
        let d = Field("dpsi", .boson)
        var zero: [Expr: Expr] = [:]
        for c in [d.component(.classical), d.component(.quantum)] { zero[c.expr] = .zero; zero[c.bar.expr] = .zero }
        let k0 = k.matrix.map { $0.substitute(zero).expand() }
        return ((k.matrix - k0).map { $0.expand() }, k0, zero)
    }

    @Test func b6UpToAnOverallSign() throws {
        let (delta, _, _) = try vertex()
        let d = Field("dpsi", .boson)
        let (cl, q) = (d.component(.classical).expr, d.component(.quantum).expr)
        let (clBar, qBar) = (d.component(.classical, barred: true).expr, d.component(.quantum, barred: true).expr)
        // σ± in Nambu (b, a): σ+ = [[0, 1], [0, 0]] puts ψ on b̄a (the coupling ψb†a); σ₀^K, σ₁^K in Keldysh.
        let sp = Matrix([[0, 1], [0, 0]]), sm = Matrix([[0, 0], [1, 0]])
        let s0 = Matrix.identity(2), s1 = Matrix([[0, 1], [1, 0]])
        let b6 = (P.g / Expr.sqrt(2)) * (kronecker(s1, qBar * sm + q * sp) + kronecker(s0, clBar * sm + cl * sp))
        // ERRATUM (sign): Eq. 7 prints G₀⁻¹ ⊃ −λ_cl σ+ − λ̄_cl σ− (diagonal Keldysh blocks) and −(λ_qσ+ + λ̄_qσ−)
        // (off-diagonal), λ = gψ/√2, so δG₀⁻¹ = −(g/√2)(…): B6 as printed has the opposite sign. The
        // derived kernel agrees with Eq. 7 (Paper000GreensFunctionTests), so it is B6 that is off.
        #expect((delta + b6).isZero(normalize: { $0.expand() }), "δG₀⁻¹ = \(delta)")
        #expect(!(delta - b6).isZero(normalize: { $0.expand() }))
    }

    @Test func secondOrderTraceLogOfTheVertexIsLnDet() throws {
        // B9–B10 at one frequency: −i tr ln(K₀ + δ) ⊃ (i/2) tr(G δ G δ), against the ε² coefficient of
        // ln det(K₀ + εδ), at a rational point of the parameters (the expansion is an identity in them).
        let (delta, k0, _) = try vertex()
        let d = Field("dpsi", .boson)
        let point: [Expr: Expr] = [P.omega: 1, P.eps0: 2, P.muS: 1, P.g: 3, P.gamma: 1, P.psiF: 1 + i,
                                   Expr.apply(Symbol.function("F_b", [.real]), [P.omega + P.muS / 2]): Expr.half,
                                   Expr.apply(Symbol.function("F_a", [.real]), [P.omega - P.muS / 2]): -Expr.half,
                                   d.component(.classical).expr: 2, d.component(.classical, barred: true).expr: 1 - i,
                                   d.component(.quantum).expr: 3 * i, d.component(.quantum, barred: true).expr: 1]
        let kn = k0.map { $0.substitute(point).expand() }, dn = delta.map { $0.substitute(point).expand() }
        #expect(kn.entries.allSatisfy { $0.freeSymbols.isEmpty } && dn.entries.allSatisfy { $0.freeSymbols.isEmpty })
        let eps = Symbol("epsilon")
        let p = try (kn + Expr.symbol(eps) * dn).determinant(normalize: { $0.expand() })
        let (p0, p1, p2) = (p.coefficient(of: eps, degree: 0), p.coefficient(of: eps, degree: 1), p.coefficient(of: eps, degree: 2))
        let t = try TraceLogExpansion(kernel: kn, perturbation: dn)
        #expect((t.second - (p2 / p0 - p1 * p1 / (2 * p0 * p0))).cancel().isZero)
        #expect(!t.second.isZero)
    }
}
