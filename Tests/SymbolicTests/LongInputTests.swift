import Testing
@testable import Symbolic

/// Issue 15: long flat chains of `+`/`-` and `*` are flat in the parse tree, so they neither
/// overflow the stack (elaboration and destruction of a left-deep tree recursed once per
/// term) nor cost quadratic time (each `a + b` rebuilt the growing sum). No test is timed:
/// the sizes are ones that crashed or took seconds before (30 000 terms: stack overflow;
/// 10 000 distinct symbols: 10.5 s), and a regression shows as a crash or a stuck run.
@Suite struct LongInputTests {
    @Test func thirtyThousandZerosAfterXIsX() throws {
        // x + 0 + 0 + … = x: the expected value is the additive identity.
        let text = "x" + String(repeating: "+0", count: 30_000)
        #expect(try parseExpr(text) == Expr.symbol("x"))
    }

    @Test func alternatingSignsCancel() throws {
        // x − x + x − x … with an even number of terms after the first x leaves x.
        let text = "x" + String(repeating: "-x+x", count: 20_000)
        #expect(try parseExpr(text) == Expr.symbol("x"))
    }

    @Test func tenThousandDistinctSymbolsFormOneSum() throws {
        let names = (0..<10_000).map { "x\($0)" }
        let e = try parseExpr(names.joined(separator: " + "))
        #expect(e.kind == .add)
        #expect(e.children.count == 10_000)
        // The same terms built directly by the core (one n-ary sum) are the same node.
        #expect(e == Expr.add(names.map { Expr.symbol($0) }))
    }

    @Test func longProductsAndQuotientsAreFlat() throws {
        // x·x·…·x (20 000 factors) = x^20000; x/x/…: x^(1 − 20000).
        #expect(try parseExpr(Array(repeating: "x", count: 20_000).joined(separator: "*"))
                == .pow(.symbol("x"), 20_000))
        #expect(try parseExpr(Array(repeating: "x", count: 20_000).joined(separator: " "))
                == .pow(.symbol("x"), 20_000))
        #expect(try parseExpr(Array(repeating: "x", count: 20_000).joined(separator: "/"))
                == .pow(.symbol("x"), -19_998))
    }

    @Test func sumsKeepTheirMeaning() throws {
        // Flat chains must read as the left-associated binary operators did.
        let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")
        #expect(try parseExpr("x - y - z") == x - y - z)
        #expect(try parseExpr("x - (y - z)") == x - y + z)
        #expect(try parseExpr("-x*y + z") == -(x * y) + z)
        #expect(try parseExpr("2*(x+y)*z") == Expr.mul([2, x + y, z]))
        #expect(try parseExpr("x/y/z") == x / y / z)
        #expect(try parseExpr("x/(y*z)") == x / (y * z))
        #expect(try parseExpr("a - b^2 c") == Expr.symbol("a") - Expr.symbol("b") ** 2 * Expr.symbol("c"))
    }

    @Test func divisionByZeroInAChainIsPositioned() {
        #expect(throws: ParseError(line: 1, column: 8, message: "division by zero")) {
            try parseExpr("x + y*z/0 + 1")
        }
    }
}
