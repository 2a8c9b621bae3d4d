import Testing
import TestSupport
import Symbolic
@testable import Algebra

/// True when a − b distributes to zero.

@Suite("Operator algebra: commutators, normal order, adjoint")
struct CommutatorTests {
    let algebra: OperatorAlgebra
    let a: BosonMode, b: BosonMode
    let S: SpinEnsemble, s: SpinEnsemble
    let c: FermionMode, d: FermionMode
    let N = Expr.symbol("N", [.positive])

    init() {
        var alg = OperatorAlgebra()
        a = alg.boson("a")
        b = alg.boson("b")
        S = alg.spinEnsemble("S", site: "σ", size: .symbol("N", [.positive]))
        s = alg.spinHalf("s")
        c = alg.fermion("c")
        d = alg.fermion("d")
        algebra = alg
    }

    @Test func bosonCommutators() throws {
        // By hand: [a, a†²] = [a, a†] a† + a† [a, a†] = 2a†.
        let adag = a.creation
        #expect(try algebra.commutator(a.annihilation, Expr.mul(adag, adag)) == 2 * adag)
        // [a, a†] = 1 and modes commute: [a, b†] = 0.
        #expect(try algebra.commutator(a.annihilation, adag) == 1)
        #expect(try algebra.commutator(a.annihilation, b.creation) == 0)
        // By hand: a a† a† = (a† a + 1) a† = a† (a† a + 1) + a† = a†² a + 2a†.
        let lhs = try algebra.normalOrder(Expr.mul([a.annihilation, adag, adag]))
        #expect(lhs == Expr.mul([adag, adag, a.annihilation]) + 2 * adag)
        // By hand: a² a†² = a†² a² + 4 a† a + 2 (Wick: one contraction in 4 ways, two in 2).
        let aa = Expr.mul(a.annihilation, a.annihilation), dd = Expr.mul(adag, adag)
        #expect(try algebra.normalOrder(aa * dd) == dd * aa + 4 * adag * a.annihilation + 2)
    }

    @Test func collectiveSpinCommutators() throws {
        // su(2) with σ^± = σ^x ± iσ^y and [σ^x, σ^y] = iσ^z: [S^+, S^-] = 2S^z, [S^z, S^±] = ±S^±.
        #expect(try algebra.commutator(S.plus, S.minus) == 2 * S.z)
        #expect(try algebra.commutator(S.z, S.plus) == S.plus)
        #expect(try algebra.commutator(S.z, S.minus) == -S.minus)
        // [S^z, S^+S^-] = S^+S^- − S^+S^- = 0 by the derivation rule.
        #expect(try algebra.commutator(S.z, S.plus * S.minus) == 0)
        // The Casimir S² = (S^z)² + (S^+S^- + S^-S^+)/2 commutes with S^+ (second method: su(2)).
        let casimir = S.z * S.z + Expr.half * (S.plus * S.minus + S.minus * S.plus)
        #expect(try algebra.commutator(casimir, S.plus) == 0)
        // Collective operators do not reduce: (S^+)² ≠ 0 for N spins.
        #expect(try algebra.normalOrder(S.plus * S.plus) == Expr.pow(S.plus, 2))
    }

    @Test func spinHalfProducts() throws {
        // One spin-1/2 (σ^+ = |↑⟩⟨↓|, σ^z = diag(1/2, −1/2)), multiplied out as 2×2 matrices by hand.
        #expect(try algebra.normalOrder(s.plus * s.minus) == Expr.half + s.z)
        #expect(try algebra.normalOrder(s.minus * s.plus) == Expr.half - s.z)
        #expect(try algebra.normalOrder(s.plus * s.plus) == 0)
        #expect(try algebra.normalOrder(s.z * s.z) == Expr.rational(1, 4))
        #expect(try algebra.normalOrder(s.z * s.plus) == Expr.half * s.plus)
        #expect(try algebra.normalOrder(s.plus * s.z) == Expr.rational(-1, 2) * s.plus)
        #expect(try algebra.commutator(s.plus, s.minus) == 2 * s.z)
        // Per-site operators of one site obey the same table: σ_i^- σ_i^+ = 1/2 − σ_i^z.
        #expect(try algebra.normalOrder(S.siteMinus * S.sitePlus) == Expr.half - S.siteZ)
        // [σ_i^z, S^+] = σ_i^+: only site i fails to commute.
        #expect(try algebra.commutator(S.siteZ, S.plus) == S.sitePlus)
    }

    @Test func fermionAnticommutators() throws {
        #expect(try algebra.anticommutator(c.annihilation, c.creation) == 1)
        #expect(try algebra.anticommutator(c.annihilation, d.creation) == 0)
        #expect(try algebra.anticommutator(c.annihilation, d.annihilation) == 0)
        #expect(try algebra.normalOrder(c.annihilation * c.annihilation) == 0)
        #expect(try algebra.normalOrder(c.creation * c.creation) == 0)
        // By hand: c c† = 1 − c† c; d c† = −c† d.
        #expect(try algebra.normalOrder(c.annihilation * c.creation) == 1 - c.creation * c.annihilation)
        #expect(try algebra.normalOrder(d.annihilation * c.creation) == -(c.creation * d.annihilation))
        // Number operators of different modes commute: [c†c, d†d] = 0.
        #expect(try algebra.commutator(c.creation * c.annihilation, d.creation * d.annihilation) == 0)
        // By hand: [c†c, c] = c†cc − cc†c = −(1 − c†c)c = −c.
        #expect(try algebra.commutator(c.creation * c.annihilation, c.annihilation) == -c.annihilation)
        // Fermions commute with bosons: [a, c] = 0.
        #expect(try algebra.commutator(a.annihilation, c.annihilation) == 0)
    }

    @Test func adjointOfProducts() throws {
        let z = Expr.symbol("z")  // complex
        let lambda = Expr.symbol("λ", [.real])
        // (z a† S^+ a)† = conj(z) a† S^- a (order reversed, a ↔ a†, S^+ ↔ S^-).
        let e = z * a.creation * S.plus * a.annihilation
        #expect(try algebra.adjoint(e) == Expr.conj(z) * a.creation * S.minus * a.annihilation)
        // (2iλ a b†)† = −2iλ b a† = −2iλ a† b.
        #expect(try algebra.adjoint(2 * Expr.i * lambda * a.annihilation * b.creation)
                == -2 * Expr.i * lambda * a.creation * b.annihilation)
        // (a a†)† = a a† = a†a + 1, and (S^z S^+)† = S^- S^z = S^z S^- + S^-.
        #expect(try algebra.adjoint(a.annihilation * a.creation) == a.creation * a.annihilation + 1)
        #expect(try algebra.adjoint(S.z * S.plus) == S.z * S.minus + S.minus)
        // (c† d)† = d† c, and (c d)† = d† c† = −c† d†.
        #expect(try algebra.adjoint(c.creation * d.annihilation) == d.creation * c.annihilation)
        #expect(try algebra.adjoint(c.annihilation * d.annihilation) == -(c.creation * d.creation))
    }

    @Test func undeclaredOperatorsAreErrors() {
        let stranger = Expr.symbol(Symbol("x", [], commutation: .operator(space: 99)))
        #expect(throws: AlgebraError.unknownOperator("x")) { try algebra.normalOrder(stranger * a.annihilation) }
        #expect(throws: AlgebraError.self) { try algebra.normalOrder(Expr.exp(a.annihilation)) }
    }
}
