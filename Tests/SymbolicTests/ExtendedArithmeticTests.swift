import Testing
import ComplexModule
@testable import Symbolic

/// Issue 15: arithmetic with ∞ and `undefined` as in the extended reals. Expected values:
/// ∞ − ∞, 0·∞, ∞/∞ are the indeterminate forms of analysis (undefined); `undefined` absorbs
/// every operation; x^0 = 1 (also 0^0 and ∞^0) and 1^x = 1 are the conventions of IEEE 754
/// `pow` and SymPy, kept and documented in docs/limits.md.
@Suite struct ExtendedArithmeticTests {
    static let table: [(String, String)] = [
        ("oo - oo", "undefined"),
        ("0*oo", "undefined"),
        ("oo/oo", "undefined"),
        ("oo*(1/oo)", "undefined"),
        ("undefined - undefined", "undefined"),
        ("undefined*0", "undefined"),
        ("x + undefined", "undefined"),
        ("exp(undefined)", "undefined"),
        ("undefined^0", "undefined"),
        ("2^undefined", "undefined"),
        ("2*oo - oo", "undefined"),
        ("oo - 2*oo", "undefined"),
        ("I*oo + oo", "undefined"),
        ("0*(oo + 1)", "undefined"),
        ("0*oo^2", "undefined"),
        // Defined: sums and products of infinities of one sign, and 0 times a finite value.
        ("oo + oo", "2*oo"),
        ("oo*oo", "oo^2"),
        ("-oo - oo", "-2*oo"),
        ("0*(1/oo)", "0"),
        ("x - x", "0"),
        ("0*x", "0"),
        // Conventions (documented): x^0 = 1, 1^x = 1, 0^x = 0 for x > 0.
        ("0^0", "1"),
        ("oo^0", "1"),
        ("1^oo", "1"),
        ("0^oo", "0"),
    ]

    @Test(arguments: table) func entry(_ row: (String, String)) throws {
        let e = try parseExpr(row.0)
        #expect(e.description == row.1, "\(row.0)")
    }

    @Test func undefinedNeverEvaluatesToANumber() throws {
        for text in ["oo - oo", "0*oo", "oo/oo", "undefined - undefined", "x*(oo - oo)"] {
            let e = try parseExpr(text)
            #expect(throws: EvaluationError.self, "\(text)") {
                _ = try e.evaluate([Symbol("x"): Complex(2.0, 0)])
            }
        }
    }
}
