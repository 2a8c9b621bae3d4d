import ComplexModule
import Testing
import Algebra
import Symbolic
@testable import Analysis

/// Two-time correlations by the quantum regression theorem at second order, in steady states,
/// against exact values. In these three systems L†X is linear in the operators for every
/// single operator X (a quadratic boson; one spin-1/2, whose products reduce; N spins driven
/// collectively with per-site jumps), so no product of three operators is ever closed and the
/// second-order correlation equations are exact: they must reproduce the density-matrix
/// computation to integrator accuracy.
/// Expected values: `python3 Benchmarks/peers/correlation_exact_checks.py` (numpy/scipy, dense
/// Liouvillian, G(τ) = Tr[A e^{Lτ}(Bρ_ss)], S(ω) from (iω − L)⁻¹), and for the cavity by hand too.
@Suite("Two-time correlations and spectra against exact quantum regression")
struct CorrelationTests {
    let N = Expr.symbol("N", [.positive])

    func run(_ sys: OpenSystem, later: Expr, earlier: Expr, means: [Expr], size: Expr?, values: [Symbol: Expr],
             initial: [Symbol: (Double, Double)], omegas: [Double], tauMax: Double = 2.5, settle: Double = 200) throws -> CorrelationResult {
        let c = try sys.correlation(later: later, earlier: earlier, means: means,
                                    options: MeanFieldOptions(order: .secondCumulant, systemSize: size, keepSubleading: true))
        var r = CorrelationRequest(system: c, values: values, initial: initial, tauMax: tauMax, tauStep: 0.5, omegas: omegas)
        r.settle = settle
        r.relativeTolerance = 1e-12
        r.absoluteTolerance = 1e-14
        return try twoTimeCorrelation(r)
    }

    func close(_ z: Complex<Double>, _ re: Double, _ im: Double, _ tol: Double = 1e-8) -> Bool {
        abs(z.real - re) < tol && abs(z.imaginary - im) < tol
    }

    /// H = Δa†a + F(a + a†), κ(n̄+1)D[a] + κn̄D[a†]: by hand, α = −iF/(κ/2 + iΔ) and
    /// ⟨a†(τ)a(0)⟩ = |α|² + n̄ e^{(iΔ − κ/2)τ}, S(ω) = (n̄/π)(κ/2)/((κ/2)² + (ω − Δ)²);
    /// Δ = 0.7, F = 0.2, κ = 0.6, n̄ = 0.5: |α|² = 0.04/0.58, S(Δ) = 0.5/(0.3π) = 0.530516476954.
    @Test func thermalDrivenCavityIsALorentzianAboveACoherentPart() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let (d, f) = (Expr.symbol("Δ", [.real]), Expr.symbol("F", [.real]))
        let (kappa, n) = (Expr.symbol("κ", [.positive]), Expr.symbol("n", [.positive]))
        let sys = try OpenSystem(algebra: alg, hamiltonian: d * a.creation * a.annihilation + f * (a.annihilation + a.creation),
                                 dissipators: [.collective(a.annihilation, rate: kappa * (n + 1)), .collective(a.creation, rate: kappa * n)])
        let values: [Symbol: Expr] = [d.symbol!: Expr.rational(7, 10), f.symbol!: Expr.rational(1, 5),
                                      kappa.symbol!: Expr.rational(3, 5), n.symbol!: Expr.rational(1, 2)]
        let r = try run(sys, later: a.creation, earlier: a.annihilation, means: [a.annihilation], size: nil, values: values,
                        initial: [:], omegas: [0, 0.7, 1.5])
        #expect(r.unknowns == ["⟨a†(t+τ) a(t)⟩"])
        #expect(close(r.correlation[0], 0.568965517241, 0))
        #expect(close(r.correlation[2], 0.352270031381, 0.238624100394))
        #expect(close(r.correlation[5], 0.026866779818, 0.232401024829))
        #expect(close(r.coherent!, 0.068965517241, 0))
        for (s, e) in zip(r.spectrum, [0.082321522291, 0.530516476954, 0.065406140999]) { #expect(abs(s - e) < 1e-9) }
        // The one line: −κ/2 + iΔ.
        #expect(r.rates.count == 1 && close(r.rates[0], -0.3, 0.7, 1e-12))
    }

    /// One two-level system, H = Δs^z + W(s^+ + s^-), γD[s^-] (Δ = 0.5, W = 2, γ = 1):
    /// ⟨s^+(τ)s^-(0)⟩ and the Mollow triplet (sidebands at ±4.02, lines −3γ/4 ± i…, centre −γ/2 at Δ → 0).
    @Test func drivenTwoLevelSystemGivesTheMollowTriplet() throws {
        var alg = OperatorAlgebra()
        let s = alg.spinHalf("s")
        let (d, w, g) = (Expr.symbol("Δ", [.real]), Expr.symbol("W", [.real]), Expr.symbol("γ", [.positive]))
        let sys = try OpenSystem(algebra: alg, hamiltonian: d * s.z + w * (s.plus + s.minus), dissipators: [.collective(s.minus, rate: g)])
        let values: [Symbol: Expr] = [d.symbol!: Expr.rational(1, 2), w.symbol!: 2, g.symbol!: 1]
        let r = try run(sys, later: s.plus, earlier: s.minus, means: [s.minus], size: nil, values: values,
                        initial: [try sys.expectation(s.z).symbol!: (-0.5, 0)], omegas: [-4, 0, 0.5, 4])
        #expect(close(r.correlation[0], 0.470588235294, 0))
        #expect(close(r.correlation[2], 0.071987021372, 0))
        #expect(close(r.correlation[5], 0.057311880353, 0))
        #expect(close(r.coherent!, 0.027681660900, 0))
        for (x, e) in zip(r.spectrum, [0.050928308582, 0.149274573126, 0.080096998504, 0.050928308582]) { #expect(abs(x - e) < 1e-9) }
        #expect(r.rates.count == 3)
    }

    /// N = 3 spins, H = wS^z + W(S^+ + S^-), γ↓Σ_i D[σ_i^-] + γ↑Σ_i D[σ_i^+] (w = 1, W = 0.3, γ↓ = 0.5,
    /// γ↑ = 0.2): ⟨S^+(τ)S^-(0)⟩/N², exact in the full 2³ space.
    @Test func drivenSpinsWithPerSiteJumpsMatchExactRegression() throws {
        var alg = OperatorAlgebra()
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let (w, W) = (Expr.symbol("w", [.real]), Expr.symbol("W", [.real]))
        let (up, down) = (Expr.symbol("gu", [.positive]), Expr.symbol("gd", [.positive]))
        let sys = try OpenSystem(algebra: alg, hamiltonian: w * S.z + W * (S.plus + S.minus),
                                 dissipators: [.perSite(S.siteMinus, rate: down), .perSite(S.sitePlus, rate: up)])
        let values: [Symbol: Expr] = [w.symbol!: 1, W.symbol!: Expr.rational(3, 10), up.symbol!: Expr.rational(1, 5),
                                      down.symbol!: Expr.rational(1, 2), N.symbol!: 3]
        let r = try run(sys, later: S.plus, earlier: S.minus, means: [S.minus], size: N, values: values,
                        initial: [:], omegas: [-1, 0, 1])
        #expect(close(r.correlation[0], 0.112400918384, 0))
        #expect(close(r.correlation[2], 0.047988136419, 0.054306317057))
        #expect(close(r.correlation[5], -0.016121769958, 0.013026859421))
        #expect(close(r.coherent!, 0.010937544288, 0))
        for (x, e) in zip(r.spectrum, [0.004267728802, 0.017315217267, 0.066187155925]) { #expect(abs(x - e) < 1e-9) }
    }

    /// The open Dicke model, H = ω_c a†a + ω_z S^z + (λ/√N)(a + a†)(S^+ + S^-), κD[a] (ω_c = ω_z = 1,
    /// λ = 0.3 < λ_c = 0.515, κ = 0.5), in the steady state reached from every spin down: here the
    /// closure is used (⟨a S^z a(t)⟩, …), so the second-order ⟨a†(t+τ)a(t)⟩/N approaches the exact
    /// one as N grows without equalling it. Exact values: `python3
    /// Benchmarks/peers/dicke_correlation_finite_n.py 4 8` (sparse Liouvillian in the symmetric
    /// subspace times 8 Fock states, top level ≤ 10⁻⁸; about 3 min): G(0), G(1), G(2.5), G(5) and
    /// S(0.5), S(1), S(1.5). The second-order values were 0.015842, 0.010908, −0.004222, −0.005001
    /// (N = 4) and 0.008225, 0.005694, −0.002074, −0.002648 (N = 8): every error shrinks with N.
    @Test func openDickeCorrelationApproachesExactWithN() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let lambda = Expr.symbol("λ", [.positive]), kappa = Expr.symbol("κ", [.positive])
        let h = a.creation * a.annihilation + S.z + lambda / Expr.sqrt(N) * (a.annihilation + a.creation) * (S.plus + S.minus)
        let sys = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [.collective(a.annihilation, rate: kappa)])
        let exact: [Int: [Double]] = [
            4: [0.0149204223, 0.0099616894, -0.0047007849, -0.0037201727, 0.0045634413, 0.0050179002, 0.0003104137],
            8: [0.0079108866, 0.0053801686, -0.0022363823, -0.0022622178, 0.0026754698, 0.0025053556, 0.0001526828],
        ]
        var errors: [Int: [Double]] = [:]
        for n in [4, 8] {
            let values: [Symbol: Expr] = [lambda.symbol!: Expr.rational(3, 10), kappa.symbol!: Expr.rational(1, 2), N.symbol!: Expr.integer(n)]
            let c = try sys.correlation(later: a.creation, earlier: a.annihilation, means: [a.annihilation, S.minus],
                                        options: MeanFieldOptions(order: .secondCumulant, systemSize: N, keepSubleading: true))
            #expect(!c.equalTime.closure.factorised.isEmpty)
            let start = try productStateInitial(try sys.productStateMoments(of: c.equalTime, intensive: true), values: values,
                                                means: [try sys.expectation(S.z).symbol!: (-0.5, 0)], system: c.equalTime)
            let r = try run(sys, later: a.creation, earlier: a.annihilation, means: [a.annihilation, S.minus], size: N,
                            values: values, initial: start, omegas: [0.5, 1, 1.5], tauMax: 5, settle: 400)
            let got = [r.correlation[0].real, r.correlation[2].real, r.correlation[5].real, r.correlation[10].real] + r.spectrum
            errors[n] = zip(got, exact[n]!).map { abs($0 - $1) }
            // In the symmetric state ⟨S^z(t+τ) a(t)⟩ is odd under a → −a, S^± → −S^± and stays 0: an undriven zero mode.
            #expect(r.notes.contains { $0.hasPrefix("1 undamped mode") })
        }
        for (e4, e8) in zip(errors[4]!, errors[8]!) { #expect(e8 < e4) }
        // G(0) within 7 % at N = 4 and 4.5 % at N = 8.
        #expect(errors[4]![0] < 0.07 * 0.0149204223 && errors[8]![0] < 0.045 * 0.0079108866)
    }
}
