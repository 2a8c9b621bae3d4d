import Testing
import ArbitraryPrecision

@Suite("Sharing across tasks")
struct ConcurrencyTests {
    @Test func sharedValuesStayIntact() async {
        // Shared big values are read (and copied-then-mutated) from many tasks at once.
        let big = BigInt(3).power(200)
        let x = BigFloat.pi(precision: 256)
        let results = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<32 {
                group.addTask {
                    var y = x
                    y += BigFloat(k, precision: 256)
                    let z = (big * BigInt(k)).quotientAndRemainder(dividingBy: big)
                    return z.quotient == BigInt(k) && z.remainder.isZero && y > x || k == 0
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
        #expect(big == BigInt(3).power(200) && x == BigFloat.pi(precision: 256))
    }
}
