import ComplexModule
import Foundation
import Testing
@testable import Analysis
@testable import Derivations
import KeldyshNumerics

/// `derive --set` and `derive --about N` (issue 14): the equations at given parameter values,
/// and the stability matrix at a steady state of `keldysh steady`, every digit proven.
@Suite("derive --set and --about N (issue 14)")
struct DeriveAboutStateTests {
    static let fig4 = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]

    /// The entries as printed, back to complex doubles (the printed digits are proven; 20 of
    /// them are far more than the eigenvalue comparison needs).
    func matrix(_ m: StateStabilityMatrix) -> DenseMatrix<Complex<Double>> {
        func number(_ s: String) -> Double {
            if s.hasPrefix("0 ± ") { return 0 }  // an entry whose ball holds 0
            if let slash = s.firstIndex(of: "/") { return Double(s[..<slash])! / Double(s[s.index(after: slash)...])! }
            return Double(s)!
        }
        return DenseMatrix(m.entries.map { $0.map { Complex(number($0.re), number($0.im)) } })
    }

    func eigenvalues(_ m: StateStabilityMatrix) throws -> [Complex<Double>] {
        let a = matrix(m)
        var solver = try ComplexEigenSolver(order: a.rows)
        var values: [Complex<Double>] = []
        try solver.eigenvalues(of: a, into: &values)
        return values
    }

    @Test func setSubstitutesIntoTheEquations() throws {
        // Paper 003 A1a: d⟨a⟩/dt = −(iω_c + κ/2)⟨a⟩ − iλ(⟨S⁺⟩ + ⟨S⁻⟩) − iη′⟨T⁻⟩ (intensive, per
        // √N), by hand at ω_c = 1, κ = 3/50, λ = 7/10, η′ = 1/10.
        let d = try derive(path: CrossingKindTests.model, settings: Self.fig4 + ["gup=3/10", "lambda=7/10"])
        let text = d.rendered(.text)
        #expect(text.contains("d⟨a⟩/dt = -7*I*⟨S^+⟩/10 - 7*I*⟨S^-⟩/10 - I*⟨T^-⟩/10 - (3/100 + I)*⟨a⟩"))
        #expect(text.contains("# at gdown=1-gup, wc=1"))
        // A name the model does not have is refused, naming it.
        #expect(throws: (any Error).self) { try derive(path: CrossingKindTests.model, settings: ["kapa=1"]) }
        // The symbolic matrix about the normal state, at the settings: A2's (1,1) entry −(iω_c + κ/2).
        let lin = try derive(path: CrossingKindTests.model, linearize: true, settings: Self.fig4 + ["gup=3/10", "lambda=7/10"])
        #expect(lin.linearization.map { "\($0.matrix[0][0])" } == "-3/100 - I")
    }

    @Test func matrixAtTheClosedDickeSuperradiantStateHasItsNormalModes() throws {
        // κ = η = η′ = 0: the closed Dicke model; its SR normal modes by the closed form of
        // Emary & Brandes (PRE 67, 066203, Eq. 32) at λ = 0.7, ω_c = ω_z = 1, worked out in
        // SteadyStateTests.closedDickeSuperradiantStateAndNormalModes: 2.0391745322066340775 and
        // 0.82666028524409897361. The eigenvalues of the printed 8 × 8 matrix (LAPACK, a second
        // route: `steady` takes the real Jacobian's characteristic polynomial) must hold ±i·both.
        let settings = ["gdown=1-gup", "gup=3/10", "wc=1", "wz=1", "wz'=1", "eta=0", "eta'=0", "kappa=0", "lambda=7/10"]
        let found = try steady({ var o = SteadyOptions(model: CrossingKindTests.model); o.settings = settings; o.digits = 20; return o }())
        let sr = try #require(found.states.first { $0.components.first { $0.name == "⟨S^z⟩" }?.value == "-2.5510204081632653061e-1" })
        let d = try derive(path: CrossingKindTests.model, about: "\(sr.index)", settings: settings, digits: 20)
        let m = try #require(d.stateMatrix)
        #expect(m.entries.count == 8 && m.omitted.isEmpty)
        let values = try eigenvalues(m)
        for mode in [2.0391745322066340775, 0.82666028524409897361] {
            for sign in [1.0, -1.0] {
                #expect(values.contains { abs($0.real) < 1e-9 && abs($0.imaginary - sign * mode) < 1e-9 }, "±i·\(mode)")
            }
        }
        // The spin's two modes (S^z, S^∓) and the boson's hold the normal modes; |S|² conserved
        // gives an exact 0; the spin T (γ↑ + γ↓ = 1 with η = η' = 0) decays at −1 (T^z) and
        // −1/2 ± i (T^∓), by hand from A1 with the couplings off.
        #expect(values.contains { $0.length < 1e-9 })
        #expect(values.contains { abs($0.real + 1) < 1e-12 && abs($0.imaginary) < 1e-12 })
        #expect(values.contains { abs($0.real + 0.5) < 1e-12 && abs($0.imaginary - 1) < 1e-12 })
    }

    @Test func matrixAtTheDissipativeSuperradiantStateAgreesWithItsVerifiedSpectrum() throws {
        // The SR state at (γ↑, λ) = (0.3, 0.7), Fig. 4 parameters: `steady` encloses the spectrum
        // of the real Jacobian (Berkowitz over balls, verified roots); LAPACK on the complex
        // variables' matrix printed by `derive --about 1` is a second route to the same numbers.
        let settings = Self.fig4 + ["gup=3/10", "lambda=7/10"]
        let found = try steady({ var o = SteadyOptions(model: CrossingKindTests.model); o.settings = settings; o.digits = 20; return o }())
        let state = try #require(found.states.first)
        let d = try derive(path: CrossingKindTests.model, about: "1", settings: settings, digits: 20)
        let values = try eigenvalues(try #require(d.stateMatrix))
        #expect(values.count == 8)
        for e in state.spectrum.eigenvalues where e.sign != 0 {
            let re = Double(e.re)!, im = Double(e.im)!
            for s in (im == 0 ? [1.0] : [1.0, -1.0]) {
                #expect(values.contains { abs($0.real - re) < 1e-10 && abs($0.imaginary - s * im) < 1e-10 }, "\(e.re) ± i·\(e.im)")
            }
        }
        // A row of the normal state's 6 × 6 block is not closed at the SR state: δ⟨S^-⟩ feels δ⟨S^z⟩.
        let block = try derive(path: CrossingKindTests.model, about: "1", order: "a, a*, S-, S+, T-, T+", settings: settings, digits: 12)
        let omitted = try #require(block.stateMatrix).omitted
        #expect(!omitted.isEmpty)
        #expect(block.rendered(.text).contains("couples to ⟨S^z⟩ (left out of δx)"))
    }

    @Test func refusals() throws {
        let settings = Self.fig4 + ["gup=3/10", "lambda=7/10"]
        #expect(throws: (any Error).self) { try derive(path: CrossingKindTests.model, about: "9", settings: settings) }
        #expect(throws: (any Error).self) { try derive(path: CrossingKindTests.model, about: "1", symmetric: true, settings: settings) }
        // Parameters left free: the search needs numbers.
        #expect(throws: (any Error).self) { try derive(path: CrossingKindTests.model, about: "1", settings: ["gup=3/10"]) }
    }

    @Test func statesAreNamedByTheModelsPhases() throws {
        // 003 names `phase stationary = NS` and `phase ordered = SR`. At (0.3, 0.7) the search finds
        // the SR pair (⟨a⟩, ⟨S^-⟩ ≠ 0) and the two normal states ⟨S^z⟩ = ∓1/2 with ⟨a⟩ = ⟨S^-⟩ = 0
        // (by hand: the normal state of A1 with ⟨T^z⟩ = (γ↑ − γ↓)/(2γ_t)).
        let settings = Self.fig4 + ["gup=3/10", "lambda=7/10"]
        let found = try steady({ var o = SteadyOptions(model: CrossingKindTests.model); o.settings = settings; o.digits = 12; return o }())
        #expect(found.states.map(\.name) == ["SR", "SR", "NS", "NS"])
        let normal = found.states.filter { $0.name == "NS" }.map { s in s.components.first { $0.name == "⟨S^z⟩" }!.value }
        #expect(Set(normal) == ["-5.00000000000e-1", "5.00000000000e-1"])
        // A name selects the first state so called, as its index does.
        let byName = try derive(path: CrossingKindTests.model, about: "SR", settings: settings, digits: 12)
        let byIndex = try derive(path: CrossingKindTests.model, about: "1", settings: settings, digits: 12)
        #expect(byName.rendered(.text) == byIndex.rendered(.text))
        #expect(throws: (any Error).self) { try derive(path: CrossingKindTests.model, about: "L1", settings: settings) }
    }
}
