import Foundation
import Testing
import ArbitraryPrecision
import Symbolic
import Derivations
@testable import Analysis

/// The proven frequency of a complex crossing: the first-subresultant route (cheap) against
/// closed forms and against the verified-inclusion-disk route (general, dear) on the same roots.
@Suite("Axis frequency of a complex crossing")
struct AxisFrequencyTests {
    @Test func closedFormHopfPair() throws {
        // A(P) = [[P² − 2, −3], [1, P² − 2]] ⊕ B: the first block has eigenvalues P² − 2 ± i√3
        // (trace 2(P² − 2), determinant (P² − 2)² + 3), B is upper triangular with eigenvalues
        // on its diagonal, all < 0 for P in [1, 2]. So the pair crosses at P = √2 with ω = √3,
        // by hand; the digits of √2 and √3 are the textbook ones. Three B's reach the three
        // cases of the linear factor: B = diag(−P, −P − 1, −P − 2) plus ones above the
        // diagonal (deg q = 5, E and O of degree 2 in x: their first subresultant);
        // [[−P, 1], [0, −P − 1]] (deg 4, O of degree 1); [[−1, 1], [0, −2]] (P-free, removed:
        // deg q = 2, E of degree 1).
        let p = Symbol("P", [.real])
        let pe = Expr.symbol(p)
        let x = pe * pe - Expr.integer(2)
        let blocks: [([[Expr]], String)] = [
            ([[-pe, .integer(1), .integer(0)], [.integer(0), -pe - Expr.integer(1), .integer(1)],
              [.integer(0), .integer(0), -pe - Expr.integer(2)]], "their first subresultant"),
            ([[-pe, .integer(1)], [.integer(0), -pe - Expr.integer(1)]], "O ="),
            ([[.integer(-1), .integer(1)], [.integer(0), .integer(-2)]], "E ="),
        ]
        for (b, route) in blocks {
            let n = 2 + b.count
            let m = Matrix(rows: n, columns: n) { i, j in
                if i < 2 && j < 2 { return [[x, .integer(-3)], [.integer(1), x]][i][j] }
                if i >= 2 && j >= 2 { return b[i - 2][j - 2] }
                return .integer(0)
            }
            let problem = try StabilityProblem(matrix: m, free: [p], values: [:])
            let found = try certifiedThresholds(problem, lower: BigRational(1), upper: BigRational(2), digits: 40)
            let t = try #require(found.first)
            #expect(found.count == 1)
            #expect(t.value == "1.414213562373095048801688724209698078570e0")
            #expect(t.frequencyDigits == "1.732050807568877293527446341505872366943e0")
            #expect(t.crossing == .complex && t.direction == 1)
            #expect(t.proof.contains { $0.contains("(\(route) s₁₁(P)·x") })
        }
    }

    @Test func subresultantAndDisksAgreeOnPaper003() throws {
        // Fig. 4 of 003 at λ = 1/5 (the Hopf threshold of the benchmark) and λ = 0.6 (inside
        // the SR region, where the lasing pair crosses with one real eigenvalue unstable): both
        // proofs of ω, run on the same isolating interval, must print the same 60 digits.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let model = root.appendingPathComponent("derivations/003-spintronic-dicke/model.kd").path
        let input = try ModelInput.load(path: model, needMatrix: true)
        let ctx = input.parameters
        for lambda in ["1/5", "3/5"] {
            let values = try ctx.assignments(["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10",
                                              "kappa=3/50", "lambda=\(lambda)"])
            let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [try ctx.symbol(named: "gup")], values: values)
            let elimination = try CrossingPolynomial(problem: problem)
            let roots = try axisRoots(elimination, lower: BigRational(1, 2), upper: BigRational(1), digits: 60)
            let hopf = roots.filter { $0.events.contains { $0.kind == .complex } }
            #expect(hopf.count == 1)
            for r in hopf {
                let cheap = try #require(subresultantFrequency(elimination, root: r, digits: 60, name: "gup"))
                let disks = try #require(diskFrequency(elimination, root: r, digits: 60))
                #expect(cheap.text == disks.text)
            }
        }
    }
    @Test func pseudoRemainderIsTheFirstSubresultant() throws {
        // S₁ of E and O when deg_x O = 2 is taken as ±prem_x(E, O) (the subresultant
        // theorem, S_(n−1) = ±prem); checked here against its definition, the determinants of
        // the subresultant matrices at integer nodes (the other route), on fixed polynomials in
        // x with coefficients in ℤ[P] of degrees 3/2, 2/2 and 2/3 in x.
        func b(_ v: [Int]) -> [BigInt] { UnivariateIntegerPolynomials.trimmed(v.map { BigInt($0) }) }
        let cases: [([[BigInt]], [[BigInt]])] = [
            ([b([3, -1, 2]), b([0, 5]), b([-7, 0, 0, 1]), b([2, 1])], [b([1, 1]), b([-4, 0, 3]), b([5, -2])]),
            ([b([1, 2, 3]), b([-2, 0, 1]), b([4])], [b([0, 1]), b([3, 3]), b([-1, 0, 2])]),
            ([b([6, -5]), b([1, 0, 0, 2]), b([-3, 1])], [b([2]), b([0, -1, 1]), b([1, 4]), b([7])]),
        ]
        for (even, odd) in cases {
            let (p0, p1) = try #require(CrossingPolynomial.firstSubresultant(even: even, odd: odd))
            let (d0, d1) = try #require(CrossingPolynomial.subresultantByDeterminants(even: even, odd: odd))
            #expect(!d1.isEmpty)
            let same = p0 == d0 && p1 == d1
            let negated = p0 == d0.map { -$0 } && p1 == d1.map { -$0 }
            #expect(same || negated, "prem \(p0), \(p1) vs determinants \(d0), \(d1)")
        }
    }
}
