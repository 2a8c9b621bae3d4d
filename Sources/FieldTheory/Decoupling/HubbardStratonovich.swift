import Symbolic

/// Hubbard–Stratonovich decoupling of a quartic Grassmann term written in two families of
/// even bilinears (paper 000 A22),
///
///     S₄ = Σ_mn X_m V_mn Y_n,   X_m = u_m v_m,   Y_n = w_n z_n   (u, v, w, z odd),
///
/// with one bosonic field per bilinear, Q^X_m ~ X_m and Q^Y_n ~ Y_n (for A22: X^{cd} =
/// a^c(t)ā^d(t′) → Q_aa^{(c,d)}(t, t′), Y^{c′d′} = b^{c′}(t′)b̄^{d′}(t) → Q_bb^{(c′,d′)}(t′, t)):
///
///     S_HS = Σ_mn V_mn [ −¼λ² Q^X_m Q^Y_n + ½λ Q^X_m Y_n + ½λ X_m Q^Y_n ].
///
/// The Gaussian weight is chosen so that integrating the Q's back out returns S₄ exactly: with
/// Q^Y the fields and Q^X the bars of `GaussianIntegration` (bosons), A = −¼λ²V, J̄ = ½λXV,
/// J = ½λVY, and −J̄A⁻¹J = XVY (`integratedBack` does it, and the tests compare with S₄). V
/// must be invertible for that integral; the decoupled action itself never uses V⁻¹. The
/// saddle point of S_HS in Q is Q^X = 2X/λ, Q^Y = 2Y/λ, the source of "Q ~ ⟨φφ̄⟩". λ scales the
/// fields: λ = i is the paper's choice (its A22 has +g²/8 G Q Q and −i g²/4 φ̄ G Q φ for
/// S₄ = (g²/2) G X Y). The Q integrals are over independent Q^X, Q^Y (a contour on which the
/// Gaussian converges), the usual reading of a decoupling of a non-Hermitian kernel.
public struct HubbardStratonovich: Sendable {
    public let left: [Expr]
    public let right: [Expr]
    /// V, read from S₄.
    public let coupling: Matrix
    public let qLeft: [Expr]
    public let qRight: [Expr]
    public let scale: Expr
    /// Σ V (−¼λ² Q^X Q^Y).
    public let quadratic: Expr
    /// Σ V (½λ Q^X Y + ½λ X Q^Y): the terms that become the self-energy.
    public let linear: Expr

    /// `left[m]` = (u_m, v_m), `right[n]` = (w_n, z_n); `qLeft`, `qRight` the new fields.
    public init(_ quartic: Expr, left: [(Expr, Expr)], right: [(Expr, Expr)], qLeft: [Expr], qRight: [Expr],
                scale: Expr = .one) throws {
        guard left.count == qLeft.count, right.count == qRight.count, !left.isEmpty, !right.isEmpty else {
            throw FieldTheoryError.precondition("one Hubbard–Stratonovich field per bilinear")
        }
        let s = distribute(quartic)
        // V_mn = ∂_z ∂_w ∂_v ∂_u S₄ (left derivatives: ∂_u(u v w z) = v w z, …, so c·u v w z gives c).
        var v = [[Expr]](repeating: [Expr](repeating: .zero, count: right.count), count: left.count)
        for (m, x) in left.enumerated() {
            let dx = s.derivative(withRespectTo: x.0).derivative(withRespectTo: x.1)
            for (n, y) in right.enumerated() {
                v[m][n] = distribute(dx.derivative(withRespectTo: y.0).derivative(withRespectTo: y.1)).cancelledByWord()
            }
        }
        self.left = left.map { Expr.mul($0.0, $0.1) }
        self.right = right.map { Expr.mul($0.0, $0.1) }
        self.coupling = Matrix(v)
        self.qLeft = qLeft
        self.qRight = qRight
        self.scale = scale
        var rebuilt: [Expr] = [], quadratic: [Expr] = [], linear: [Expr] = []
        let quarter = Expr.neg(scale * scale) / 4, half = scale / 2
        for m in left.indices {
            for n in right.indices where !v[m][n].isZero {
                rebuilt.append(Expr.mul([self.left[m], v[m][n], self.right[n]]))
                quadratic.append(Expr.mul([quarter, v[m][n], qLeft[m], qRight[n]]))
                linear.append(Expr.mul([half, v[m][n], qLeft[m], self.right[n]]))
                linear.append(Expr.mul([half, v[m][n], self.left[m], qRight[n]]))
            }
        }
        let remainder = distribute(s - Expr.add(rebuilt)).expand().cancelledByWord()
        guard remainder.isZero else {
            throw FieldTheoryError.inconsistent("the quartic term is not Σ X V Y in the given bilinears: \(remainder) is left")
        }
        self.quadratic = distribute(Expr.add(quadratic))
        self.linear = distribute(Expr.add(linear))
    }

    /// 2/λ: at the saddle point in Q (A37), Q^X_m = (2/λ)⟨X_m⟩ and Q^Y_n = (2/λ)⟨Y_n⟩. From
    /// ∂/∂Q^Y_n [−i ln Z_f(Q) + S_Q] = Σ_m V_mn (½λ⟨X_m⟩ − ¼λ²Q^X_m) = 0 (−i∂ ln Z_f = ⟨∂S_f⟩) and V
    /// invertible. With ⟨φφ̄⟩ = iG (`GaussianIntegration.correlator`) and λ = i this is Q = 2G
    /// for Q_aa(t, t′) ~ a(t)ā(t′); paper 000 A39 prints Q = −2G.
    public var saddlePointFactor: Expr { 2 / scale }

    /// The channels of paper 000 A22 for two fermion species x, y of a rotated action at the two
    /// times t, t′ (`PhotonMediatedInteraction.component`): X^{cd} = x^c(t)x̄^d(t′) with
    /// Q_xx^{(c,d)}(t, t′) and Y^{cd} = y^c(t′)ȳ^d(t) with Q_yy^{(c,d)}(t′, t), c, d ∈ {1, 2}.
    public static func bilocal(_ quartic: Expr, left x: Field, right y: Field, scale: Expr = Expr.i) throws -> HubbardStratonovich {
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        let indices: [(ContourIndex, ContourIndex)] = [(.one, .one), (.one, .two), (.two, .one), (.two, .two)]
        func at(_ f: Field, _ c: ContourIndex, _ barred: Bool, _ time: Expr) -> Expr {
            PhotonMediatedInteraction.component(f.component(c, barred: barred), at: time)
        }
        return try HubbardStratonovich(quartic, left: indices.map { (at(x, $0.0, false, t), at(x, $0.1, true, t2)) },
                                       right: indices.map { (at(y, $0.0, false, t2), at(y, $0.1, true, t)) },
                                       qLeft: indices.map { auxiliary(x, $0.0, $0.1, t, t2) },
                                       qRight: indices.map { auxiliary(y, $0.0, $0.1, t2, t) }, scale: scale)
    }

    /// Q_xx^{(c,d)}(t1, t2), the name A22 gives the auxiliary field of x^c x̄^d.
    public static func auxiliary(_ x: Field, _ c: ContourIndex, _ d: ContourIndex, _ t1: Expr, _ t2: Expr) -> Expr {
        Expr.apply(Symbol.function("Q_\(x.name)\(x.name)^(\(c.rawValue),\(d.rawValue))", slots: [.time, .time]), [t1, t2])
    }

    /// S_HS = quadratic + linear.
    public var decoupled: Expr { quadratic + linear }

    /// The Q's integrated back out (bosons: Q^Y fields, Q^X bars); its `exponent` is S₄.
    public func integratedBack() throws -> GaussianIntegration {
        try GaussianIntegration.integrate(decoupled, fields: qRight, bars: qLeft, statistics: .boson, kernelName: "V_Q")
    }

    public var record: DerivationRecord {
        DerivationRecord(step: "hubbard-stratonovich", reference: "paper 000 A22",
                         summary: "S₄ = X V Y decoupled: Σ V (−¼λ² Q^X Q^Y + ½λ Q^X Y + ½λ X Q^Y), λ = \(scale)",
                         text: "S_HS = \(decoupled)", latex: "S_{\\mathrm{HS}} = " + BilocalLatex.latex(decoupled))
    }
}
