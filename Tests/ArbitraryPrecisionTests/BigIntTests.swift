import Testing
@testable import ArbitraryPrecision

@Suite("BigInt")
struct BigIntTests {
    @Test func overflowPromotesToGMP() {
        // 2^63 = 9223372036854775808 (Int.max = 2^63 - 1).
        let sum = BigInt(Int.max) + 1
        #expect(sum == BigInt("9223372036854775808")!)
        #expect(sum.asInt == nil)
        #expect(BigInt(Int.min) - 1 == BigInt("-9223372036854775809")!)
        #expect(-BigInt(Int.min) == BigInt("9223372036854775808")!)
        // (2^32)^2 = 2^64 = 18446744073709551616.
        #expect(BigInt(1 << 32) * BigInt(1 << 32) == BigInt("18446744073709551616")!)
    }

    @Test func bigResultsThatFitAreStoredSmall() {
        let a = BigInt("100000000000000000000000000000007")!
        let b = BigInt("100000000000000000000000000000000")!
        let diff = a - b
        #expect(diff.asInt == 7)
        #expect(diff == BigInt(7))
        #expect(diff.hashValue == BigInt(7).hashValue)
        if case .small = diff.storage {} else { Issue.record("difference not normalized") }
        #expect((a * b).exactlyDivided(by: b) == a)
        #expect(Set([diff, 7, BigInt(3) + 4]).count == 1)
    }

    @Test func factorial30() {
        // 30! from OEIS A000142.
        var f: BigInt = 1
        for k in 1...30 { f *= BigInt(k) }
        #expect(f.description == "265252859812191058636308480000000")
        #expect(f == BigInt.factorial(30))
    }

    @Test func gcdOfPrimeProducts() {
        // Known primes: 2^61 - 1 and 2^31 - 1 are Mersenne primes, 1000000007 is prime.
        let m61 = BigInt((1 << 61) - 1), m31 = BigInt((1 << 31) - 1), p = BigInt(1_000_000_007)
        let a = m61 * m61 * m31 * 3
        let b = m61 * p * m31 * 5
        #expect(BigInt.gcd(a, b) == m61 * m31)
        #expect(BigInt.gcd(-a, b) == m61 * m31)
        #expect(BigInt.lcm(a, b) == m61 * m61 * m31 * p * 15)
        #expect(BigInt.gcd(12, 18) == 6)
        #expect(BigInt.gcd(0, 0) == 0)
        // |Int.min| = 2^63 does not fit in Int.
        #expect(BigInt.gcd(BigInt(Int.min), 0) == BigInt("9223372036854775808")!)
    }

    @Test func power() {
        // 3^40 = 12157665459056928801 (exceeds Int.max); 2^100 from tables of powers of two.
        #expect(BigInt(3).power(40).description == "12157665459056928801")
        #expect(BigInt(2).power(100).description == "1267650600228229401496703205376")
        #expect(BigInt(-2).power(63) == BigInt(Int.min))
        #expect(BigInt(0).power(0) == 1)
        #expect(BigInt(7).power(2) == 49)
        #expect(BigInt(1) << 100 == BigInt(2).power(100))
        #expect(BigInt(2).power(100) >> 98 == 4)
        #expect(BigInt(-5) >> 1 == -3)
    }

    @Test func divisionIdentities() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let a = Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng)
            var b = Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng)
            if b == 0 { b = 1 }
            let (q, r) = BigInt(a).quotientAndRemainder(dividingBy: BigInt(b))
            if !(a == .min && b == -1) {
                // Reference: Swift's own truncating Int division.
                #expect(q == BigInt(a / b) && r == BigInt(a % b))
            }
            #expect(q * BigInt(b) + r == BigInt(a))
        }
        for _ in 0..<500 {
            let a = randomBig(&rng), b = randomBig(&rng)
            guard !b.isZero else { continue }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a)
            #expect(r.magnitude < b.magnitude)
            #expect(r.isZero || r.signum == a.signum)
            #expect(q == a / b && r == a % b)
            let f = a.floorDivided(by: b)
            let m = a - f * b
            #expect(m.isZero || m.signum == b.signum)
            #expect(m.magnitude < b.magnitude)
            #expect((a * b).exactlyDivided(by: b) == a)
        }
        #expect(BigInt(Int.min) / -1 == BigInt("9223372036854775808")!)
        #expect(BigInt(-7).floorDivided(by: 2) == -4)
        #expect(BigInt(7).floorDivided(by: -2) == -4)
        #expect(BigInt(-8).floorDivided(by: 2) == -4)
    }

    @Test func stringRoundTrips() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let x = randomBig(&rng)
            for radix in [2, 10, 16, 36] {
                #expect(BigInt(x.toString(radix: radix), radix: radix) == x)
            }
        }
        #expect(BigInt("ff", radix: 16) == 255)
        #expect(BigInt("-FF", radix: 16) == -255)
        #expect(BigInt("") == nil)
        #expect(BigInt("-") == nil)
        #expect(BigInt("12a") == nil)
        #expect(BigInt(" 12") == nil)
        #expect(BigInt("1", radix: 99) == nil)
        #expect(BigInt("99999999999999999999x") == nil)
    }

    @Test func comparisonsAcrossSmallAndBig() {
        let big = BigInt("100000000000000000000")!
        #expect(BigInt(Int.max) < big)
        #expect(-big < BigInt(Int.min))
        #expect(-big < big)
        #expect(big > 0 && -big < 0)
        #expect(big < big + 1)
        #expect([big, 3, -big, BigInt(Int.min)].sorted() == [-big, BigInt(Int.min), 3, big])
    }

    @Test func propertiesAndConversions() {
        let big = BigInt(2).power(80)
        #expect(big.bitWidth == 81)
        #expect(BigInt(0).bitWidth == 0 && BigInt(-1).bitWidth == 1 && BigInt(255).bitWidth == 8)
        #expect(big.isEven && !(big + 1).isEven && (-big - 1).isEven == false)
        #expect((big * big).isqrt() == big && (big * big + 1).isqrt() == big)
        #expect((big * big).isPerfectSquare && !(big * big + 1).isPerfectSquare)
        #expect(BigInt(-4).isqrt() == nil)
        #expect(big.toDouble() == 0x1p80)
        // 2^80 + 2^27 + 1 is just above the midpoint between doubles 2^80 and 2^80 + 2^28.
        #expect((big + BigInt(1 << 27) + 1).toDouble() == 0x1p80 + 0x1p28)
        #expect(BigInt(1e30).description == "1000000000000000019884624838656") // exact binary value of 1e30
        #expect(BigInt(-3.9) == -3)
        #expect(BigInt(-7).magnitude == 7 && BigInt(Int.min).magnitude == BigInt(Int.max) + 1)
        #expect(big.withMPZ { BigInt(mpz: $0) } == big)
        #expect(BigInt(-5).withMPZ { BigInt(mpz: $0) } == -5)
    }
}

/// A random value of up to ~250 bits, often outside the Int range.
func randomBig(_ rng: inout SplitMix64) -> BigInt {
    var x = BigInt(0)
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
        x = x * BigInt(1 << 62) + BigInt(Int.random(in: 0..<(1 << 62), using: &rng))
    }
    return Bool.random(using: &rng) ? -x : x
}
