import Testing
import OutputFormats

/// The one JSON writer: RFC 8259 escaping (checked character by character against the
/// RFC's table, written out here) and the fixed layouts every command's output relies on.
@Suite struct JSONValueTests {
    @Test func everyControlCharacterIsEscaped() {
        // RFC 8259 §7: quotation mark, reverse solidus and U+0000…U+001F must be escaped;
        // the two-character forms exist for \b \f \n \r \t, the rest as \u00XX. Solidus and
        // non-ASCII may stay as they are.
        #expect(jsonStringLiteral("a\"b\\c") == #""a\"b\\c""#)
        #expect(jsonStringLiteral("\n\r\t") == #""\n\r\t""#)
        #expect(jsonStringLiteral("\u{0}\u{1}\u{8}\u{c}\u{1f}") == #""\u0000\u0001\u0008\u000c\u001f""#)
        #expect(jsonStringLiteral("γ↑ ⟨S^x⟩ /") == "\"γ↑ ⟨S^x⟩ /\"")
        for code in 0..<0x20 {
            let literal = jsonStringLiteral(String(UnicodeScalar(UInt8(code))))
            #expect(literal.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "U+\(code) left unescaped")
        }
    }

    @Test func layouts() {
        let v = JSONValue.object([("a", .int(1)), ("b", .array([.double(0.5), .null, .bool(true)])),
                                  ("c", .object([("d", .string("x"))]))])
        #expect(v.inline == #"{"a": 1, "b": [0.5, null, true], "c": {"d": "x"}}"#)
        #expect(v.fieldPerLine == "{\n  \"a\": 1,\n  \"b\": [0.5, null, true],\n  \"c\": {\"d\": \"x\"}\n}\n")
        #expect(v.pretty() == "{\n  \"a\": 1,\n  \"b\": [0.5, null, true],\n  \"c\": {\n    \"d\": \"x\"\n  }\n}")
        #expect(JSONValue.array([.int(1), .object([])]).elementPerLine == "[1,\n {}]")
    }

    @Test func nonFiniteNumbersAreNull() {
        // JSON has no NaN or infinity; a value that is not a number is written as null.
        #expect(JSONValue.array([.double(.nan), .double(.infinity), .double(-2.5)]).inline == "[null, null, -2.5]")
    }
}
