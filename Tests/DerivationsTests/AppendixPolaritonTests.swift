import Testing
import TestSupport
import ComplexModule
import ArbitraryPrecision
import Symbolic
@testable import Algebra
@testable import Derivations

/// Eqs. (3)–(5) of paper 003 (Sec. IV): polariton frequencies, the decay estimate κ_U and
/// the lasing threshold at ω'_z = Ω_U, against the model's (A2).
@Suite("Paper 003: polariton frequencies and lasing threshold (Eqs. 3–5)")
struct AppendixPolaritonTests {
    let m = Paper003Model()

    @Test func polaritonFrequenciesEq3() throws {
        let pf = try m.polaritonFrequencies()
        let (wc, wz, l) = (m.omegaC, m.omegaZ, m.lambda)
        // Eq. (3) as printed: Ω²_{U/L} = (ω_c² + ω_z² ± √((ω_c² − ω_z²)² + 16λ²ω_zω_c))/2.
        let root = Expr.sqrt((wc * wc - wz * wz) * (wc * wc - wz * wz) + 16 * l * l * wz * wc)
        let upper = (wc * wc + wz * wz + root) / 2, lower = (wc * wc + wz * wz - root) / 2
        #expect(try Expr.numericallyEqual(pf.upperSquared, upper, digits: 100, samples: 4, seed: 31).equal)
        #expect(try Expr.numericallyEqual(pf.lowerSquared, lower, digits: 100, samples: 4, seed: 37).equal)
        // Symbolically: the rational parts agree and the radicands agree after expansion.
        let sum = wc * wc + wz * wz
        let toolRadicand = ((2 * pf.upperSquared - sum) * (2 * pf.upperSquared - sum)).expand()
        #expect((toolRadicand - ((wc * wc - wz * wz) * (wc * wc - wz * wz) + 16 * l * l * wz * wc)).expand().isZero)
        #expect((pf.upperSquared + pf.lowerSquared - sum).expand().isZero)
    }

    @Test func thresholdEq5FollowsFromEq4() throws {
        // Eq. (4) at ω'_z = Ω_U: κ_U = κ/4 − η²(γ↑ − γ↓)/(γ_t²/4); κ_U = 0 with γ↓ = γ_t − γ↑
        // solved (linear step of the solver) for γ↑ gives Eq. (5): γ↑/γ_t = (κγ_t/(16η²) + 1)/2.
        let (k, eta) = (m.kappa, m.eta)
        let gt = Expr.symbol("γ_t", [.positive])
        let up = m.gammaUp
        let kappaU = k / 4 - eta * eta * (up - (gt - up)) / (gt * gt / 4)
        let solved = try Triangularization(unknowns: [up.symbol!]).run([clearedNumerator(kappaU)])
        #expect(solved.count == 1)
        let threshold = solved[0].solved[0].1 / gt
        #expect((threshold - (k * gt / (16 * eta * eta) + 1) / 2).cancel().isZero)
    }

    /// Fig. 2/5 parameters with rational values: ω_c = ω_z = 1, κ = 3/50, η = η' = 1/10, γ_t = 1
    /// (γ↓ = 1 − γ↑), λ = 11/50 so that Ω_U = √(1 + 2λ) = 6/5 exactly, ω'_z = Ω_U.
    func resonant(_ g: Expr) -> Paper003Model {
        m.restricted([m.omegaC: 1, m.omegaZ: 1, m.kappa: Expr.rational(3, 50), m.eta: Expr.rational(1, 10),
                      m.etaPrime: Expr.rational(1, 10), m.lambda: Expr.rational(11, 50),
                      m.omegaZPrime: Expr.rational(6, 5), m.gammaUp: g, m.gammaDown: 1 - g])
    }

    /// The eigenvalue of (A2) near s₀ by Newton's method on det(s − A2) (Double precision).
    func eigenvalue(near s0: Complex<Double>, at g: Double) throws -> Complex<Double> {
        let s = Symbol("s", [])
        let p = try resonant(Expr.number(GaussianRational(BigRational(exactly: g))))
            .normalStateStabilityMatrix().characteristicPolynomial(in: s).expr.expand()
        let dp = p.derivative(s)
        var z = s0
        for _ in 0..<60 {
            let f = try p.evaluate([s: z]), d = try dp.evaluate([s: z])
            let step = f / d
            z = z - step
            if step.length < 1e-15 { break }
        }
        return z
    }

    @Test func exactThresholdAgainstEq5() throws {
        let g = Symbol("g", [.positive])
        let a = try resonant(.symbol(g)).normalStateStabilityMatrix()
        let (poly, roots) = try imaginaryAxisCrossings(of: a, parameter: g)
        let inside = roots.filter { $0.upper > BigRational(1, 2) && $0.lower < BigRational(1) }
        let first = try #require(inside.first).refined(toBits: 60)
        let estimate = 0.5 * (0.06 / (16 * 0.01) + 1)   // Eq. (5): 0.6875
        let exact = (first.lower.toDouble() + first.upper.toDouble()) / 2
        // The crossing polynomial is square-free with one root in (1/2, 1): the onset, since at
        // γ↑ = 1/2 (⟨T^z⟩ = 0, no gain) the normal state is stable for λ < λ_c.
        #expect(inside.count == 1 && !poly.isZero)
        #expect(first.lower > BigRational(6858, 10000) && first.upper < BigRational(6859, 10000))
        // Second method: the upper-polariton eigenvalue (Newton from −iΩ_U) crosses Re s = 0
        // there, at a frequency near Ω_U = 6/5.
        let below = try eigenvalue(near: Complex(0, -1.2), at: exact - 1e-3)
        let above = try eigenvalue(near: Complex(0, -1.2), at: exact + 1e-3)
        #expect(below.real < 0 && above.real > 0)
        #expect(abs(above.imaginary + 1.2) < 1e-3)
        // Eq. (5) estimates 0.6875; the exact onset is 0.68580063…: 0.25 % below it.
        #expect(abs(exact - estimate) / estimate < 0.003 && exact < estimate)
    }

    @Test func decayEstimateEq4() throws {
        let pd = try m.upperPolaritonDecay()
        // Measured (γ_t = 1, ω_c = ω_z = 1, κ = 0.06, η = η' = 0.1): at (γ↑, λ, ω'_z) =
        // (0.9, 0.22, 1.2): exact −0.016273, first order −0.017256, Eq. (4) −0.0170;
        // (0.9, 0.02, 1.02): exact −0.018877, first order −0.0170029, Eq. (4) −0.0170000;
        // (0.8, 0.22, 1.25): exact −0.008597, first order −0.008952, Eq. (4) −0.008762.
        var rows: [(first: Double, exact: Double, eq4: Double)] = []
        for (g, lam, wz2) in [(0.9, 0.22, 1.2), (0.9, 0.02, 1.02), (0.8, 0.22, 1.25)] {
            let values: [Symbol: Complex<Double>] = [
                m.omegaC.symbol!: 1, m.omegaZ.symbol!: 1, m.kappa.symbol!: Complex(0.06), m.eta.symbol!: Complex(0.1),
                m.lambda.symbol!: Complex(lam), m.omegaZPrime.symbol!: Complex(wz2),
                m.gammaUp.symbol!: Complex(g), m.gammaDown.symbol!: Complex(1 - g)]
            let first = try pd.decayFirstOrder.evaluate(values).real
            let omegaU = (1 + 2 * lam).squareRoot()
            let eq4 = 0.06 / 4 - 0.01 * (2 * g - 1) / ((wz2 - omegaU) * (wz2 - omegaU) + 0.25)
            // Exact: Newton on det(s − A2) from the first-order estimate.
            let s = pd.s
            let p = pd.characteristicPolynomial
            var pv = values
            pv[m.etaPrime.symbol!] = Complex(0.1)
            var z = Complex(-first, -omegaU)
            for _ in 0..<60 {
                pv[s] = z
                let f = try p.evaluate(pv)
                let d = try p.derivative(s).evaluate(pv)
                z = z - f / d
            }
            rows.append((first, -z.real, eq4))
        }
        // Small λ: first-order perturbation theory of (A2) reproduces Eq. (4) (the paper's
        // estimate is its resonant, rotating-wave, λ → 0 form: weight 1/2 of the photon in ψ_U).
        #expect(abs(rows[1].first - rows[1].eq4) < 1e-3 * abs(rows[1].eq4))  // measured 1.7e-4
        // λ = 0.22 (Fig. 3's regime): Eq. (4) is within 5 % of the exact eigenvalue, with
        // the sign (growth) right; the first-order value differs from Eq. (4) by ~1.5 %.
        for r in [rows[0], rows[2]] {
            #expect(abs(r.exact - r.eq4) < 0.05 * abs(r.exact) && r.exact < 0)
            #expect(abs(r.first - r.eq4) < 0.025 * abs(r.eq4))
        }
    }
}
