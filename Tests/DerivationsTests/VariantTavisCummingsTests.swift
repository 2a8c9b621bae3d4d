import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// The Tavis–Cummings limit η' = λ = 0 of paper 003: the lasing ansatz (B1) solved in the
/// rotating frame by the solver, compared with (B2), (B3), κ_c and the threshold of Sec. II B
/// (all typed in below as printed).
@Suite("Variants: Tavis–Cummings limit of 003 (B1–B3)")
struct VariantTavisCummingsTests {
    let m = Paper003Model()
    var wc: Expr { m.omegaC }
    var wz2: Expr { m.omegaZPrime }
    var k: Expr { m.kappa }
    var eta: Expr { m.eta }
    var gt: Expr { m.gammaT }
    var tau0: Expr { m.tau0 }
    /// ((ω_c − ω'_z)²/(κ + γ_t)² + 1/4), the bracket of (B2).
    var bracket: Expr { (wc - wz2) * (wc - wz2) / ((k + gt) * (k + gt)) + Expr.rational(1, 4) }

    func agree(_ a: Expr, _ b: Expr) throws -> Bool {
        let symbolic = (a - b).cancel().isZero
        let numeric = try Expr.numericallyEqual(a, b, digits: 100, samples: 4, seed: 17).equal
        return symbolic && numeric
    }

    @Test func branchesOfTheRotatingFrame() throws {
        let tc = try m.tavisCummingsLasing()
        // Normal state (a₀ = T₀ = 0, ⟨T^z⟩ = τ₀^z, Δ free) and the lasing pair a₀ = ±|a₀|.
        #expect(tc.branches.count == 3)
        #expect(tc.lasing.count == 2)
        let normal = try #require(tc.branches.first { $0[tc.a0]!.isZero })
        #expect(try agree(normal[try m.variable(m.T.z)]!, tau0))
        #expect(normal.free == [tc.delta])
        #expect(tc.branches.allSatisfy { $0.verifiedSymbolically })
    }

    @Test func frequencyAndPopulationB2() throws {
        let tc = try m.tavisCummingsLasing()
        // (B2), first two lines.
        #expect(try agree(tc.frequency, (k * wz2 + gt * wc) / (k + gt)))
        #expect(try agree(tc.tz, gt * k / (2 * eta * eta) * bracket))
    }

    @Test func transverseAmplitudeB2ThirdLine() throws {
        let tc = try m.tavisCummingsLasing()
        // (B2), third line, squared: |T₀^±|² = γ_tτ₀κ/η² (…) − γ_t²κ²/(2η⁴) (…)². Its
        // phase relative to a₀ is not printed: T₀^- = (Δ − ω_c + iκ/2)a₀/η by d⟨a⟩/dt = 0.
        let printed = gt * tau0 * k / (eta * eta) * bracket
            - gt * gt * k * k / (2 * Expr.pow(eta, 4)) * bracket * bracket
        #expect(try agree(tc.tModulusSquared, printed))
        for b in tc.lasing {
            let ratio = (tc.frequency - wc + Expr.i * k / 2) / eta
            #expect(try agree(b[tc.t0]!, ratio * b[tc.a0]!))
        }
    }

    @Test func photonNumberAndThreshold() throws {
        let tc = try m.tavisCummingsLasing()
        // (B3) last line, valid for any ω'_z: n = γ_t(τ₀^z − ⟨T^z⟩)/κ.
        #expect(try agree(tc.photonNumber, gt / k * (tau0 - tc.tz)))
        // The lasing branch is real iff n ≥ 0: its reality condition is n times a positive
        // square (the solver may reach the quadratic in Im T₀ = κa₀/(2η) rather than in a₀).
        for b in tc.lasing {
            let ratio = (b.realityConditions[0] / tc.photonNumber).cancel()
            #expect(try agree(ratio, .one) || agree(ratio, k * k / (4 * eta * eta)))
        }
        // Sec. II B: lasing for γ↑/γ_t ≥ 1/2 + κγ_t/(8η²) + κγ_t(ω_c − ω'_z)²/(2η²(κ + γ_t)²),
        // i.e. n·κ/γ_t = γ↑/γ_t − (that bound).
        let bound = Expr.half + k * gt / (8 * eta * eta)
            + k * gt * (wc - wz2) * (wc - wz2) / (2 * eta * eta * (k + gt) * (k + gt))
        #expect(try agree(tc.photonNumber * k / gt, m.gammaUp / gt - bound))
    }

    @Test func resonantLimitB3AndCriticalLoss() throws {
        let tc = try m.tavisCummingsLasing()
        let res: [Expr: Expr] = [wz2: wc]   // ω_c = ω'_z ≡ ω
        // (B3).
        #expect(try agree(tc.frequency.substitute(res), wc))
        let tz = tc.tz.substitute(res)
        #expect(try agree(tz, gt * k / (8 * eta * eta)))
        #expect(try agree(tc.tModulusSquared.substitute(res),
                          gt * tau0 * k / (4 * eta * eta) - gt * gt * k * k / (32 * Expr.pow(eta, 4))))
        #expect(try agree(tc.photonNumber.substitute(res), gt / k * (tau0 - tz)))
        // κ_c: n ≥ 0 needs ⟨T^z⟩ ≤ τ₀^z ≤ 1/2 (γ↓ → 0); ⟨T^z⟩ = 1/2 solved for κ by the
        // solver's linear step gives κ_c = 4η²/γ_t.
        let kc = Symbol("κ_c", [.positive])
        let condition = clearedNumerator(tz.substitute([k: Expr.symbol(kc)]) - Expr.half)
        let solved = try Triangularization(unknowns: [kc]).run([condition])
        #expect(solved.count == 1)
        #expect(try agree(solved[0].solved[0].1, 4 * eta * eta / gt))
    }
}
