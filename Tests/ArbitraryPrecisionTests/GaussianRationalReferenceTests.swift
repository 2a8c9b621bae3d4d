import Testing
import ArbitraryPrecision

/// The machine-integer form of GaussianRational against a second method: plain Q(i)
/// arithmetic on two BigRationals (what GaussianRational was before it had a small form),
/// on small values and on values that overflow machine integers (which must move to the
/// exact form, not wrap) or come back into range.
@Suite("GaussianRational against two-BigRational arithmetic")
struct GaussianRationalReferenceTests {
    struct Reference: Equatable {
        var re: BigRational
        var im: BigRational

        static func + (x: Self, y: Self) -> Self { Self(re: x.re + y.re, im: x.im + y.im) }
        static func - (x: Self, y: Self) -> Self { Self(re: x.re - y.re, im: x.im - y.im) }
        static prefix func - (x: Self) -> Self { Self(re: -x.re, im: -x.im) }
        static func * (x: Self, y: Self) -> Self {
            Self(re: x.re * y.re - x.im * y.im, im: x.re * y.im + x.im * y.re)
        }
        static func / (x: Self, y: Self) -> Self {
            let n = y.re * y.re + y.im * y.im
            let p = x * Self(re: y.re, im: -y.im)
            return Self(re: p.re / n, im: p.im / n)
        }
        var conjugate: Self { Self(re: re, im: -im) }
        var isZero: Bool { re.isZero && im.isZero }
    }

    static func r(_ a: Int, _ b: Int, _ c: Int = 0, _ d: Int = 1) -> Reference {
        Reference(re: BigRational(BigInt(a), BigInt(b)), im: BigRational(BigInt(c), BigInt(d)))
    }

    static func g(_ x: Reference) -> GaussianRational { GaussianRational(x.re, x.im) }
    static func reference(_ z: GaussianRational) -> Reference { Reference(re: z.re, im: z.im) }

    static let values: [Reference] = {
        var out: [Reference] = [
            r(0, 1), r(1, 1), r(-1, 2), r(3, 4, -5, 6), r(0, 1, 1, 1), r(7, 3, 2, 9),
            r(Int.max, 1), r(Int.min, 1), r(0, 1, Int.min, 1), r(1, Int.max, -1, Int.max - 1),
            r(Int.max, 3, Int.max - 2, 5), r(1 << 40, 3, -(1 << 41), 7), r(-(1 << 62), 1 << 31 + 1),
            r(1, 1 << 40, 1, 3 << 30), r(3 << 61, 1, 0, 1), r(1, Int.max, 0, 1), r(0, 1, 1, Int.max),
        ]
        var rng = SplitMix64(seed: 11)
        for _ in 0..<24 {
            let shift = rng.next(62)
            func part() -> Int { rng.nextSigned(1 << shift) }
            out.append(r(part(), 1 + rng.next(1 << rng.next(40)), part(), 1 + rng.next(1 << rng.next(40))))
        }
        return out
    }()

    @Test func arithmeticMatchesReference() {
        for x in Self.values {
            let a = Self.g(x)
            #expect(Self.reference(a) == x)
            #expect(Self.reference(-a) == -x)
            #expect(Self.reference(a.conjugate) == x.conjugate)
            #expect(a.isZero == x.isZero && a.isOne == (x == Self.r(1, 1)))
            #expect(a.isReal == x.im.isZero)
            #expect(a.asInt == (x.im.isZero && x.re.isInteger ? x.re.numerator.asInt : nil))
            #expect(a.norm == x.re * x.re + x.im * x.im)
            for y in Self.values {
                let b = Self.g(y)
                #expect(Self.reference(a + b) == x + y, "\(x) + \(y)")
                #expect(Self.reference(a - b) == x - y, "\(x) - \(y)")
                #expect(Self.reference(a * b) == x * y, "\(x) * \(y)")
                if !y.isZero { #expect(Self.reference(a / b) == x / y, "\(x) / \(y)") }
                #expect((a == b) == (x == y))
                if a == b { #expect(a.hashValue == b.hashValue) }
                // One representation per value: the result equals the value built from its parts.
                let s = a * b + a
                #expect(s == Self.g(Self.reference(s)) && s.hashValue == Self.g(Self.reference(s)).hashValue)
            }
        }
    }

    @Test func equalValuesHaveOneRepresentation() {
        // 2/4 + i·6/8 computed two ways: (1/2)(1 + 3i/2) and 1/4 + 1/4 + 3i/4.
        let half = Self.g(Self.r(1, 2)), quarter = Self.g(Self.r(1, 4))
        let a = half * Self.g(Self.r(1, 1, 3, 2))
        let b = quarter + quarter + Self.g(Self.r(0, 1, 3, 4))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Self.reference(a) == Self.r(1, 2, 3, 4))
        // A result that overflows and comes back into range is small again: (2^62 · 4) / 4.
        let big = Self.g(Self.r(1 << 62, 1)) * 4 * quarter
        #expect(big == Self.g(Self.r(1 << 62, 1)) && big.hashValue == Self.g(Self.r(1 << 62, 1)).hashValue)
        #expect(big.asInt == 1 << 62)
        // Back and forth across the edge of Int: −Int.min does not fit, its negation does.
        let minInt = GaussianRational(Int.min)
        #expect(-(-minInt) == minInt && (-minInt).asInt == nil && (-(-minInt)).asInt == Int.min)
        #expect((-minInt).description == "9223372036854775808")
    }

    @Test func powersMatchReference() {
        for x in Self.values where !x.isZero {
            var p = Self.r(1, 1)
            for n in 0...5 {
                #expect(Self.reference(Self.g(x).power(n)) == p, "\(x)^\(n)")
                #expect(Self.reference(Self.g(x).power(-n)) == Self.r(1, 1) / p, "\(x)^-\(n)")
                p = p * x
            }
        }
    }
}
