import Testing
@testable import Symbolic

/// Grassmann parity with three values (even, odd, mixed), computed at construction, and what
/// products, conjugation, builtins, expansion and left derivatives do with it. Expected values
/// are worked out by hand (ψ² = 0, ψχ = −χψ).
@Suite struct ParityTests {
    let psi = Expr.symbol(Symbol("ψ", commutation: .grassmann))
    let chi = Expr.symbol(Symbol("χ", commutation: .grassmann))
    let eta = Expr.symbol(Symbol("η", commutation: .grassmann))
    let x = Expr.symbol("x"), a = Expr.symbol("a", [.real]), b = Expr.symbol("b")

    @Test func parityOfEachKindOfNode() {
        #expect(psi.parity == .odd)
        #expect((psi * chi).parity == .even)
        #expect((1 + psi).parity == .mixed)
        #expect((psi + chi).parity == .odd)
        #expect((1 + psi * chi).parity == .even)
        #expect((x + psi * chi + psi).parity == .mixed)
        #expect(((1 + psi) * chi).parity == .mixed)
        #expect(Expr.pow(1 + psi, 2).parity == .mixed)
        #expect(Expr.conj(psi).parity == .odd)
        #expect(Expr.conj(1 + psi).parity == .mixed)
        #expect(Expr.apply(.function("F_par"), [psi]).parity == .mixed)
        #expect(Expr.apply(.function("ψ_par", commutation: .grassmann), [x]).parity == .odd)
        let t = Symbol("t_par", [.real])
        let field = Symbol.function("ψ_par", commutation: .grassmann)
        #expect(Expr.integral(field(t.expr), t, from: 0, to: 1).parity == .odd)
        #expect(Expr.binder(.product, t, from: 0, to: 1, field(t.expr)).parity == .mixed)
        // Nothing Grassmann: even, and flags as they were.
        #expect((1 + x).parity == .even)
        #expect((1 + x).flags == [])
        #expect((2 * x + 1).isCommuting)
        #expect(!(1 + psi).isCommuting)
    }

    @Test func builtinsOfAnOddArgumentStopAtTheLinearTerm() {
        #expect(Expr.exp(psi) == 1 + psi)
        #expect(Expr.sin(psi) == psi)
        #expect(Expr.sinh(psi + chi) == psi + chi)
        #expect(Expr.cos(psi) == 1)
        #expect(Expr.cosh(psi) == 1)
        #expect(Expr.tanh(psi) == psi)
        // An even argument is left to the ordinary rules: exp(ψχ) stays, and is even.
        #expect(Expr.exp(psi * chi).builtin == .exp)
        #expect(Expr.exp(psi * chi).parity == .even)
    }

    @Test func mixedFactorsKeepTheirPlace() {
        let m = 1 + psi
        // (1 + ψ)χ and χ(1 + ψ) differ; each commutes with even factors.
        #expect(m * chi != chi * m)
        #expect(x * m == m * x)
        #expect((chi * eta) * m == m * (chi * eta))
        // Odd factors on one side of a mixed factor sort among themselves, with the sign.
        #expect(Expr.mul([m, psi, chi]) == -Expr.mul([m, chi, psi]))
        #expect(Expr.mul([psi, chi, m]) == -Expr.mul([chi, psi, m]))
        #expect(Expr.mul([psi, m, psi]) != 0)
        #expect(Expr.mul([psi, psi, m]) == 0)
        // A mixed factor next to itself is a power: (1 + ψ)(1 + ψ) = (1 + ψ)².
        #expect(m * m == Expr.pow(m, 2))
        #expect(Expr.mul([m, chi, m]) != Expr.mul([Expr.pow(m, 2), chi]))
    }

    @Test func expandDistributesMixedFactorsInOrder() {
        let m = 1 + psi
        // ψ(1 + χ)ψ = ψψ + ψχψ = 0.
        #expect(Expr.mul([psi, 1 + chi, psi]).expand() == 0)
        // (1 + ψ)² = 1 + 2ψ; (1 + ψ)³ = 1 + 3ψ.
        #expect(Expr.pow(m, 2).expand() == 1 + 2 * psi)
        #expect(Expr.pow(m, 3).expand() == 1 + 3 * psi)
        // (1 + ψ)χ(1 + η) = χ + χη + ψχ + ψχη.
        #expect(Expr.mul([m, chi, 1 + eta]).expand() == chi + chi * eta + psi * chi + Expr.mul([psi, chi, eta]))
        // (1 + ψ)(1 + χ)(1 + η) − (1 + η)(1 + χ)(1 + ψ) = 2(ψχ + ψη + χη) (+ ψχη − ηχψ = 2ψχη).
        let forward = Expr.mul([m, 1 + chi, 1 + eta]), backward = Expr.mul([1 + eta, 1 + chi, m])
        #expect((forward - backward).expand()
                == 2 * (psi * chi + psi * eta + chi * eta) + Expr.mul([2, psi, chi, eta]))
    }

    @Test func conjugationKeepsParityAndOrder() {
        let (pb, cb, eb) = (Expr.conj(psi), Expr.conj(chi), Expr.conj(eta))
        // ψ̄ψ + ψψ̄ = 0, ψ̄² = 0, ψ̄χ̄ = −χ̄ψ̄.
        #expect(pb * psi + psi * pb == 0)
        #expect(Expr.pow(pb, 2) == 0)
        #expect(pb * cb == -(cb * pb))
        // The bar acts factor by factor without reversing: conj(ψχ) = ψ̄χ̄, conj(ψχη) = ψ̄χ̄η̄.
        #expect(Expr.conj(psi * chi) == pb * cb)
        #expect(Expr.conj(Expr.mul([psi, chi, eta])) == Expr.mul([pb, cb, eb]))
        #expect(Expr.conj(pb) == psi)
        #expect(Expr.conj((1 + psi) * chi) == (1 + pb) * cb)
    }

    @Test func gradeInvolution() {
        #expect(psi.gradeInvolution() == -psi)
        #expect((psi * chi).gradeInvolution() == psi * chi)
        #expect((1 + psi).gradeInvolution() == 1 - psi)
        #expect(((1 + psi) * chi).gradeInvolution() == -((1 - psi) * chi))
        #expect(x.gradeInvolution() == x)
    }

    @Test func leftDerivativesPassMixedFactorsAsTheirInvolution() {
        let psiS = Symbol("ψ", commutation: .grassmann)
        // (1 + χ)ψ = ψ + χψ: ∂/∂ψ = 1 − χ.
        #expect(((1 + chi) * psi).derivative(psiS) == 1 - chi)
        // Expanded first, the same: ∂/∂ψ (ψ + χψ) = 1 − χ.
        #expect(((1 + chi) * psi).expand().derivative(psiS) == 1 - chi)
        // exp(a + ψ) = e^a (1 + ψ): ∂/∂ψ = e^a (not e^(a+ψ)).
        #expect(Expr.exp(a + psi).derivative(psiS) == Expr.exp(a))
        // χ exp(a + ψ) = χ e^a + χψ e^a: ∂/∂ψ = −χ e^a.
        #expect((chi * Expr.exp(a + psi)).derivative(psiS) == -(chi * Expr.exp(a)))
        // (b + ψ)(1 + χ)ψ = bψ + bχψ + ψχψ(= 0) + ψψ(= 0)... expanded: bψ + bχψ; ∂/∂ψ = b − bχ.
        let e = Expr.mul([b + psi, 1 + chi, psi])
        #expect(e.derivative(psiS).expand() == b - b * chi)
        #expect(e.expand().derivative(psiS) == b - b * chi)
    }
}
