import Testing
import Algebra
import Symbolic
@testable import Analysis

/// Second-order cumulant equations integrated and compared with exact Lindblad dynamics.
/// Both systems close at second order without approximation (linear spin dynamics with
/// per-site dissipators; a quadratic boson Hamiltonian), so the closure must report nothing
/// factorised and the moments must agree with the exact ones to integrator accuracy.
/// Expected values: Benchmarks/peers/cumulant_exact_checks.py (numpy/scipy, dense Liouvillian
/// and matrix exponential: N = 3 spins in the full 2³ space; a boson with 40 Fock states).
@Suite("Second-order cumulant dynamics against exact Lindblad dynamics")
struct CumulantDynamicsTests {
    let N = Expr.symbol("N", [.positive])

    /// The value (re, im) of the variable of `word` after integrating to `t`.
    func moments(_ system: MeanFieldSystem, values: [Symbol: Expr], initial: [Symbol: (Double, Double)], t: Double,
                 words: [Expr]) throws -> [(Double, Double)] {
        let integ = try MeanFieldIntegrator(meanField: system, values: values, observables: [])
        var o = ODEOptionsForTests.tight
        o.maxSteps = 1_000_000
        let run = try integ.integrate(from: integ.state(from: initial), times: [0, t], options: o)
        let end = integ.values(of: run.states[1])
        return try words.map { w in
            guard let e = system.equations.first(where: { $0.operatorWord == w }), let s = e.variable.symbol else {
                throw AlgebraError.missing("no variable for \(w)")
            }
            return end[s]!
        }
    }

    func close(_ a: (Double, Double), _ b: (Double, Double), _ tol: Double = 1e-8) -> Bool {
        abs(a.0 - b.0) < tol && abs(a.1 - b.1) < tol
    }

    @Test func spinsWithPerSiteDissipatorsMatchExactDynamics() throws {
        var alg = OperatorAlgebra()
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let (w, W) = (Expr.symbol("w", [.real]), Expr.symbol("W", [.real]))
        let (up, down) = (Expr.symbol("gu", [.positive]), Expr.symbol("gd", [.positive]))
        let sys = try OpenSystem(algebra: alg, hamiltonian: w * S.z + W * (S.plus + S.minus),
                                 dissipators: [.perSite(S.siteMinus, rate: down), .perSite(S.sitePlus, rate: up)])
        let second = try sys.meanField([S.minus, S.z, S.plus * S.minus, S.z * S.z, S.minus * S.minus, S.z * S.minus],
                                       options: MeanFieldOptions(order: .secondCumulant, systemSize: N, keepSubleading: true))
        // Linear in S with one-site jumps: no product of three operators is ever met.
        #expect(second.closure.factorised.isEmpty)
        #expect(second.equations.count == 6)
        // Every spin in cos(θ/2)|↓⟩ + sin(θ/2)|↑⟩, θ = π/3: s^z = −1/4, s^- = √3/4 per site; the
        // second moments from the product-state formula (exact values at t = 0 from the script).
        let v = { (o: Expr) in try sys.expectation(o).symbol! }
        let formulas = try sys.productStateMoments(of: second, intensive: true)
        let values: [Symbol: Expr] = [w.symbol!: 1, W.symbol!: Expr.rational(3, 10), up.symbol!: Expr.rational(1, 5),
                                      down.symbol!: Expr.rational(1, 2), N.symbol!: 3]
        let start = try productStateInitial(formulas, values: values,
                                            means: [try v(S.z): (-0.25, 0), try v(S.minus): (3.0.squareRoot() / 4, 0)],
                                            system: second)
        let words = [S.z, S.minus, S.plus * S.minus, S.z * S.z, S.minus * S.minus, S.z * S.minus]
        let at0 = try moments(second, values: values, initial: start, t: 1e-12, words: words)
        let exact0: [(Double, Double)] = [(-0.25, 0), (0.433012701892, 0), (0.208333333333, 0), (0.125, 0), (0.125, 0),
                                          (-0.144337567297, 0)]
        for (a, b) in zip(at0, exact0) { #expect(close(a, b, 1e-11)) }
        let at1 = try moments(second, values: values, initial: start, t: 1, words: words)
        let exact1: [(Double, Double)] = [(-0.131643892171, 0), (0.116924342160, -0.339651769308), (0.208808453399, 0),
                                          (0.094886742897, 0), (-0.067794681736, -0.052951412920), (-0.029748974021, 0.086417348814)]
        for (a, b) in zip(at1, exact1) { #expect(close(a, b)) }
        let at25 = try moments(second, values: values, initial: start, t: 2.5, words: words)
        let exact25: [(Double, Double)] = [(-0.051378589797, 0), (-0.224590547230, -0.109236808664), (0.191122866249, 0),
                                           (0.085093172993, 0), (0.025672155692, 0.032711406181), (0.045124521604, 0.021947756899)]
        for (a, b) in zip(at25, exact25) { #expect(close(a, b)) }
    }

    @Test func quadraticBosonMatchesExactDynamics() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let (w, F, g, kappa) = (Expr.symbol("w", [.real]), Expr.symbol("F", [.real]), Expr.symbol("g", [.real]),
                                Expr.symbol("κ", [.positive]))
        let h = w * a.creation * a.annihilation + F * (a.annihilation + a.creation)
            + g / 2 * (a.annihilation * a.annihilation + a.creation * a.creation)
        let sys = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [.collective(a.annihilation, rate: kappa)])
        let second = try sys.meanField([a.annihilation, a.creation * a.annihilation, a.annihilation * a.annihilation],
                                       options: MeanFieldOptions(order: .secondCumulant))
        #expect(second.closure.factorised.isEmpty)
        let values: [Symbol: Expr] = [w.symbol!: 1, F.symbol!: Expr.rational(2, 5), g.symbol!: Expr.rational(3, 20),
                                      kappa.symbol!: Expr.rational(1, 2)]
        let words = [a.annihilation, a.creation * a.annihilation, a.annihilation * a.annihilation]
        // From the vacuum (every moment 0).
        let t1 = try moments(second, values: values, initial: [:], t: 1, words: words)
        let exact1: [(Double, Double)] = [(-0.133165488101, -0.302358325191), (0.121041794405, 0), (-0.152942112067, 0.018454121992)]
        for (x, y) in zip(t1, exact1) { #expect(close(x, y)) }
        let t3 = try moments(second, values: values, initial: [:], t: 3, words: words)
        let exact3: [(Double, Double)] = [(-0.472158312913, -0.172244307527), (0.261362325508, 0), (0.134860360441, 0.153872889170)]
        for (x, y) in zip(t3, exact3) { #expect(close(x, y)) }
    }
}

import KeldyshNumerics

enum ODEOptionsForTests {
    static var tight: ODEOptions {
        var o = ODEOptions()
        o.relativeTolerance = 1e-12
        o.absoluteTolerance = 1e-14
        return o
    }
}
