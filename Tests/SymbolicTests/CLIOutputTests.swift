import Testing
@testable import Symbolic

/// What `keldysh simplify` and `keldysh latex` print, through the library functions the
/// executable calls.
@Suite struct CLIOutputTests {
    @Test func simplifyPrintsTheCanonicalForm() {
        // x + x = 2x, and √(p²) = p for p declared positive.
        #expect(CommandOutput.simplify("x + x + sqrt(p^2)", assume: "p:positive") == .success("p + 2*x"))
        // Without the declaration √(p²) stays.
        #expect(CommandOutput.simplify("sqrt(p^2)") == .success("sqrt(p^2)"))
        // ψ is Grassmann-odd: ψ·ψ = 0.
        #expect(CommandOutput.simplify("ψ ψ + 1", assume: "ψ:grassmann") == .success("1"))
        // a a† − a† a is not zero for operators, and is zero for commuting symbols.
        #expect(CommandOutput.simplify("a b - b a", assume: "a:operator,b:operator") == .success("a*b - b*a"))
        #expect(CommandOutput.simplify("a b - b a") == .success("0"))
    }

    @Test func latexPrintsThePaperForm() {
        #expect(CommandOutput.latex("-I*omega_c - kappa/2") == .success("-i\\omega_c - \\frac{\\kappa}{2}"))
    }

    @Test func jsonHasInputTextAndLatex() {
        let expected = #"{"input": "gamma_up/2 - gamma_down/2", "result": "(gamma_up - gamma_down)/2", "#
            + #""latex": "\\frac{\\gamma_\\uparrow - \\gamma_\\downarrow}{2}"}"#
        #expect(CommandOutput.simplify("gamma_up/2 - gamma_down/2", json: true) == .success(expected))
        #expect(CommandOutput.jsonString("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }

    @Test func errorsCarryLineAndColumn() {
        #expect(CommandOutput.simplify("(x + 1")
                == .failure("error: <input>:1:7: expected ')' to close '(' opened at 1:1"))
        #expect(CommandOutput.latex("x", assume: "x:blue")
                == .failure("error: <assume>:1:3: unknown declaration 'blue' (expected real, positive, "
                            + "nonnegative, integer, complex, grassmann, operator, operatorN or function)"))
    }
}
