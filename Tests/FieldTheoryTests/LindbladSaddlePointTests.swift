import Testing
import TestSupport
import Symbolic
import Algebra
@testable import FieldTheory

/// Two routes to one answer (FIELDTHEORY.md): the Keldysh action of a Lindblad model, taken to
/// its classical saddle point, must give the mean-field equations the Algebra layer derives
/// from the same model, and its quadratic fluctuations the stability matrix. Checked on two
/// models not in the papers: a driven Kerr oscillator and an optomechanical cavity.
@Suite("Lindblad → Keldysh: saddle point = mean field, fluctuations = stability matrix")
struct LindbladSaddlePointTests {
    let delta = Expr.symbol("Delta", [.real]), u = Expr.symbol("U", [.real]), f = Expr.symbol("F", [.real])
    let kappa = Expr.symbol("kappa", [.positive]), gain = Expr.symbol("G", [.positive])
    let omegaM = Expr.symbol("Omega_m", [.positive]), g0 = Expr.symbol("g0", [.real]), gammaM = Expr.symbol("gamma_m", [.positive])

    /// Both routes for `system`: the Keldysh drift of each field against the mean-field
    /// equation, and the fluctuation kernel's A against `MeanFieldSystem.linearize` at a
    /// generic point (not a steady state: the matrices must agree anywhere).
    func compare(_ system: OpenSystem, modes: [BosonMode], point: [Expr]) throws {
        let options = MeanFieldOptions(order: .first, systemSize: nil)
        let mf = try system.meanField(modes.map(\.annihilation), options: options)
        let (action, _) = try KeldyshRotation.apply(try ContourAction.from(system))
        let saddle = try ClassicalSaddlePoint(action)
        var variables: [Field: Expr] = [:], values: [Field: Expr] = [:], around: [Expr: Expr] = [:]
        var order: [Expr] = []
        for (k, m) in modes.enumerated() {
            let field = action.fields.first { $0.name == "\(m.annihilation)" }!
            let v = try system.expectation(m.annihilation)
            variables[field] = v
            values[field] = Expr.sqrt(2) * point[k]
            around[v] = point[k]
            order += [v, Expr.conj(v)]
        }
        let drift = saddle.meanFieldDrift(variables: variables)
        for (field, v) in variables {
            let difference = (drift[field]! - (try mf.rhs(for: v))).expand()
            #expect(difference.isZero, "d⟨\(field)⟩/dt: Keldysh − mean field = \(difference)")
        }
        let fluctuations = try QuadraticFluctuations(action, about: values)
        let lin = try mf.linearize(variables: order, about: around)
        for r in 0..<order.count {
            for c in 0..<order.count {
                let d = (fluctuations.stabilityMatrix[r, c] - lin.stabilityMatrix[r, c]).cancel()
                #expect(d.isZero, "A(\(r + 1),\(c + 1)): Keldysh \(fluctuations.stabilityMatrix[r, c]), mean field \(lin.stabilityMatrix[r, c])")
            }
        }
    }

    @Test func drivenKerrOscillatorWithLossAndGain() throws {
        // H = Δa†a + U a†a†aa + F(a + a†), κD[a] + G D[a†]: by hand, d⟨a⟩/dt =
        // −i(Δ + 2U|a|²)a − iF − (κ − G)a/2 (both routes must give it; checked below too).
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let h = delta * a.creation * a.annihilation + u * a.creation * a.creation * a.annihilation * a.annihilation
            + f * (a.annihilation + a.creation)
        let system = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [.collective(a.annihilation, rate: kappa),
                                                                                  .collective(a.creation, rate: gain)])
        let x = Expr.symbol("x"), y = Expr.symbol("y")
        try compare(system, modes: [a], point: [x + Expr.i * y])
        let (action, _) = try KeldyshRotation.apply(try ContourAction.from(system))
        let v = try system.expectation(a.annihilation)
        let drift = try ClassicalSaddlePoint(action).meanFieldDrift(variables: [action.fields[0]: v])[action.fields[0]]!
        let byHand = Expr.neg(Expr.i) * (delta + 2 * u * v * Expr.conj(v)) * v - Expr.i * f - (kappa - gain) * v / 2
        #expect((drift - byHand).expand().isZero)
    }

    @Test func optomechanicalCavity() throws {
        // H = −Δ a†a + Ω_m b†b + g₀ a†a (b + b†) + F(a + a†), κD[a] + γ_m D[b]: the radiation-
        // pressure coupling mixes two fields; the fluctuation kernel is 4 × 4.
        var alg = OperatorAlgebra()
        let a = alg.boson("a"), b = alg.boson("b")
        let h = Expr.neg(delta) * a.creation * a.annihilation + omegaM * b.creation * b.annihilation
            + g0 * a.creation * a.annihilation * (b.annihilation + b.creation) + f * (a.annihilation + a.creation)
        let system = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [.collective(a.annihilation, rate: kappa),
                                                                                  .collective(b.annihilation, rate: gammaM)])
        try compare(system, modes: [a, b], point: [Expr.symbol("x1") + Expr.i * Expr.symbol("y1"), Expr.symbol("x2")])
    }

    @Test func lossAloneGivesTheKeldyshStructureOfAMarkovianBath() throws {
        // κD[a] alone: R = ω − Δ + iκ/2, A = ω − Δ − iκ/2, K = iκ (a zero-temperature bath with
        // rate κ/2: 2i(κ/2)F, F = 1), the cl–cl block 0 (Sieberer et al., Sec. 2).
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let system = try OpenSystem(algebra: alg, hamiltonian: delta * a.creation * a.annihilation,
                                    dissipators: [.collective(a.annihilation, rate: kappa)])
        let (action, _) = try KeldyshRotation.apply(try ContourAction.from(system))
        let k = try KeldyshKernel.from(action, sector: ["a"])
        let w = Expr.symbol(Action.omega), i = Expr.i
        let expected: [[Expr]] = [[0, w - delta - i * kappa / 2], [w - delta + i * kappa / 2, i * kappa]]
        for r in 0..<2 { for c in 0..<2 { #expect((k.matrix[r, c] - expected[r][c]).expand().isZero, "K(\(r),\(c)) = \(k.matrix[r, c])") } }
    }
}
