import ComplexModule
import Foundation
import KeldyshNumerics
import RealModule
import Testing
@testable import Analysis
@testable import Derivations

/// The self-consistent reading of A51 (G = (G₀⁻¹ − Σ[G])⁻¹ iterated on the nodes, issue 13):
/// the compiled Σ densities against A53/A57 typed by hand at arbitrary G, the spectral sum
/// rule of the converged G, and Anderson mixing on a fixed point known in closed form.
@Suite("Paper 000: the self-consistent Dyson reading")
struct SelfConsistentDysonTests {
    typealias Hand = CondensationThresholdTests.Hand

    @Test("the compiled Σ densities with G's entries as slots are A53 and A57 typed by hand")
    func densitiesAreA53A57() throws {
        let p = CondensationThresholdTests.point
        let (c, _) = try CondensationThresholdTests.numerics(p)
        let problem = c.problem
        let tape = TapeEvaluator(problem.density)
        let hd = Hand(p: p)
        // Arbitrary G entries at ν (R_bb, K_bb, A_bb, R_aa, K_aa, A_aa): the densities are linear in them.
        let slots = [Complex(0.3, -0.2), Complex(-0.1, 0.7), Complex(0.25, 0.4), Complex(-0.6, 0.15), Complex(0.05, -0.9), Complex(0.45, 0.1)]
        for (nu, w) in [(0.3, -0.7), (-1.2, 0.4)] {
            var input = [nu, w] + problem.parameters.map { p[$0.name]! }
            for z in slots { input += [z.real, z.imaginary] }
            var output = [Double](repeating: 0, count: 2 * problem.density.outputCount)
            input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in tape.evaluate(inputs: i.baseAddress!, into: o.baseAddress!) } }
            let c4 = Complex(0, 1 / (4 * Double.pi))   // i g²/(4π), g = 1
            // A53 and A57 (Dyson sign; the model reads Σ with A23's sign: negatives), ∘ as the
            // convolution f(ν)g(ω − ν) (docs/errata.md), with G_aa's entries from the slots.
            let rbb = c4 * (slots[3] * hd.kpsi(w - nu) + slots[4] * hd.rpsi(w - nu))
            let kbb = c4 * (slots[4] * hd.kpsi(w - nu) + slots[3] * hd.rpsi(w - nu) + slots[5] * hd.apsi(w - nu))
            for (k, hand) in [(0, rbb), (1, kbb)] {
                let compiled = Complex(output[2 * k], output[2 * k + 1])
                #expect((compiled + hand).length < 1e-13, "density \(k) at (\(nu), \(w)): \(compiled) vs \(-hand)")
            }
        }
    }

    /// The densities are linear in G's entries (A52), which the layer proves on the written
    /// expressions (degree ≤ 1 in the slots, nothing without them); their coefficients then come
    /// as one compiled function, and a sweep is a product with their table. The coefficients are
    /// A53's photon functions typed by hand, and the table's G is the per-pair densities' G.
    @Test("the node sum by the table of the densities' coefficients: A53 by hand, and the per-pair densities' G")
    func coefficientTable() throws {
        var p = CondensationThresholdTests.point
        p["h"] = 1.5
        let (c, table) = try CondensationThresholdTests.numerics(p)
        let linear = try #require(c.problem.linearDensities, "the densities were not proven linear")
        // By hand (A53–A58): Σ_bb's densities read G_aa's entries (slots 3–5), Σ_aa's G_bb's
        // (0–2); R and A read R or A and K, K reads all three. 14 nonzero coefficients in all.
        func slots(_ e: Int) -> [Int] { linear.terms.filter { $0.entry == e }.map(\.slot) }
        #expect(slots(0) == [3, 4] && slots(1) == [3, 4, 5] && slots(2) == [4, 5])
        #expect(slots(3) == [0, 1] && slots(4) == [0, 1, 2] && slots(5) == [1, 2])
        let tape = TapeEvaluator(linear.coefficients), hd = Hand(p: p)
        let c4 = Complex(0, 1 / (4 * Double.pi))
        for (nu, w) in [(0.3, -0.7), (-1.2, 0.4)] {
            let input = [nu, w] + c.problem.parameters.map { p[$0.name]! }
            var output = [Double](repeating: 0, count: 2 * linear.terms.count)
            input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in tape.evaluate(inputs: i.baseAddress!, into: o.baseAddress!) } }
            func coefficient(_ e: Int, _ k: Int) -> Complex<Double> {
                let t = linear.terms.firstIndex { $0.entry == e && $0.slot == k }!
                return Complex(output[2 * t], output[2 * t + 1])
            }
            // Σ^R_bb = −(i/4π)(G^R_aa G^K_ψ + G^K_aa G^R_ψ) (the model's sign, test above); Σ^K_bb
            // = −(i/4π)(G^K_aa G^K_ψ + G^R_aa G^R_ψ + G^A_aa G^A_ψ).
            #expect((coefficient(0, 3) + c4 * hd.kpsi(w - nu)).length < 1e-13)
            #expect((coefficient(0, 4) + c4 * hd.rpsi(w - nu)).length < 1e-13)
            #expect((coefficient(1, 3) + c4 * hd.rpsi(w - nu)).length < 1e-13)
            #expect((coefficient(1, 4) + c4 * hd.kpsi(w - nu)).length < 1e-13)
            #expect((coefficient(1, 5) + c4 * hd.apsi(w - nu)).length < 1e-13)
        }
        let (_, pairs) = try CondensationThresholdTests.numerics(p)
        pairs.densityTable = false
        let nodes = FrequencyNodes(step: 1.0 / 16)
        let a = try table.greensTable(.selfConsistent, nodes: nodes), sweeps = table.lastIterations
        let b = try pairs.greensTable(.selfConsistent, nodes: nodes)
        #expect(sweeps == pairs.lastIterations && sweeps > 5)
        var gap = 0.0, size = 0.0
        for (x, y) in zip(a, b) {
            for (u, v) in [(x.b.r, y.b.r), (x.b.k, y.b.k), (x.b.a, y.b.a), (x.a.r, y.a.r), (x.a.k, y.a.k), (x.a.a, y.a.a)] {
                gap = max(gap, (u - v).length)
                size = max(size, v.length)
            }
        }
        // Both converge to 1e-11 of G0's largest entry; they differ by rounding only.
        #expect(gap < 1e-12 * size, "table against per-pair densities: \(gap) of \(size)")
        // The condensed state's densities (G's Nambu-diagonal entries) are proven linear too.
        #expect(try CondensateModel.load(path: CondensationThresholdTests.model).problem.linearDensities?.terms.count == 14)
    }

    /// Causality of Σ^R keeps each species' spectral weight normalised: ∫dω/2π i(G^R − G^A) = 1.
    /// The node sum of G₀ (the same truncation at |ω| ≈ 1.6·10⁴) is the reference, so the tails
    /// cancel; what is left is the node rule's error on Σ[G − G₀], which must shrink with the step
    /// (measured: 1.0·10⁻⁴, 4.7·10⁻⁶, 3.6·10⁻⁷ at steps 1/16, 1/32, 1/64; one-shot, whose Σ is a
    /// closed form, agrees with G₀ to 3·10⁻¹¹ at every step).
    @Test("the converged self-consistent G keeps the spectral sum rule of G0, better as the step shrinks")
    func spectralSumRule() throws {
        var p = CondensationThresholdTests.point
        p["h"] = 1.5
        let (_, n) = try CondensationThresholdTests.numerics(p)
        var gaps: [Double] = []
        for step in [1.0 / 32, 1.0 / 64] {
            let nodes = FrequencyNodes(step: step)
            let sc = try n.greensTable(.selfConsistent, nodes: nodes), g0 = try n.greensTable(.g0, nodes: nodes)
            #expect(n.lastIterations > 1)
            func weight(_ t: [SpeciesBlocks], _ pick: (SpeciesBlocks) -> KeldyshBlock) -> Double {
                zip(t, nodes.w).reduce(0.0) { s, e in s + e.1 * (Complex(0, 1) * (pick(e.0).r - pick(e.0).a)).real } / (2 * Double.pi)
            }
            var gap = 0.0
            for pick in [{ (s: SpeciesBlocks) in s.b }, { (s: SpeciesBlocks) in s.a }] {
                gap = max(gap, abs(weight(sc, pick) - weight(g0, pick)))
                #expect(abs(weight(g0, pick) - 1) < 1e-4)
            }
            gaps.append(gap)
            // Not G₀ or the one-shot G: the iteration moved it.
            let one = try n.greensTable(.oneShot, nodes: nodes)
            #expect((sc[nodes.count / 2].b.r - one[nodes.count / 2].b.r).length > 1e-6)
        }
        #expect(gaps[1] < 1e-6 && gaps[1] < gaps[0] / 4, "sum-rule gaps \(gaps)")
    }

    /// x = cos(x) componentwise (the Dottie number 0.739085133215160641…, a fixed point that plain
    /// iteration reaches only linearly, rate sin(0.739) ≈ 0.67).
    @Test("Anderson mixing converges to the Dottie number")
    func andersonDottie() {
        var mixer = AndersonMixer()
        var x = [0.0, 1.0, 2.0]
        for _ in 0..<30 { x = mixer.next(x: x, image: x.map { Double.cos($0) }) }
        for v in x { #expect(abs(v - 0.7390851332151607) < 1e-13) }
    }
}
