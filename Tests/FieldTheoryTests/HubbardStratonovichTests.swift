import Testing
import Symbolic
@testable import FieldTheory

/// Paper 000 A22–A32 from the derived A21: the quartic term decoupled with Q_aa^{(c,d)}(t, t′) ~
/// a^c(t)ā^d(t′) and Q_bb^{(c,d)}(t′, t) ~ b^c(t′)b̄^d(t) at λ = i, checked (1) against the
/// coupling matrix read by hand from A21, (2) by integrating Q back out (must give A21 again),
/// (3) against the legible G^A terms of A22 as printed, (4) the self-energy against A24–A32 as
/// printed. Expected values are the paper's, except where a comment names an erratum.
@Suite("Paper 000 A22–A32: Hubbard–Stratonovich decoupling and the self-energy")
struct HubbardStratonovichTests {
    typealias P = Paper000Fixture
    let g = Paper000Fixture.g, t = Paper000Fixture.t, t2 = Paper000Fixture.t2
    let i = Expr.i
    let channels = [(1, 1), (1, 2), (2, 1), (2, 2)]

    func decoupled() throws -> (HubbardStratonovich, Expr) {
        let quartic = try PhotonMediatedInteraction(try P.split(), fluctuation: "dpsi").interaction
        let left = channels.map { (P.f("a", $0.0, at: t), P.f("a", $0.1, bar: true, at: t2)) }
        let right = channels.map { (P.f("b", $0.0, at: t2), P.f("b", $0.1, bar: true, at: t)) }
        let hs = try HubbardStratonovich(quartic, left: left, right: right,
                                         qLeft: channels.map { P.q("a", $0.0, $0.1, t, t2) },
                                         qRight: channels.map { P.q("b", $0.0, $0.1, t2, t) }, scale: i)
        return (hs, quartic)
    }

    @Test func bilocalChannelsAreTheHandBuiltOnes() throws {
        let (hs, quartic) = try decoupled()
        let built = try HubbardStratonovich.bilocal(quartic, left: Field("a", .fermion), right: Field("b", .fermion))
        #expect(built.left == hs.left && built.right == hs.right && built.qLeft == hs.qLeft && built.qRight == hs.qRight)
        #expect(built.decoupled == hs.decoupled)
    }

    @Test func couplingMatrixIsA21ReadByHand() throws {
        // A21's b̄^i(t)a^j(t)ā^k(t′)b^l(t′) = −X^{jk}Y^{li} (three odd moves), so V = +(g²/2)·G with, rows
        // X^{11,12,21,22}, columns Y^{11,12,21,22}: K on X^{jk}Y^{li} for i = j, k = l; R for i = j, k ≠ l;
        // A for i ≠ j, k = l (worked out term by term from A21).
        let (hs, _) = try decoupled()
        let (k, r, a) = (P.gp("K"), P.gp("R"), P.gp("A"))
        let expected = (g * g / 2) * Matrix([[k, a, r, 0], [r, 0, k, a], [a, k, 0, r], [0, r, a, k]])
        #expect(hs.coupling == expected.map { $0.expand() }, "V = \(hs.coupling)")
    }

    @Test func integratingQBackOutReturnsA21() throws {
        let (hs, quartic) = try decoupled()
        let back = try hs.integratedBack()
        #expect((back.exponent - quartic).cancelledByWord().isZero)
        #expect(!quartic.isZero)
    }

    /// Each term with ā at t′ written with t ↔ t′ exchanged (the paper's symmetrised form).
    func oriented(_ e: Expr) -> Expr {
        let bars = [P.f("a", 1, bar: true, at: t2), P.f("a", 2, bar: true, at: t2)]
        let swap: [Expr: Expr] = [t: t2, t2: t]
        return Expr.add(distribute(e).terms.map { term in
            bars.contains { term.substitute([$0: .zero]) != term } ? term.substitute(swap) : term
        })
    }

    @Test func advancedTermsOfA22AsPrintedUpToOneIndex() throws {
        // The legible lines of A22 (the G^A terms). ERRATUM: the last line prints
        // ā²(t)G^A(t′,t)Q_bb^{(1,2)}(t,t′)a¹(t′); the derivation (and A22's own Q_aa^{(1,2)}Q_bb^{(2,2)}
        // partner term, and A31) give Q_bb^{(2,2)}. The expected value below uses (2,2).
        let (hs, _) = try decoupled()
        func b(_ c: Int, bar: Bool = false, _ time: Expr) -> Expr { P.f("b", c, bar: bar, at: time) }
        func a(_ c: Int, bar: Bool = false, _ time: Expr) -> Expr { P.f("a", c, bar: bar, at: time) }
        let ga = P.gp("A"), gaBack = P.gp("A", t2, t)
        func qa(_ c: Int, _ d: Int) -> Expr { P.q("a", c, d, t, t2) }
        func qbQ(_ c: Int, _ d: Int) -> Expr { P.q("b", c, d, t2, t) }   // in the Q Q terms: Q_bb(t′, t)
        func qbL(_ c: Int, _ d: Int) -> Expr { P.q("b", c, d, t, t2) }   // in the linear a-terms: Q_bb(t, t′)
        let g2 = g * g
        let printed: [Expr] = [
            g2 / 8 * ga * qa(2, 1) * qbQ(1, 1),
            -i * g2 / 4 * (b(1, bar: true, t) * ga * qa(2, 1) * b(1, t2) + a(1, bar: true, t) * gaBack * qbL(1, 1) * a(2, t2)),
            g2 / 8 * ga * qa(2, 2) * qbQ(2, 1),
            -i * g2 / 4 * (b(1, bar: true, t) * ga * qa(2, 2) * b(2, t2) + a(2, bar: true, t) * gaBack * qbL(2, 1) * a(2, t2)),
            g2 / 8 * ga * qa(1, 1) * qbQ(1, 2),
            -i * g2 / 4 * (b(2, bar: true, t) * ga * qa(1, 1) * b(1, t2) + a(1, bar: true, t) * gaBack * qbL(1, 2) * a(1, t2)),
            g2 / 8 * ga * qa(1, 2) * qbQ(2, 2),
            -i * g2 / 4 * (b(2, bar: true, t) * ga * qa(1, 2) * b(2, t2) + a(2, bar: true, t) * gaBack * qbL(2, 2) * a(1, t2)),
        ]
        let derived = oriented(hs.decoupled)
        let advanced = Expr.add(derived.terms.filter { $0.substitute([ga: .zero, gaBack: .zero]) != $0 })
        #expect((advanced - oriented(Expr.add(printed))).expand().isZero, "derived G^A part: \(advanced)")
        // The printed index, Q_bb^{(1,2)}, is not what the derivation gives.
        var asPrinted = printed
        asPrinted[7] = -i * g2 / 4 * (b(2, bar: true, t) * ga * qa(1, 2) * b(2, t2) + a(2, bar: true, t) * gaBack * qbL(1, 2) * a(1, t2))
        #expect(!(advanced - oriented(Expr.add(asPrinted))).expand().isZero)
    }

    @Test func selfEnergyIsA24toA32AsPrinted() throws {
        let (hs, _) = try decoupled()
        let bars = [P.f("b", 1, bar: true, at: t), P.f("a", 1, bar: true, at: t), P.f("b", 2, bar: true, at: t), P.f("a", 2, bar: true, at: t)]
        let fields = [P.f("b", 1, at: t2), P.f("a", 1, at: t2), P.f("b", 2, at: t2), P.f("a", 2, at: t2)]
        let sigma = try SelfEnergy(hs.linear, bars: bars, fields: fields, times: Action.time, PhotonMediatedInteraction.otherTime)
        #expect(sigma.rest.isZero)
        // A25–A32: G(τ) = G(t, t′), G(−τ) = G(t′, t), Q(τ) = Q(t, t′).
        let c = Expr.neg(i) * g * g / 4
        let (k, r, a) = (P.gp("K"), P.gp("R"), P.gp("A"))
        let (km, rm, am) = (P.gp("K", t2, t), P.gp("R", t2, t), P.gp("A", t2, t))
        func qa(_ x: Int, _ y: Int) -> Expr { P.q("a", x, y, t, t2) }
        func qb(_ x: Int, _ y: Int) -> Expr { P.q("b", x, y, t, t2) }
        let bb11 = c * (k * qa(1, 1) + r * qa(1, 2) + a * qa(2, 1))       // A25
        let bb12 = c * (k * qa(1, 2) + r * qa(1, 1) + a * qa(2, 2))       // A26
        let bb21 = c * (k * qa(2, 1) + r * qa(2, 2) + a * qa(1, 1))       // A27
        let bb22 = c * (k * qa(2, 2) + r * qa(2, 1) + a * qa(1, 2))       // A28
        let aa11 = c * (km * qb(1, 1) + rm * qb(2, 1) + am * qb(1, 2))    // A29
        let aa12 = c * (km * qb(1, 2) + rm * qb(2, 2) + am * qb(1, 1))    // A30
        let aa21 = c * (km * qb(2, 1) + rm * qb(1, 1) + am * qb(2, 2))    // A31
        let aa22 = c * (km * qb(2, 2) + rm * qb(1, 2) + am * qb(2, 1))    // A32
        // A24: rows (b̄¹, ā¹, b̄², ā²), columns (b¹, a¹, b², a²); no Nambu off-diagonal entries.
        let expected = Matrix([[bb11, 0, bb12, 0], [0, aa11, 0, aa12], [bb21, 0, bb22, 0], [0, aa21, 0, aa22]])
        for row in 0..<4 {
            for col in 0..<4 {
                #expect((sigma.matrix[row, col] - expected[row, col]).expand().isZero, "Σ(\(row),\(col)) = \(sigma.matrix[row, col])")
            }
        }
        let spinor = try SelfEnergy.spinor(hs.linear, fields: [Field("b", .fermion), Field("a", .fermion)])
        #expect(spinor.matrix == sigma.matrix)
        // With the Dyson sign of B2 (G⁻¹ = G₀⁻¹ − Σ) every entry changes sign.
        let dyson = try SelfEnergy(hs.linear, bars: bars, fields: fields, times: Action.time, PhotonMediatedInteraction.otherTime, sign: .dyson)
        #expect((dyson.matrix[0, 0] + bb11).expand().isZero)
    }

    @Test func saddlePointInQIsTwoOverLambdaTimesTheBilinear() throws {
        // A37 on a finite shadow with one channel: S₄ = v (aā)(bb̄) beside ā α a + b̄ β b. The fermions
        // integrated exactly (Berezin) with the decoupled linear terms give Z_f(Q); then, identically in Q,
        // ∂/∂Q^Y [−i ln Z_f + S_Q] = v(½λ⟨aā⟩_Q − ¼λ²Q^X), ⟨aā⟩_Q by Berezin too: the saddle point is
        // Q^X = (2/λ)⟨aā⟩ = (2/λ)·iG. With λ = i (fixed by A22's printed coefficients) Q = +2G.
        // READING (A39): the paper prints Q = −2G.
        func odd(_ n: String) -> Expr { .symbol(Symbol(n, [], commutation: .grassmann)) }
        let (a, aBar, b, bBar) = (odd("sa"), odd("sabar"), odd("sb"), odd("sbbar"))
        let (alpha, beta, v) = (Expr.symbol("alpha"), Expr.symbol("beta"), Expr.symbol("v"))
        let (qx, qy) = (Expr.symbol("QX"), Expr.symbol("QY"))
        let hs = try HubbardStratonovich(v * a * aBar * b * bBar, left: [(a, aBar)], right: [(b, bBar)], qLeft: [qx], qRight: [qy], scale: i)
        let pairs = [(aBar, a), (bBar, b)]
        let weight = Berezin.exponential(i * (aBar * alpha * a + bBar * beta * b + hs.linear), order: 2)
        let z = Berezin.integrate(weight, pairs: pairs)
        let meanX = Berezin.integrate(a * aBar * weight, pairs: pairs) / z
        let dS = Expr.neg(i) * z.derivative(qy.symbol!) / z + hs.quadratic.derivative(qy.symbol!)
        #expect((dS - v * (i / 2 * meanX - (i * i) / 4 * qx)).cancel().isZero)   // ½λ⟨X⟩ − ¼λ²Q^X at λ = i
        // So at dS = 0: Q^X = (2/λ)⟨aā⟩, and ⟨aā⟩ = iG (correlatorIsIATimesInverseByBerezin): Q^X = 2G at λ = i.
        let gaa = Expr.symbol("G_aa")
        #expect((hs.saddlePointFactor * i * gaa - 2 * gaa).expand().isZero)
    }
}
