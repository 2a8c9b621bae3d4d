import Testing
import ArbitraryPrecision
@testable import Symbolic

/// The sparse polynomial kernel. Expected values come from closed formulas computed in the
/// test (binomial and multinomial coefficients, term counts C(n+k−1, k−1)) or from identities
/// written out by hand next to each check.
@Suite struct PolynomialTests {
    let gens = ["x", "y", "z", "t"].map { Expr.symbol($0) }
    func v(_ k: Int) -> Polynomial { Polynomial.generator(k, of: gens) }
    var one: Polynomial { Polynomial(1, generators: gens) }
    func q(_ p: Int, _ d: Int = 1) -> GaussianRational { GaussianRational(BigRational(BigInt(p), BigInt(d))) }

    /// 1 + x + y + z + t.
    var f: Polynomial { one + v(0) + v(1) + v(2) + v(3) }

    @Test func powerTermCountsAreBinomials() {
        // The monomials of degree ≤ n in 4 variables number C(n + 4, 4).
        for n in [1, 2, 5, 10, 15] {
            let p = f.power(n)
            #expect(p.termCount == BigInt.binomial(BigInt(n + 4), 4).asInt!)
            #expect(p.totalDegree == n)
        }
    }

    @Test func multinomialCoefficients() {
        // Coefficient of x^a y^b z^c t^d in (1+x+y+z+t)^n is n!/((n−a−b−c−d)! a! b! c! d!).
        let n = 12
        let p = f.power(n)
        for e in [[2, 3, 1, 0], [0, 0, 0, 12], [3, 3, 3, 3], [1, 0, 5, 2], [0, 0, 0, 0]] {
            var den = BigInt.factorial(n - e.reduce(0, +))
            for a in e { den = den * BigInt.factorial(a) }
            let expected = BigInt.factorial(n).exactlyDivided(by: den)
            #expect(p.coefficient(of: e) == GaussianRational(BigRational(expected)))
        }
        // Coefficients add up to the value at x=y=z=t=1: 5^12.
        #expect(p.evaluate([1, 1, 1, 1].map { q($0) }) == q(244_140_625))
    }

    @Test func heapDenseAndGenericProductsAgree() {
        // Three independent kernels must give the same product f^6 · (f^5 + 1).
        let a = f.power(6), b = f.power(5) + one
        let heap = a.multiplied(by: b, method: .heap)
        let dense = a.multiplied(by: b, method: .dense)
        let generic = SparseIntegerPolynomial.multiplyGeneric(a.re, b.re)
        #expect(heap == dense)
        #expect(heap.re == generic)
        // The generic kernel in blocks of about 1000 products (21 blocks, merged) agrees too.
        #expect(SparseIntegerPolynomial.multiplyGeneric(a.re, b.re, blockProducts: 1000) == generic)
        // f^6(f^5 + 1) = f^11 + f^6: compare with powers computed independently.
        #expect(heap == f.power(11) + f.power(6))
        #expect(heap.termCount == BigInt.binomial(15, 4).asInt!)
    }

    @Test func productsWithKnownFactors() {
        let (x, y) = (v(0), v(1))
        // (x − y)(x + y) = x² − y².
        #expect((x - y) * (x + y) == x * x - y * y)
        // (x − 1)(x² + x + 1) = x³ − 1, and the division recovers the cofactor.
        let cube = x.power(3) - one
        #expect((x - one) * (x * x + x + one) == cube)
        #expect(cube.exactlyDivided(by: x - one) == x * x + x + one)
        #expect(cube.exactlyDivided(by: x + one) == nil)
        // (x + y)^7 has coefficient C(7, 3) = 35 at x³y⁴.
        #expect((x + y).power(7).coefficient(of: [3, 4, 0, 0]) == q(35))
    }

    @Test func divisionWithRemainder() {
        let (x, y, z) = (v(0), v(1), v(2))
        let a = x.power(3) * y + x * y * z + q7(3) * y.power(2) + z - one
        let b = x * y - one
        let (quotient, r) = a.divided(by: b)!
        #expect(quotient * b + r == a)
        // No term of the remainder is divisible by lm(b) = x y.
        for t in r.terms { #expect(!(t.exponents[0] >= 1 && t.exponents[1] >= 1)) }
        // By hand: x³y = (xy − 1)x² + x², xyz = (xy − 1)z + z, so q = x² + z and
        // r = x² + 3y² + 2z − 1.
        #expect(quotient == x * x + z)
        #expect(r == x * x + q7(3) * y * y + q7(2) * z - one)
        // Over ℚ: (x² − 1/4) / (x − 1/2) = x + 1/2.
        let half = Polynomial(q(1, 2), generators: gens)
        #expect((x * x - half * half).exactlyDivided(by: x - half) == x + half)
    }

    func q7(_ n: Int) -> Polynomial { Polynomial(n, generators: gens) }

    @Test func coefficientOverflowPromotesToBigInt() {
        let p = (v(0) + one).power(100)
        // C(100, 50), also computed by GMP's binomial as a second source.
        let c50 = BigInt("100891344545564193334812497256")!
        #expect(c50 == BigInt.binomial(100, 50))
        #expect(p.coefficient(of: [50, 0, 0, 0]) == GaussianRational(BigRational(c50)))
        #expect(p.termCount == 101)
        // Sum of coefficients 2^100.
        #expect(p.evaluate([1, 0, 0, 0].map { q($0) }) == GaussianRational(BigRational(BigInt(1) << 100)))
        // Squaring (x + 1)^100 gives (x + 1)^200 with C(200, 100) in the middle.
        #expect(p.power(2).coefficient(of: [100, 0, 0, 0]) == GaussianRational(BigRational(BigInt.binomial(200, 100))))
        // Int.max + Int.max leaves the Int range in addition too.
        let big = Polynomial(Int.max, generators: gens) * v(0)
        #expect((big + big).coefficient(of: [1, 0, 0, 0]) == GaussianRational(BigRational(BigInt(Int.max) * 2)))
    }

    @Test func rationalAndGaussianCoefficients() {
        let x = v(0)
        let i = Polynomial(GaussianRational.i, generators: gens)
        // (x + i)² = x² + 2i x − 1.
        let p = (x + i).power(2)
        #expect(p == x * x + Polynomial(GaussianRational(0, 2), generators: gens) * x - one)
        #expect(p.domain == .gaussianRationals)
        // (x + i)(x − i) = x² + 1 is back in ℤ[x].
        #expect(((x + i) * (x - i)) == x * x + one)
        #expect(((x + i) * (x - i)).domain == .integers)
        // (x/2 + 1/3)² = x²/4 + x/3 + 1/9.
        let r = (x.scaled(by: q(1, 2)) + Polynomial(q(1, 3), generators: gens)).power(2)
        #expect(r.coefficient(of: [2, 0, 0, 0]) == q(1, 4))
        #expect(r.coefficient(of: [1, 0, 0, 0]) == q(1, 3))
        #expect(r.coefficient(of: [0, 0, 0, 0]) == q(1, 9))
        #expect(r.domain == .rationals)
    }

    @Test func contentAndPrimitivePart() {
        let (x, y) = (v(0), v(1))
        // 6x² + 4xy = 2 · (3x² + 2xy).
        let p = q7(6) * x * x + q7(4) * x * y
        #expect(p.content == BigRational(2))
        #expect(p.primitivePart == q7(3) * x * x + q7(2) * x * y)
        // x/2 + 1/3 = (1/6)(3x + 2).
        let r = x.scaled(by: q(1, 2)) + Polynomial(q(1, 3), generators: gens)
        #expect(r.content == BigRational(1, 6))
        #expect(r.primitivePart == q7(3) * x + q7(2))
    }

    @Test func derivativeDegreeAndEvaluation() {
        let (x, y) = (v(0), v(1))
        let p = x.power(3) * y + q7(2) * x * y * y
        // ∂/∂x (x³y + 2xy²) = 3x²y + 2y²; ∂/∂y = x³ + 4xy.
        #expect(p.derivative(0) == q7(3) * x * x * y + q7(2) * y * y)
        #expect(p.derivative(1) == x.power(3) + q7(4) * x * y)
        #expect(p.totalDegree == 4)
        #expect(p.degree(in: 0) == 3 && p.degree(in: 1) == 2 && p.degree(in: 2) == 0)
        #expect(Polynomial.zero(generators: gens).degree(in: 0) == -1)
        // At x = 2, y = −1/3: 8·(−1/3) + 2·2·(1/9) = −8/3 + 4/9 = −20/9.
        #expect(p.evaluate([q(2), q(-1, 3), q(0), q(0)]) == q(-20, 9))
        // Leading term in graded-lex order: x³y (degree 4) before xy² (degree 3).
        #expect(p.leadingTerm!.exponents == [3, 1, 0, 0])
    }

    @Test func wideLayoutsForManyVariablesAndHighDegrees() {
        // 40 generators do not fit one word: (x₀ + … + x₃₉)² has C(41, 2) = 820 terms.
        let many = (0..<40).map { Expr.symbol("w\($0)") }
        let s = Polynomial.sum((0..<40).map { Polynomial.generator($0, of: many) }, generators: many)
        #expect(s.re.layout.words > 1)
        let s2 = s.power(2)
        #expect(s2.termCount == 820)
        var e = [Int](repeating: 0, count: 40); e[3] = 1; e[17] = 1
        #expect(s2.coefficient(of: e) == q(2))
        // Degree 5000 exceeds the 12-bit fields of the 4-variable layout: it is repacked.
        let (x, y) = (v(0), v(1))
        let high = x.power(5000) * (x + y).power(2)
        #expect(high.totalDegree == 5002)
        #expect(high.coefficient(of: [5001, 1, 0, 0]) == q(2))
        #expect(high.derivative(0).coefficient(of: [5000, 1, 0, 0]) == q(2 * 5001))
    }

    @Test func packedLayoutsRoundTrip() {
        // A layout packs and unpacks exponent vectors exactly, for one and several words.
        for (n, d) in [(4, 30), (1, 1 << 40), (40, 1), (7, 300)] {
            let layout = MonomialLayout(variables: n, maxDegree: d)
            var e = [Int](repeating: 0, count: n)
            e[n - 1] = d / 2; e[0] += d - d / 2
            var words = [UInt64](repeating: 0, count: layout.words)
            words.withUnsafeMutableBufferPointer { layout.pack(e, into: $0.baseAddress!) }
            let back = words.withUnsafeBufferPointer { layout.exponents(of: $0.baseAddress!) }
            #expect(back == e)
            #expect(words.withUnsafeBufferPointer { layout.degree(of: $0.baseAddress!) } == d)
        }
    }
}
