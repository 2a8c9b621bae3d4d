import Testing
@testable import Algebra
@testable import Derivations
import Symbolic

/// Issue 15: every power of operators is bounded before any product is formed, with the
/// statement's line and a message naming the limit. Before: `(a† a)^600` aborted with
/// "failed to allocate" after 13 s under a 2 GB limit; `(a† a)^300` took 5 s and 490 MB;
/// single operators and spin components could run without end.
@Suite struct OperatorPowerLimitTests {
    func error(_ text: String) -> ModelError? {
        do { _ = try Model.parse(text, file: "m.kd"); return nil } catch { return error }
    }

    static let refused: [(String, Int)] = [
        ("w (a† a)^600", 1200),      // 2 letters × 600
        ("w (a† a)^300", 600),
        ("w a^100000", 100_000),
        ("w (a†)^65", 65),           // one past the limit
        ("w Sz^1000", 1000),
        ("w (S+ S-)^40", 80),
        ("w (a† a† a a)^17", 68),
    ]

    @Test(arguments: refused) func refusedBeforeTheWork(_ row: (String, Int)) {
        let e = error("parameters w\nboson a\nspins S : N spin-1/2\nH = \(row.0)")
        #expect(e?.line == 4, "\(row.0): \(String(describing: e))")
        #expect(e?.message.contains("operator words of \(row.1) letters, more than the limit of "
                                    + "\(OperatorAlgebra.maximumWordLetters) letters per word") == true,
                "\(row.0): \(String(describing: e))")
    }

    @Test func theLimitItselfIsAllowed() {
        #expect(OperatorAlgebra.maximumWordLetters == 64)
        #expect(error("parameters w\nboson a\nH = w (a†)^64 + w a^64") == nil)
        #expect(error("parameters w\nboson a\nH = w (a† a)^8") == nil)
    }

    @Test func longWrittenOutProductsAreBoundedToo() {
        // a† a a† a … written out: 70 alternating letters cannot merge into powers.
        let word = Array(repeating: "a† a", count: 35).joined(separator: " ")
        let e = error("parameters w\nboson a\nH = w \(word)")
        #expect(e?.line == 3)
        #expect(e?.message.contains("more than 64 letters") == true, "\(String(describing: e))")
    }

    @Test func aModelWithAHundredThousandContinuationLinesReads() throws {
        // Before: stack overflow in the elaborator (one level per `+`). Each line adds w a† a,
        // so the Hamiltonian is (1 + 100 000) w a† a.
        let lines = ["parameters w : real positive", "boson a", "H = w a† a"]
            + Array(repeating: "  + w a† a", count: 100_000)
        let model = try Model.parse(lines.joined(separator: "\n") + "\n", file: "m.kd")
        let direct = try Model.parse("parameters w : real positive\nboson a\nH = 100001 w a† a\n", file: "m.kd")
        #expect(model.system.hamiltonian == direct.system.hamiltonian)
    }
}
