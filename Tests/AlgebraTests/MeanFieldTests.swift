import Testing
import TestSupport
import Symbolic
@testable import Algebra

@Suite("Mean field: variables, cumulants, closure, N-scaling")
struct MeanFieldTests {
    let N = Expr.symbol("N", [.positive])
    let w = Expr.symbol("ω", [.real]), kappa = Expr.symbol("κ", [.positive]), f = Expr.symbol("F", [.real])
    let up = Expr.symbol("γ↑", [.positive]), down = Expr.symbol("γ↓", [.positive])
    let second = MeanFieldOptions(order: .secondCumulant)

    @Test func variablesAndConjugates() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let sys = try OpenSystem(algebra: alg, hamiltonian: 0)
        // ⟨a†⟩ = conj⟨a⟩, ⟨S^+⟩ = conj⟨S^-⟩, ⟨S^z⟩ and ⟨a†a⟩ real (Hermitian).
        #expect(try sys.expectation(a.creation) == Expr.conj(try sys.expectation(a.annihilation)))
        #expect(try sys.expectation(S.plus) == Expr.conj(try sys.expectation(S.minus)))
        #expect(try sys.expectation(S.z).isReal)
        #expect(try sys.expectation(a.creation * a.annihilation, options: second).isReal)
        // First order: ⟨a†a S^z⟩ ≈ ⟨a†⟩⟨a⟩⟨S^z⟩; ⟨a a†⟩ = ⟨a†a⟩ + 1 ≈ |⟨a⟩|² + 1.
        let (al, sz) = (try sys.expectation(a.annihilation), try sys.expectation(S.z))
        #expect(try sys.expectation(a.creation * a.annihilation * S.z) == Expr.conj(al) * al * sz)
        #expect(try sys.expectation(a.annihilation * a.creation) == Expr.conj(al) * al + 1)
        // Intensive: ⟨a⟩ = √N α, ⟨S^z⟩ = N s^z.
        let intensive = MeanFieldOptions(systemSize: N)
        #expect(try sys.expectation(a.annihilation * S.z, options: intensive) == Expr.pow(N, Expr.rational(3, 2)) * al * sz)
    }

    @Test func secondOrderCumulantExpansion() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let sys = try OpenSystem(algebra: alg, hamiltonian: 0)
        func e(_ o: Expr) throws -> Expr { try sys.expectation(o, options: second) }
        let (ad, al, sz) = (a.creation, a.annihilation, S.z)
        // Appendix E of 003: ⟨ABC⟩ ≈ ⟨AB⟩⟨C⟩ + ⟨AC⟩⟨B⟩ + ⟨BC⟩⟨A⟩ − 2⟨A⟩⟨B⟩⟨C⟩, A = a†, B = a, C = S^z.
        let expected = try e(ad * al) * e(sz) + e(ad * sz) * e(al) + e(al * sz) * e(ad) - 2 * e(ad) * e(al) * e(sz)
        #expect(same(try e(ad * al * sz), expected))
        // ⟨a† S^z⟩ is the conjugate of the variable ⟨a S^z⟩.
        #expect(try e(ad * sz) == Expr.conj(try e(al * sz)))
        // Second method for four operators: with every pair uncorrelated (⟨XY⟩ = ⟨X⟩⟨Y⟩) the
        // truncated moment must reduce to the product of the four means.
        let word = ad * ad * al * S.minus
        var pairs: [Symbol: Expr] = [:]
        for (x, y) in [(ad, ad), (ad, al), (ad, S.minus), (al, S.minus)] {
            // ⟨XY⟩ is a variable v or conj(v); uncorrelated means v = ⟨X⟩⟨Y⟩ (or its conjugate).
            let pair = try e(x * y), product = try e(x) * e(y)
            if pair.builtin == .conj { pairs[pair.children[0].symbol!] = Expr.conjugate(product) }
            else { pairs[pair.symbol!] = product }
        }
        #expect(pairs.count == 4)
        let reduced = (try e(word)).substitute(pairs)
        #expect(same(reduced, try sys.expectation(word)))
        #expect(!same(try e(word), try sys.expectation(word)))
    }

    @Test func secondOrderClosure() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let sys = try OpenSystem(algebra: alg, hamiltonian: w * a.creation * a.annihilation + f * (a.annihilation + a.creation),
                                 dissipators: [.collective(a.annihilation, rate: kappa)])
        let mf = try sys.meanField([a.creation * a.annihilation], options: second)
        // By hand: i[F(a + a†), a†a] = iF(a − a†), so d⟨a†a⟩/dt = −κ⟨a†a⟩ + iF(⟨a⟩ − ⟨a†⟩),
        // and d⟨a⟩/dt = −(iω + κ/2)⟨a⟩ − iF: the closure adds ⟨a⟩.
        let (n, al) = (try sys.expectation(a.creation * a.annihilation, options: second), try sys.expectation(a.annihilation))
        #expect(same(try mf.rhs(for: n), -kappa * n + Expr.i * f * (al - Expr.conj(al))))
        #expect(same(try mf.rhs(for: al), -(Expr.i * w + kappa / 2) * al - Expr.i * f))
        #expect(mf.added == [a.annihilation])
    }

    @Test func kerrClosureByHand() throws {
        // By hand: [a, a†a†aa] = 2a†aa, so d a/dt = i[χ a†a†aa, a] = −2iχ a†aa, and the
        // closure of Appendix E with A = a†, B = a, C = a (pairs in their word order):
        // ⟨a†aa⟩ ≈ 2⟨a†a⟩⟨a⟩ + ⟨aa⟩⟨a†⟩ − 2⟨a†⟩⟨a⟩⟨a⟩.
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let chi = Expr.symbol("χ", [.real])
        let sys = try OpenSystem(algebra: alg, hamiltonian: chi * a.creation * a.creation * a.annihilation * a.annihilation)
        let mf = try sys.meanField([a.annihilation], options: second)
        let (al, n, m) = (try sys.expectation(a.annihilation), try sys.expectation(a.creation * a.annihilation, options: second),
                          try sys.expectation(a.annihilation * a.annihilation, options: second))
        #expect(same(try mf.rhs(for: al), -2 * Expr.i * chi * (2 * n * al + m * Expr.conj(al) - 2 * Expr.conj(al) * al * al)))
        // The record says what was closed: ⟨a†aa⟩ in d⟨a⟩/dt, and the triple words met in the
        // equations of ⟨a†a⟩ and ⟨aa⟩ (d⟨aa⟩/dt = −2iχ(2⟨a†aaa⟩ + ⟨aa⟩) by the same rule).
        #expect(mf.closure.order == .secondCumulant)
        #expect(mf.closure.factorised.contains(a.creation * a.annihilation * a.annihilation))
        #expect(!mf.closure.factorised.contains(a.creation * a.annihilation))
        // First order factorises ⟨a†aa⟩ and names no product variable; naming a†a at first order
        // is recorded as a product variable (derive prints a warning for it).
        let first = try sys.meanField([a.annihilation])
        #expect(first.closure.factorised == [a.creation * a.annihilation * a.annihilation])
        #expect(first.closure.productVariables.isEmpty)
        let named = try sys.meanField([a.creation * a.annihilation])
        #expect(named.closure.productVariables == [a.creation * a.annihilation])
    }

    @Test func productStateMomentsOfSpinsAndBosons() throws {
        // A product state: ⟨a†a⟩ = |α|² (coherent), ⟨a S^z⟩ = α⟨S^z⟩, and for one ensemble
        // ⟨S^+S^-⟩ = N(N−1)|m|² + N(1/2 + m_z) (Σ_{i≠j} plus the sites, σ^+σ^- = 1/2 + σ^z),
        // intensive: (1 − 1/N)|m|² + (1/2 + m_z)/N; ⟨S^z S^z⟩: (1 − 1/N)m_z² + 1/(4N).
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let sys = try OpenSystem(algebra: alg, hamiltonian: 0)
        let mf = try sys.meanField([a.annihilation, S.minus, S.z, a.creation * a.annihilation, a.annihilation * S.z,
                                    S.plus * S.minus, S.z * S.z], options: second)
        let f = try sys.productStateMoments(of: mf, intensive: true)
        let (al, m, mz) = (try sys.expectation(a.annihilation), try sys.expectation(S.minus), try sys.expectation(S.z))
        func v(_ o: Expr) throws -> Symbol { try sys.expectation(o, options: second).symbol! }
        #expect(same(f[try v(a.creation * a.annihilation)]!, Expr.conj(al) * al))
        #expect(same(f[try v(a.annihilation * S.z)]!, al * mz))
        #expect(same(f[try v(S.plus * S.minus)]!, (1 - 1 / N) * Expr.conj(m) * m + (Expr.rational(1, 2) + mz) / N))
        #expect(same(f[try v(S.z * S.z)]!, (1 - 1 / N) * mz * mz + 1 / (4 * N)))
        // Extensive variables: ⟨S^+S^-⟩ = (1 − 1/N)⟨S^+⟩⟨S^-⟩ + N/2 + ⟨S^z⟩.
        let e = try sys.productStateMoments(of: mf, intensive: false)
        #expect(same(e[try v(S.plus * S.minus)]!, (1 - 1 / N) * Expr.conj(m) * m + N / 2 + mz))
        #expect(f.count == 4)
    }

    @Test func subleadingTermsAreReported() throws {
        var alg = OperatorAlgebra()
        let T = alg.spinEnsemble("T", site: "τ", size: N)
        let sys = try OpenSystem(algebra: alg, hamiltonian: 0,
                                 dissipators: [.perSite(T.sitePlus, rate: up), .perSite(T.siteMinus, rate: down)])
        // d(T^+T^-)/dt = −γ_t T^+T^- + γ↑N (LindbladTests); ⟨T^+T^-⟩ = N² x, so the pump term
        // is γ↑/N relative to the left-hand side: dropped as N → ∞ and reported.
        let leading = try sys.meanField([T.plus * T.minus], options: MeanFieldOptions(order: .secondCumulant, systemSize: N))
        let x = leading.variables[0]
        #expect(same(leading.equations[0].rhs, -(up + down) * x))
        #expect(leading.equations[0].subleading.count == 1)
        #expect(same(leading.equations[0].subleading[0], up / N))
        let all = try sys.meanField([T.plus * T.minus],
                                    options: MeanFieldOptions(order: .secondCumulant, systemSize: N, keepSubleading: true))
        #expect(same(all.equations[0].rhs, -(up + down) * x + up / N))
    }

    @Test func termsGrowingFasterThanTheLeftHandSideAreErrors() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        // H = g N (a + a†): d⟨a⟩/dt = −igN while ⟨a⟩ ~ √N, a term of relative order √N.
        let g = Expr.symbol("g", [.real])
        let sys = try OpenSystem(algebra: alg, hamiltonian: g * N * (a.annihilation + a.creation))
        #expect(throws: AlgebraError.self) {
            try sys.meanField([a.annihilation], options: MeanFieldOptions(systemSize: N))
        }
        // With g√N (the extensive drive of a coherent state) it is leading order: −ig.
        let ok = try OpenSystem(algebra: alg, hamiltonian: g * Expr.sqrt(N) * (a.annihilation + a.creation))
        let mf = try ok.meanField([a.annihilation], options: MeanFieldOptions(systemSize: N))
        #expect(same(mf.equations[0].rhs, -Expr.i * g))
    }
}

