import Testing
@testable import Symbolic

/// The parser reads text as one integer per Character (SourceText): positions must stay
/// Character counts, and every comparison must answer as `Character ==` does.
@Suite struct SourceTextTests {
    @Test func oneUnitPerCharacter() {
        // Expected: Swift's own Character segmentation of the same strings.
        for text in ["", "x", "a\u{301}b\r\nc†", "ω'_z + a† a", "\r\n\r\n", "🇫🇷🇫", "\u{600}1 + x", "K\u{212A}·−⟨⟩"] {
            let source = SourceText(text)
            let characters = Array(text)
            #expect(source.count == characters.count, "\(text.debugDescription)")
            #expect((0..<source.count).map(source.character) == characters, "\(text.debugDescription)")
            #expect(source.string == text)
        }
    }

    @Test func asciiCharactersEqualNoOtherCharacterTheReadersLookFor() {
        // `unit(_:is:)` answers "no" for an ASCII unit that differs from the scalar without
        // building Characters; that is right only if no ASCII Character is canonically
        // equivalent to one of these (checked with Character ==, the readers' old test).
        for c in ["⟨", "⟩", "∞", "·", "×", "⋅", "−", "†", "′"] as [Unicode.Scalar] {
            for a in 0..<128 { #expect(Character(Unicode.Scalar(UInt8(a))) != Character(c)) }
        }
        // A non-ASCII unit is compared as a Character: the Kelvin sign is the letter K.
        let kelvin = SourceText("\u{212A}")
        #expect(kelvin.unit(0, is: "K"))
        #expect(!kelvin.unit(0, is: "k"))
    }

    @Test func columnsCountCharacters() {
        // é written as e + combining acute is one column, so '$' is column 5; a CR LF pair
        // ends a line like LF.
        #expect(throws: ParseError(line: 1, column: 5, message: "unexpected character '$'")) {
            try parseExpr("e\u{301} + $")
        }
        #expect(throws: ParseError(line: 2, column: 2, message: "unexpected character '$'")) {
            try parseExpr("x +\r\n $")
        }
        #expect(throws: ParseError(line: 1, column: 4, message: "unexpected character '$'")) {
            try parseExpr("ω† $")
        }
    }

    @Test func declaredNamesMatchCanonicallyEquivalentSpellings() throws {
        // Names compare as Strings do (canonical equivalence): K+ declared with the letter K
        // is read when the text spells it with the Kelvin sign, and é+ when é is e + U+0301.
        var context = ParseContext()
        let k = context.declare("K+", commutation: .operator(space: 3))
        let e = context.declare("\u{E9}+")
        #expect(try parseExpr("2 \u{212A}+", context: context) == 2 * Expr.symbol(k))
        #expect(try parseExpr("e\u{301}+ + 1", context: context) == Expr.symbol(e) + 1)
        // Middle dot and Greek ano teleia (canonically the middle dot) both multiply.
        #expect(try parseExpr("x · y") == Expr.symbol("x") * Expr.symbol("y"))
        #expect(try parseExpr("x \u{387} y") == Expr.symbol("x") * Expr.symbol("y"))
    }
}
