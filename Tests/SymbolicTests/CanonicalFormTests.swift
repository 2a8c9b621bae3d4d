import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// Canonical-form invariants of the core constructors. Expected values are the
/// mathematical identities written by hand next to each check.
@Suite struct CanonicalFormTests {
    let x = Expr.symbol("x")
    let y = Expr.symbol("y")
    let z = Expr.symbol("z")

    @Test func sumsCollectLikeTermsAndOrderIndependently() {
        #expect(x + y == y + x)
        #expect((x + y) + z == x + (y + z))
        #expect(x + x == 2 * x)
        #expect(x - x == 0)
        #expect(2 * x + 3 * y - x - 3 * y == x)
        #expect((x + 1) + 2 == x + 3)
        #expect(Expr.add([x, Expr.add([y, z]), -y]) == x + z)
    }

    @Test func productsCombinePowersAndCoefficients() {
        #expect(x * y == y * x)
        #expect(x * x == Expr.pow(x, 2))
        #expect(Expr.pow(x, 2) * Expr.pow(x, -2) == 1)
        #expect(2 * x * 3 == 6 * x)
        #expect(x * 0 == 0)
        // A number distributes over a sum: 2(x + y) = 2x + 2y.
        #expect(2 * (x + y) == 2 * x + 2 * y)
        #expect(Expr.pow(x * y, 2) == Expr.pow(x, 2) * Expr.pow(y, 2))
    }

    @Test func sumFactorsGiveTheirContentToTheCoefficient() {
        // (2x + 2y) z = 2 (x + y) z: grouping does not change the canonical form.
        #expect((2 * x + 2 * y) * z == 2 * ((x + y) * z))
        #expect((2 * (x + y)) * z == 2 * ((x + y) * z))
        // (2x + 2y)^2 = 4 (x + y)^2, the same node as (2x+2y)(2x+2y).
        #expect(Expr.pow(2 * x + 2 * y, 2) == 4 * Expr.pow(x + y, 2))
        #expect((2 * x + 2 * y) * (2 * x + 2 * y) == Expr.pow(2 * x + 2 * y, 2))
        // (x/2 + y/3) z = (1/6)(3x + 2y) z, and (−x − y) z = −(x + y) z.
        #expect((x / 2 + y / 3) * z == Expr.rational(1, 6) * ((3 * x + 2 * y) * z))
        #expect((-x - y) * z == -((x + y) * z))
        // The unit i is content too: (i·(x + y))·z distributes i into the sum first, i·(x + y)·z
        // keeps it in the coefficient; both must be one node (found by the grouping property
        // test with (i·sin(2)·p·x + i·x² + i·conj(y))·…). Same for (1 + i) and −i multiples.
        let i = Expr.i
        #expect((i * (x + y)) * z == Expr.mul([i, x + y, z]))
        #expect((i * x + i * y) * z == i * ((x + y) * z))
        #expect(((1 + i) * (x + y)) * z == (1 + i) * ((x + y) * z))
        #expect((-i * x + y) * (-i * x + y) == Expr.pow(-i * x + y, 2))
        #expect(((-i) * (x - i * y)) * z == Expr.mul([-i, x - i * y, z]))
    }

    @Test func exactNumbers() {
        #expect(Expr.i * Expr.i == -1)
        #expect(Expr.rational(1, 2) + Expr.rational(1, 3) == Expr.rational(5, 6))
        #expect(Expr.pow(4, .half) == 2)
        #expect(Expr.pow(8, Expr.rational(2, 3)) == 4)
        #expect(Expr.pow(-4, .half) == 2 * Expr.i)
        // 1/sqrt(2) = sqrt(2)/2: denominators are rationalised.
        #expect(Expr.pow(2, Expr.rational(-1, 2)) == Expr.sqrt(2) / 2)
        #expect(Expr.sqrt(2) * Expr.sqrt(2) == 2)
        #expect(Expr.pow(Expr.sqrt(2), 3) == 2 * Expr.sqrt(2))
        // 2^64 exceeds Int64 and becomes a GMP integer.
        #expect(Expr.pow(2, 64).numberValue == GaussianRational(BigRational(BigInt("18446744073709551616")!)))
    }

    @Test func assumptionsDriveSimplification() {
        let r = Expr.symbol("r", [.real])
        let p = Expr.symbol("p", [.positive])
        #expect(Expr.conj(r) == r)
        #expect(Expr.conj(x) != x)
        #expect(Expr.conj(Expr.conj(x)) == x)
        #expect(Expr.sqrt(Expr.pow(p, 2)) == p)
        #expect(Expr.sqrt(Expr.pow(r, 2)) == Expr.abs(r))
        #expect(Expr.sqrt(Expr.pow(x, 2)) != x)
        #expect(Expr.conj(Expr.i * x) == -Expr.i * Expr.conj(x))
        #expect(Expr.abs(-3 * p) == 3 * p)
    }

    @Test func functionSymmetries() {
        #expect(Expr.sin(-x) == -Expr.sin(x))
        #expect(Expr.cos(-2 * x) == Expr.cos(2 * x))
        #expect(Expr.exp(Expr.log(x)) == x)
        #expect(Expr.exp(0) == 1)
        #expect(Expr.kroneckerDelta(x, x) == 1)
        #expect(Expr.kroneckerDelta(x, y) == Expr.kroneckerDelta(y, x))
        #expect(Expr.kroneckerDelta(1, 2) == 0)
        #expect(Expr.theta(3) == 1)
    }

    @Test func grassmannSignsAndNilpotency() {
        let psi = Expr.symbol(Symbol("psi", commutation: .grassmann))
        let chi = Expr.symbol(Symbol("chi", commutation: .grassmann))
        #expect(psi * chi == -(chi * psi))
        #expect(psi * psi == 0)
        #expect(psi * x * chi == -(chi * psi * x))
        // An even bilinear commutes with everything.
        let bilinear = psi * chi
        #expect(bilinear * x == x * bilinear)
        #expect((psi * chi) * (psi * chi) == 0)
    }

    @Test func operatorOrderIsKept() {
        let a = Expr.symbol(Symbol("a", commutation: .operator(space: 0)))
        let ad = Expr.symbol(Symbol("a†", commutation: .operator(space: 0)))
        let s = Expr.symbol(Symbol("S", commutation: .operator(space: 1)))
        #expect(a * ad != ad * a)
        #expect(a * ad - ad * a != 0)
        #expect(a * a == Expr.pow(a, 2))
        // Operators of different spaces commute: S a = a S.
        #expect(s * a == a * s)
        #expect(2 * x * a * ad == x * a * 2 * ad)
    }

    @Test func bindersCompareUpToRenaming() {
        let w = Symbol("w", [.real]), v = Symbol("v", [.real])
        let f = Symbol.function("F")
        let i1 = Expr.integral(f(.symbol(w)) * x, w, from: -Expr.infinity, to: .infinity)
        let i2 = Expr.integral(x * f(.symbol(v)), v, from: -Expr.infinity, to: .infinity)
        #expect(i1 == i2)
        let body = i1.instantiateBinder(with: y)
        #expect(body == f(y) * x)
    }

    @Test func containsVisitsSharedSubexpressionsOnce() {
        // e_{k+1} = e_k·(e_k + 1): 80 levels share every subexpression, so the DAG has a few
        // hundred nodes while the tree has more than 2^80; a tree walk would never finish.
        var e = x + 1
        for _ in 0..<80 { e = Expr.mul([e, e + 1]) }
        #expect(e.contains(x.symbol!))
        #expect(!e.contains(y.symbol!))
        #expect(!Expr.pow(Expr.pi, 2).contains(x.symbol!))
    }

    @Test func hashConsingGivesIdentity() {
        let e1 = Expr.sin(x + y) * (Expr.pow(x, 3) + 2)
        let e2 = (2 + Expr.pow(x, 3)) * Expr.sin(y + x)
        #expect(e1.id == e2.id)
    }
}

@Suite struct ModulusSquaredTests {
    @Test func zTimesItsConjugateIsNonnegative() {
        // |ψ|² = ψ·conj(ψ) ≥ 0, so ε² + g²|ψ|² (ε, g real) is nonnegative, its square root real:
        // conj(√(ε² + g²|ψ|²)) = √(ε² + g²|ψ|²) (E_α of paper 000, A15–A17).
        let eps = Expr.symbol("eps", [.real]), g = Expr.symbol("g", [.real]), psi = Expr.symbol("psi")
        let modulus = psi * Expr.conj(psi)
        #expect(modulus.isNonnegative && modulus.isReal)
        let e = Expr.sqrt(eps * eps + g * g * modulus)
        #expect(Expr.conjugate(e) == e)
        // ψ² conj(ψ) is not: the powers differ.
        #expect(!(psi * psi * Expr.conj(psi)).isNonnegative)
        #expect((Expr.pow(psi, 2) * Expr.pow(Expr.conj(psi), 2)).isNonnegative)
    }
}
