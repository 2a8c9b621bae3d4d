import Foundation
import Testing
import ArbitraryPrecision
import Symbolic
@testable import Analysis
@testable import Derivations

/// Eigenvalues that stay on the imaginary axis over a range of the parameter (a conservative
/// sector): the crossing resultant vanishes identically, so the common factor h(ω², P) of
/// Re and Im of p(iω) is split off and decided apart (`AxisFactor`); max Re λ ≡ 0 on such a
/// range is said, never reported as a crossing or as stability.
@Suite("Threshold with eigenvalues on the axis (issue 14)")
struct AxisFactorTests {
    func run(_ model: String, _ vary: String, _ interval: String, _ settings: [String], digits: Int = 30,
             all: Bool = false) throws -> ThresholdOutcome {
        var o = ThresholdOptions(model: model, vary: vary, interval: interval)
        o.settings = settings
        o.digits = digits
        o.all = all
        return try threshold(o)
    }

    /// Paper 003 at κ = η = η' = 0: the (a, S) block is the closed Dicke model, the T block
    /// decays on its own.
    static let closedDicke = ["gdown=1-gup", "gup=3/10", "wc=1", "wz=2", "wz'=1", "eta=0", "eta'=0", "kappa=0"]

    @Test func closedDickeCriticalCoupling() throws {
        // Closed Dicke model (App. B's formula at κ = 0): normal modes ω² with
        // (ω² − ω_c²)(ω² − ω_z²) = 4λ²ω_cω_z, on the axis while both roots are positive; one
        // reaches 0 at λ_c = √(ω_cω_z)/2 = √2/2 (ω_c = 1, ω_z = 2), where a real pair ±ε appears.
        let outcome = try run(CrossingKindTests.model, "lambda", "0.1:0.9", Self.closedDicke)
        guard case .certified(let ts) = outcome.result else { Issue.record("not certified"); return }
        let t = try #require(ts.first)
        #expect(ts.count == 1)
        let half = BigFloat.sqrt(BigFloat(BigRational(1, 2), precision: 200))
        #expect(t.value == half.toString(digits: 30))
        #expect(t.crossing == .real && t.direction == 1 && t.changesStability)
        // Below: both normal-mode pairs on the axis; above: one real pair (one unstable) and
        // the other pair still on the axis.
        #expect(t.below == UnstableCounts(real: 0, complex: 0, marginal: 4))
        #expect(t.above == UnstableCounts(real: 1, complex: 0, marginal: 2))
        #expect(t.proof.contains { $0.contains("max Re λ ≡ 0 there (marginal, not asymptotically stable)") })
        #expect(outcome.notes.contains { $0.hasPrefix("max Re λ ≡ 0 for lambda in (1.00000e-1, 7.07107e-1)") })
        // h is printed: (ω² − 1)(ω² − 4) − 8λ² = ω⁴ − 5ω² + 4 − 8λ².
        #expect(t.proof.contains { $0.contains("h(ω², lambda) = ω^4 - 8*lambda^2 - 5*ω^2 + 4") })
    }

    @Test func marginalIntervalIsAnErrorThatSaysSo() throws {
        // Below λ_c nothing crosses and nothing decays: the error says max Re λ ≡ 0 there
        // (the issue's complaint: the interval's end used to come back as a threshold).
        do {
            _ = try run(CrossingKindTests.model, "lambda", "0.1:0.4", Self.closedDicke)
            Issue.record("a threshold was reported")
        } catch let AnalysisError.noCrossing(message) {
            #expect(message.contains("max Re λ ≡ 0 for lambda in (1.00000e-1, 4.00000e-1)"))
            #expect(message.contains("4 stay on the imaginary axis"))
        }
    }

    @Test func kreinCollisionOfTheParametricAmplifier() throws {
        // Non-degenerate parametric amplifier H = w_a a†a + w_b b†b + g(ab + a†b†): by hand,
        // the eigenvalues of (a, b*) are −i(w_a − w_b)/2 ± √(g² − ((w_a + w_b)/2)²) and their
        // conjugates. At w_a = 1, w_b = 3 they stay on the axis for g < 2 and leave it as a
        // complex pair at g = 2 exactly (two axis pairs collide: a Krein collision). At
        // g = √3 the pair −1 ± √(4 − g²) touches 0 and returns: a root of R, no crossing.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axis-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("npa.kd").path
        try """
            parameters wa, wb, g : real positive
            boson a
            boson b
            H = wa a† a + wb b† b + g (a b + a† b†)
            steady a = 0, b = 0
            variables a, a*, b, b*

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try run(path, "g", "1:3", ["wa=1", "wb=3"], digits: 20, all: true)
        guard case .certified(let ts) = outcome.result else { Issue.record("not certified"); return }
        #expect(ts.count == 2)
        let sqrt3 = BigFloat.sqrt(BigFloat(3, precision: 200)).toString(digits: 20)
        #expect(ts.map(\.value) == [sqrt3, "2.0000000000000000000e0"])
        #expect(!ts[0].isCrossing)
        #expect(ts[1].isCrossing && ts[1].crossing == .complex && ts[1].lower == BigRational(2))
        #expect(ts[1].below == UnstableCounts(real: 0, complex: 0, marginal: 4))
        #expect(ts[1].above == UnstableCounts(real: 0, complex: 2))
        // At g = 2 the colliding eigenvalues are −i(w_a − w_b)/2 = i (and −i): ω = 1 by hand.
        #expect(ts[1].frequencyDigits == "1.0000000000000000000e0")
    }
    @Test func kreinBubbleBetweenIrrationalCollisions() throws {
        // By hand: the companion matrix of q(t) = t⁴ + 4t² + c(P), c = (P² − 4P + 10)/2, has
        // q = h(−t²) with h(x) = x² − 4x + c, disc_x h = 16 − 4c = −2(P² − 4P + 2). For
        // |P − 2| < √2 both roots x = 2 ± √(4 − c) are positive: two pairs ±i√x on the axis;
        // at P = 2 ∓ √2 they collide at x = 2 (ω = √2) and for |P − 2| > √2 they form a
        // quartet ±√(−x) off the axis, two with Re > 0 — a Krein bubble: the pairs come down
        // onto the axis at 2 − √2 and leave it again at 2 + √2, both collisions irrational.
        // h(0) = c > 0 for every P, so nothing passes through 0.
        let p = Symbol("P", [.real])
        let pe = Expr.symbol(p)
        let c = (pe * pe - Expr.integer(4) * pe + Expr.integer(10)) / Expr.integer(2)
        let rows: [[Expr]] = [[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]].map { $0.map { Expr.integer($0) } }
            + [[-c, .integer(0), .integer(-4), .integer(0)]]
        let m = Matrix(rows: 4, columns: 4) { i, j in rows[i][j] }
        let problem = try StabilityProblem(matrix: m, free: [p], values: [:])
        let search = try thresholdCrossings(problem, lower: .zero, upper: BigRational(4), digits: 30, selection: .any)
        let sqrt2 = BigFloat.sqrt(BigFloat(2, precision: 300))
        let two = BigFloat(2, precision: 300)
        #expect(search.selected.map(\.value) == [(two - sqrt2).toString(digits: 30), (two + sqrt2).toString(digits: 30)])
        let (a, b) = (search.selected[0], search.selected[1])
        #expect(a.crossing == .complex && a.direction == -1 && b.crossing == .complex && b.direction == 1)
        #expect(a.below == UnstableCounts(real: 0, complex: 2) && a.above == UnstableCounts(real: 0, complex: 0, marginal: 4))
        #expect(b.below == UnstableCounts(real: 0, complex: 0, marginal: 4) && b.above == UnstableCounts(real: 0, complex: 2))
        #expect(a.changesStability && b.changesStability)
        // Between the collisions max Re λ ≡ 0: said, not called stable.
        #expect(search.marginal.count == 1 && search.marginal[0].contains("4 stay on the imaginary axis"))
        #expect(b.proof.contains { $0.contains("the eigenvalues ±iω of h's positive roots stay on the axis") })
        // The frequency at a collision: the double root x = 2 of h, ω = √2 (it used to be
        // "not reported", after a long search by inclusion disks that cannot separate a double root).
        for t in [a, b] {
            #expect(t.frequencyDigits == sqrt2.toString(digits: 30))
            #expect(t.proof.contains { $0.contains("two pairs on the imaginary axis collide here") })
        }
    }
}
