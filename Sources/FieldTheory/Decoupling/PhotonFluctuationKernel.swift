import Symbolic

/// The retarded kernel of the photon's fluctuations about the normal state (paper 000 B9–B15):
/// K₁^R(ω) = ½(tree + C(ω)), the tree part the photon's own (G_δψ⁻¹)^R (row δψ̄_q, column δψ_cl)
/// and C(ω) = i∫dν/2π tr[G(ν)M_y G(ν − ω)M_x] the fermion loop (`SecondOrderKernel`), with
/// M_x = ∂G₀⁻¹/∂δψ̄_q, M_y = ∂G₀⁻¹/∂δψ_cl read from the fermions' kernel in the split action. The
/// ½: B12's vector δΛ = (δψ_cl, δψ_q, δψ̄_cl, δψ̄_q) holds δψ̄_q δψ_cl twice (the R block and the
/// A block at −ω), so K₁^R is half the coefficient of δψ̄_q(ω)δψ_cl(ω).
///
/// Normal state: G diagonal in Nambu, [[R, K], [0, A]] per species, each entry a function of
/// frequency by name — `function("R", "bb")` is G^R_bb(ν), the symbol "GR_bb".
public struct PhotonFluctuationKernel: Sendable {
    /// K₁^R(ω), the loop as an integral over ν.
    public let retarded: Expr
    /// ½(G_δψ⁻¹)^R, the tree part of K₁^R.
    public let tree: Expr
    /// The loop's integrand: K₁^R = tree + ∫dν loopDensity (dν, not dν/2π).
    public let loopDensity: Expr
    public let nu: Symbol
    /// δG₀⁻¹ = G₀⁻¹(⟨ψ⟩ + δψ) − G₀⁻¹(⟨ψ⟩) (B5–B6), linear in the four components of δψ.
    public let vertex: Matrix

    /// G^X_xy as a function of frequency, by name.
    public static func function(_ x: String, _ entry: String) -> Symbol { Symbol.function("G\(x)_\(entry)") }

    public init(_ split: Action, fluctuation: String, spinor: [Field], photonKernel: Matrix) throws {
        let k = try KeldyshKernel.from(split, sector: spinor.map(\.name))
        guard let d = split.field(named: fluctuation) else { throw FieldTheoryError.precondition("no field \(fluctuation)") }
        let mx = k.matrix.map { $0.derivative(d.component(.quantum, barred: true).symbol).expand() }
        let my = k.matrix.map { $0.derivative(d.component(.classical).symbol).expand() }
        var zero: [Expr: Expr] = [:]
        for c in d.indices(.keldysh) { zero[d.component(c).expr] = .zero; zero[d.component(c, barred: true).expr] = .zero }
        vertex = k.matrix.map { ($0 - $0.substitute(zero)).expand() }
        let n = spinor.count
        func g(_ w: Expr) -> Matrix {
            var m = [[Expr]](repeating: [Expr](repeating: .zero, count: 2 * n), count: 2 * n)
            for (i, f) in spinor.enumerated() {
                let e = f.name + f.name
                m[i][i] = Expr.apply(Self.function("R", e), [w])
                m[i][n + i] = Expr.apply(Self.function("K", e), [w])
                m[n + i][n + i] = Expr.apply(Self.function("A", e), [w])
            }
            return Matrix(m)
        }
        nu = Symbol("nu", [.real])
        let loop = SecondOrderKernel.coefficient(propagator: g, barredVertex: mx, vertex: my, nu: nu, omega: .symbol(Action.omega))
        // Row δψ̄_q, column δψ_cl of the photon's kernel [[0, A], [R, K]]: its retarded entry.
        tree = photonKernel[1, 0] / 2
        retarded = tree + loop / 2
        loopDensity = Expr.i * SecondOrderKernel.integrand(propagator: g, barredVertex: mx, vertex: my, nu: .symbol(nu),
                                                           omega: .symbol(Action.omega)) / (4 * Expr.pi)
    }

    public var record: DerivationRecord {
        DerivationRecord(step: "fluctuation-kernel", reference: "paper 000 B9–B15",
                         summary: "K₁^R = ½[(G_δψ⁻¹)^R + i∫dν/2π tr(G(ν)M_cl G(ν − ω)M̄_q)] about the normal state (G diagonal in Nambu)",
                         text: "K1^R(ω) = \(retarded)", latex: "K_1^R(\\omega) = " + retarded.latex)
    }
}
