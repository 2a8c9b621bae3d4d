import Foundation
import Testing
import ArbitraryPrecision
import Derivations
@testable import Analysis

/// `threshold --about N`: a steady state of `keldysh steady` followed along the varied
/// parameter (continuation, MPFR polish, linearisation there), its crossings bracketed.
/// Checked against two other routes: Krawczyk-proven steady states with verified spectra on
/// both sides of the value, and the exact resultant route for where a branch ends.
@Suite("Threshold of a followed steady state (issue 14)")
struct FollowedThresholdTests {
    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("derivations/003-spintronic-dicke/model.kd").path
    static let fig4 = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10"]

    /// The SR-type states (⟨S^z⟩ strictly between −½ and ½) of `keldysh steady` at a point.
    func superradiant(_ settings: [String]) throws -> [FixedPoint] {
        var o = SteadyOptions(model: Self.model)
        o.settings = settings
        o.digits = 30
        return try steady(o).states.filter { s in
            guard let z = s.components.first(where: { $0.name == "⟨S^z⟩" }), let v = Double(z.value) else { return false }
            return abs(abs(v) - 0.5) > 1e-3
        }
    }

    @Test func lasingOfTheSuperradiantState() throws {
        // The SR state at (γ↑, λ) = (0.3, 0.7), Fig. 4 parameters, followed in γ↑: its pair at
        // ω ≈ 2.03 crosses into Re λ > 0. The value is checked by a second route that shares
        // nothing with the continuation: at γ↑ = v ∓ 10⁻¹² (rationals) `keldysh steady` finds
        // the SR states afresh (dogleg from its own starts, Krawczyk proof) and their spectra
        // in verified disks must be stable (0 unstable) below and have 2 unstable eigenvalues
        // above (|Re λ| ≈ 4·10⁻¹⁶ there, far above the 30-digit disks).
        var o = ThresholdOptions(model: Self.model, vary: "gup", interval: "3/10:1")
        o.settings = Self.fig4 + ["kappa=3/50", "lambda=7/10"]
        o.digits = 20
        o.about = "1"
        let outcome = try threshold(o)
        guard case .bracketed(let zeros) = outcome.result else { Issue.record("expected a bracketed result"); return }
        #expect(zeros.count == 1)
        let z = try #require(zeros.first)
        #expect(z.kind == .complex && z.direction == 1)
        #expect(z.value.hasPrefix("8.28974804702314614"))
        #expect(outcome.notes.contains { $0.contains("followed along gup") })
        #expect(outcome.notes.contains { $0.contains("= 1/4") })
        let v = try #require(BigRational(z.value.replacingOccurrences(of: "e-1", with: "")))
            / BigRational(10)
        let h = BigRational(.one, BigInt(10).power(12))
        for (point, unstable) in [(v - h, 0), (v + h, 2)] {
            let settings = o.settings + ["gup=\(point.numerator)/\(point.denominator)"]
            let states = try superradiant(settings)
            #expect(states.count == 2)  // the SR state and its ℤ₂ image
            for s in states { #expect(s.spectrum.unstable == unstable, "γ↑ = \(point.decimal): \(s.spectrum.verdict)") }
        }
    }

    @Test func aLostBranchIsRefusedWhereItEnds() throws {
        // Followed in κ, the SR state at (0.3, 0.7) merges into the normal state where the
        // normal state's real eigenvalue crosses 0 (the SR pitchfork); beyond, there is no SR
        // state to follow. The refusal must name a point next to that pitchfork, which the
        // exact resultant route gives independently (κ_c = 1.9582575209308800…).
        var o = ThresholdOptions(model: Self.model, vary: "kappa", interval: "3/50:3")
        o.settings = Self.fig4 + ["gup=3/10", "lambda=7/10"]
        o.digits = 15
        var exact = o
        exact.crossing = .real
        guard case .certified(let pitchfork) = try threshold(exact).result else { Issue.record("resultant route"); return }
        let first = try #require(pitchfork.first)
        let kc = try #require(Double(first.value))
        o.about = "1"
        do {
            _ = try threshold(o)
            Issue.record("a lost branch must be refused")
        } catch AnalysisError.noCrossing(let message) {
            #expect(message.contains("steady state 1 is lost at kappa ≈ "))
            let number = message.split(separator: "≈ ")[1].split(separator: " ")[0]
            let lost = try #require(Double(number))
            #expect(abs(lost - kc) < 1e-6, "lost at \(lost), pitchfork at \(kc)")
        }
    }

    @Test func refusals() throws {
        var o = ThresholdOptions(model: Self.model, vary: "gup", interval: "3/10:1")
        o.settings = Self.fig4 + ["kappa=3/50", "lambda=7/10"]
        o.about = "9"
        #expect(throws: AnalysisError.self) { try threshold(o) }  // no steady state 9
        o.about = "1"
        o.expression = "gup - 1/2"
        #expect(throws: AnalysisError.self) { try threshold(o) }
        o.expression = nil
        o.method = .resultant
        #expect(throws: AnalysisError.self) { try threshold(o) }
        o.method = .auto
        o.settings.append("gup=1/2")
        #expect(throws: AnalysisError.self) { try threshold(o) }
    }
}
