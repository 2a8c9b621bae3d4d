import Testing
import ArbitraryPrecision
@testable import Symbolic

/// The ℤ[x] toolkit of exact elimination: interpolation at integer nodes, Bareiss
/// determinants, positive pseudo-remainders, Sturm chains over ℤ, Horner at dyadic and
/// rational points.
@Suite("Integer polynomials")
struct IntegerPolynomialsTests {
    func ints(_ a: [Int]) -> [BigInt] { a.map { BigInt($0) } }

    @Test func interpolationRecoversIntegerPolynomials() {
        // 3x⁴ − 7x³ + 2x − 11 from its values at 0, 1, −1, 2, −2 (values by Horner here, the
        // coefficients are the hand-chosen input).
        let p = ints([-11, 2, 0, -7, 3])
        let x = UnivariateIntegerPolynomials.nodes(5)
        #expect(x == ints([0, 1, -1, 2, -2]))
        let y = x.map { UnivariateIntegerPolynomials.evaluate(p, at: $0) }
        #expect(UnivariateIntegerPolynomials.interpolate(nodes: x, values: y) == p)
        // More nodes than needed: the same polynomial, no spurious high terms.
        let x9 = UnivariateIntegerPolynomials.nodes(9)
        #expect(UnivariateIntegerPolynomials.interpolate(nodes: x9, values: x9.map { UnivariateIntegerPolynomials.evaluate(p, at: $0) }) == p)
        // Big coefficients (beyond Int): (2^100 + 1)·x² − 3.
        let big = [BigInt(-3), .zero, (BigInt.one << 100) + 1]
        let x3 = UnivariateIntegerPolynomials.nodes(3)
        #expect(UnivariateIntegerPolynomials.interpolate(nodes: x3, values: x3.map { UnivariateIntegerPolynomials.evaluate(big, at: $0) }) == big)
    }

    @Test func interpolationRefusesNonIntegerInterpolants() {
        // x(x − 1)/2 is integer-valued but not in ℤ[x]: values 0, 0, 1 at 0, 1, −1; the second
        // divided difference is −1/2 (by hand).
        #expect(UnivariateIntegerPolynomials.interpolate(nodes: ints([0, 1, -1]), values: ints([0, 0, 1])) == nil)
    }

    @Test func bareissDeterminantWithPivoting() {
        // a[0][0] = 0 forces a row swap. det = −164 by Laplace expansion (Python, exact).
        let m = [[0, 2, 1, 3], [1, 0, 4, 2], [3, 1, 0, 1], [2, 5, 1, 0]].map { ints($0) }
        #expect(UnivariateIntegerPolynomials.determinant(m) == BigInt(-164))
        // Second method: the symbolic Matrix determinant, on random 5×5 integer matrices.
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let rows = (0..<5).map { _ in (0..<5).map { _ in Int(rng.next() % 21) - 10 } }
            let symbolic = Matrix(rows: 5, columns: 5) { i, j in Expr.integer(rows[i][j]) }
            let d = try! symbolic.determinant()
            #expect(Expr.number(BigRational(UnivariateIntegerPolynomials.determinant(rows.map { ints($0) }))) == d)
        }
        // Singular: two equal rows.
        #expect(UnivariateIntegerPolynomials.determinant([ints([1, 2]), ints([1, 2])]) == .zero)
    }

    @Test func determinantDegreeBoundIsTheHeaviestPermutation() {
        // By hand: [[2, 0], [1, 3]] → max(2 + 3, 0 + 1) = 5; with zero entries (−1) only the
        // anti-diagonal survives: 1 + 2 = 3; a zero row makes det ≡ 0 (nil).
        #expect(UnivariateIntegerPolynomials.determinantDegreeBound([[2, 0], [1, 3]]) == 5)
        #expect(UnivariateIntegerPolynomials.determinantDegreeBound([[-1, 1], [2, -1]]) == 3)
        #expect(UnivariateIntegerPolynomials.determinantDegreeBound([[-1, -1], [2, 4]]) == nil)
        // The Sylvester layout of f = x² + (P³)x + P (degrees [1, 3, 0] lowest first) and
        // g = P²x + 1 (degrees [0, 2]): res = f₀g₁² − f₁g₀g₁ + f₂g₀² has degree
        // max(1 + 4, 3 + 0 + 2, 0) = 5 (by hand).
        let pattern = UnivariateIntegerPolynomials.sylvesterPattern([1, 3, 0], [0, 2], empty: -1)
        #expect(UnivariateIntegerPolynomials.determinantDegreeBound(pattern) == 5)
    }

    @Test func positivePseudoRemainderKeepsTheSign() {
        // (x³ + 2x + 1) mod (−2x² + 3) = 7x/2 + 1 over ℚ (by hand); a negative leading
        // coefficient of the divisor must not flip it: the primitive part is 7x + 2.
        let r = UnivariateIntegerPolynomials.positivePseudoRemainder(ints([1, 2, 0, 1]), ints([3, 0, -2]))
        #expect(UnivariateIntegerPolynomials.primitivePart(r) == ints([2, 7]))
        // (x − 1)²(x + 2) / (x − 1) = x² + x − 2.
        #expect(UnivariateIntegerPolynomials.primitiveQuotient(ints([2, -3, 0, 1]), ints([-1, 1])) == ints([-2, 1, 1]))
    }

    @Test func sturmSequenceOfTheSquareFreePart() {
        // (x − 1)²(x + 2)(x − 3) = x⁴ − 3x³ − 3x² + 11x − 6 (expanded by hand): square-free part
        // x³ − 2x² − 5x + 6, three distinct real roots.
        let p = ints([-6, 11, -3, -3, 1])
        let s = SturmSequence(squareFreePartOfIntegers: p)
        #expect(s.polynomial == ints([6, -5, -2, 1]))
        #expect(s.realRootCount == 3)
        #expect(s.countRoots(in: BigRational(0), BigRational(2)) == 1)
        // The chain of p itself counts distinct roots too (Sturm's theorem), but keeps p.
        let t = SturmSequence(integers: p)
        #expect(t.polynomial == p)
        #expect(t.realRootCount == 3)
        // Already square-free: the chain is used as is.
        let q = ints([-2, 0, 1])  // x² − 2
        #expect(SturmSequence(squareFreePartOfIntegers: q).polynomial == q)
    }

    @Test func hornerAtDyadicAndRationalPoints() {
        // 2⁹·p(13/8) = 15443 for p = 7x³ − 3x + 5 (Python fractions).
        let p = ints([5, -3, 0, 7])
        #expect(BigInt.dyadicHorner(p, numerator: BigInt(13), exponent: 3) == BigInt(15443))
        #expect(BigInt.rationalHorner(p, numerator: BigInt(13), denominator: BigInt(8)) == BigInt(15443))
        // Second method on big values: vⁿ·p(u/v) against BigRational evaluation.
        let big = [BigInt.one << 90, BigInt(-17), (BigInt.one << 70) + 3, BigInt(-5)]
        let u = (BigInt.one << 80) + 12345, v = BigInt(3).power(40)
        let exact = UnivariatePolynomial(big.map { BigRational($0) }).evaluate(BigRational(u, v)) * BigRational(v.power(3))
        #expect(BigRational(BigInt.rationalHorner(big, numerator: u, denominator: v)) == exact)
        let k = 75
        let dyadic = UnivariatePolynomial(big.map { BigRational($0) }).evaluate(BigRational(u, BigInt.one << k))
            * BigRational(BigInt.one << (3 * k))
        #expect(BigRational(BigInt.dyadicHorner(big, numerator: u, exponent: k)) == dyadic)
    }

    @Test func firstSubresultantIsAMultipleOfTheCommonFactor() {
        // f = (x − 1)(x − 2)(x − 3) = x³ − 6x² + 11x − 6, g = (x − 1)(x + 5) = x² + 4x − 5 share
        // x − 1 alone, so S₁ ∝ x − 1. By hand: rows f, x·g, g in the columns x³, x², xⁱ:
        // i = 1: det[[1, −6, 11], [1, 4, −5], [0, 1, 4]] = 21 + 24 + 11 = 56;
        // i = 0: det[[1, −6, −6], [1, 4, 0], [0, 1, −5]] = −20 − 30 − 6 = −56. S₁ = 56(x − 1).
        let f = ints([-6, 11, -6, 1]), g = ints([-5, 4, 1])
        let s = (0...1).map { UnivariateIntegerPolynomials.determinant(
            UnivariateIntegerPolynomials.subresultantPattern(f, g, j: 1, column: $0, empty: .zero)) }
        #expect(s == ints([-56, 56]))
        // j = deg g < deg f: S_j = lc(g)^(m−n−1)·g, here g itself (one row, column xⁱ).
        let h = ints([-1, 1])
        #expect((0...1).map { UnivariateIntegerPolynomials.determinant(
            UnivariateIntegerPolynomials.subresultantPattern(f, h, j: 1, column: $0, empty: .zero)) } == h)
        // j = 0 is the Sylvester matrix: the resultant, 0 for f and g with a common root.
        #expect(UnivariateIntegerPolynomials.determinant(UnivariateIntegerPolynomials.subresultantPattern(f, g, j: 0, column: 0, empty: .zero)) == .zero)
    }
}
