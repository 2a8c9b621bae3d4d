import Symbolic

/// What the saddle-point equations A60–A61 of paper 000 need at a condensate ψ ≠ 0, derived:
/// the photon's saddle point A38 (`PhotonSaddlePoint`: source plus −i tr(G ∂G⁻¹/∂ψ̄_q), with
/// G^K_ba(τ = 0) kept by name), the fermions' 4 × 4 kernel with the background in place, and
/// the six Nambu-diagonal entries of G₀ that Σ of A53–A58 is built from.
///
/// The condensate's phase is free (the action is U(1) invariant: ψ → e^{iθ}ψ with the
/// fermions' relative phase), so ψ_f is taken real and nonnegative: `amplitude` replaces ψ_f
/// and ψ̄_f. At ψ ≠ 0, G₀ is not diagonal in Nambu space: its retarded block is
/// adj(K^R)/det K^R with det K^R quadratic in ω (the Rabi-split poles), G^K = −G^R K^K G^A.
/// The entries are built in that factored form (the two determinants stay separate factors,
/// so the poles are found factor by factor) and checked against the derived G₀ by cancelling.
public struct CondensedStateEquations: Sendable {
    /// The density's and photon's side (ψ-independent: Σ of A52 is Nambu-diagonal in G's entries).
    public let normal: NormalStateEquations
    /// The real amplitude ψ_f ≥ 0 standing for the model's complex background symbol.
    public let amplitude: Symbol
    /// G₀⁻¹(ω) at ψ_f = amplitude, layout (b¹, a¹, b², a²), distributions written out.
    public let kernel: Matrix
    /// G₀ entries in ω: the six Nambu-diagonal ones of `NormalStateEquations.entries` and "K_ba".
    public let greens: [String: Expr]
    /// A38: δS_eff/δψ̄_q at ψ_q = 0, linear in `equalTime` (G^K_ba(τ = 0) = ∫dω/2π G^K_ba(ω)).
    public let saddlePoint: Expr
    public let equalTime: Symbol

    /// `kernel`: the spinor's kernel with the background in place; `background`: the complex
    /// symbol(s) the background is made of (one: the condensate's amplitude); `saddlePoint`:
    /// the chain's A38.
    public init(normal: NormalStateEquations, kernel: KeldyshKernel, background: [Symbol], saddlePoint: PhotonSaddlePoint,
                distributions: [FunctionDefinition]) throws {
        guard background.count == 1, let psi = background.first else {
            throw FieldTheoryError.precondition("the condensate needs a background of one amplitude (got \(background.map(\.name)))")
        }
        self.normal = normal
        let real = Symbol(psi.name, [.real])
        amplitude = real
        let toReal: [Expr: Expr] = [.symbol(psi): .symbol(real), Expr.conj(.symbol(psi)): .symbol(real)]
        func written(_ e: Expr) -> Expr { e.expandingDefinitions(distributions).substitute(toReal) }
        let k = kernel.matrix.map { written($0) }
        self.kernel = k
        // Nambu blocks of the Keldysh-triangular kernel [[K^R, K^K], [0, K^A]].
        func block(_ r0: Int, _ c0: Int) -> [[Expr]] { (0..<2).map { r in (0..<2).map { c in k[r0 + r, c0 + c] } } }
        let (kr, kk, ka) = (block(0, 0), block(0, 2), block(2, 2))
        for r in 0..<2 { for c in 0..<2 where !k[2 + r, c].isZero {
            throw FieldTheoryError.inconsistent("G₀⁻¹ is not Keldysh-triangular: entry (\(2 + r), \(c)) = \(k[2 + r, c])")
        } }
        func adjugate(_ m: [[Expr]]) -> [[Expr]] { [[m[1][1], .neg(m[0][1])], [.neg(m[1][0]), m[0][0]]] }
        let detR = (kr[0][0] * kr[1][1] - kr[0][1] * kr[1][0]).expand()
        let detA = (ka[0][0] * ka[1][1] - ka[0][1] * ka[1][0]).expand()
        let (ar, aa) = (adjugate(kr), adjugate(ka))
        let invR = Expr.pow(detR, .minusOne), invA = Expr.pow(detA, .minusOne)
        func keldysh(_ i: Int, _ j: Int) -> Expr {
            var terms: [Expr] = []
            for p in 0..<2 { for q in 0..<2 { terms.append(ar[i][p] * kk[p][q] * aa[q][j]) } }
            return Expr.neg(Expr.add(terms).expand()) * invR * invA
        }
        var g: [String: Expr] = [:]
        for (i, s) in ["bb", "aa"].enumerated() {
            g["R_" + s] = ar[i][i] * invR
            g["A_" + s] = aa[i][i] * invA
            g["K_" + s] = keldysh(i, i)
        }
        g["K_ba"] = keldysh(0, 1)
        greens = g
        equalTime = Symbol("GK_ba0")
        self.saddlePoint = written(saddlePoint.equation)
        guard self.saddlePoint.contains(equalTime) else {
            throw FieldTheoryError.inconsistent("the photon's saddle point holds no G^K_ba(τ = 0): \(self.saddlePoint)")
        }
    }

    /// The factored entries against the derived G₀ (`GreensFunction`, ψ_f and ψ̄_f replaced by
    /// the amplitude): their differences cancel to 0. Positions in the layout (b¹, a¹, b², a²).
    public func agrees(with derived: GreensFunction, distributions: [FunctionDefinition], background: Symbol) -> [String] {
        let toReal: [Expr: Expr] = [.symbol(background): .symbol(amplitude), Expr.conj(.symbol(background)): .symbol(amplitude)]
        let positions: [String: (Int, Int)] = ["R_bb": (0, 0), "R_aa": (1, 1), "A_bb": (2, 2), "A_aa": (3, 3),
                                               "K_bb": (0, 2), "K_aa": (1, 3), "K_ba": (0, 3)]
        var wrong: [String] = []
        for (name, (r, c)) in positions.sorted(by: { $0.key < $1.key }) {
            let d = derived.matrix[r, c].expandingDefinitions(distributions).substitute(toReal)
            if !(greens[name]! - d).cancel().isZero { wrong.append(name) }
        }
        return wrong
    }
}
