import Testing
import PropertyBased
@testable import Symbolic

/// parse(print(e)) == e: the text printer writes exactly what the parser reads, for random
/// trees covering every node kind (generator in RoundTripGenerator.swift).
@Suite struct RoundTripTests {
    @Test func textRoundTripsOverGeneratedExpressions() async {
        let context = RandomExpr.context
        await propertyCheck(count: 300, input: RandomExpr.generator) { e in
            let text = e.text(context: context)
            do {
                let back = try parseExpr(text, context: context)
                #expect(back == e, "printed as \(text), read back as \(back.text(context: context))")
            } catch {
                Issue.record("printed as \(text), which does not parse: \(error)")
            }
        }
    }

    @Test func printingIsAFixedPoint() async {
        // Printing the re-parsed expression gives the same text (the order is deterministic).
        let context = RandomExpr.context
        await propertyCheck(count: 100, input: RandomExpr.generator) { e in
            let text = e.text(context: context)
            if let back = try? parseExpr(text, context: context) {
                #expect(back.text(context: context) == text)
            }
        }
    }
}
