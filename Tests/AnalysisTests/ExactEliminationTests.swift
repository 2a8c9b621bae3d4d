import Testing
import TestSupport
import ArbitraryPrecision
import Symbolic
@testable import Analysis

@Suite("Characteristic polynomial and crossing resultant on ℤ[i][P]")
struct ExactEliminationTests {
    /// p(s; P) from the Expr route (`Matrix.characteristicPolynomial`, then expansion), the
    /// second method the dense Berkowitz is checked against.
    func exprCharacteristic(_ m: Matrix, _ p: Symbol) throws -> [Polynomial] {
        let cp = try m.characteristicPolynomial(in: Symbol("s", []))
        return try cp.coefficients.map { try Polynomial($0.expand(), generators: [Expr.symbol(p)]) }
    }

    @Test func denseCoefficientsOfMatrixEntries() throws {
        let p = Expr.symbol(Symbol("P", [.real]))
        let q = { (a: Int, b: Int) in GaussianRational(BigRational(BigInt(a), BigInt(b))) }
        // 3/4 + 2i·P − P²/5 read directly (hand coefficients).
        let e = Expr.rational(3, 4) + 2 * Expr.i * p - Expr.pow(p, 2) / 5
        #expect(denseCoefficients(e, in: p) == [q(3, 4), GaussianRational(BigRational(0), BigRational(2)), q(-1, 5)])
        // A product of sums goes through expansion: (P + 1)² = 1 + 2P + P².
        #expect(denseCoefficients(Expr.pow(p + 1, 2), in: p) == [q(1, 1), q(2, 1), q(1, 1)])
        // Zero, and entries that are not polynomials in P.
        #expect(denseCoefficients(Expr.integer(0), in: p) == [])
        #expect(denseCoefficients(Expr.pow(p, Expr.rational(1, 2)), in: p) == nil)
        #expect(denseCoefficients(1 / (p + 1), in: p) == nil)
    }

    @Test func berkowitzOverGaussianIntegersMatchesExprRoute() throws {
        // A 3×3 matrix with complex, fractional and P-dependent entries, chosen so that every
        // kind of coefficient occurs; both routes must give the same p(s; P) term by term.
        let p = Symbol("P", [.real])
        let pe = Expr.symbol(p)
        let entries: [[Expr]] = [
            [pe - Expr.rational(1, 3), Expr.i * pe, Expr.integer(2)],
            [Expr.rational(-5, 7), pe * pe + Expr.i, Expr.integer(0)],
            [Expr.integer(1) - Expr.i / Expr.integer(2), Expr.integer(3), Expr.rational(1, 10) * pe],
        ]
        let m = Matrix(rows: 3, columns: 3) { i, j in entries[i][j] }
        let problem = try StabilityProblem(matrix: m, free: [p], values: [:])
        let fast = try CrossingPolynomial(problem: problem).characteristic
        let slow = try exprCharacteristic(m, p)
        #expect(fast.count == 4)
        for k in 0..<4 { #expect(fast[k] - slow[k] == Polynomial.zero(generators: [pe])) }
    }

    @Test func realCrossingPolynomialHasTheRootsOfTheFullResultant() throws {
        // 003 at λ = 1/5 (real p): R = p(0)·res_x(E, O) must have the same square-free part as
        // res_ω(Re p(iω), Im p(iω)) computed on Expr by the subresultant PRS, at half its degree
        // (res_ω(E(ω²), ω·O(ω²)) = ±p(0)·res_x(E, O)²).
        let model = try Paper003()
        var values = model.figure4Values
        values[model.lambda] = Expr.rational(1, 5)
        let problem = try StabilityProblem(matrix: model.a2, free: [model.up], values: values)
        let elimination = try CrossingPolynomial(problem: problem)
        #expect(elimination.form.hasPrefix("p(0;"))
        let slow = try exprCharacteristic(problem.matrix, model.up)
        for k in 0..<slow.count { #expect(elimination.characteristic[k] - slow[k] == Polynomial.zero(generators: [Expr.symbol(model.up)])) }
        let omega = try #require(elimination.realPart.generators.first?.symbol)
        let full = try Expr.resultant(elimination.realPart.toExpr(), elimination.imaginaryPart.toExpr(), in: omega)
        let u = try #require(UnivariatePolynomial(try Polynomial(full, generators: [Expr.symbol(model.up)]), variable: 0))
        #expect(u.squareFreePart == elimination.resultant.squareFreePart)
        #expect(2 * elimination.resultant.degree - elimination.characteristic[0].degree(in: 0) == u.degree)
        // The lasing threshold 0.70938 (docs/phase-diagrams.md) is the one root in [1/2, 1].
        let roots = elimination.realRoots(in: BigRational(1, 2), BigRational(1))
        #expect(roots.count == 1)
        let fine = try #require(roots.first).refined(toBits: 30)
        #expect(BigRational(709379, 1_000_000) < fine.lower && fine.upper < BigRational(709380, 1_000_000))
    }
}
