import Testing
import ArbitraryPrecision
@testable import Algebra

/// GaussianQ against GaussianRational (the second method): the same sums, differences,
/// products and conjugates, on small values and on values that overflow machine integers
/// (which must move to the exact form, not wrap).
@Suite("GaussianQ: exact Q(i) coefficients with a machine-integer fast path")
struct GaussianQTests {
    static func q(_ a: Int, _ b: Int, _ c: Int = 0, _ d: Int = 1) -> GaussianRational {
        GaussianRational(BigRational(BigInt(a), BigInt(b)), BigRational(BigInt(c), BigInt(d)))
    }

    static let values: [GaussianRational] = [
        q(0, 1), q(1, 1), q(-1, 2), q(3, 4, -5, 6), q(0, 1, 1, 1), q(7, 3, 2, 9),
        q(Int.max, 1), q(Int.min, 1), q(1, Int.max, -1, Int.max - 1), q(Int.max, 3, Int.max - 2, 5),
        q(1 << 40, 3, -(1 << 41), 7), q(-(1 << 62), 1 << 31 + 1),
    ]

    @Test func arithmeticMatchesGaussianRational() {
        for x in Self.values {
            #expect(GaussianQ(x).value == x)
            #expect((-GaussianQ(x)).value == -x)
            #expect(GaussianQ(x).conjugate.value == x.conjugate)
            #expect(GaussianQ(x).isZero == x.isZero && GaussianQ(x).isOne == x.isOne)
            for y in Self.values {
                let (a, b) = (GaussianQ(x), GaussianQ(y))
                #expect((a + b).value == x + y, "\(x) + \(y)")
                #expect((a - b).value == x - y, "\(x) - \(y)")
                #expect((a * b).value == x * y, "\(x) * \(y)")
                #expect((a == b) == (x == y))
                if a == b { #expect(a.hashValue == b.hashValue) }
            }
        }
    }

    @Test func smallFormIsReducedSoEqualValuesAreEqual() {
        // 2/4 + i·6/8 computed two ways: (1/2)(1 + 3i/2) and 1/4 + 1/4 + 3i/4.
        let half = GaussianQ(Self.q(1, 2)), quarter = GaussianQ(Self.q(1, 4))
        let a = half * GaussianQ(Self.q(1, 1, 3, 2))
        let b = quarter + quarter + GaussianQ(Self.q(0, 1, 3, 4))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a.value == Self.q(1, 2, 3, 4))
        // A result that overflows and comes back into range is small again: (2^62 · 4) / 4.
        let big = GaussianQ(Self.q(1 << 62, 1)) * GaussianQ(4) * GaussianQ(Self.q(1, 4))
        #expect(big == GaussianQ(Self.q(1 << 62, 1)))
    }
}
