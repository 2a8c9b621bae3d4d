import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// The Dicke limit η = η' = 0 of paper 003 (Appendix B): steady states found by the `steady`
/// step from the model file with |⟨S⟩| = 1/2, compared with what Appendix B prints (typed in
/// below).
@Suite("Steady states: Dicke limit of 003 (Appendix B)")
struct StepSteadyDickeTests {
    let f: Paper003ModelFile
    let wc: Expr, wz: Expr, l: Expr, k: Expr
    let a: Expr, sm: Expr, sz: Expr
    /// Appendix B as printed: λ_c² = ω_z(ω_c² + κ²/4)/(4ω_c).
    var lambdaC2: Expr { wz * (wc * wc + k * k / 4) / (4 * wc) }
    static let dicke = "steady D: a, Sz, S-; where eta = 0, eta' = 0; constraint <S+> <S-> + <Sz>^2 = 1/4"

    init() throws {
        f = try Paper003ModelFile()
        (wc, wz, l, k) = (try f.e("wc"), try f.e("wz"), try f.e("lambda"), try f.e("kappa"))
        (a, sm, sz) = (try f.e("<a>"), try f.e("<S->"), try f.e("<Sz>"))
    }

    func zero(_ e: Expr) -> Bool { e.cancel().isZero }
    func numericallyZero(_ e: Expr, seed: UInt64 = 11) throws -> Bool {
        try Expr.numericallyEqual(e, .zero, digits: 100, samples: 4, seed: seed).equal
    }

    func superradiant() throws -> [SteadyStateBranch] { try f.branches(Self.dicke).filter { !$0[a]!.isZero } }

    @Test func normalStatesAreSpinUpAndDown() throws {
        let all = try f.branches(Self.dicke)
        let normal = all.filter { $0[a]!.isZero }
        // Appendix B: ⟨a⟩ = ⟨S^{x,y}⟩ = 0, ⟨S^z⟩ = ±1/2, for every λ (no reality condition).
        #expect(normal.count == 2)
        #expect(Set(normal.map { $0[sz]! }) == [Expr.half, Expr.rational(-1, 2)])
        for b in normal {
            #expect(b[a]!.isZero && b[sm]!.isZero)
            #expect(b.realityConditions.isEmpty && b.free.isEmpty && b.verifiedSymbolically)
        }
        #expect(all.count == 4)
    }

    @Test func criticalCouplingAgreesWithAppendixB() throws {
        // λ_c² from the `values` clause as verify.kd writes it: where the SR ⟨S^z⟩ reaches −1/2.
        let r = try f.step(Self.dicke + "; select <a> != 0; values lambdaC2 = solve(<Sz> + 1/2, lambda^2)")
        let derived = try #require(r.results.values["lambdaC2"])
        // Symbolic: the difference cancels to 0; numeric: 100 digits at random points.
        #expect(zero(derived - lambdaC2))
        #expect(try numericallyZero(derived - lambdaC2))
        // The SR reality condition (radicand of ⟨S^x⟩) vanishes exactly there and equals
        // (1 − λ_c⁴/λ⁴)/4, so the pair is real exactly for λ ≥ λ_c (λ > 0).
        for b in try superradiant() {
            #expect(b.realityConditions.count == 1)
            #expect(zero(b.realityConditions[0] - (1 - lambdaC2 * lambdaC2 / Expr.pow(l, 4)) / 4))
        }
    }

    @Test func superradiantSzDisagreesWithThePrintedFormula() throws {
        let sr = try superradiant()
        #expect(sr.count == 2)
        let printed = Expr.neg(1 - lambdaC2 / (l * l)) / 2            // Appendix B as printed
        let corrected = Expr.neg(lambdaC2 / (l * l)) / 2              // erratum: −λ_c²/(2λ²)
        for b in sr {
            #expect(b.verifiedSymbolically)
            #expect(zero(b[sz]! - corrected))
            #expect(try numericallyZero(b[sz]! - corrected))
            // The printed ⟨S^z⟩ is 0 at λ = λ_c, where the SR pair must join ⟨S^z⟩ = −1/2.
            #expect(!zero(b[sz]! - printed))
            #expect(try !numericallyZero(b[sz]! - printed))
        }
    }

    @Test func superradiantSxAndPhotonField() throws {
        var signs: [Bool] = []
        for b in try superradiant() {
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
        // The `values` clause reads the first SR branch: ⟨a⟩/Re⟨S^-⟩ = −2λ/(ω_c − iκ/2).
        let r = try f.step(Self.dicke + "; select <a> != 0; values ratio = <a>/re(<S->), Sz = <Sz>")
        #expect(zero(try #require(r.results.values["ratio"]) + 2 * l / (wc - Expr.i * k / 2)))
        #expect(zero(try #require(r.results.values["Sz"]) + lambdaC2 / (2 * l * l)))
    }

    @Test func selectWithoutAMatchingBranchFails() throws {
        // ⟨a⟩ = 1 on no branch: the step reports it instead of using some other branch.
        #expect(throws: AlgebraError.self) { try f.step(Self.dicke + "; select <a> - 1 = 0; values x = <Sz>") }
    }
}
