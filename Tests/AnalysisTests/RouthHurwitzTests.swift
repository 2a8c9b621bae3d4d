import Testing
import TestSupport
import ArbitraryPrecision
import Symbolic
@testable import Analysis

@Suite("Routh–Hurwitz count of unstable roots")
struct RouthHurwitzTests {
    /// Coefficients (lowest first) of the product of the given factors.
    func product(_ factors: [[BigRational]]) -> [BigRational] {
        var c: [BigRational] = [1]
        for f in factors {
            var next = [BigRational](repeating: 0, count: c.count + f.count - 1)
            for (i, a) in c.enumerated() { for (j, b) in f.enumerated() { next[i + j] = next[i + j] + a * b } }
            c = next
        }
        return c
    }

    @Test func countsMatchRootsChosenByHand() {
        // (s − 1)(s + 2)(s² + 2s + 5)(s² − s/5 + 1): roots 1, −2, −1 ± 2i, 0.1 ± 0.995i → 3 unstable.
        let p = product([[-1, 1], [2, 1], [5, 2, 1], [1, BigRational(-1, 5), 1]])
        #expect(routhUnstableCount(p) == 3)
        // (s + 1)(s + 3)(s² + s + 1): all stable.
        #expect(routhUnstableCount(product([[1, 1], [3, 1], [1, 1, 1]])) == 0)
        // (s − 2)(s − 3): two real unstable roots.
        #expect(routhUnstableCount(product([[-2, 1], [-3, 1]])) == 2)
        // s² + 1: roots on the axis — a zero pivot, so no verdict.
        #expect(routhUnstableCount([1, 0, 1]) == nil)
    }

    @Test func integerArrayCountsWithBigCoefficients() {
        // (s − 3)(s + 5)(s² + 2s + 5)(s² − 4s + 53)(s + 4), times 10^30 (beyond Int): roots 3,
        // −5, −1 ± 2i, 2 ± 7i, −4 chosen by hand → 3 unstable; the fraction-free array with
        // content removal must give the same count as the rational one.
        let scale = BigRational(BigInt(10).power(30))
        let p = product([[-3, 1], [5, 1], [5, 2, 1], [53, -4, 1], [4, 1]]).map { $0 * scale }
        #expect(routhUnstableCount(integers: p.map(\.numerator)) == 3)
        #expect(routhUnstableCount(p) == 3)
        // A negative leading coefficient (−p): the same roots.
        #expect(routhUnstableCount(integers: p.map { -$0.numerator }) == 3)
    }

    @Test func countOf003AgreesWithEigenvalues() throws {
        // Second method: at λ = 1/5 the MPFR eigenvalues give max Re λ < 0 at γ↑ = 0.65 and a
        // single unstable complex pair at 0.75 (the lasing threshold 0.70938 lies between,
        // docs/phase-diagrams.md), so the exact count must be 0 and 2.
        let model = try Paper003()
        var values = model.figure4Values
        values[model.lambda] = Expr.rational(1, 5)
        let problem = try StabilityProblem(matrix: model.a2, free: [model.up], values: values)
        let elimination = try CrossingPolynomial(problem: problem)
        for (q, expected) in [(BigRational(13, 20), 0), (BigRational(3, 4), 2)] {
            let mp = try maxRealPartSign(problem, at: q, digits: 30)
            #expect(mp.sign == (expected > 0 ? 1 : -1))
            #expect(elimination.unstableCount(at: q) == expected)
        }
    }

    @Test func complexCoefficientsFallBackToMPFREigenvalues() throws {
        // diag(P − 3/4 + i, −1): the eigenvalue P − 3/4 + i crosses the imaginary axis at
        // P = 3/4 with frequency 1 (by hand). p(s) has complex coefficients, so there is no
        // Routh verdict and the counts must come from verified inclusion disks of the roots of p
        // (issue 14; before, from MPFR eigenvalues with error estimates at 30 and 60 digits).
        // R(P) = (3/4 − P)(P² − 7P/2 + 65/16) has 3/4 as its only real root, isolated first by
        // (−32, 32): refinement lands on it exactly (it is dyadic), which must still count.
        let p = Symbol("P", [.real])
        let m = Matrix(rows: 2, columns: 2) { i, j in
            i != j ? Expr.integer(0) : (i == 0 ? Expr.symbol(p) - Expr.rational(3, 4) + Expr.i : Expr.integer(-1))
        }
        let problem = try StabilityProblem(matrix: m, free: [p], values: [:])
        #expect(try CrossingPolynomial(problem: problem).unstableCount(at: BigRational(1)) == nil)
        let found = try certifiedThresholds(problem, lower: BigRational(0), upper: BigRational(1), digits: 20)
        let t = try #require(found.first)
        #expect(found.count == 1)
        #expect(t.lower == BigRational(3, 4) && t.upper == BigRational(3, 4))
        #expect(t.crossing == .complex && abs(t.frequency - 1) < 1e-12)
        #expect(t.direction == 1)
        // One verified-disk computation per side; the first precision tried (20 digits)
        // already separates the disks from the axis.
        #expect(t.evidence.count == 2 && t.evidence.allSatisfy { $0.disks && $0.digits == 20 })
        #expect(t.below == UnstableCounts(real: 0, complex: 0) && t.above == UnstableCounts(real: 0, complex: 1))
    }
}
