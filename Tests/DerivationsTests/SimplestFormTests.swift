import Testing
import Symbolic
@testable import Derivations

/// `keldysh simplify`'s choice among equivalent forms (SimplestForm).
@Suite struct SimplestFormTests {
    func read(_ s: String) throws -> ExpressionArgument { try readExpression(s) }

    @Test func choosesByTreeSize() throws {
        // By hand: x + 1 (add of x and 1) has 3 nodes; the canonical (−x² + 1)/(−x + 1) more.
        let (a, c) = SimplestForm.choose(try read("(x^2 - 1)/(x - 1)"))
        #expect(a.expr.description == "x + 1")
        #expect(c == .cancel)
        // Nothing shorter than the canonical form: it is kept (first candidate wins ties).
        #expect(SimplestForm.choose(try read("x + y")).1 == .canonical)
    }

    @Test func termBound() throws {
        // By hand: (x + y)³ has at most C(3 + 1, 1) = 4 terms; (a + b + c)²·(x + 1) at most
        // C(2 + 2, 2)·2 = 12; (v + w + x + y + z)⁴⁰ at most C(44, 4) = 135 751.
        #expect(SimplestForm.expandedTermBound(try read("(x + y)^3").expr) == 4)
        #expect(SimplestForm.expandedTermBound(try read("(a + b + c)^2*(x + 1)").expr) == 12)
        let big = try read("(v + w + x + y + z)^40")
        #expect(SimplestForm.expandedTermBound(big.expr) == 135_751)
        // Over the bound only the canonical form is a candidate (answered without expanding).
        #expect(SimplestForm.candidates(big.expr).map(\.0) == [.canonical])
    }
}
