import Foundation
import Testing
import Symbolic
import FieldTheory
@testable import Derivations

/// Paper 000 A21–A50 wired into the application: the `selfenergy` model statement (errors at
/// file:line:column, the steps it appends) and the verify steps `interaction`, `selfenergy`,
/// `causal`, `photonsaddle` on 000's model. Expected values are the paper's as printed or
/// worked by hand, as each comment says.
@Suite("Paper 000 A21–A50 as model statement and verify steps")
struct SelfEnergyStepTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("derivations/000-open-tavis-cummings")
    /// 000's model up to the spinor (KeldyshStatementTests.paper000), ten lines.
    static let base = KeldyshStatementTests.paper000
    static let ansatz = "\nframe psi: muS, b: muS/2, a: -muS/2\nbackground psi = sqrt(2) psi_f"

    func error(_ text: String) -> ModelError? {
        do throws(ModelError) { _ = try Model.parse(text, file: "000.kd") } catch { return error }
        return nil
    }

    @Test func statementErrorsCarryThePosition() {
        // No background before it: line 11 (the line after the spinor), column 12 (after `selfenergy `).
        let e1 = error(Self.base + "\nselfenergy phi")
        #expect(e1?.line == 11 && e1?.column == 12, "\(String(describing: e1))")
        #expect(e1.map { "\($0)".contains("background") } == true)
        // An unknown spinor: line 13, column 12.
        let e2 = error(Self.base + Self.ansatz + "\nselfenergy chi")
        #expect(e2?.line == 13 && e2?.column == 12 && e2.map { "\($0)".contains("not a spinor") } == true, "\(String(describing: e2))")
        // An unknown sign: `selfenergy phi sign plus`, the word `plus` at column 21.
        let e3 = error(Self.base + Self.ansatz + "\nselfenergy phi sign plus")
        #expect(e3?.line == 13 && e3?.column == 21 && e3.map { "\($0)".contains("unknown sign") } == true, "\(String(describing: e3))")
    }

    @Test func deriveStepsContinuePastG0() throws {
        let m = try Model.parse(Self.base + Self.ansatz + "\nselfenergy phi sign dyson", file: "000.kd")
        let d = try m.keldyshDerivation().withSectors(["phi"]).withSelfEnergy()
        let steps = d.records.map(\.step)
        #expect(Array(steps.suffix(9)) == ["field-splitting", "photon-mediated-interaction", "hubbard-stratonovich", "self-energy",
                                           "effective-action", "photon-saddle-point", "causality-reduction", "fluctuation-kernel",
                                           "self-energy-frequency"])
        // The named sign is recorded: B2's reading gives G⁻¹ = G₀⁻¹ − Σ.
        #expect(d.records.first { $0.step == "effective-action" }?.text.contains("G0^-1 - Sigma") == true)
        #expect(d.records.first { $0.step == "self-energy" }?.summary.contains("B2") == true)
    }

    /// The results of a manifest's steps, run in 000's folder.
    func steps(_ manifest: String) throws -> [StepRecord] {
        try Verifier.steps("model model.kd\n" + manifest, folder: Self.folder)
    }

    @Test func theSignOptionFlipsEveryEntry() throws {
        let r = try steps("selfenergy S: phi\nselfenergy D: phi; sign dyson")
        let (s, d) = (r[0].results, r[1].results)
        // A25 as printed is the A23 reading; under B2's (G⁻¹ = G₀⁻¹ − Σ) it is −A25 (each of the 16 entries).
        for name in ["bb11", "bb12", "bb21", "bb22", "aa11", "aa12", "aa21", "aa22"] {
            let sum = (s.values[name]! + d.values[name]!).expand()
            #expect(sum.isZero && !s.values[name]!.isZero, "\(name)")
        }
        // Nambu off-diagonal entries vanish (A24's zeros).
        #expect(s.values["ba11"]?.isZero == true && s.values["ab22"]?.isZero == true)
        // A39 by hand: Q = (2/λ)⟨aā⟩, ⟨aā⟩ = iG, λ = i → Q = 2G (FieldTheoryTests, Berezin).
        #expect(s.values["Q_per_G"] == Expr.integer(2))
    }

    @Test func causalSupportsByHand() throws {
        let r = try steps("causal C: phi").first!.results
        // A25 with A40–A42: G^K Q^R + G^R Q^K (G^A Q^(2,1) gone) — retarded; A29 with A40–A43:
        // G^K(−τ)Q^R + G^A(−τ)Q^K, G^A(−τ) ∝ θ(τ) — retarded too (A48's erratum); A26 keeps all
        // three terms — Keldysh; A27 (G^R Q^A + G^A Q^R): every product of opposite supports — 0.
        let (ret, kel) = (Expr.symbol(Symbol("retarded")), Expr.symbol(Symbol("keldysh")))
        #expect(r.values["support_bb11"] == ret && r.values["support_aa11"] == ret)
        #expect(r.values["support_bb12"] == kel && r.values["support_aa12"] == kel)
        #expect(r.values["support_bb21"] == .zero && r.values["bb21"]?.isZero == true && r.values["aa21"]?.isZero == true)
    }

    @Test func interactionMatrixIsA21ByHand() throws {
        let r = try steps("interaction I: phi").first!.results
        // A21's three brackets multiplied out: rows b̄^i a^j (11, 12, 21, 22), columns ā^k b^l: G^K on
        // (11|22) × (11|22), G^R on (11|22) × (12|21), G^A on (12|21) × (11|22), each −g²/2.
        let m = try #require(r.matrix)
        let gK = try #require(r.names["GK"]), gR = try #require(r.names["GR"]), gA = try #require(r.names["GA"])
        let g2 = Expr.neg(Expr.symbol("g", [.real, .positive]) ** 2) / 2
        let expected: [[Expr]] = [[gK, gR, gR, gK], [gA, 0, 0, gA], [gA, 0, 0, gA], [gK, gR, gR, gK]].map { $0.map { g2 * $0 } }
        for i in 0..<4 { for j in 0..<4 { #expect((m[i][j] - expected[i][j]).expand().isZero, "(\(i),\(j)) = \(m[i][j])") } }
    }

    @Test func manifestReportsAppendixAPart2() throws {
        let report = try verifyDerivation(directory: Self.folder.path)
        // 17 identical + 5 errata of A10–A20 (part 1), plus A21 (matrix), A25–A32, seven legible G^A lines
        // of A22, A38, A60, A61's corrected form, A44–A47 and A49–A50 (A46 twice), B15 (whole)
        // identical: 44; A53–A58 (Dyson sign, ∘ a convolution) and the A52 matrix identical: 51; and A22's last
        // line, A39, A61, A48, B6 errata, and the two other readings of A53 (A23's sign, A59's ∘): 12.
        #expect(report.count(.identical) == 51 && report.count(.erratum) == 12)
        #expect(report.count(.differs) == 0 && report.count(.notDerived) == 0 && report.passed)
        // Compared whole: B15 and A53–A58 with their integrals joined (the printed ∫dν against the
        // derived one), numerically by integrands; A60 and A61's corrected form by conjugates.
        for name in ["B15.K1R", "SigmaW.A53", "SigmaW.A58", "SigmaW.A52"] {
            let item = try #require(report.items.first { $0.name == name })
            #expect(item.symbolic && item.symbolicMethods == "integrals joined" && item.numericMethods == "by integrands")
        }
        for name in ["A38.A60", "A38.A61_corrected"] {
            let item = try #require(report.items.first { $0.name == name })
            #expect(item.symbolic && item.symbolicMethods == "re/im by conjugates" && item.numeric == true)
        }
        let errata = Set(report.items.filter { $0.status == .erratum }.map(\.name))
        #expect(errata == ["A14.K_bb", "A14.K_aa", "A14.K_ba", "A14.K_ab", "A14", "Sigma.A22_a21", "Sigma.A39", "causal.A48",
                           "A38.A61", "B6", "SigmaW23.A53", "SigmaW59.A53"])
    }
}

extension SelfEnergyStepTests {
    @Test func b6VertexIsMinusThePrintedOne() throws {
        let r = try steps("fluctuation F: phi").first!.results
        // B6 as printed: (g/√2)((δψ̄_q σ₋ + δψ_q σ₊)σ₁^K + (δψ̄_cl σ₋ + δψ_cl σ₊)σ₀^K), σ₊ = [[0, 1], [0, 0]] in
        // Nambu (b, a), Keldysh outside; Eq. 7's −λσ₊ − λ̄σ₋ (λ = gψ/√2) gives the opposite sign.
        let m = try #require(r.matrix)
        let n = r.names
        let (c, q, cb, qb) = (n["dpsi_cl"]!, n["dpsi_q"]!, n["dpsibar_cl"]!, n["dpsibar_q"]!)
        let printed: [[Expr]] = [[0, c, 0, q], [cb, 0, qb, 0], [0, q, 0, c], [qb, 0, cb, 0]]
        let k = Expr.symbol("g", [.real, .positive]) / Expr.sqrt(2)
        for i in 0..<4 { for j in 0..<4 { #expect((m[i][j] + k * printed[i][j]).expand().isZero, "(\(i),\(j)) = \(m[i][j])") } }
        // B15's tree part: ½ of the photon's (G⁻¹)^R in the frame, ½(ω − (ω₀ − μ_S) + iκ) (A10 shifted by μ_S).
        // w0 is declared nonnegative in model.kd (the paper sets ω₀ = 2ε₀ = 0).
        let (omega, w0, muS, kappa) = (Expr.symbol(Action.omega), Expr.symbol("w0", [.real, .nonnegative]),
                                       Expr.symbol("muS", [.real]), Expr.symbol("kappa", [.real, .positive]))
        #expect((r.values["tree"]! - (omega - w0 + muS + Expr.i * kappa) / 2).expand().isZero, "\(r.values["tree"]!)")
    }
}

extension SelfEnergyStepTests {
    @Test func sigmaInFrequencyByTheConvolutionTheorem() throws {
        let r = try steps("frequency W: phi\nfrequency L: phi; convolution asA59")
        let (w, l) = (r[0].results, r[1].results)
        // By hand from Σ^R_bb(τ) = −i g²/4 (G^K_ψ(τ)Q^R_a(τ) + G^R_ψ(τ)Q^K_a(τ)) (A25 with A40–A42), Q = 2G
        // (A39 as derived) and f(τ)g(τ) → ∫dν/2π g(ν) f(ω − ν): the dν-density −i g²/(4π)(G^R_aa(ν)G^K_ψ(ω − ν)
        // + G^K_aa(ν)G^R_ψ(ω − ν)) in A23's sign; with A59's ∘ the photon's argument is ν − ω.
        let g = Expr.symbol("g", [.real, .positive]), omega = Expr.symbol(Action.omega), nu = Expr.symbol("nu", [.real])
        func f(_ name: String, _ x: Expr) -> Expr { Expr.apply(Symbol.function(name), [x]) }
        let c = Expr.neg(Expr.i) * g * g / (4 * Expr.pi)
        let conv = c * (f("GR_aa", nu) * f("GK_psi", omega - nu) + f("GK_aa", nu) * f("GR_psi", omega - nu))
        let lit = c * (f("GR_aa", nu) * f("GK_psi", nu - omega) + f("GK_aa", nu) * f("GR_psi", nu - omega))
        #expect((w.values["density_R_bb"]! - conv).expand().isZero, "\(w.values["density_R_bb"]!)")
        #expect((l.values["density_R_bb"]! - lit).expand().isZero, "\(l.values["density_R_bb"]!)")
        // R_bb is Σ^R_bb(ω) whole: ∫dν over the density.
        let nuSymbol = Symbol("nu", [.real])
        #expect(w.values["R_bb"]! == Expr.integral(w.values["density_R_bb"]!, nuSymbol, from: -Expr.infinity, to: .infinity))
    }

    @Test func anUnknownConvolutionReadingIsAnError() {
        // `selfenergy phi convolution literal`: the word `literal` at column 28 of line 13.
        let e = error(Self.base + Self.ansatz + "\nselfenergy phi convolution literal")
        #expect(e?.line == 13 && e?.column == 28 && e.map { "\($0)".contains("unknown reading") } == true, "\(String(describing: e))")
    }
}
