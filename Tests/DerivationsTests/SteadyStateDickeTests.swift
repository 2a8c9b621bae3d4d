import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// The Dicke limit η = η' = 0 of paper 003 (Appendix B): steady states found by the solver
/// from (A1) and |⟨S⟩| = 1/2, compared with what Appendix B prints (typed in below).
@Suite("Steady states: Dicke limit of 003 (Appendix B)")
struct SteadyStateDickeTests {
    let m = Paper003Model()
    var wc: Expr { m.omegaC }
    var wz: Expr { m.omegaZ }
    var l: Expr { m.lambda }
    var k: Expr { m.kappa }
    /// Appendix B as printed: λ_c² = ω_z(ω_c² + κ²/4)/(4ω_c).
    var lambdaC2: Expr { wz * (wc * wc + k * k / 4) / (4 * wc) }

    func zero(_ e: Expr) -> Bool { e.cancel().isZero }
    func numericallyZero(_ e: Expr, seed: UInt64 = 11) throws -> Bool {
        try Expr.numericallyEqual(e, .zero, digits: 100, samples: 4, seed: seed).equal
    }

    @Test func normalStatesAreSpinUpAndDown() throws {
        let d = try m.dickeSteadyStates()
        let (al, sm, sz) = (try m.variable(m.a.annihilation), try m.variable(m.S.minus), try m.variable(m.S.z))
        // Appendix B: ⟨a⟩ = ⟨S^{x,y}⟩ = 0, ⟨S^z⟩ = ±1/2, for every λ (no reality condition).
        #expect(d.normal.count == 2)
        #expect(Set(d.normal.map { $0[sz]! }) == [Expr.half, Expr.rational(-1, 2)])
        for b in d.normal {
            #expect(b[al]!.isZero && b[sm]!.isZero)
            #expect(b.realityConditions.isEmpty && b.free.isEmpty && b.verifiedSymbolically)
        }
        #expect(d.branches.count == 4)
    }

    @Test func criticalCouplingAgreesWithAppendixB() throws {
        let d = try m.dickeSteadyStates()
        // Symbolic: the difference cancels to 0; numeric: 100 digits at random points.
        #expect(zero(d.criticalCouplingSquared - lambdaC2))
        #expect(try numericallyZero(d.criticalCouplingSquared - lambdaC2))
        // The SR reality condition (radicand of ⟨S^x⟩) vanishes exactly there and equals
        // (1 − λ_c⁴/λ⁴)/4, so the pair is real exactly for λ ≥ λ_c (λ > 0).
        for b in d.superradiant {
            #expect(b.realityConditions.count == 1)
            let r = b.realityConditions[0]
            #expect(zero(r - (1 - lambdaC2 * lambdaC2 / Expr.pow(l, 4)) / 4))
        }
    }

    @Test func superradiantSzDisagreesWithThePrintedFormula() throws {
        let d = try m.dickeSteadyStates()
        let sz = try m.variable(m.S.z)
        #expect(d.superradiant.count == 2)
        let printed = Expr.neg(1 - lambdaC2 / (l * l)) / 2            // Appendix B as printed
        let corrected = Expr.neg(lambdaC2 / (l * l)) / 2              // erratum: −λ_c²/(2λ²)
        for b in d.superradiant {
            #expect(b.verifiedSymbolically)
            #expect(zero(b[sz]! - corrected))
            #expect(try numericallyZero(b[sz]! - corrected))
            // The printed ⟨S^z⟩ is 0 at λ = λ_c, where the SR pair must join ⟨S^z⟩ = −1/2.
            #expect(!zero(b[sz]! - printed))
            #expect(try !numericallyZero(b[sz]! - printed))
        }
    }

    @Test func superradiantSxAndPhotonField() throws {
        let d = try m.dickeSteadyStates()
        let (sm, sz) = (try m.variable(m.S.minus), try m.variable(m.S.z))
        let a = try m.variable(m.a.annihilation)
        var signs: [Bool] = []
        for b in d.superradiant {
            // ⟨S^-⟩ = S^x − iS^y: S^y = 0 and S^x = Re⟨S^-⟩.
            let (sx, negSy) = b.parts[sm]!
            #expect(negSy.isZero)
            // ⟨S^x⟩ = ±√(1/4 − ⟨S^z⟩²) (Appendix B): the squares agree symbolically.
            #expect(zero(sx * sx - (Expr.rational(1, 4) - b[sz]! * b[sz]!)))
            signs.append(try Expr.numericallyEqual(sx, Expr.sqrt(sx * sx), digits: 30, samples: 2, seed: 5).equal)
            // ⟨a⟩ = −2λ⟨S^x⟩/(ω_c − iκ/2) from d⟨a⟩/dt = 0 of (A1); Appendix B prints
            // (ω_c + iκ/2) (erratum), Sec. IV prints (ω_c − iκ/2) and agrees.
            let derived = Expr.neg(2 * l * sx) / (wc - Expr.i * k / 2)
            let printed = Expr.neg(2 * l * sx) / (wc + Expr.i * k / 2)
            #expect(zero(b[a]! - derived))
            #expect(try numericallyZero(b[a]! - derived))
            #expect(try !numericallyZero(b[a]! - printed))
        }
        // The Z₂ pair: one branch with each sign of ⟨S^x⟩.
        #expect(Set(signs) == [true, false])
    }
}
