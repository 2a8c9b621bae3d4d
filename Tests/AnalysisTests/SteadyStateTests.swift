import Foundation
import Testing
import ArbitraryPrecision
@testable import Analysis
@testable import Derivations

/// `keldysh steady`: steady states of paper 003's mean-field equations (A1), proven by
/// Krawczyk's test, with enclosed spectra, against closed forms and an independent reference.
@Suite("Steady states and their spectra (issue 14)")
struct SteadyStateTests {
    func run(_ settings: [String], digits: Int) throws -> SteadyOutcome {
        var o = SteadyOptions(model: CrossingKindTests.model)
        o.settings = settings
        o.digits = digits
        return try steady(o)
    }

    func value(_ s: FixedPoint, _ name: String) -> String? { s.components.first { $0.name == name }?.value }

    @Test func closedDickeSuperradiantStateAndNormalModes() throws {
        // κ = η = η' = 0: (a, S) is the closed Dicke model, λ_c = √(ω_cω_z)/2 = 1/2. Its SR
        // state and normal modes by hand. Per spin (s = S/N, |s| = 1/2, α = ⟨a⟩/√N) the
        // mean-field energy is E = ω_c|α|² + ω_z s_z + 4λ·Re α·s_x (S⁺ + S⁻ = 2S^x).
        // Stationary: Re α = −2λs_x/ω_c, so E = ω_z s_z − 4λ²s_x²/ω_c with s_x² = 1/4 − s_z²;
        // dE/ds_z = ω_z + 8λ²s_z/ω_c = 0 gives s_z = −ω_cω_z/(8λ²) = −λ_c²/(2λ²) = −25/98,
        // s_x = ±√(1/4 − s_z²) = ±√1776/98, ⟨a⟩ = −2λs_x/ω_c.
        // Small oscillations: the boson is an oscillator (q₁, p₁), α = (q₁ + ip₁)/√2, at ω_c;
        // the spin precesses about its mean field h = (4λ Re α, 0, ω_z), |h| = ω_z/μ with
        // μ = 2|s_z| = λ_c²/λ² (s ∥ −h), so its deviations δs_⊥ = √s·(q₂, p₂) (s = 1/2, the
        // canonical pair of a classical spin) form an oscillator at ω_z/μ. The coupling
        // 4λ·Re δα·δs_x with δs_x = μ·√(1/2)·q₂ (the tilt cos θ = μ) is 2λμ·q₁q₂. For
        // H = Σ ωᵢ(pᵢ² + qᵢ²)/2 + g·q₁q₂ the modes obey (ω₁² − ε²)(ω₂² − ε²) = g²ω₁ω₂, here
        // g²ω₁ω₂ = 4λ²μ²·ω_cω_z/μ = 4λ_c²ω_cω_z = ω_c²ω_z², so
        // 2ε² = ω_z²/μ² + ω_c² ± √((ω_z²/μ² − ω_c²)² + 4ω_c²ω_z²)
        // (as Emary & Brandes, PRE 67, 066203 (2003), Eq. 32), evaluated below in MPFR.
        let out = try run(["gdown=1-gup", "gup=3/10", "wc=1", "wz=1", "wz'=1", "eta=0", "eta'=0", "kappa=0", "lambda=7/10"],
                          digits: 20)
        #expect(out.conserved == ["⟨S^z⟩² + |⟨S^-⟩|²"])
        let sr = out.states.filter { value($0, "⟨S^z⟩") == "-2.5510204081632653061e-1" }
        #expect(sr.count == 2)  // the ℤ₂ pair ⟨S^x⟩ ≷ 0
        let p = BigFloat.bits(forDigits: 60)
        let sx = BigFloat.sqrt(BigFloat(BigRational(1776), precision: p)) / BigFloat(98, precision: p)
        let a = -BigFloat(BigRational(7, 5), precision: p) * sx
        #expect(Set(sr.compactMap { value($0, "Re ⟨S^-⟩") }) == [sx.toString(digits: 20), (-sx).toString(digits: 20)])
        #expect(Set(sr.compactMap { value($0, "Re ⟨a⟩") }) == [a.toString(digits: 20), (-a).toString(digits: 20)])
        // The normal-mode frequencies: eigenvalues ±iε on the axis (to the disks' radius),
        // ε± from the closed form above at ω_c = ω_z = 1, 1/μ = λ²/λ_c² = 49/25.
        let inv = BigFloat(BigRational(49, 25), precision: p), one = BigFloat(1, precision: p)
        let w2 = inv * inv
        let root = BigFloat.sqrt((w2 - one) * (w2 - one) + BigFloat(4, precision: p))
        let two = BigFloat(2, precision: p)
        let plus = BigFloat.sqrt((w2 + one + root) / two), minus = BigFloat.sqrt((w2 + one - root) / two)
        #expect(plus.toString(digits: 20) == "2.0391745322066340775e0" && minus.toString(digits: 20) == "8.2666028524409897361e-1")
        let s = try #require(sr.first).spectrum
        let ims = s.eigenvalues.map(\.im)
        #expect(ims.contains(plus.toString(digits: 20)) && ims.contains(minus.toString(digits: 20)))
        // Conservative: the disks of the modes meet the axis, so stability is not claimed.
        #expect(s.unstable == 0 && s.undecided == 5)
    }

    @Test func superradiantStateWithSpintronicPumping() throws {
        // Fig. 4 parameters at (γ↑, λ) = (0.3, 0.7). Reference: scripts/reference/
        // stability-crossings.py, (A1) typed from the paper with |S|² = 1/4, mpmath findroot
        // at 70 digits: Re⟨a⟩ = −0.60186382302756666488426450128782…, ⟨S^z⟩ =
        // −0.25527298584649923249481876583824…, ⟨T^z⟩ = −0.19990434209274599026797342826993…
        let out = try run(CrossingKindTests.figure4 + ["gup=3/10", "lambda=7/10"], digits: 30)
        #expect(out.states.count == 4)  // the SR pair, the normal state, the inverted one
        let stable = out.states.filter { $0.spectrum.unstable == 0 }
        #expect(stable.count == 2)
        let sr = try #require(stable.first { value($0, "Re ⟨a⟩")?.hasPrefix("-") == true })
        #expect(value(sr, "Re ⟨a⟩") == "-6.01863823027566664884264501288e-1")
        #expect(value(sr, "⟨S^z⟩") == "-2.55272985846499232494818765838e-1")
        #expect(value(sr, "⟨T^z⟩") == "-1.99904342092745990267973428270e-1")
        // Stable on the shell: one exact zero (|S|² conserved), the rest Re λ < 0.
        #expect(sr.spectrum.conservedZeros == 1 && sr.spectrum.undecided == 1 && sr.spectrum.stable == 7)
        // The normal state (⟨S^z⟩ = −1/2, ⟨T^z⟩ = (γ↑ − γ↓)/2γ_t = −1/5): its spectrum is that
        // of (A2) there plus the conserved zero and −γ_t for T^z; (A2)'s unstable real
        // eigenvalue (mpmath eig at 35 digits) is 0.61737952881632313876949031429138179.
        let ns = try #require(out.states.first { value($0, "⟨S^z⟩") == "-5.00000000000000000000000000000e-1" })
        #expect(ns.spectrum.unstable == 1)
        #expect(ns.spectrum.eigenvalues.first?.re == "6.17379528816323138769490314291e-1")
        #expect(value(ns, "⟨T^z⟩") == "-2.00000000000000000000000000000e-1")
    }

    @Test func parametersMustBeRational() throws {
        // An irrational setting cannot enter the exact system: a clear error, not a guess.
        #expect(throws: AnalysisError.self) {
            _ = try run(CrossingKindTests.figure4 + ["gup=3/10", "lambda=sqrt(2)/2"], digits: 10)
        }
    }

    @Test func spectrumOfTheNormalStateIsExact() throws {
        // `keldysh spectrum` about the model's steady point (the normal state) at (0.3, 0.7):
        // det(s − A2) over ℚ, computed independently by SymPy from (A2) typed from the paper
        // (lowest degree first): −371273683/312500000, −11102581/12500000, 7844281/5000000,
        // 107231/50000, 33269/10000, 53/50, 1. Its unstable root (mpmath eig, 35 digits):
        // 0.61737952881632313876949031429138179.
        var o = SpectrumOptions(model: CrossingKindTests.model)
        o.settings = CrossingKindTests.figure4 + ["gup=3/10", "lambda=7/10"]
        o.digits = 30
        guard case .matrix(let m) = try spectrum(o).result else { Issue.record("not the matrix spectrum"); return }
        let expected: [(Int, Int)] = [(-371273683, 312500000), (-11102581, 12500000), (7844281, 5000000),
                                      (107231, 50000), (33269, 10000), (53, 50), (1, 1)]
        #expect(m.characteristic == expected.map { GaussianRational(BigRational(BigInt($0.0), BigInt($0.1))) })
        #expect(m.spectrum.unstable == 1 && m.spectrum.stable == 5)
        #expect(m.spectrum.eigenvalues.first?.re == "6.17379528816323138769490314291e-1")
        // --about 1: the SR state's spectrum, the same as `keldysh steady` prints for state 1.
        o.about = "1"
        guard case .steady(let state) = try spectrum(o).result else { Issue.record("not a steady state"); return }
        #expect(state.spectrum.unstable == 0 && state.spectrum.conservedZeros == 1)
        o.about = "9"
        #expect(throws: AnalysisError.self) { _ = try spectrum(o) }
    }
}
