import Testing
import TestSupport
import ComplexModule
import Analysis
import ArbitraryPrecision
import Symbolic
@testable import Algebra
@testable import Derivations

/// Eqs. (3)–(5) of paper 003 (Sec. IV): polariton frequencies, the decay estimate κ_U and
/// the lasing threshold at ω'_z = Ω_U, against the model file's (A2).
@Suite("Paper 003: polariton frequencies and lasing threshold (Eqs. 3–5)")
struct AppendixPolaritonTests {
    let f: Paper003ModelFile
    let wc: Expr, wz: Expr, wz2: Expr, k: Expr, l: Expr, eta: Expr, eta2: Expr, up: Expr, down: Expr
    static let normalState = "about a = 0, S- = 0, Sz = -1/2, T- = 0, Tz = (gup - gdown)/(2 gt); order a, a*, S-, S+, T-, T+"

    init() throws {
        f = try Paper003ModelFile()
        (wc, wz, wz2, k, l) = (try f.e("wc"), try f.e("wz"), try f.e("wz'"), try f.e("kappa"), try f.e("lambda"))
        (eta, eta2, up, down) = (try f.e("eta"), try f.e("eta'"), try f.e("gup"), try f.e("gdown"))
    }

    /// (A2) about the normal state, derived from the model file with `where` applied.
    func a2(_ restriction: String? = nil) throws -> Matrix {
        let line = "linearize A2: of a, Sz, S-, Tz, T-; " + (restriction.map { "where \($0); " } ?? "") + Self.normalState
        return try #require(try f.step(line).derivation as? Linearization).stabilityMatrix
    }

    @Test func polaritonFrequenciesEq3() throws {
        // As verify.kd derives them: roots in Ω² of det(s − A) at s = −iΩ, Dicke block at κ = 0.
        let v = try f.step("linearize Eq3: of a, Sz, S-; where eta = 0, eta' = 0, kappa = 0; about a = 0, S- = 0, Sz = -1/2; "
                           + "order a, a*, S-, S+; parameters Omega : positive; values OmegaU2 = solve(charpoly(-i Omega), Omega^2, 1), "
                           + "OmegaL2 = solve(charpoly(-i Omega), Omega^2, 2)").results.values
        let pf = (upperSquared: try #require(v["OmegaU2"]), lowerSquared: try #require(v["OmegaL2"]))
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
        let gt = Expr.symbol("γ_t", [.positive])
        let kappaU = k / 4 - eta * eta * (up - (gt - up)) / (gt * gt / 4)
        let solved = try Triangularization(unknowns: [up.symbol!]).run([clearedNumerator(kappaU)])
        #expect(solved.count == 1)
        let threshold = solved[0].solved[0].1 / gt
        #expect((threshold - (k * gt / (16 * eta * eta) + 1) / 2).cancel().isZero)
    }

    /// (A2) at the Fig. 2/5 parameters with rational values: ω_c = ω_z = 1, κ = 3/50,
    /// η = η' = 1/10, γ_t = 1 (γ↓ = 1 − γ↑), λ = 11/50 so that Ω_U = √(1 + 2λ) = 6/5 exactly,
    /// ω'_z = Ω_U.
    func resonant(_ g: Expr) throws -> Matrix {
        let values: [Expr: Expr] = [wc: 1, wz: 1, k: Expr.rational(3, 50), eta: Expr.rational(1, 10),
                                    eta2: Expr.rational(1, 10), l: Expr.rational(11, 50), wz2: Expr.rational(6, 5),
                                    up: g, down: 1 - g]
        let m = try a2()
        return Matrix(rows: 6, columns: 6, entries: m.entries.map { $0.substitute(values) })
    }

    /// The eigenvalue of (A2) near s₀ by Newton's method on det(s − A2) (Double precision).
    func eigenvalue(near s0: Complex<Double>, at g: Double) throws -> Complex<Double> {
        let s = Symbol("s", [])
        let p = try resonant(Expr.number(GaussianRational(BigRational(exactly: g)))).characteristicPolynomial(in: s).expr.expand()
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
        let problem = try StabilityProblem(matrix: try resonant(.symbol(g)), free: [g], values: [:])
        // The certified threshold: crossing resultant, Sturm isolation, exact Routh counts.
        let crossings = try certifiedThresholds(problem, lower: BigRational(1, 2), upper: BigRational(1), digits: 12)
        let estimate = 0.5 * (0.06 / (16 * 0.01) + 1)   // Eq. (5): 0.6875
        // One crossing in (1/2, 1): the onset, since at γ↑ = 1/2 (⟨T^z⟩ = 0, no gain) the
        // normal state is stable for λ < λ_c; a complex pair (the upper polariton) crosses.
        #expect(crossings.count == 1)
        let first = try #require(crossings.first)
        #expect(first.crossing == .complex && first.direction > 0)
        let exact = (first.lower.toDouble() + first.upper.toDouble()) / 2
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

    /// First-order perturbation theory of the upper-polariton eigenvalue s₀ = −iΩ_U of (A2) at
    /// η' = η in κ and η² (the second method against Eq. (4)): s ≈ s₀ + κ ∂s/∂κ + η² ∂s/∂(η²),
    /// both from implicit differentiation of P(s) = det(s − A2) = 0 at κ = η = 0.
    func firstOrderDecay() throws -> (decay: Expr, p: Expr, s: Symbol) {
        let s = Symbol("s", [])
        let p = try a2("eta' = eta").characteristicPolynomial(in: s).expr.expand()
        let root = Expr.sqrt((wc * wc - wz * wz) * (wc * wc - wz * wz) + 16 * l * l * wz * wc)
        let s0 = Expr.neg(Expr.i) * Expr.sqrt((wc * wc + wz * wz + root) / 2)
        let at = { (e: Expr) in e.substitute([self.k: .zero, self.eta: .zero]).substitute([Expr.symbol(s): s0]) }
        let ps = at(p.derivative(s)), pk = at(p.derivative(k.symbol!)), pe = at(p.coefficient(of: eta.symbol!, degree: 2))
        return (Expr.neg(k * (Expr.neg(pk) / ps) + eta * eta * (Expr.neg(pe) / ps)), p, s)
    }

    @Test func decayEstimateEq4() throws {
        let (decay, p, s) = try firstOrderDecay()
        // Measured (γ_t = 1, ω_c = ω_z = 1, κ = 0.06, η = η' = 0.1): at (γ↑, λ, ω'_z) =
        // (0.9, 0.22, 1.2): exact −0.016273, first order −0.017256, Eq. (4) −0.0170;
        // (0.9, 0.02, 1.02): exact −0.018877, first order −0.0170029, Eq. (4) −0.0170000;
        // (0.8, 0.22, 1.25): exact −0.008597, first order −0.008952, Eq. (4) −0.008762.
        var rows: [(first: Double, exact: Double, eq4: Double)] = []
        for (g, lam, wz2) in [(0.9, 0.22, 1.2), (0.9, 0.02, 1.02), (0.8, 0.22, 1.25)] {
            let values: [Symbol: Complex<Double>] = [
                wc.symbol!: 1, wz.symbol!: 1, k.symbol!: Complex(0.06), eta.symbol!: Complex(0.1),
                l.symbol!: Complex(lam), self.wz2.symbol!: Complex(wz2), up.symbol!: Complex(g), down.symbol!: Complex(1 - g)]
            let first = try decay.evaluate(values).real
            let omegaU = (1 + 2 * lam).squareRoot()
            let eq4 = 0.06 / 4 - 0.01 * (2 * g - 1) / ((wz2 - omegaU) * (wz2 - omegaU) + 0.25)
            // Exact: Newton on det(s − A2) from the first-order estimate.
            var pv = values
            pv[eta2.symbol!] = Complex(0.1)
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
