import Foundation
import Testing
import TestSupport
import Symbolic
import Algebra
@testable import FieldTheory

/// The Keldysh derivation of paper 000 (/work/shared/papers/000_c4b5c9982529c904.txt, Eqs. 1,
/// 6–7, A2–A20) from its Hamiltonian: photon ψ, fermions b, a of one spin (Nambu φ = [b, a]),
/// Markovian baths on all three. Expected values are the paper's printed kernels and, for the
/// inverse G₀, the normal forms SymPy computed independently
/// (derivations/000-open-tavis-cummings/reference/g0-inverse-sympy.txt; GiNaC agrees).
@Suite("Paper 000: Keldysh action and G₀ from the Hamiltonian (A2–A20)")
struct Paper000GreensFunctionTests {
    let eps0 = Expr.symbol("eps0", [.real]), w0 = Expr.symbol("w0", [.real]), g = Expr.symbol("g", [.positive])
    let gamma = Expr.symbol("gamma", [.positive]), kappa = Expr.symbol("kappa", [.positive])
    let muS = Expr.symbol("mu_S", [.real]), psiF = Expr.symbol("psi_f")
    let fb = Symbol.function("F_b", [.real]), fa = Symbol.function("F_a", [.real]), fpsi = Symbol.function("F_Psi", [.real])
    let omega = Expr.symbol(Action.omega)
    let i = Expr.i

    /// Eq. (1) for one spin (the fixture's system).
    func system() throws -> OpenSystem { try Paper000Fixture.system() }

    /// Rotated, with the three baths of Eqs. 6–7 (κ, F_Ψ on ψ; γ, F_b on b; γ, F_a on a).
    func bathed() throws -> Action {
        var (s, _) = try KeldyshRotation.apply(try ContourAction.from(try system()))
        (s, _) = try MarkovianBath.apply(s, field: "psi", rate: kappa, distribution: Expr.apply(fpsi, [omega]))
        (s, _) = try MarkovianBath.apply(s, field: "b", rate: gamma, distribution: Expr.apply(fb, [omega]))
        (s, _) = try MarkovianBath.apply(s, field: "a", rate: gamma, distribution: Expr.apply(fa, [omega]))
        return s
    }

    func same(_ x: Expr, _ y: Expr) -> Bool { (x - y).cancel().isZero }

    @Test func branchActionHasTheKineticTermsOfA2() throws {
        let s = try ContourAction.from(try system())
        let psi = s.field(named: "psi")!, b = s.field(named: "b")!
        // ∫dt (ψ̄₊ i∂ψ₊ − ψ̄₋ i∂ψ₋ − H₊ + H₋): the coefficient of ψ̄₊∂ψ₊ is i, of ψ̄₋∂ψ₋ is −i.
        let plus = psi.component(.forward), minus = psi.component(.backward)
        #expect(same(s.density.coefficient(ofTerm: plus.bar.expr * plus.derivativeExpr), i))
        #expect(same(s.density.coefficient(ofTerm: minus.bar.expr * minus.derivativeExpr), Expr.neg(i)))
        // −H₊ ⊃ −ε₀ b̄₊b₊; +H₋ ⊃ +ε₀ b̄₋b₋ (Grassmann bilinears in this order).
        let bp = b.component(.forward), bm = b.component(.backward)
        #expect(same(s.density.coefficient(ofTerm: bp.bar.expr * bp.expr), Expr.neg(eps0)))
        #expect(same(s.density.coefficient(ofTerm: bm.bar.expr * bm.expr), eps0))
    }

    @Test func photonKernelAndGreensFunctionA10toA20() throws {
        let k = try KeldyshKernel.from(try bathed(), sector: ["psi"])
        // A10–A11: [[0, ω − ω₀ − iκ], [ω − ω₀ + iκ, 2iκF_Ψ(ω)]], rows (ψ̄_cl, ψ̄_q), columns (ψ_cl, ψ_q).
        let expected: [[Expr]] = [[0, omega - w0 - i * kappa], [omega - w0 + i * kappa, 2 * i * kappa * Expr.apply(fpsi, [omega])]]
        for r in 0..<2 { for c in 0..<2 { #expect(same(k.matrix[r, c], expected[r][c]), "K(\(r),\(c)) = \(k.matrix[r, c])") } }
        // The cl–cl block vanishes by the rotation: nothing put in by hand.
        #expect(k.matrix[0, 0].isZero)
        let gpsi = try GreensFunction(k)
        // A19–A20.
        #expect(same(gpsi.retarded[0, 0], 1 / (omega - w0 + i * kappa)))
        #expect(same(gpsi.advanced[0, 0], 1 / (omega - w0 - i * kappa)))
        #expect(same(gpsi.keldysh[0, 0], -2 * i * kappa * Expr.apply(fpsi, [omega]) / (Expr.pow(omega - w0, 2) + kappa * kappa)))
        #expect(gpsi.matrix[1, 1].isZero)
    }

    /// Eq. 7 as printed, with the photon still a field: λ_cl = gψ_cl/√2, λ_q = gψ_q/√2.
    /// Rows (b̄¹, ā¹, b̄², ā²), columns (b¹, a¹, b², a²).
    func eq7() -> [[Expr]] {
        let psi = Field("psi", .boson)
        let lcl = g * psi.component(.classical).expr / Expr.sqrt(2), lq = g * psi.component(.quantum).expr / Expr.sqrt(2)
        let lclBar = g * psi.component(.classical, barred: true).expr / Expr.sqrt(2)
        let lqBar = g * psi.component(.quantum, barred: true).expr / Expr.sqrt(2)
        return [
            [omega - eps0 + i * gamma, -lcl, 2 * i * gamma * Expr.apply(fb, [omega]), -lq],
            [-lclBar, omega + eps0 + i * gamma, -lqBar, 2 * i * gamma * Expr.apply(fa, [omega])],
            [0, -lq, omega - eps0 - i * gamma, -lcl],
            [-lqBar, 0, -lclBar, omega + eps0 - i * gamma],
        ]
    }

    @Test func fermionKernelIsEq7() throws {
        let k = try KeldyshKernel.from(try bathed(), sector: ["b", "a"])
        let expected = eq7()
        for r in 0..<4 { for c in 0..<4 { #expect(same(k.matrix[r, c], expected[r][c]), "K(\(r),\(c)) = \(k.matrix[r, c])") } }
    }

    /// The reference inverse of SymPy, read with ε = ε₀ − μ_S/2, λ = gψ_f and the
    /// distributions as the fermions see them in the rotating frame.
    func reference() throws -> [[Expr]] {
        let url = URL(fileURLWithPath: "derivations/000-open-tavis-cummings/reference/g0-inverse-sympy.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var context = ParseContext(allowUndeclared: false)
        let names: [(String, Assumptions)] = [("omega", .real), ("eps", .real), ("gamma", .positive), ("l", []), ("lb", []),
                                              ("Fb", .real), ("Fa", .real)]
        var symbols: [String: Expr] = [:]
        for (n, a) in names { symbols[n] = .symbol(context.declare(n, a)) }
        let values: [Expr: Expr] = [
            symbols["omega"]!: omega, symbols["eps"]!: eps0 - muS / 2, symbols["gamma"]!: gamma,
            symbols["l"]!: g * psiF, symbols["lb"]!: g * Expr.conj(psiF),
            symbols["Fb"]!: Expr.apply(fb, [omega + muS / 2]), symbols["Fa"]!: Expr.apply(fa, [omega - muS / 2]),
        ]
        var m = [[Expr]](repeating: [Expr](repeating: .zero, count: 4), count: 4)
        for line in text.split(separator: "\n") where line.hasPrefix("(") {
            let parts = line.split(separator: "=", maxSplits: 1)
            let ij = parts[0].filter { $0.isNumber }.map { Int(String($0))! - 1 }
            m[ij[0]][ij[1]] = try parseExpr(String(parts[1]), context: context).substitute(values)
        }
        return m
    }

    @Test func greensFunctionG0AgreesWithAnIndependentInverse() throws {
        var s = try bathed()
        // A14: ψ(t) = ψ e^{−iμ_S t}; the fermions rotate with ±μ_S/2 so that ψ b̄ a is static.
        (s, _) = try RotatingFrame.apply(s, rates: ["psi": muS, "b": muS / 2, "a": Expr.neg(muS) / 2])
        (s, _) = try BackgroundField.apply(s, field: "psi", classical: Expr.sqrt(2) * psiF)
        let g0 = try GreensFunction(try KeldyshKernel.from(s, sector: ["b", "a"]))
        let expected = try reference()
        for r in 0..<4 {
            for c in 0..<4 {
                #expect(same(g0.matrix[r, c], expected[r][c]), "G0(\(r + 1),\(c + 1)) = \(g0.matrix[r, c])")
            }
        }
        // A15 as printed (with ψ read as ψ_f): G^R_bb = (ω + iγ + ε)/(ω² − E² + 2iγω − γ²).
        let eps = eps0 - muS / 2, e2 = eps * eps + g * g * psiF * Expr.conj(psiF)
        #expect(same(g0.retarded[0, 0], (omega + i * gamma + eps) / (omega * omega - e2 + 2 * i * gamma * omega - gamma * gamma)))
    }

    @Test func aFrameThatLeavesTimeDependenceIsAnError() throws {
        // ψ rotating without the fermions' gauge shift leaves ψ b̄ a ∝ e^{−iμ_S t}.
        #expect(throws: FieldTheoryError.self) { try RotatingFrame.apply(try bathed(), rates: ["psi": muS]) }
    }
}
