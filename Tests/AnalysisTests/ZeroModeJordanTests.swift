import Testing
import ArbitraryPrecision
import Symbolic
@testable import Analysis

/// A double zero eigenvalue after zero-mode removal is not "stable" when it is a Jordan block
/// (issue 14): the linearisation grows like t along it.
@Suite("Zero modes that form a Jordan block")
struct ZeroModeJordanTests {
    /// [[0, c, 0], [0, 0, 0], [0, 0, P − 1/2]]: det(s − A) = s²·(s − P + 1/2) by hand, so s²
    /// is removed and the real eigenvalue P − 1/2 crosses at P = 1/2. With c = 1 the zero
    /// eigenvalue has one eigenvector (rank A = 2 for P ≠ 1/2, by hand): a Jordan block. With
    /// c = 0 it has two (rank 1): semisimple, nothing to say.
    func search(coupling c: Int) throws -> CrossingSearch {
        let p = Symbol("P", [.real])
        let rows: [[Expr]] = [[.integer(0), .integer(c), .integer(0)], [.integer(0), .integer(0), .integer(0)],
                              [.integer(0), .integer(0), Expr.symbol(p) - Expr.rational(1, 2)]]
        let problem = try StabilityProblem(matrix: Matrix(rows: 3, columns: 3) { i, j in rows[i][j] }, free: [p], values: [:])
        return try thresholdCrossings(problem, lower: BigRational(0), upper: BigRational(1), digits: 10, selection: .max)
    }

    @Test func jordanBlockIsNotStable() throws {
        let s = try search(coupling: 1)
        let g = try #require(s.removed)
        #expect(g.zeroModes == 2)
        #expect(g.jordan?.eigenvectors == 1)
        #expect(g.summary.contains("a Jordan block"))
        let t = try #require(s.selected.first)
        #expect(t.value == "5.000000000e-1")
        #expect(t.proof.contains { $0.contains("a Jordan block") && $0.contains("no value is stable") })
    }

    @Test func semisimpleZeroModesSayNothingMore() throws {
        let s = try search(coupling: 0)
        #expect(s.removed?.zeroModes == 2 && s.removed?.jordan == nil)
        #expect(!(s.selected.first?.proof.contains { $0.contains("Jordan") } ?? true))
    }
}
