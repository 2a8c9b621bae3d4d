import Testing
import ArbitraryPrecision

@Suite("BigRational")
struct BigRationalTests {
    @Test func normalization() {
        let r = BigRational(6, -4)
        #expect(r.numerator == -3 && r.denominator == 2)
        #expect(r.description == "-3/2")
        #expect(BigRational(0, -5) == .zero && BigRational(0, -5).denominator == 1)
        #expect(BigRational(BigInt(Int.min), BigInt(Int.min)) == 1)
        #expect(BigRational(0, BigInt(Int.min)).description == "0")
        #expect(BigRational(1, BigInt(Int.min)).description == "-1/9223372036854775808")
    }

    @Test func arithmeticIdentities() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<400 {
            let a = randomRational(&rng), b = randomRational(&rng), c = randomRational(&rng)
            #expect(a + b == b + a)
            #expect((a + b) + c == a + (b + c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a - a == .zero)
            if !b.isZero {
                #expect((a / b) * b == a)
                #expect(b * b.reciprocal == .one)
            }
            #expect((a < b) == ((b - a).signum > 0))
            #expect(a.floor <= a.ceil && BigRational(a.floor) <= a && a <= BigRational(a.ceil))
        }
        // 1/2 + 1/3 = 5/6; (2/3)^-2 = 9/4.
        #expect(BigRational(1, 2) + BigRational(1, 3) == BigRational(5, 6))
        #expect(BigRational(2, 3).power(-2) == BigRational(9, 4))
        #expect(BigRational(-7, 2).floor == -4 && BigRational(-7, 2).ceil == -3)
        #expect(BigRational(Int.max) + BigRational(Int.max) == BigRational(BigInt(Int.max) * 2))
    }

    @Test func decimalParsing() {
        // 1.25 = 125/100 = 5/4; 2.5e-3 = 25/10000 = 1/400.
        #expect(BigRational("1.25") == BigRational(5, 4))
        #expect(BigRational("2.5e-3") == BigRational(1, 400))
        #expect(BigRational("-3/4") == BigRational(-3, 4))
        #expect(BigRational("3") == 3)
        #expect(BigRational("1e3") == 1000)
        #expect(BigRational("-.5") == BigRational(-1, 2))
        #expect(BigRational("6/-4") == BigRational(-3, 2))
        for bad in ["", "1/0", "abc", "1.2.3", "1e", "e5", "1/2/3", ".", "1e99999999999"] {
            #expect(BigRational(bad) == nil, "\(bad)")
        }
    }

    @Test func exactDouble() {
        // 0.1 as a binary64 is 0x1.999999999999ap-4 = 3602879701896397 / 2^55.
        #expect(BigRational(exactly: 0.1) == BigRational(BigInt(3602879701896397), BigInt("36028797018963968")!))
        #expect(BigRational(exactly: -0.75) == BigRational(-3, 4))
        #expect(BigRational(exactly: 1e20) == BigRational(BigInt("100000000000000000000")!))
        #expect(BigRational(exactly: .leastNonzeroMagnitude) == BigRational(1, BigInt(2).power(1074)))
        for d in [0.1, -1e300, .leastNonzeroMagnitude, 123.456, 1.0 / 3.0] {
            #expect(BigRational(exactly: d).toDouble() == d)
        }
        #expect(BigRational(1, 3).toDouble() == 1.0 / 3.0)
        // Big parts whose ratio is ordinary: (10^400 + 1) / 10^399 rounds to 10.
        #expect(BigRational(BigInt(10).power(400) + 1, BigInt(10).power(399)).toDouble() == 10)
        #expect(BigRational(BigInt(10).power(400)).toDouble() == .infinity)
    }
}

func randomRational(_ rng: inout SplitMix64) -> BigRational {
    let small = Bool.random(using: &rng)
    let n = small ? BigInt(Int.random(in: -1000...1000, using: &rng)) : randomBig(&rng)
    var d = small ? BigInt(Int.random(in: 1...1000, using: &rng)) : randomBig(&rng)
    if d.isZero { d = 1 }
    return BigRational(n, d)
}
