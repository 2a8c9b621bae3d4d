import Testing
@testable import Symbolic

/// Random bytes and random token soups must parse or fail with a position inside the
/// text: never a crash, never a position past the end.
@Suite struct ParseFuzzTests {
    struct SplitMix64 { var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func checkPosition(_ text: String, _ context: ParseContext = .init()) {
        do {
            _ = try parseExpr(text, context: context)
        } catch {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(error.line >= 1 && error.line <= max(lines.count, 1), "\(text.debugDescription): \(error)")
            if error.line >= 1 && error.line <= lines.count {
                #expect(error.column >= 1 && error.column <= lines[error.line - 1].count + 1,
                        "\(text.debugDescription): \(error)")
            }
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix64(state: 42)
        for _ in 0..<3000 {
            let bytes = (0..<Int(rng.next() % 24)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            checkPosition(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomTokenSoups() {
        var rng = SplitMix64(state: 7)
        var context = ParseContext()
        context.declare("S+", commutation: .operator(space: 1))
        context.declare("S-", commutation: .operator(space: 1))
        context.declareFunction("F_b")
        let tokens = ["x", "ω'_z", "a†", "S+", "S-", "F_b", "2", "0", "0.5", "1e3", "I", "i", "pi", "oo", "+", "-",
                      "*", "/", "^", "**", "(", ")", ",", ":", "&", " ", "\n", "sqrt", "exp", "sum", "integral",
                      "kdelta", "θ", "k", "w", "positive", "1e99", "(0)", "^-", "."]
        for _ in 0..<5000 {
            let text = (0..<Int(rng.next() % 14)).map { _ in tokens[Int(rng.next() % UInt64(tokens.count))] }
                .joined()
            checkPosition(text, context)
        }
    }
}
