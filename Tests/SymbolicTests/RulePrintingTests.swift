import Testing
@testable import Symbolic

/// Rules are values a user prints: the text form reads back through the parser.
@Suite struct RulePrintingTests {
    @Test func ruleTextReadsBack() throws {
        let x = Wildcard("x").expr
        let rule = Rule(Expr.pow(Expr.sin(x), 2) + Expr.pow(Expr.cos(x), 2), .one, name: "pythagoras")
        // Printed by hand from the rule above: name, pattern, arrow, replacement.
        #expect(rule.description == "pythagoras: sin(x_)^2 + cos(x_)^2 -> 1" ||
                rule.description == "pythagoras: cos(x_)^2 + sin(x_)^2 -> 1")
        let lhsText = rule.description.split(separator: ":", maxSplits: 1)[1]
            .components(separatedBy: " -> ")[0].trimmingCharacters(in: .whitespaces)
        #expect(try parseExpr(lhsText) == rule.lhs)
        #expect(rule.latex.contains("\\to 1"))
    }
}
