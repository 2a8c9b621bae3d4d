import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// Determinants (Laplace and Berkowitz) and characteristic polynomials.
@Suite struct MatrixDeterminantTests {
    let a = Expr.symbol("a"), b = Expr.symbol("b"), c = Expr.symbol("c"), d = Expr.symbol("d")
    let e = Expr.symbol("e"), f = Expr.symbol("f"), g = Expr.symbol("g")

    static func randomPoint(_ symbols: [Expr], _ rng: inout SplitMix64) -> [Expr: GaussianRational] {
        var point: [Expr: GaussianRational] = [:]
        for s in symbols { point[s] = rng.gaussian() }
        return point
    }

    @Test(arguments: [3, 4, 5])
    func vandermonde(n: Int) throws {
        // det [x_i^j] = ∏_{i<j} (x_j − x_i) (the classical Vandermonde formula).
        let x = (0..<n).map { Expr.symbol("x\($0)") }
        let v = Matrix(rows: n, columns: n) { i, j in Expr.pow(x[i], .integer(j)) }
        let expected = Expr.mul((0..<n).flatMap { i in (i + 1..<n).map { j in x[j] - x[i] } })
        var rng = SplitMix64(seed: UInt64(100 + n))
        for method in [DeterminantMethod.laplace, .berkowitz] {
            let det = try v.determinant(method: method)
            // Symbolically, after expansion of both sides (expand is the default normaliser).
            #expect(det == expected.expand(), "method \(method)")
            for _ in 0..<4 {
                let point = Self.randomPoint(x, &rng)
                let lhs = MatrixExact.value(det, at: point), rhs = MatrixExact.value(expected, at: point)
                #expect(lhs != nil && lhs == rhs, "method \(method)")
            }
        }
    }

    @Test func symbolic3x3ByHand() throws {
        // First-row expansion by hand: det [[a,b,0],[c,d,e],[0,f,g]] = a(dg − ef) − b(cg − 0) = adg − aef − bcg.
        let m: Matrix = [[a, b, 0], [c, d, e], [0, f, g]]
        let expected = a * d * g - a * e * f - b * c * g
        var rng = SplitMix64(seed: 3)
        for method in [DeterminantMethod.laplace, .berkowitz] {
            let det = try m.determinant(method: method)
            for _ in 0..<4 {
                let point = Self.randomPoint([a, b, c, d, e, f, g], &rng)
                #expect(MatrixExact.value(det, at: point) == MatrixExact.value(expected, at: point))
            }
        }
        // Laplace along the sparsest line without normalisation: exactly a(dg − ef) − b·c·g;
        // with the default normaliser (expand) the hand result adg − aef − bcg term by term.
        #expect(try m.determinant(method: .laplace, normalize: Matrix.identityNormalize) == a * (d * g - e * f) - b * c * g)
        #expect(try m.determinant(method: .laplace) == expected)
        #expect(try m.determinant(method: .berkowitz) == expected)
    }

    @Test func hilbertMatrixDeterminant() throws {
        // det H_4 = 1/6048000 (Hilbert's formula c_4⁴/c_8, c_n = ∏_{k<n} k!: 12⁴ / 125411328000).
        let h = Matrix(rows: 4, columns: 4) { i, j in Expr.rational(1, i + j + 1) }
        #expect(try h.determinant(method: .berkowitz) == Expr.rational(1, 6_048_000))
        #expect(try h.determinant(method: .laplace) == Expr.rational(1, 6_048_000))
    }

    @Test func determinantIsMultiplicative() throws {
        // det(MN) = det M · det N, for random exact 5×5 matrices over Q(i) (Berkowitz path).
        var rng = SplitMix64(seed: 5)
        let m = Matrix(rows: 5, columns: 5) { _, _ in Expr.number(rng.gaussian()) }
        let n = Matrix(rows: 5, columns: 5) { _, _ in Expr.number(rng.gaussian()) }
        let lhs = try (m * n).determinant(), rhs = try m.determinant() * n.determinant()
        #expect(lhs == rhs)
        #expect(!lhs.isZero)
        #expect(try m.determinant(method: .laplace) == m.determinant(method: .berkowitz))
    }

    @Test func nonSquareThrows() {
        #expect(throws: MatrixError.notSquare(rows: 2, columns: 3)) {
            try Matrix([[a, b, c], [d, e, f]]).determinant()
        }
    }

    @Test func characteristicPolynomial2x2() throws {
        // det(λ − [[a,b],[c,d]]) = λ² − (a + d)λ + (ad − bc), by hand.
        let lambda = Symbol("λ")
        let p = try Matrix([[a, b], [c, d]]).characteristicPolynomial(in: lambda)
        #expect(p.coefficients == [a * d - b * c, -a - d, 1])
        let l = Expr.symbol(lambda)
        #expect(p.expr == Expr.pow(l, 2) - a * l - d * l + a * d - b * c)
        #expect(p.degree == 2)
    }

    @Test func companionMatrixHasItsPolynomial() throws {
        // The companion matrix of λ⁴ + p₃λ³ + p₂λ² + p₁λ + p₀ has exactly that characteristic polynomial.
        let ps = (0..<4).map { Expr.symbol("p\($0)") }
        let m = Matrix(rows: 4, columns: 4) { i, j in j == 3 ? -ps[i] : (i == j + 1 ? 1 : 0) }
        let coefficients = try m.characteristicPolynomial(in: Symbol("λ")).coefficients
        var rng = SplitMix64(seed: 44)
        for _ in 0..<3 {
            let point = Self.randomPoint(ps, &rng)
            let got = coefficients.map { MatrixExact.value($0, at: point) }
            let want: [GaussianRational?] = ps.map { point[$0] } + [GaussianRational.one]
            #expect(got == want)
        }
    }

    @Test func cayleyHamilton() throws {
        // p(A) = 0 for the characteristic polynomial p of A (Cayley–Hamilton), exact over Q(i).
        var rng = SplitMix64(seed: 6)
        let m = Matrix(rows: 6, columns: 6) { _, _ in Expr.number(rng.gaussian()) }
        let cs = try m.characteristicPolynomial(in: Symbol("λ")).coefficients
        var sum = Matrix.zero(6, 6)
        for (k, ck) in cs.enumerated() { sum = sum + ck * m.power(k) }
        #expect(sum == Matrix.zero(6, 6))
        // det A = (−1)^n c₀ and tr A = −c_{n−1}.
        #expect(try m.determinant() == cs[0])
        #expect(m.trace == -cs[5])
    }
}
