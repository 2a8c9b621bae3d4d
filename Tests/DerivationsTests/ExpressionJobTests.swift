import Testing
@testable import Derivations
import Symbolic

/// What `keldysh simplify` and `keldysh latex` print, through the job and renderers the
/// executable calls (the expected strings are the canonical forms worked out by hand).
@Suite struct ExpressionJobTests {
    func simplify(_ input: String, assume: String? = nil, json: Bool = false) throws -> String {
        renderSimplified(try readExpression(input, assume: assume), json: json)
    }

    @Test func simplifyPrintsTheCanonicalForm() throws {
        // x + x = 2x, and √(p²) = p for p declared positive.
        #expect(try simplify("x + x + sqrt(p^2)", assume: "p:positive") == "p + 2*x")
        // Without the declaration √(p²) stays.
        #expect(try simplify("sqrt(p^2)") == "sqrt(p^2)")
        // ψ is Grassmann-odd: ψ·ψ = 0.
        #expect(try simplify("ψ ψ + 1", assume: "ψ:grassmann") == "1")
        // a a† − a† a is not zero for operators, and is zero for commuting symbols.
        #expect(try simplify("a b - b a", assume: "a:operator,b:operator") == "a*b - b*a")
        #expect(try simplify("a b - b a") == "0")
    }

    /// The probes of issue 11, as `keldysh simplify` prints them.
    @Test func fieldTheoryProbes() throws {
        // (1 + ψ)χ − χ(1 + ψ) is 2ψχ, not 0; so is exp(ψ)χ − χ exp(ψ) (exp(ψ) = 1 + ψ).
        let grassmann = "psi:grassmann,chi:grassmann"
        #expect(try simplify("(1+psi)*chi - chi*(1+psi)", assume: grassmann) != "0")
        #expect(try simplify("exp(psi)*chi - chi*exp(psi)", assume: grassmann) != "0")
        // The bar of an odd element is odd.
        #expect(try simplify("conj(psi)*psi + psi*conj(psi)", assume: grassmann) == "0")
        #expect(try simplify("conj(psi)^2", assume: grassmann) == "0")
        // Bound variables keep their names; an index i is not the imaginary unit.
        #expect(try simplify("integral(f_cli(t)*g_cli(t), t, -oo, oo)") == "integral(f_cli(t)*g_cli(t), t, -oo, oo)")
        #expect(try simplify("sum(kdelta(i,j)*x_cli(j), j, 1, N)", assume: "i:index")
                == "sum(kdelta(i, j)*x_cli(j), j, 1, N)")
    }

    @Test func latexPrintsThePaperForm() throws {
        // A2 entry (1,1) of 003: −iω_c − κ/2; a leading minus is part of the expression.
        #expect(renderLatex(try readExpression("-I*omega_c - kappa/2"), json: false) == "-i\\omega_c - \\frac{\\kappa}{2}")
        #expect(renderLatex(try readExpression("-I omega_c - kappa/2"), json: false) == "-i\\omega_c - \\frac{\\kappa}{2}")
    }

    @Test func jsonHasInputTextAndLatex() throws {
        let expected = #"{"input": "gamma_up/2 - gamma_down/2", "result": "(gamma_up - gamma_down)/2", "#
            + #""latex": "\\frac{\\gamma_\\uparrow - \\gamma_\\downarrow}{2}"}"#
        #expect(try simplify("gamma_up/2 - gamma_down/2", json: true) == expected)
    }

    @Test func errorsCarryLineAndColumn() {
        #expect(throws: ExpressionArgumentError.input(ParseError(line: 1, column: 7,
                                                                   message: "expected ')' to close '(' opened at 1:1"))) {
            try readExpression("(x + 1")
        }
        do {
            _ = try readExpression("x", assume: "x:blue")
            Issue.record("the declaration 'blue' was accepted")
        } catch {
            #expect(errorMessage(error) == "error: <assume>:1:3: unknown declaration 'blue' (expected real, positive, "
                    + "nonnegative, integer, complex, grassmann, operator, operatorN or function)")
        }
    }
}
