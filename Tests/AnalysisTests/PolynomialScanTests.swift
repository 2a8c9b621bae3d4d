import TestSupport
import Testing
import Derivations
import Foundation
@testable import Analysis

@Suite("Stability scan by characteristic-polynomial roots against zgeev")
struct PolynomialScanTests {
    let model003 = "derivations/003-spintronic-dicke/model.kd"
    var fig4: [String] { ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"] }

    @Test func classesAgreeWithEigenvaluesOnTheWholeGrid() throws {
        // Second method: the zgeev classifier (StabilityClassifier) on the same grid of
        // Fig. 4 (γ↑, λ ∈ [0, 1]², 200 × 200, including the λ = 0 and γ↑ = 0, 1 edges) must
        // give the same class and unstable count at every point, and the largest real parts
        // must agree to 1e-9 (both are backward stable; the eigenvalues here are well separated).
        let input = try ModelInput.load(path: model003, needMatrix: true)
        let ctx = input.parameters
        let x = try ctx.axis("gup=0:1:200"), y = try ctx.axis("lambda=0:1:200")
        let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [x.symbol, y.symbol],
                                           values: try ctx.assignments(fig4))
        let eigen = try StabilityClassifier(problem: problem).makeRowEvaluator()
        let poly = try PolynomialStabilityClassifier(problem: problem)
        let polyRow = try poly.makeRowEvaluator()
        let xs = (0..<x.count).map(x.value)
        var differ = 0, worst = 0.0
        var seen = Set<UInt8>()
        for j in 0..<y.count {
            let a = try eigen(y.value(j), xs), b = try polyRow(y.value(j), xs)
            for i in 0..<xs.count {
                let fa = a[i].fields.split(separator: ","), fb = b[i].fields.split(separator: ",")
                if a[i].classCode != b[i].classCode || fa[1] != fb[1] { differ += 1 }
                worst = max(worst, abs(Double(fa[2])! - Double(fb[2])!))
                seen.insert(a[i].classCode)
            }
        }
        #expect(differ == 0)
        #expect(worst < 1e-9)
        // The grid crosses every region of Fig. 4 (stable, SR, lasing, three unstable).
        #expect(seen.isSuperset(of: [0, 1, 2, 3]))
    }

    @Test func zeroModesAreRemovedBeforeClassification() throws {
        // Frequencies and couplings 0 (Fig. 4's rates kept): by hand det(s − A) =
        // s²(s + κ/2)²(s + γ_t/2)² for every (γ↑, λ) (the (a, S) block is −κ/2 on a, plus a
        // nilpotent coupling; the T block −γ_t/2), so two eigenvalues are identically 0. They
        // are removed (zeroModes = 2) and the class is that of the rest: stable, with the
        // largest real part −κ/2 = −0.03. zgeev keeps them: every point is marginal there.
        // ω = 0 is outside `positive`: the model copy declares the frequencies nonnegative.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let input = try ModelInput.load(path: try paper003ModelWithZeroFrequencies(repository: root), needMatrix: true)
        let ctx = input.parameters
        let x = try ctx.axis("gup=0.1:0.9:5"), y = try ctx.axis("lambda=0:1:5")
        let settings = ["gdown=1-gup", "kappa=3/50", "wc=0", "wz=0", "wz'=0", "eta=0", "eta'=0"]
        let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [x.symbol, y.symbol],
                                           values: try ctx.assignments(settings))
        let poly = try PolynomialStabilityClassifier(problem: problem)
        #expect(poly.zeroModes == 2)
        let row = try poly.makeRowEvaluator()
        let eigen = try StabilityClassifier(problem: problem).makeRowEvaluator()
        let xs = (0..<x.count).map(x.value)
        for j in 0..<y.count {
            for (p, e) in zip(try row(y.value(j), xs), try eigen(y.value(j), xs)) {
                #expect(p.classCode == StabilityClass.stable.rawValue)
                #expect(abs(Double(p.fields.split(separator: ",")[2])! + 0.03) < 1e-12)
                #expect(e.classCode == StabilityClass.marginal.rawValue)
            }
        }
    }
}
