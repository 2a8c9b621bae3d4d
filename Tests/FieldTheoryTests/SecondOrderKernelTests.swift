import Testing
import Symbolic
@testable import FieldTheory

/// Paper 000 B15 (K₁^R: the photon's own kernel and the loop) from the second order of the fermions' −i tr ln, with
/// the vertices of the derived δG₀⁻¹ (FluctuationVertexTests) at the normal state (G diagonal in
/// Nambu). Checked (1) against B15 as printed and (2) against a discrete periodic contour of
/// four time slices, where the trace over time is a finite sum of matrix products and the
/// frequencies are the discrete Fourier modes (A12–A13 with Σ_n and (1/N)Σ_k): no convolution
/// formula is used there, so the argument ω′ − ω and the factor are checked, not assumed.
@Suite("Paper 000 B15: the fluctuation kernel from tr(GδGδ)")
struct SecondOrderKernelTests {
    typealias P = Paper000Fixture
    let i = Expr.i
    let g = Paper000Fixture.g

    /// M_x = ∂δG₀⁻¹/∂δψ̄_q and M_y = ∂δG₀⁻¹/∂δψ_cl, from the model's fermion kernel with the split photon.
    func vertices() throws -> (Matrix, Matrix) {
        let k = try KeldyshKernel.from(try P.split(), sector: ["b", "a"])
        let d = Field("dpsi", .boson)
        let mx = k.matrix.map { $0.derivative(d.component(.quantum, barred: true).symbol).expand() }
        let my = k.matrix.map { $0.derivative(d.component(.classical).symbol).expand() }
        return (mx, my)
    }

    /// The normal-state G in Keldysh ⊗ Nambu (rows b¹, a¹, b², a²): [[R, K], [0, A]] per species.
    func normalState(_ entry: (String, String) -> Expr) -> Matrix {
        Matrix([[entry("R", "bb"), 0, entry("K", "bb"), 0], [0, entry("R", "aa"), 0, entry("K", "aa")],
                [0, 0, entry("A", "bb"), 0], [0, 0, 0, entry("A", "aa")]])
    }

    func named(_ x: String, _ s: String, _ nu: Expr) -> Expr { Expr.apply(Symbol.function("G^\(x)_\(s)"), [nu]) }

    @Test func b15AsPrinted() throws {
        let (mx, my) = try vertices()
        let nu = Expr.symbol("nu", [.real]), omega = P.omega
        let integrand = SecondOrderKernel.integrand(propagator: { w in self.normalState { self.named($0, $1, w) } },
                                                    barredVertex: mx, vertex: my, nu: nu, omega: omega)
        // C(ω) = i∫dν/2π tr[…] is the coefficient of δψ̄_q(ω)δψ_cl(ω); B12's δΛ̄D⁻¹δΛ holds that product
        // twice (R block (3,1) and A block (2,4) at −ω), so K₁^R = C/2. B15: K₁^R ⊃ i g²/4 ∫dω′/2π
        // (G^R_bb(ω′)G^K_aa(ω′ − ω) + G^K_bb(ω′)G^A_aa(ω′ − ω)), i.e. tr[…] = (g²/2)(…).
        let b15 = g * g / 2 * (named("R", "bb", nu) * named("K", "aa", nu - omega) + named("K", "bb", nu) * named("A", "aa", nu - omega))
        #expect((integrand - b15).expand().isZero, "tr = \(integrand)")
        // The tree part: S_ψ's coefficient of δψ̄_q(ω)δψ_cl(ω) is (G_δψ⁻¹)^R(ω) = ω + μ_S − ω₀ + iκ in the frame
        // (row δψ̄_q, column δψ_cl of the derived photon kernel), so K₁^R = ½(tree + C) is B15's
        // ½(ω − ω̃₀ + iκ) + …, with ω̃₀ = ω₀ − μ_S the cavity frequency in the frame of the condensate.
        let photon = try PhotonMediatedInteraction(try P.split(), fluctuation: "dpsi").greens.kernel.matrix
        #expect((photon[1, 0] - (omega - (P.w0 - P.muS) + i * P.kappa)).expand().isZero)
        let c = SecondOrderKernel.coefficient(propagator: { w in self.normalState { self.named($0, $1, w) } },
                                              barredVertex: mx, vertex: my, nu: nu.symbol!, omega: omega)
        #expect(c.kind == .binder)
    }

    @Test func discreteContourOfFourSlices() throws {
        let (mx, my) = try vertices()
        let n = 4
        // w = e^{2πi/4} = i; x(t_m) = (1/N)Σ_k w^{−km}X(k) for fields, w^{+km} for barred ones (A13 discretised).
        func w(_ p: Int) -> Expr { [Expr.one, i, Expr.minusOne, Expr.neg(i)][((p % n) + n) % n] }
        func gk(_ x: String, _ s: String, _ k: Int) -> Expr { .symbol(Symbol("G\(x)\(s)_\(((k % n) + n) % n)")) }
        let psiCl = (0..<n).map { Expr.symbol("Pcl_\($0)") }, psiQBar = (0..<n).map { Expr.symbol("Pqbar_\($0)") }
        func gTime(_ m: Int) -> Matrix {
            normalState { x, s in Expr.add((0..<n).map { k in w(-k * m) * gk(x, s, k) }) / Expr.integer(n) }
        }
        func delta(_ m: Int) -> Matrix {
            let cl = Expr.add((0..<n).map { k in w(-k * m) * psiCl[k] }) / Expr.integer(n)
            let qBar = Expr.add((0..<n).map { k in w(k * m) * psiQBar[k] }) / Expr.integer(n)
            return my.map { $0 * cl } + mx.map { $0 * qBar }
        }
        var terms: [Expr] = []
        for a in 0..<n { for b in 0..<n { terms.append((gTime(a - b) * delta(b) * gTime(b - a) * delta(a)).trace) } }
        // The second-order term of −i tr ln(K + δ): (i/2) tr(GδGδ).
        let s2 = (i / 2 * Expr.add(terms)).expand()
        for k in 0..<n {
            // S ⊃ (1/N)Σ_k C(k) X(k)Y(k), the discrete ∫dω/2π; C from the step with (1/N)Σ_ν for ∫dν/2π.
            let coefficient = s2.derivative(psiQBar[k].symbol!).derivative(psiCl[k].symbol!)
            let formula = i * Expr.add((0..<n).map { nu in
                SecondOrderKernel.integrand(propagator: { f in self.normalState { x, s in gk(x, s, f.intValue!) } },
                                            barredVertex: mx, vertex: my, nu: Expr.integer(nu), omega: Expr.integer(k))
            }) / Expr.integer(n)
            #expect((Expr.integer(n) * coefficient - formula).expand().isZero, "k = \(k)")
        }
        // Frequency is conserved: no X(1)Y(2) term.
        #expect(s2.derivative(psiQBar[1].symbol!).derivative(psiCl[2].symbol!).expand().isZero)
        // And the other sign of the transfer (ν + ω, the convolution read the other way) is not it.
        let wrong = i * Expr.add((0..<n).map { nu in
            SecondOrderKernel.integrand(propagator: { f in self.normalState { x, s in gk(x, s, f.intValue!) } },
                                        barredVertex: mx, vertex: my, nu: Expr.integer(nu), omega: Expr.integer(-1))
        }) / Expr.integer(n)
        let c1 = s2.derivative(psiQBar[1].symbol!).derivative(psiCl[1].symbol!)
        #expect(!(Expr.integer(n) * c1 - wrong).expand().isZero)
    }
}
