import Symbolic

/// The photon's saddle point (paper 000 A35, A38): δS_eff/δψ̄_q at ψ_q = 0, with S_eff the
/// photon's own action plus the fermions' −i tr ln G⁻¹ (A34). The photon part is its background
/// source J_bg,q (read by `PhotonMediatedInteraction`); the fermion part is the first order of
/// the tr ln expansion, −i tr(G M) with M = ∂G⁻¹/∂δψ̄_q read from the fermions' kernel in the
/// split action (`TraceLogExpansion.first`), G at equal times. Only the Keldysh block of G
/// meets M (the off-diagonal Nambu entries of the vertex sit in the Keldysh ⊗ Nambu positions
/// of G^K), and G^K is continuous at τ = 0: no equal-time convention enters.
///
/// G at τ = 0 is kept by name: `equalTime("K", "ba")` is G^K_ba(τ = 0), the symbol "GK_ba0". It
/// is the full G (the self-energy in it): A38 is a self-consistency condition, solved in A51–A61.
public struct PhotonSaddlePoint: Sendable {
    /// δS_eff/δψ̄_q at ψ_q = 0.
    public let equation: Expr

    /// G^X_xy(τ = 0) by name.
    public static func equalTime(_ x: String, _ entry: String) -> Expr { .symbol(Symbol("G\(x)_\(entry)0")) }

    public init(_ split: Action, fluctuation: String, spinor: [Field], interaction: PhotonMediatedInteraction) throws {
        let k = try KeldyshKernel.from(split, sector: spinor.map(\.name))
        guard let d = split.field(named: fluctuation) else { throw FieldTheoryError.precondition("no field \(fluctuation)") }
        let m = k.matrix.map { $0.derivative(d.component(.quantum, barred: true).symbol).expand() }
        // Keldysh ⊗ Nambu [[R, K], [0, A]], rows the spinor's components at index 1 then 2.
        let names = spinor.map(\.name)
        func block(_ x: String) -> [[Expr]] {
            names.map { r in names.map { c in PhotonSaddlePoint.equalTime(x, r + c) } }
        }
        let (r, kk, a) = (block("R"), block("K"), block("A"))
        let n = names.count
        var rows: [[Expr]] = []
        for i in 0..<n { rows.append(r[i] + kk[i]) }
        for i in 0..<n { rows.append([Expr](repeating: .zero, count: n) + a[i]) }
        let first = try TraceLogExpansion(propagator: Matrix(rows), perturbation: m).first
        guard let q = d.indices(.keldysh).firstIndex(of: .quantum) else { throw FieldTheoryError.precondition("\(fluctuation) has no quantum component") }
        equation = (interaction.backgroundSource[q] + Expr.neg(Expr.i) * first).expand()
    }

    public var record: DerivationRecord {
        DerivationRecord(step: "photon-saddle-point", reference: "paper 000 A35, A38",
                         summary: "δS_eff/δψ̄_q at ψ_q = 0: the photon's source plus −i tr(G ∂G⁻¹/∂ψ̄_q), G at τ = 0 (GK_ba0 = G^K_ba(τ = 0))",
                         text: "dS_eff/dpsibar_q = \(equation) = 0", latex: "\\frac{\\delta S^{\\mathrm{eff}}}{\\delta\\bar\\psi_q} = " + equation.latex + " = 0")
    }
}
