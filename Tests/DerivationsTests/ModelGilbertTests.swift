import Testing
import TestSupport
import Symbolic
@testable import Algebra
@testable import Derivations

/// The `gilbert ALPHA MODE` statement of model files: Eq. (C1) of 003 in the equations,
/// the stability matrix and the printed output, and its errors at file:line:column.
@Suite("Model files: gilbert statement (Eq. C1 of 003)")
struct ModelGilbertTests {
    /// Eqs. (1)–(2) of 003 with the photon loss κ D[a] replaced by Gilbert damping, as in
    /// derivations/003-spintronic-dicke/figures/model-gilbert.kd.
    static let gilbert003 = """
        parameters wc, wz, wz', lambda, eta, eta', kappa, gup, gdown : real positive
        boson a
        spins S, T : N spin-1/2
        H = wc a† a + wz Sz + wz' Tz + lambda/sqrt(N) (a + a†)(S+ + S-)
            + eta/sqrt(N) (a T+ + a† T-) + eta'/N (S+ T- + S- T+)
        dissipator gup sum_i D[T+_i]
        dissipator gdown sum_i D[T-_i]
        gilbert kappa a
        steady a = 0, S- = 0, Sz = -1/2, T- = 0, Tz = (gup - gdown)/(2 (gup + gdown))
        variables a, a*, S-, S+, T-, T+
        """

    let i = Expr.i

    func equal(_ x: Expr, _ y: Expr) -> Bool { (x - y).cancel().isZero }

    @Test func stabilityMatrixIsPrintedA2WithDividedRows() throws {
        let m = try Model.parse(Self.gilbert003, file: "g.kd")
        func p(_ n: String) throws -> Expr { try m.expression(n, origin: "test") }
        let (wc, wz, wz2, l, e, e2) = (try p("wc"), try p("wz"), try p("wz'"), try p("lambda"), try p("eta"), try p("eta'"))
        let (k, up, down) = (try p("kappa"), try p("gup"), try p("gdown"))
        let lin = try #require(try m.derive(linearize: true).linearization)
        // (A2) as printed in 003 (Appendix A), at κ = 0 (no D[a]), with ⟨T^z⟩ = τ₀^z =
        // (γ↑ − γ↓)/(2γ_t); then rows 1 and 2 divided by 1 + iκ/2 and 1 − iκ/2 by hand.
        let tz = (up - down) / (2 * (up + down)), gt = up + down
        let a2: [[Expr]] = [
            [-i * wc, 0, -i * l, -i * l, -i * e, 0],
            [0, i * wc, i * l, i * l, 0, i * e],
            [-i * l, -i * l, -i * wz, 0, -i * e2, 0],
            [i * l, i * l, 0, i * wz, 0, i * e2],
            [2 * i * e * tz, 0, 2 * i * e2 * tz, 0, -i * wz2 - gt / 2, 0],
            [0, -2 * i * e * tz, 0, -2 * i * e2 * tz, 0, i * wz2 - gt / 2]]
        let divisor: [Expr] = [1 + i * k / 2, 1 - i * k / 2, 1, 1, 1, 1]
        #expect(lin.matrix.count == 6)
        for r in 0..<6 {
            for c in 0..<6 {
                #expect(equal(lin.matrix[r][c], a2[r][c] / divisor[r]), "entry (\(r + 1), \(c + 1))")
            }
        }
        // Two entries written out: A₁₁ = −iω_c/(1 + iκ/2) = (−2κω_c − 4iω_c)/(4 + κ²) and
        // A₂₆ = iη/(1 − iκ/2) = (−2κη + 4iη)/(4 + κ²) (multiplied by the conjugate by hand).
        #expect(equal(lin.matrix[0][0], (-2 * k * wc - 4 * i * wc) / (4 + k * k)))
        #expect(equal(lin.matrix[1][5], (-2 * k * e + 4 * i * e) / (4 + k * k)))
        #expect(lin.residuals.allSatisfy(\.isZero) && lin.omittedCouplings.isEmpty)
    }

    @Test func bosonEquationTimesFactorIsC1() throws {
        let m = try Model.parse(Self.gilbert003, file: "g.kd")
        func p(_ n: String) throws -> Expr { try m.expression(n, origin: "test") }
        let (wc, l, e, k) = (try p("wc"), try p("lambda"), try p("eta"), try p("kappa"))
        let (al, sm, tm) = (try p("<a>"), try p("<S->"), try p("<T->"))
        let mf = try m.derive().meanField
        // (C1) as printed, B(t) dropped in mean field and ω_c standing for ω_c − Δ̃:
        // (1 + iκ/2) d⟨a⟩/dt = −iω_c⟨a⟩ − iη⟨T^-⟩ − iλ(⟨S^+⟩ + ⟨S^-⟩).
        let c1 = -i * wc * al - i * e * tm - i * l * (Expr.conj(sm) + sm)
        #expect(equal((1 + i * k / 2) * (try mf.rhs(for: al)), c1))
        // The conjugate equation by conjugation: (1 − iκ/2) d⟨a⟩*/dt = (C1)*.
        #expect(equal((1 - i * k / 2) * (try mf.rhs(for: Expr.conj(al))), Expr.conjugate(c1)))
        let boson = try #require(mf.equations.first { $0.variable == al })
        #expect(same(boson.lhsFactor, 1 + i * k / 2))
        // The other four equations are those of the same file without the statement.
        let plain = try Model.parse(Self.gilbert003.replacingOccurrences(of: "gilbert kappa a\n", with: ""),
                                    file: "p.kd").derive().meanField
        #expect(plain.equations.count == 5 && mf.equations.count == 5)
        for eq in plain.equations where eq.variable != al {
            #expect(same(try mf.rhs(for: eq.variable), eq.rhs), "d\(eq.variable)/dt")
        }
    }

    @Test func gilbertDampingNextToPhotonLoss() throws {
        // Both on one mode: (1 + ig/2) d⟨b⟩/dt = −(iw + k/2)⟨b⟩ (the damped oscillator of
        // ModelFileTests, by hand), so d⟨b⟩/dt = −(iw + k/2)⟨b⟩/(1 + ig/2).
        let m = try Model.parse("parameters w, k, g\nboson b\nH = w b† b\ndissipator k D[b]\ngilbert g b", file: "b.kd")
        let (w, k, g, b) = (try m.expression("w", origin: "t"), try m.expression("k", origin: "t"),
                            try m.expression("g", origin: "t"), try m.expression("<b>", origin: "t"))
        let mf = try m.derive().meanField
        #expect(equal(try mf.rhs(for: b), -(i * w + k / 2) * b / (1 + i * g / 2)))
        #expect(m.gilbertDamping.count == 1 && m.gilbertDamping[0].mode == m.operators["b"])
    }

    @Test func printedForms() throws {
        let d = try Model.parse(Self.gilbert003 + "\nlatex wc = omega_c", file: "g.kd").derive()
        // The factor stays on the left, as (C1) is printed; the right-hand side is undivided.
        #expect(d.rendered(.text).contains("(1 + I*kappa/2) d⟨a⟩/dt = -I*eta*⟨T^-⟩ - I*lambda*⟨S^+⟩ - I*lambda*⟨S^-⟩ - I*wc*⟨a⟩"))
        #expect(d.rendered(.latex).contains(
            "\\left(1 + \\frac{i\\kappa}{2}\\right) \\frac{d}{dt}\\langle a\\rangle &= -i\\omega_c\\langle a\\rangle - i\\lambda\\left(\\langle S^-\\rangle + \\langle S^+\\rangle\\right)"))
        let json = d.rendered(.json)
        #expect(json.contains("\"lhsFactor\": \"1 + I*kappa/2\"") && json.contains("\"lhsFactor\": \"1\""))
    }

    // MARK: errors, each at file:line:column

    static let header = "parameters k, w\nboson a\nfermion c\nspins S : N spin-1/2\nH = w a† a + w Sz\n"

    func error(_ text: String) -> ModelError? {
        do { _ = try Model.parse(Self.header + text, file: "m.kd"); return nil } catch { return error }
    }

    @Test func unknownMode() {
        let e = error("gilbert k b")
        #expect(e?.line == 6 && e?.column == 11 && e?.message.contains("unknown mode 'b'") == true)
        #expect(e?.description.hasPrefix("m.kd:6:11: error:") == true)
        #expect(error("gilbert k D[a]")?.column == 11)
    }

    @Test func modesThatAreNotBosons() {
        let spin = error("gilbert k S-")
        #expect(spin?.line == 6 && spin?.column == 11 && spin?.message.contains("spin operator 'S-'") == true)
        let fermion = error("gilbert k c")
        #expect(fermion?.column == 11 && fermion?.message.contains("fermion") == true)
        let parameter = error("gilbert k w")
        #expect(parameter?.column == 11 && parameter?.message.contains("'w' is not a boson mode") == true)
        let creation = error("gilbert k a†")
        #expect(creation?.column == 11 && creation?.message.contains("`gilbert k a`") == true)
    }

    @Test func repeatedForTheSameMode() {
        let e = error("gilbert k a\ngilbert 2 k a")
        #expect(e?.line == 7 && e?.column == 13 && e?.message.contains("already given (at 6:1)") == true)
    }

    @Test func badConstant() {
        let undeclared = error("gilbert q a")
        #expect(undeclared?.line == 6 && undeclared?.column == 9 && undeclared?.message.contains("undeclared name 'q'") == true)
        let syntax = error("gilbert (k a")
        #expect(syntax?.line == 6 && syntax?.column == 11 && syntax?.message.contains("expected ')'") == true)
        #expect(error("gilbert 0 a")?.message.contains("zero") == true)
        #expect(error("gilbert k a† a")?.message.contains("scalar") == true)
        #expect(error("gilbert <a> a")?.column == 9)
        let missing = error("gilbert a")
        #expect(missing?.column == 9 && missing?.message.contains("constant is missing") == true)
        let empty = error("gilbert")
        #expect(empty?.line == 6 && empty?.column == 8)
    }

    @Test func equationsTheStatementDoesNotCover() throws {
        // ⟨a†a⟩ as its own variable next to ⟨a⟩: C1 says nothing about it, so the
        // derivation stops at the statement.
        let m = try Model.parse(Self.header + "gilbert k a", file: "m.kd")
        var caught: ModelError?
        do throws(ModelError) { _ = try m.derive(operators: NamedText("a, a† a", origin: "--operators")) } catch { caught = error }
        #expect(caught?.line == 6 && caught?.column == 1 && caught?.message.contains("⟨a†*a⟩") == true)
        // Equations that never reach ⟨a⟩ are left as they are.
        #expect(try m.derive(operators: NamedText("Sz", origin: "--operators")).meanField.equations.allSatisfy { $0.lhsFactor.isOne })
    }
}
