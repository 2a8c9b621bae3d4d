import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// The Tavis–Cummings limit η' = λ = 0 of paper 003: the lasing ansatz (B1) solved by the
/// `steady` step in the frame rotating at Δ, from the model file, compared with (B2), (B3),
/// κ_c and the threshold of Sec. II B (all typed in below as printed).
@Suite("Steady states: Tavis–Cummings limit of 003 (B1–B3)")
struct StepSteadyTavisCummingsTests {
    let f: Paper003ModelFile
    let wc: Expr, wz2: Expr, k: Expr, eta: Expr, gt: Expr, up: Expr, down: Expr
    let a: Expr, tm: Expr, tz: Expr, delta: Expr
    /// τ₀^z = (γ↑ − γ↓)/(2γ_t).
    var tau0: Expr { (up - down) / (2 * gt) }
    /// ((ω_c − ω'_z)²/(κ + γ_t)² + 1/4), the bracket of (B2).
    var bracket: Expr { (wc - wz2) * (wc - wz2) / ((k + gt) * (k + gt)) + Expr.rational(1, 4) }
    static let lasing = "steady TC: a, Tz, T-; where eta' = 0, lambda = 0; frame Delta: a, T-; real a"

    init() throws {
        f = try Paper003ModelFile()
        (wc, wz2, k, eta) = (try f.e("wc"), try f.e("wz'"), try f.e("kappa"), try f.e("eta"))
        (gt, up, down) = (try f.e("gt"), try f.e("gup"), try f.e("gdown"))
        (a, tm, tz) = (try f.e("<a>"), try f.e("<T->"), try f.e("<Tz>"))
        delta = .symbol(Symbol("Delta", [.real]))
    }

    func agree(_ x: Expr, _ y: Expr) throws -> Bool { try f.agree(x, y) }

    func lasingBranches() throws -> [SteadyStateBranch] { try f.branches(Self.lasing).filter { !$0[a]!.isZero } }

    /// The values the verify manifest reads off the first lasing branch.
    func values() throws -> [String: Expr] {
        try f.step(Self.lasing + "; select <a> != 0; values Delta = Delta, Tz = <Tz>, T0abs2 = abs2(<T->), n = abs2(<a>)")
            .results.values
    }

    @Test func branchesOfTheRotatingFrame() throws {
        let all = try f.branches(Self.lasing)
        // Normal state (a₀ = T₀ = 0, ⟨T^z⟩ = τ₀^z, Δ free) and the lasing pair a₀ = ±|a₀|.
        #expect(all.count == 3)
        #expect(try lasingBranches().count == 2)
        let normal = try #require(all.first { $0[a]!.isZero })
        #expect(try agree(normal[tz]!, tau0))
        #expect(normal.free == [delta])
        #expect(all.allSatisfy { $0.verifiedSymbolically })
    }

    @Test func frequencyAndPopulationB2() throws {
        let v = try values()
        // (B2), first two lines.
        #expect(try agree(v["Delta"]!, (k * wz2 + gt * wc) / (k + gt)))
        #expect(try agree(v["Tz"]!, gt * k / (2 * eta * eta) * bracket))
    }

    @Test func transverseAmplitudeB2ThirdLine() throws {
        let v = try values()
        // (B2), third line, squared: |T₀^±|² = γ_tτ₀κ/η² (…) − γ_t²κ²/(2η⁴) (…)². Its
        // phase relative to a₀ is not printed: T₀^- = (Δ − ω_c + iκ/2)a₀/η by d⟨a⟩/dt = 0.
        let printed = gt * tau0 * k / (eta * eta) * bracket - gt * gt * k * k / (2 * Expr.pow(eta, 4)) * bracket * bracket
        #expect(try agree(v["T0abs2"]!, printed))
        for b in try lasingBranches() {
            let ratio = (b[delta]! - wc + Expr.i * k / 2) / eta
            #expect(try agree(b[tm]!, ratio * b[a]!))
        }
    }

    @Test func photonNumberAndThreshold() throws {
        let v = try values()
        let n = v["n"]!
        // (B3) last line, valid for any ω'_z: n = γ_t(τ₀^z − ⟨T^z⟩)/κ.
        #expect(try agree(n, gt / k * (tau0 - v["Tz"]!)))
        // The lasing branch is real iff n ≥ 0: its reality condition is n times a positive
        // square (the solver may reach the quadratic in Im T₀ = κa₀/(2η) rather than in a₀).
        for b in try lasingBranches() {
            let ratio = (b.realityConditions[0] / n).cancel()
            #expect(try agree(ratio, .one) || agree(ratio, k * k / (4 * eta * eta)))
        }
        // Sec. II B: lasing for γ↑/γ_t ≥ 1/2 + κγ_t/(8η²) + κγ_t(ω_c − ω'_z)²/(2η²(κ + γ_t)²),
        // i.e. n·κ/γ_t = γ↑/γ_t − (that bound).
        let bound = Expr.half + k * gt / (8 * eta * eta) + k * gt * (wc - wz2) * (wc - wz2) / (2 * eta * eta * (k + gt) * (k + gt))
        #expect(try agree(n * k / gt, up / gt - bound))
    }

    @Test func resonantLimitB3AndCriticalLoss() throws {
        let r = try f.step(Self.lasing + "; select <a> != 0; values Delta = subs(Delta, wz', wc), Tz = subs(<Tz>, wz', wc), "
                           + "T0abs2 = subs(abs2(<T->), wz', wc), n = subs(abs2(<a>), wz', wc)").results.values
        // (B3), ω_c = ω'_z ≡ ω.
        #expect(try agree(r["Delta"]!, wc))
        #expect(try agree(r["Tz"]!, gt * k / (8 * eta * eta)))
        #expect(try agree(r["T0abs2"]!, gt * tau0 * k / (4 * eta * eta) - gt * gt * k * k / (32 * Expr.pow(eta, 4))))
        #expect(try agree(r["n"]!, gt / k * (tau0 - r["Tz"]!)))
        // κ_c: n ≥ 0 needs ⟨T^z⟩ ≤ τ₀^z ≤ 1/2 (γ↓ → 0); ⟨T^z⟩ = 1/2 solved for κ by the
        // solver's linear step gives κ_c = 4η²/γ_t.
        let kc = Symbol("κ_c", [.positive])
        let condition = clearedNumerator(r["Tz"]!.substitute([k: Expr.symbol(kc)]) - Expr.half)
        let solved = try Triangularization(unknowns: [kc]).run([condition])
        #expect(solved.count == 1)
        #expect(try agree(solved[0].solved[0].1, 4 * eta * eta / gt))
    }
}
