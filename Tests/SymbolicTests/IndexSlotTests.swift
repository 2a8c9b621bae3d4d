import Testing
@testable import Symbolic

/// Index kinds: declared on function symbols (the kind of each slot) and on index values,
/// through the API and through the declaration language of `--assume`.
@Suite struct IndexSlotTests {
    @Test func declaringSlotsAndIndexValues() throws {
        var context = ParseContext()
        try context.declare(specification: "N_ix:positive&integer, i:index, sigma:contour, k:keldysh, "
                            + "a:nambu, alpha:site(1..N_ix), t:time, w:frequency, "
                            + "psi:grassmann&function(contour, keldysh, nambu, site, any, time), G:function(frequency)")
        let psi = try #require(context.symbol(named: "psi"))
        #expect(psi.info.isFunction && psi.info.commutation == .grassmann)
        #expect((0..<6).map { psi.slotKind($0) } == [.contour, .keldysh, .nambu, .site, nil, .time])
        #expect(psi.slotKind(6) == nil)
        #expect(context.symbol(named: "G")?.slotKind(0) == .frequency)
        // Index values: discrete kinds are integer labels, time and frequency are real.
        let i = try #require(context.symbol(named: "i"))
        #expect(i.indexKind == .index && i.info.assumptions.contains(.integer))
        #expect(context.symbol(named: "sigma")?.indexKind == .contour)
        #expect(context.symbol(named: "k")?.indexKind == .keldysh)
        #expect(context.symbol(named: "a")?.indexKind == .nambu)
        let t = try #require(context.symbol(named: "t"))
        #expect(t.indexKind == .time && t.info.assumptions.contains(.real) && !t.info.assumptions.contains(.integer))
        #expect(context.symbol(named: "w")?.indexKind == .frequency)
        let alpha = try #require(context.symbol(named: "alpha"))
        #expect(alpha.indexKind == .site)
        #expect(alpha.info.indexRange == IndexRange(1, context.symbol(named: "N_ix")!.expr))
        // A rule or printer can ask what a slot of an application holds.
        let application = try parseExpr("psi(sigma, k, a, alpha, 3, t)", context: context)
        #expect(application.head!.slotKind(0) == .contour)
        #expect(IndexKind.allCases.filter(\.isDiscrete) == [.contour, .keldysh, .nambu, .site, .index])
    }

    @Test func anIndexNamedIIsNotTheImaginaryUnit() throws {
        var context = ParseContext()
        try context.declare(specification: "i:index")
        let i = context.symbol(named: "i")!
        #expect(try parseExpr("2 i", context: context) == 2 * i.expr)
        #expect(try parseExpr("2 i") == 2 * Expr.i)
        // The printer then writes the imaginary unit as I.
        #expect(try parseExpr("i + I", context: context).text(context: context) == "i + I")
        // An index is a different symbol from a plain i: declarations never change old expressions.
        #expect(Symbol.index("i", .index) != Symbol("i", [.integer]))
        #expect(Symbol.index("i", .index) == i)
    }

    @Test func apiDeclarations() {
        var context = ParseContext()
        let n = context.declare("N_api", [.positive])
        let alpha = context.declareIndex("α_api", .site, range: IndexRange(1, n.expr))
        let psi = context.declareFunction("ψ_api", commutation: .grassmann, slots: [.site, .time])
        #expect(alpha.info.indexRange?.upper == n.expr)
        #expect(psi.slotKind(0) == .site && psi.slotKind(1) == .time)
        // A continuous kind has no range.
        #expect(Symbol.index("t_api", .time, range: IndexRange(0, 1)).info.indexRange == nil)
        // Fresh symbols equal nothing else, whatever their names.
        let f1 = Symbol.fresh("x_api"), f2 = Symbol.fresh("x_api")
        #expect(f1 != f2 && f1 != Symbol("x_api") && f1.name == "x_api")
    }

    @Test func declarationErrors() {
        func error(_ spec: String) -> ParseError? {
            var context = ParseContext()
            do { try context.declare(specification: spec) } catch { return error }
            return nil
        }
        #expect(error("psi:function(contour, colour)")
                == ParseError(line: 1, column: 23, message: "unknown slot kind 'colour' (expected contour, keldysh, "
                              + "nambu, site, index, time, frequency or any)"))
        #expect(error("t:time(0..1)")
                == ParseError(line: 1, column: 3, message: "'time' is continuous: only discrete index kinds take a range"))
        #expect(error("alpha:site(1,N)")?.message == "expected a range 'lower..upper'")
        #expect(error("alpha:site(1..(N)")?.column == 17)
        // The message for an unknown word is the one it always was.
        #expect(error("x:blue")?.message == "unknown declaration 'blue' (expected real, positive, "
                + "nonnegative, integer, complex, grassmann, operator, operatorN or function)")
    }
}
