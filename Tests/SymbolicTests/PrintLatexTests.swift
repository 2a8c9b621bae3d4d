import Testing
import TestSupport
import PropertyBased
@testable import Symbolic

/// LaTeX output checked against the typesetting of paper 003 (Appendix A, Eqs. A1 and A2),
/// with the paper's symbols declared under the names a user would type.
@Suite struct PrintLatexTests {
    func latex(_ s: String, _ context: ParseContext = .init()) throws -> String {
        try parseExpr(s, context: context).latex
    }

    @Test func stabilityMatrixEntriesOfPaper003() throws {
        // A2 of paper 003 (with τ_z standing for ⟨T^z⟩, which a later issue names).
        #expect(try latex("-I*omega_c - kappa/2") == "-i\\omega_c - \\frac{\\kappa}{2}")
        #expect(try latex("I*omega_c - kappa/2") == "i\\omega_c - \\frac{\\kappa}{2}")
        #expect(try latex("-kappa/2 - I omega_c") == "-i\\omega_c - \\frac{\\kappa}{2}")
        #expect(try latex("-I*lambda") == "-i\\lambda")
        #expect(try latex("-I*eta'") == "-i\\eta'")
        #expect(try latex("-I*omega'_z - gamma_t/2") == "-i\\omega'_z - \\frac{\\gamma_t}{2}")
        #expect(try latex("I omega'_z - gamma_t/2") == "i\\omega'_z - \\frac{\\gamma_t}{2}")
        #expect(try latex("2 I eta tau_z") == "2i\\eta\\tau_z")
        #expect(try latex("-2 I eta' tau_z") == "-2i\\eta'\\tau_z")
        // Unicode names typeset the same way.
        #expect(try latex("-I ω_c - κ/2") == "-i\\omega_c - \\frac{\\kappa}{2}")
    }

    @Test func pumpingTermOfA1() throws {
        // A1: (γ↑ − γ↓)/2; the canonical form is γ↑/2 − γ↓/2, printed with the 1/2 taken out.
        #expect(try latex("(gamma_up - gamma_down)/2") == "\\frac{\\gamma_\\uparrow - \\gamma_\\downarrow}{2}")
        #expect(try latex("gamma_up/2 - gamma_down/2") == "\\frac{\\gamma_\\uparrow - \\gamma_\\downarrow}{2}")
        #expect(try parseExpr("(gamma_up - gamma_down)/2").description == "(gamma_up - gamma_down)/2")
    }

    @Test func names() {
        let cases = [("omega_c", "\\omega_c"), ("ω'_z", "\\omega'_z"), ("omega'_z", "\\omega'_z"), ("wc", "wc"),
                     ("wz'", "wz'"), ("gamma_down", "\\gamma_\\downarrow"), ("a†", "a^\\dagger"), ("S+", "S^+"),
                     ("T+_i", "T^+_i"), ("x2", "x_2"), ("F_b", "F_b"), ("Delta", "\\Delta"), ("κ", "\\kappa"),
                     ("omega_eff", "\\omega_{eff}"), ("beta", "\\beta")]
        for (name, expected) in cases {
            #expect(LatexNames.latex(name) == expected, "name \(name)")
        }
    }

    @Test func functionsAndBinders() throws {
        #expect(try latex("sqrt(x)/2") == "\\frac{\\sqrt{x}}{2}")
        #expect(try latex("exp(-I omega t)") == "e^{-i\\omega t}")
        #expect(try latex("x^(1/3)") == "x^{1/3}")
        let inverse = try latex("1/(kappa + I omega)")
        #expect(inverse == "\\frac{1}{i\\omega + \\kappa}")
        #expect(try latex("abs(x) + theta(y)") == "\\left|x\\right| + \\theta\\left(y\\right)")
        #expect(try latex("delta(x)") == "\\delta\\left(x\\right)")
        #expect(try latex("kdelta(m, n)") == "\\delta_{mn}")
        #expect(try latex("conj(alpha)") == "\\bar{\\alpha}")
        #expect(try parseExpr("conj(alpha)").latex(options: LatexOptions(conjugate: .star)) == "\\alpha^*")
        #expect(try latex("integral(exp(-w^2), w, -oo, oo)") == "\\int_{-\\infty}^{\\infty} d\\omega\\, e^{-\\omega^2}")
        #expect(try latex("sum(k^2, k, 1, N)") == "\\sum_{k=1}^{N} k^2")
        #expect(try latex("pi x") == "\\pi x")
        var context = ParseContext()
        context.declare("a", commutation: .operator(space: 0))
        context.declare("a†", commutation: .operator(space: 0))
        #expect(try latex("omega_c a† a", context) == "\\omega_c a^\\dagger a")
        #expect(try latex("a†^2", context) == "{a^\\dagger}^2")
    }

    @Test func textForTheSameExpressions() throws {
        // The text printer: -x not -1*x, x - y not x + -1*y, x/y, sqrt, I.
        #expect(try parseExpr("-1*x").description == "-x")
        #expect(try parseExpr("x + -1*y").description == "x - y")
        #expect(try parseExpr("x*y^-1").description == "x/y")
        #expect(try parseExpr("x^(1/2)").description == "sqrt(x)")
        #expect(try parseExpr("-I*omega_c - kappa/2").description == "-I*omega_c - kappa/2")
        #expect(try parseExpr("x^2 + 1 + 2x").description == "x^2 + 2*x + 1")
        #expect(try parseExpr("3 x/(5 y)").description == "3*x/(5*y)")
        let complex = try parseExpr("(1 + 2 I) x").description
        #expect(complex == "(1 + 2*I)*x")
    }

    @Test func latexIsWellFormedOverGeneratedExpressions() async {
        await propertyCheck(count: 300, input: RandomExpr.generator) { e in
            let s = e.latex(options: LatexOptions(), context: RandomExpr.context)
            #expect(!s.isEmpty)
            #expect(s.filter { $0 == "{" }.count == s.filter { $0 == "}" }.count, "\(s)")
            #expect(s.components(separatedBy: "\\left").count == s.components(separatedBy: "\\right").count, "\(s)")
        }
    }
}
