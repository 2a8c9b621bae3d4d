import Testing
import Symbolic
@testable import Algebra
@testable import Derivations

/// Model text is read as one integer per Character: errors must still point at the column
/// an editor shows after non-ASCII characters (ω, †, ′), on continuation lines and with
/// CR LF line ends.
@Suite("Model files: positions after non-ASCII characters")
struct ModelSourceTests {
    func error(_ text: String) -> ModelError? {
        do { _ = try Model.parse(text, file: "m.kd"); return nil } catch { return error }
    }

    @Test func columnsCountCharacters() {
        // "H = ω a† a + g a": ω is column 5, † column 8, g column 14.
        let e = error("parameters ω\nboson a\nH = ω a† a + g a")
        #expect(e?.line == 3 && e?.column == 14 && e?.message.contains("undeclared name 'g'") == true)
        // The same with CR LF line ends.
        let crlf = error("parameters ω\r\nboson a\r\nH = ω a† a + g a\r\n")
        #expect(crlf?.line == 3 && crlf?.column == 14)
        // wz′ (prime U+2032) is one name; the unknown q after it is column 11.
        let prime = error("parameters wz′\nH = wz′ + q")
        #expect(prime?.line == 2 && prime?.column == 11 && prime?.message.contains("'q'") == true)
    }

    @Test func continuationAfterANonASCIICharacter() throws {
        // A line ending in † continued on the next: H = ω a† a (a damped oscillator by hand).
        let m = try Model.parse("parameters ω\nboson a\nH = ω a†\n    a", file: "m.kd")
        let a = m.operators["a"]!, ad = m.operators["a†"]!
        #expect(m.system.hamiltonian == Expr.symbol("ω", [.real]) * ad * a)
        // An error on the continuation line: '+ q' with q at column 9 of line 4.
        let e = error("parameters ω\nboson a\nH = ω a†\n    a + q")
        #expect(e?.line == 4 && e?.column == 9)
    }
}
