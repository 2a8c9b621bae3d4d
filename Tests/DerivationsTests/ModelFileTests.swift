import Foundation
import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// Model files (.kd): what they build, and the file:line:column of every kind of error.
@Suite("Model files")
struct ModelFileTests {
    /// Eqs. (1)–(2) of paper 003, written as in derivations/003-spintronic-dicke/model.kd.
    static let paper003 = """
        parameters wc, wz, wz', lambda, eta, eta', kappa, gup, gdown : real positive
        boson a
        spins S, T : N spin-1/2
        H = wc a† a + wz Sz + wz' Tz + lambda/sqrt(N) (a + a†)(S+ + S-)
            + eta/sqrt(N) (a T+ + a† T-) + eta'/N (S+ T- + S- T+)
        dissipator kappa D[a]
        dissipator gup sum_i D[T+_i]
        dissipator gdown sum_i D[T-_i]
        """

    @Test func paper003ModelMatchesTheSwiftAPI() throws {
        // Second construction: the same system built with the Algebra API as in
        // Paper003Tests. The Heisenberg equations of a, S^-, S^z, T^-, T^z must agree.
        let model = try Model.parse(Self.paper003, file: "003.kd")
        let N = Expr.symbol("N", [.positive])
        func p(_ n: String) -> Expr { Expr.symbol(n, [.positive]) }
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "s", size: N)
        let T = alg.spinEnsemble("T", site: "t", size: N)
        let h = p("wc") * a.creation * a.annihilation + p("wz") * S.z + p("wz'") * T.z
            + p("lambda") / Expr.sqrt(N) * (a.annihilation + a.creation) * (S.plus + S.minus)
            + p("eta") / Expr.sqrt(N) * (a.annihilation * T.plus + a.creation * T.minus)
            + p("eta'") / N * (S.plus * T.minus + S.minus * T.plus)
        let reference = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [
            .collective(a.annihilation, rate: p("kappa")),
            .perSite(T.sitePlus, rate: p("gup")), .perSite(T.siteMinus, rate: p("gdown"))])
        #expect(model.systemSize == N)
        #expect(model.operators["S+"] == S.plus && model.operators["T-_i"] == T.siteMinus && model.operators["a†"] == a.creation)
        for o in [a.annihilation, S.minus, S.z, T.minus, T.z] {
            #expect(same(try model.system.heisenberg(o), try reference.heisenberg(o)), "d\(o)/dt")
        }
    }

    @Test func defaultOperatorsCloseToTheFiveVariablesOfA1() throws {
        // Without a `meanfield` statement: ⟨a⟩, ⟨S^-⟩, ⟨T^-⟩ named, closure adds ⟨S^z⟩, ⟨T^z⟩ (Appendix A).
        let d = try Model.parse(Self.paper003, file: "003.kd").derive()
        #expect(d.meanField.equations.count == 5)
        #expect(Set(d.meanField.added.map { "\($0)" }) == ["S^z", "T^z"])
    }

    @Test func definitionsAndContinuationLines() throws {
        let m = try Model.parse("""
            parameters w, g1, g2
            define g = g1 + g2   # a relation, substituted where used
            boson b
            H = w b† b
            dissipator g
                D[b]
            """, file: "d.kd")
        // κ_eff = g1 + g2: d⟨b⟩/dt = −(i w + (g1 + g2)/2)⟨b⟩ (damped oscillator, by hand).
        let mf = try m.system.meanField([m.operators["b"]!])
        let b = try m.system.expectation(m.operators["b"]!)
        let (w, g1, g2) = (Expr.symbol("w", [.real]), Expr.symbol("g1", [.real]), Expr.symbol("g2", [.real]))
        #expect(same(mf.equations[0].rhs, -(Expr.i * w + (g1 + g2) / 2) * b))
    }

    @Test func latexNamesOfParameters() throws {
        // A2 entry (1,1) typeset as in the paper: −iω_c − κ/2 (the `keldysh latex` form of
        // '-I omega_c - kappa/2', README); text output keeps the model's name wc.
        let m = try Model.parse(Self.paper003 + "\nlatex wc = omega_c", file: "003.kd")
        let d = try m.derive(linearize: true, about: NamedText("a=0, S-=0, Sz=-1/2, T-=0, Tz=0", origin: "--about"), order: NamedText("a, a*", origin: "--order"))
        #expect(d.rendered(.latex).contains("-i\\omega_c - \\frac{\\kappa}{2} & 0"))
        #expect(d.rendered(.text).contains("row 1: -I*wc - kappa/2 | 0"))
        var bad: ModelError?
        do throws(ModelError) { _ = try Model.parse(Self.paper003 + "\nlatex a = alpha", file: "003.kd") } catch { bad = error }
        #expect(bad?.line == 9 && bad?.column == 7)
    }

    @Test func expectationBracketsAreTheMeanFieldVariables() throws {
        let m = try Model.parse(Self.paper003, file: "003.kd")
        let a = try m.system.expectation(m.operators["a"]!)
        let sm = try m.system.expectation(m.operators["S-"]!)
        // ⟨a†⟩ = conj⟨a⟩ and ⟨S^+⟩ = conj⟨S^-⟩ (Expectation.swift); both bracket styles.
        #expect(try m.expression("<a†> + ⟨S+⟩", origin: "t") == Expr.conj(a) + Expr.conj(sm))
        #expect(try m.expression("2 <a> <S->", origin: "t") == 2 * a * sm)
    }

    // MARK: errors, each at file:line:column of the offending token

    func error(_ text: String) -> ModelError? {
        do {
            _ = try Model.parse(text, file: "m.kd")
            return nil
        } catch {
            return error
        }
    }

    @Test func undeclaredSymbol() {
        let e = error("parameters w\nboson a\nH = w a† a + g a")
        #expect(e?.line == 3 && e?.column == 14)
        #expect(e?.message.contains("undeclared name 'g'") == true)
        #expect(e?.description.hasPrefix("m.kd:3:14: error:") == true)
    }

    @Test func undeclaredSymbolOnAContinuationLine() {
        // The column is that of the second physical line, not of the joined statement.
        let e = error("parameters w\nboson a\nH = w a† a\n      + q (a + a†)")
        #expect(e?.line == 4 && e?.column == 9)
    }

    @Test func wrappedErrorsKeepTheirCause() {
        // The algebra's own error, at the position of the expression, kept as it was thrown.
        let e = error("parameters w\nboson a\nH = w a† a + w exp(a)")
        #expect(e?.line == 3 && e?.column == 5 && e?.message == "unsupported: operator inside exp(a)")
        #expect(e?.cause as? AlgebraError == .unsupported("operator inside exp(a)"))
    }

    @Test func nonHermitianHamiltonian() {
        let e = error("parameters w, g\nboson a\nH = w a† a + i g a")
        #expect(e?.line == 3 && e?.column == 5)
        #expect(e?.message.contains("not Hermitian") == true)
        // a complex coupling without its conjugate term is also caught
        let f = error("parameters w : real\nparameters g : complex\nboson a\nH = w a† a + g a + g a†")
        #expect(f?.line == 4 && f?.message.contains("not Hermitian") == true)
    }

    @Test func unknownOperatorInADissipator() {
        let e = error("parameters w, k\nboson a\nH = w a† a\ndissipator k D[b]")
        #expect(e?.line == 4 && e?.column == 16)
        #expect(e?.message.contains("undeclared name 'b'") == true)
    }

    @Test func phaseNames() throws {
        // Named classes and their legend labels; an unnamed class keeps its generic name.
        let m = try Model.parse("parameters w\nboson a\nH = w a† a\nphase ordered = SR: stationary, ⟨S^x⟩ ≠ 0\n"
                                + "phase irregular = IR", file: "m.kd")
        #expect(m.phaseNames.name(.ordered) == "SR" && m.phaseNames.label(.ordered) == "SR: stationary, ⟨S^x⟩ ≠ 0")
        #expect(m.phaseNames.name(.irregular) == "IR" && m.phaseNames.label(.irregular) == "IR: irregular")
        #expect(m.phaseNames.name(.periodic) == "periodic")
        let unknown = error("parameters w\nboson a\nH = w a† a\nphase chaotic = X")
        #expect(unknown?.line == 4 && unknown?.column == 7 && unknown?.message.contains("unknown phase class 'chaotic'") == true)
        let twice = error("parameters w\nboson a\nH = w a† a\nphase ordered = A\nphase ordered = B")
        #expect(twice?.line == 5 && twice?.message.contains("named twice") == true)
        let comma = error("parameters w\nboson a\nH = w a† a\nphase ordered = A,B: x")
        #expect(comma?.line == 4 && comma?.column == 17 && comma?.message.contains("CSV field") == true)
    }

    @Test func unknownStatement() {
        let e = error("parameters w\nbosn a\nH = w")
        #expect(e?.line == 2 && e?.column == 1 && e?.message.contains("unknown statement 'bosn'") == true)
    }

    @Test func syntaxErrorInsideAnExpression() {
        let e = error("parameters w\nboson a\nH = w (a† a")
        #expect(e?.line == 3 && e?.column == 12)
        #expect(e?.message.contains("expected ')'") == true)
    }

    @Test func perSiteOperatorsMisplaced() {
        let inH = error("parameters w\nspins S : N spin-1/2\nH = w Sz + w S+_i")
        #expect(inH?.line == 3 && inH?.column == 14 && inH?.message.contains("per-site") == true)
        let noSum = error("parameters w, g\nspins S : N spin-1/2\nH = w Sz\ndissipator g D[S-_i]")
        #expect(noSum?.line == 4 && noSum?.column == 16 && noSum?.message.contains("sum_i") == true)
        let collective = error("parameters w, g\nspins S : N spin-1/2\nH = w Sz\ndissipator g sum_i D[S-]")
        #expect(collective?.line == 4 && collective?.column == 22)
    }

    @Test func declarationErrors() {
        let twice = error("parameters w\nboson w\nH = w")
        #expect(twice?.line == 2 && twice?.column == 7 && twice?.message.contains("already declared (at 1:12)") == true)
        let word = error("parameters w : real postive\nH = w")
        #expect(word?.line == 1 && word?.column == 21 && word?.message.contains("unknown assumption 'postive'") == true)
        let spin = error("spins S : N spin-1\nH = Sz")
        #expect(spin?.line == 1 && spin?.column == 13)
        let missing = error("parameters w\nboson a")
        #expect(missing?.message.contains("no Hamiltonian") == true)
    }

    @Test func badDerivationOptions() throws {
        let m = try Model.parse(Self.paper003, file: "003.kd")
        func fails(_ body: () throws(ModelError) -> Void) -> ModelError? {
            do throws(ModelError) { try body(); return nil } catch { return error }
        }
        let op = fails { () throws(ModelError) in _ = try m.derive(operators: NamedText("a, b", origin: "--operators")) }
        #expect(op?.file == "--operators" && op?.column == 4)
        let point = fails { () throws(ModelError) in _ = try m.derive(linearize: true, about: NamedText("a = 0, S- = 0", origin: "--about"), order: NamedText("a, a*", origin: "--order")) }
        #expect(point?.file == "--about" && point?.message.contains("no value for") == true
                && point?.message.contains("⟨S^z⟩") == true)
        let order = fails { () throws(ModelError) in
            _ = try m.derive(linearize: true, about: NamedText("a=0, S-=0, Sz=-1/2, T-=0, Tz=0", origin: "--about"), order: NamedText("a, a*, wc", origin: "--order"))
        }
        #expect(order?.file == "--order" && order?.column == 8)
    }
}

/// The tutorial's variant (docs/examples/third-ensemble.kd): a third ensemble U.
@Suite("Tutorial model: third spin ensemble")
struct TutorialModelTests {
    @Test func newRowsOfTheStabilityMatrix() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/third-ensemble.kd")
        let model = try Model.parse(try String(contentsOf: url, encoding: .utf8), file: "third-ensemble.kd")
        let lin = try #require(try model.derive(linearize: true).linearization)
        let (zeta, wu, gu) = (Expr.symbol("zeta", [.positive]), Expr.symbol("wu", [.positive]), Expr.symbol("gu", [.positive]))
        let i = Expr.i
        // By hand: d⟨U^-⟩/dt = −(i ω_u + γ_u/2)⟨U^-⟩ + 2iζ⟨a⟩⟨U^z⟩ (i[H, U^-] and Σ_i D[u_i^-]),
        // so at ⟨U^z⟩ = −1/2 row 7 is (−iζ, 0, 0, 0, 0, 0, −iω_u − γ_u/2, 0); and d⟨a⟩/dt gains −iζ⟨U^-⟩.
        let row7: [Expr] = [-i * zeta, 0, 0, 0, 0, 0, -i * wu - gu / 2, 0]
        #expect(lin.matrix.count == 8)
        for c in 0..<8 { #expect(same(lin.matrix[6][c], row7[c]), "entry (7, \(c + 1))") }
        #expect(same(lin.matrix[0][6], -i * zeta))
        #expect(lin.residuals.allSatisfy(\.isZero) && lin.omittedCouplings.isEmpty)
    }
}

@Suite("Model files: more error kinds")
struct ModelFileMoreErrorTests {
    func error(_ text: String) -> ModelError? {
        do { _ = try Model.parse(text, file: "m.kd"); return nil } catch { return error }
    }

    @Test func operatorsWrittenTogether() {
        // `a†a` is one (undeclared) name; the message says how to write the product.
        let e = error("boson a\nH = a†a")
        #expect(e?.line == 2 && e?.column == 5 && e?.message.contains("a† a") == true)
    }

    @Test func expectationValuesInTheModel() {
        let e = error("boson a\nH = a† a + <a>")
        #expect(e?.line == 2 && e?.column == 12 && e?.message.contains("not allowed") == true)
    }

    @Test func hugeOperatorPowersAreAnErrorNotAMemoryExhaustion() {
        // (S+ + S-)^2007 may reach C(2013, 6) ≈ 9·10^16 words (six letters of the ensemble);
        // the bound refuses it at once with the statement's line. A fuzz case used 14 GB
        // before this check.
        let e = error("parameters w\nspins S : N spin-1/2\nH = w (S+ + S-)^2007")
        #expect(e?.line == 3)
        #expect(e?.message.contains("more than 200000 operator words") == true)
        // The bound without overflow: C(202, 2) = 20301 (by hand), C(2008, 1) = 2008.
        #expect(OperatorAlgebra.binomialExceeds(202, 2, 20300) && !OperatorAlgebra.binomialExceeds(202, 2, 20301))
        #expect(!OperatorAlgebra.binomialExceeds(2008, 1, 2008) && OperatorAlgebra.binomialExceeds(2008, 1, 2007))
        // Small powers stay fine: (a + a†)^4 expands.
        #expect(error("parameters w\nboson a\nH = w (a + a†)^4") == nil)
    }

    @Test func rates() {
        #expect(error("boson a\nH = a† a\ndissipator 0 D[a]")?.column == 12)
        #expect(error("boson a\nH = a† a\ndissipator a D[a]")?.message.contains("scalar") == true)
        #expect(error("parameters k\nboson a\nH = a† a\ndissipator k D[a")?.line == 4)
    }
}
