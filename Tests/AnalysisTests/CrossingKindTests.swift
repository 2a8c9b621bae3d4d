import Foundation
import Testing
import ArbitraryPrecision
import TestSupport
@testable import Analysis
@testable import Derivations

/// Crossings of a chosen kind (`--crossing real|complex|any`, `--all`) and the honest reports
/// of issue 14, through the threshold job as the CLI calls it, on paper 003's model files.
///
/// Expected values with 50 digits come from scripts/reference/stability-crossings.py: the
/// paper's (A2) typed from the paper (and Eq. C1 for Gilbert damping), each crossing solved by
/// mpmath findroot on det(iω − A(p)) = 0 at 70 digits, independent of the resultant route.
@Suite("Threshold crossings by kind (issue 14)")
struct CrossingKindTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let model = root.appendingPathComponent("derivations/003-spintronic-dicke/model.kd").path
    static let gilbert = root.appendingPathComponent("derivations/003-spintronic-dicke/figures/model-gilbert.kd").path
    /// Fig. 4 of 003: ω_c = ω_z = ω'_z = 1, η = η' = 1/10, κ = 3/50, γ_t = 1.
    static let figure4 = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]

    func run(_ vary: String, _ interval: String, _ settings: [String], digits: Int = 50,
             crossing: CrossingSelection = .max, all: Bool = false, method: ThresholdMethod = .auto,
             expr: String? = nil, model: String = CrossingKindTests.model) throws -> ThresholdOutcome {
        var o = ThresholdOptions(model: model, vary: vary, interval: interval)
        o.settings = settings
        o.digits = digits
        o.crossing = crossing
        o.all = all
        o.method = method
        o.expression = expr
        return try threshold(o)
    }

    func certified(_ outcome: ThresholdOutcome) throws -> [CertifiedThreshold] {
        guard case .certified(let ts) = outcome.result else { Issue.record("not certified: \(outcome.result)"); return [] }
        return ts
    }

    @Test func lasingThresholdInsideTheSuperradiantRegion() throws {
        // The issue's case: above λ_c a real eigenvalue is already unstable, so max Re λ never
        // changes sign; the Hopf crossing must still be found. Reference (mpmath):
        // γ↑_c = 0.84004261583311608730063341650406442600910365429012|52305,
        // ω = 1.46913655989080780363092398756764936938696271274187|7245.
        let settings = Self.figure4 + ["lambda=0.6"]
        #expect(throws: AnalysisError.self) { _ = try run("gup", "0.5:1", settings) }
        let t = try #require(try certified(try run("gup", "0.5:1", settings, crossing: .complex)).first)
        #expect(t.value == "8.4004261583311608730063341650406442600910365429013e-1")
        #expect(t.frequencyDigits == "1.4691365598908078036309239875676493693869627127419e0")
        #expect(t.crossing == .complex && t.direction == 1 && !t.changesStability)
        // One real eigenvalue (SR) is unstable on both sides; the pair adds two.
        #expect(t.below == UnstableCounts(real: 1, complex: 0) && t.above == UnstableCounts(real: 1, complex: 2))
        // λ = 0.8: γ↑_c = 0.92975666988100289078269205618362190418474951575601|9347,
        // ω = 1.59474599938839169457248387453988760353535076465872|22.
        let u = try #require(try certified(try run("gup", "0.5:1", Self.figure4 + ["lambda=0.8"], crossing: .complex)).first)
        #expect(u.value == "9.2975666988100289078269205618362190418474951575602e-1")
        #expect(u.frequencyDigits == "1.5947459993883916945724838745398876035353507646587e0")
    }

    @Test func everyCrossingOverLambdaAtStrongPumping() throws {
        // γ↑ = 0.9: lasing is on at λ = 0; the SR eigenvalue crosses at λ_c and the lasing pair
        // returns to Re λ < 0 later. Reference (mpmath): λ_c =
        // 0.50022354736676983959508339512286357115430093327113|68131; Hopf at
        // λ = 0.73643244539886584204657625567629224451986579257604|95321, ω =
        // 1.55593997628149748789798584511040546179761845598256|2421.
        let ts = try certified(try run("lambda", "0:1", Self.figure4 + ["gup=0.9"], all: true))
        #expect(ts.count == 2)
        #expect(ts.map(\.value) == ["5.0022354736676983959508339512286357115430093327114e-1",
                                    "7.3643244539886584204657625567629224451986579257605e-1"])
        #expect(ts.map(\.crossing) == [.real, .complex])
        #expect(ts.map(\.direction) == [1, -1])
        #expect(ts[1].frequencyDigits == "1.5559399762814974878979858451104054617976184559826e0")
        // --crossing real picks the first alone.
        let real = try certified(try run("lambda", "0:1", Self.figure4 + ["gup=0.9"], crossing: .real))
        #expect(real.map(\.value) == [ts[0].value])
    }

    @Test func bracketingFindsWhatTheResultantFinds() throws {
        // The issue: `--method bracket` over λ ∈ [0.1, 0.9] at γ↑ = 3/4 said "no sign change"
        // where the resultant route finds two crossings. Both routes must list the same two
        // (the bracketing route to the digits its two working precisions agree on).
        let settings = Self.figure4 + ["gup=3/4"]
        let exact = try certified(try run("lambda", "0.1:0.9", settings, digits: 20, all: true))
        let outcome = try run("lambda", "0.1:0.9", settings, digits: 20, crossing: .any, method: .bracket)
        guard case .bracketed(let zs) = outcome.result else { Issue.record("not bracketed"); return }
        #expect(exact.count == 2)
        #expect(zs.map(\.value) == exact.map(\.value))
        #expect(zs.map { $0.kind } == exact.map { Optional($0.crossing) })
        // The notes say what bracketing cannot see.
        #expect(outcome.notes.contains { $0.contains("not seen") })
    }

    @Test func gilbertZeroModeIsRemovedAndReported() throws {
        // Gilbert damping (Eq. C1) at λ = 1/2: |S|² is conserved, so det(s − A) = s·q(s) for
        // every γ↑ (mpmath: eigenvalue 3e-71 at γ↑ = 0.3). The zero mode is removed and said,
        // and the lasing crossing of q is γ↑_c =
        // 0.79777180024363487974888667141386314006458289503788|79712,
        // ω = 1.40219699176040785432965878243735571386030426706981|9103 (mpmath).
        let settings = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=1/25", "lambda=1/2"]
        let outcome = try run("gup", "0:1", settings, all: true, model: Self.gilbert)
        let ts = try certified(outcome)
        #expect(ts.count == 1)
        #expect(ts.first?.value == "7.9777180024363487974888667141386314006458289503789e-1")
        #expect(ts.first?.frequencyDigits == "1.4021969917604078543296587824373557138603042670698e0")
        #expect(outcome.notes.contains { $0.hasPrefix("g(s) = s divides det(s − A)") && $0.contains("1 eigenvalue is identically 0") })
    }

    @Test func nothingMovesIsAnErrorNotTheIntervalEnd() throws {
        // The issue: with every frequency and coupling 0 (Fig. 4's rates kept), max Re λ ≡ 0
        // and the interval's end used to be reported as a certified threshold. By hand: the
        // (a, S) rows are M = [[−κ/2·1, B], [B, 0]] with B = −iλ[[1, 1], [−1, −1]], B² = 0, so
        // det(s − M) = (s(s + κ/2))² for every λ; the T rows give (s + γ_t/2)². Hence
        // det(s − A) = s²(s + 3/100)²(s + 1/2)² = s² (s² + 53s/100 + 3/200)², free of λ.
        // ω = 0 is outside `positive`: the model copy declares the frequencies nonnegative.
        let zero = ["gdown=1-gup", "gup=3/10", "kappa=3/50", "wc=0", "wz=0", "wz'=0", "eta=0", "eta'=0"]
        let model = try paper003ModelWithZeroFrequencies(repository: Self.root)
        do {
            _ = try run("lambda", "0.1:0.9", zero, model: model)
            Issue.record("a threshold was reported")
        } catch let AnalysisError.noCrossing(message) {
            #expect(message.contains("det(s − A) = s^2 (s^2 + 53*s/100 + 3/200)^2 for every lambda"))
        }
        // Bracketing cannot decide a sign on the axis and says so instead of bracketing.
        do {
            _ = try run("lambda", "0.1:0.9", zero, method: .bracket, model: model)
            Issue.record("a threshold was reported")
        } catch let AnalysisError.noCrossing(message) {
            #expect(message.contains("65 of 65 sample points"))
        }
    }

    @Test func expressionPolesRootsAndMultiplicities() throws {
        let settings = Self.figure4 + ["lambda=0.6"]
        // 1/(γ↑ − 1/3) has a pole at 1/3 and no zero: an error that names the pole.
        do {
            _ = try run("gup", "0:1", settings, expr: "1/(gup-1/3)")
            Issue.record("the pole was reported as a zero")
        } catch let AnalysisError.noCrossing(message) {
            #expect(message.contains("pole at gup = 1/3"))
        }
        // Three simple rational roots, all reported exactly (the issue saw only 0.5).
        let cubic = try run("gup", "0:1", settings, digits: 10, expr: "(gup-1/5)(gup-1/2)(gup-4/5)")
        guard case .exact(let zs) = cubic.result else { Issue.record("not exact"); return }
        #expect(zs.map(\.lower) == [BigRational(1, 5), BigRational(1, 2), BigRational(4, 5)])
        #expect(zs.allSatisfy { $0.multiplicity == 1 && $0.changesSign })
        // A double root is a zero without a sign change: (γ↑ − 1/2)² at 1/2, multiplicity 2.
        let double = try run("gup", "0:1", settings, digits: 10, expr: "(gup-1/2)^2")
        guard case .exact(let d) = double.result else { Issue.record("not exact"); return }
        #expect(d.count == 1 && d[0].multiplicity == 2 && !d[0].changesSign)
        // An expression identically 0 is refused, not bracketed.
        #expect(throws: AnalysisError.self) { _ = try run("gup", "0:1", settings, expr: "gup - gup") }
        // --method resultant with a non-rational expression refuses instead of bracketing.
        do {
            _ = try run("gup", "0:1", settings, digits: 10, method: .resultant, expr: "sin(gup) - 1/2")
            Issue.record("bracketed under --method resultant")
        } catch let AnalysisError.numerical(message, _) {
            #expect(message.contains("not a rational function"))
        }
        // Under --method bracket, sin(γ↑) = 1/2 at γ↑ = π/6 = 0.5235987756 (10 digits).
        let sine = try run("gup", "0:1", settings, digits: 10, method: .bracket, expr: "sin(gup) - 1/2")
        guard case .bracketed(let s) = sine.result else { Issue.record("not bracketed"); return }
        #expect(s.map(\.value) == ["5.235987756e-1"])
    }
}
