import Testing
import Symbolic
@testable import Algebra

/// Phase symmetries found from H and the jump operators, the moments they make vanish, and
/// the conserved quantities. Expected values by hand from each Hamiltonian's terms.
@Suite("Symmetries and conserved quantities")
struct SymmetryTests {
    let N = Expr.symbol("N", [.positive])

    /// Eqs. (1)–(2) of 003: every term of H has an even number of a, a†, S^±, T^± (a†a, S^z, T^z,
    /// (a + a†)(S^+ + S^-), aT^+, S^+T^-), and the jump operators a, τ_i^± are odd: the one
    /// symmetry is the Z₂ a → −a, S^± → −S^±, T^± → −T^±; no U(1) ((a + a†)(S^+ + S^-) holds
    /// aS^+ and aS^-, whose charges −q_a + q_S and −q_a − q_S both vanish only for q = 0, and then
    /// aT^+ forces q_T = 0). At second order (26 equations) the odd variables are, by hand, the
    /// means ⟨a⟩, ⟨S^-⟩, ⟨T^-⟩ and the pairs of one odd and one even (S^z, T^z) letter among the
    /// 21 second moments: ⟨a S^z⟩, ⟨a T^z⟩, ⟨S^z S^-⟩, ⟨S^- T^z⟩, ⟨S^z T^-⟩, ⟨T^z T^-⟩: 9 dropped, 17 left.
    @Test func paper003HasOneZ2() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let T = alg.spinEnsemble("T", site: "τ", size: N)
        let p = ["wc", "wz", "wz2", "l", "e", "e2", "k", "u", "d"].map { Expr.symbol($0, [.positive]) }
        let h = p[0] * a.creation * a.annihilation + p[1] * S.z + p[2] * T.z
            + p[3] / Expr.sqrt(N) * (a.annihilation + a.creation) * (S.plus + S.minus)
            + p[4] / Expr.sqrt(N) * (a.annihilation * T.plus + a.creation * T.minus)
            + p[5] / N * (S.plus * T.minus + S.minus * T.plus)
        let sys = try OpenSystem(algebra: alg, hamiltonian: h,
                                 dissipators: [.collective(a.annihilation, rate: p[6]), .perSite(T.sitePlus, rate: p[7]),
                                               .perSite(T.siteMinus, rate: p[8])])
        let found = sys.phaseSymmetries
        #expect(found.count == 1)
        #expect(found.first?.kind == .z2 && found.first?.charges == [1, 1, 1])
        #expect(found.first?.description == "Z₂: a → −a, S^± → −S^±, T^± → −T^±")
        let second = try sys.meanField([a.annihilation, S.minus, T.minus],
                                       options: MeanFieldOptions(order: .secondCumulant, systemSize: N, keepSubleading: true))
        #expect(second.equations.count == 26)
        let reduced = try sys.symmetric(second)
        #expect(reduced.equations.count == 17)
        let dropped = Set(reduced.symmetry!.dropped.map { "\($0.variable)" })
        #expect(dropped == ["⟨a⟩", "⟨S^-⟩", "⟨T^-⟩", "⟨a S^z⟩", "⟨a T^z⟩", "⟨S^z S^-⟩", "⟨S^- T^z⟩", "⟨S^z T^-⟩", "⟨T^z T^-⟩"])
        // No kept right-hand side mentions a dropped variable.
        let gone = Set(reduced.symmetry!.dropped.compactMap { $0.variable.symbol })
        for e in reduced.equations { #expect(e.rhs.freeSymbols.isDisjoint(with: gone)) }
        // S has no dissipator: S² is conserved; T is pumped and damped per site, a is damped: nothing else.
        let conserved = try sys.conservedQuantities(options: MeanFieldOptions(order: .secondCumulant, systemSize: N, keepSubleading: true))
        #expect(conserved.map(\.name) == ["S² = S^+S^- − S^z + (S^z)²"])
    }

    /// Tavis–Cummings, H = w a†a + w S^z + g(aS^+ + a†S^-): every term conserves a†a + S^z, so
    /// U(1) with charges (1, 1); the Z₂ is its θ = π and is not listed again. With loss κD[a]
    /// the charge is not conserved (L†(a†a) ∋ −κa†a); without it, it is. A driven cavity
    /// F(a + a†) has no symmetry.
    @Test func tavisCummingsHasAU1() throws {
        var alg = OperatorAlgebra()
        let a = alg.boson("a")
        let S = alg.spinEnsemble("S", site: "σ", size: N)
        let (w, g, k) = (Expr.symbol("w", [.positive]), Expr.symbol("g", [.positive]), Expr.symbol("k", [.positive]))
        let h = w * a.creation * a.annihilation + w * S.z + g / Expr.sqrt(N) * (a.annihilation * S.plus + a.creation * S.minus)
        let lossy = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [.collective(a.annihilation, rate: k)])
        #expect(lossy.phaseSymmetries.map(\.description) == ["U(1): a → e^{−iθ} a, S^± → e^{±iθ} S^±"])
        let options = MeanFieldOptions(order: .secondCumulant, systemSize: N, keepSubleading: true)
        #expect(try lossy.conservedQuantities(options: options).map(\.name) == ["S² = S^+S^- − S^z + (S^z)²"])
        let closed = try OpenSystem(algebra: alg, hamiltonian: h)
        #expect(try closed.conservedQuantities(options: options).map(\.name)
                == ["S² = S^+S^- − S^z + (S^z)²", "charge of U(1): a → e^{−iθ} a, S^± → e^{±iθ} S^±: a†a + S^z"])
        var one = OperatorAlgebra()
        let b = one.boson("b")
        let driven = try OpenSystem(algebra: one, hamiltonian: w * b.creation * b.annihilation + g * (b.annihilation + b.creation),
                                    dissipators: [.collective(b.annihilation, rate: k)])
        #expect(driven.phaseSymmetries.isEmpty)
    }
}
