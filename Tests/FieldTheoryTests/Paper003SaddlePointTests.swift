import Testing
import TestSupport
import Symbolic
import Algebra
@testable import FieldTheory

/// Paper 003's Hamiltonian (Eq. 1) with its photon loss κD[a], the spin ensembles S and T as
/// Schwinger bosons: the Keldysh saddle point, read back in the mean-field variables, is the
/// Algebra layer's (A1) at γ↑ = γ↓ = 0, and the quadratic fluctuations of the Schwinger and
/// photon fields give its linearisation. (The per-site pumping of T has no classical field
/// representation: ContourAction refuses it, see its doc comment.)
@Suite("Paper 003: Keldysh saddle point with Schwinger bosons = mean field")
struct Paper003SaddlePointTests {
    @Test func saddlePointIsA1WithoutPumping() throws {
        let m = try Paper003()
        let system = try OpenSystem(algebra: m.system.algebra, hamiltonian: m.hamiltonian,
                                    dissipators: [.collective(m.a.annihilation, rate: .symbol(m.kappa))])
        let options = MeanFieldOptions(order: .first, systemSize: m.N)
        let mf = try system.meanField([m.a.annihilation, m.S.z, m.S.minus, m.T.z, m.T.minus], options: options)
        let (action, _) = try KeldyshRotation.apply(try ContourAction.from(system))
        #expect(action.fields.map(\.name) == ["a", "S_up", "S_dn", "T_up", "T_dn"])
        let keldysh = try MeanFieldCorrespondence.equations(try ClassicalSaddlePoint(action), meanField: mf, system: system,
                                                            options: options)
        for e in mf.equations {
            let d = (try #require(keldysh[e.variable]) - e.rhs).expand()
            #expect(d.isZero, "d\(e.variable)/dt: Keldysh − mean field = \(d)")
        }
        // One equation by hand, (A1) at γ↑ = γ↓ = 0: d⟨S^-⟩/dt = −iω_z⟨S^-⟩ + 2iλ(⟨a⟩ + ⟨a⟩*)⟨S^z⟩ + 2iη'⟨T^-⟩⟨S^z⟩.
        func v(_ op: Expr) -> Expr { mf.equations.first { $0.operatorWord == op }!.variable }
        let (al, sm, sz, tm) = (v(m.a.annihilation), v(m.S.minus), v(m.S.z), v(m.T.minus))
        let i = Expr.i
        let byHand = Expr.neg(i) * Expr.symbol(m.wz) * sm + 2 * i * Expr.symbol(m.lambda) * (al + Expr.conj(al)) * sz
            + 2 * i * Expr.symbol(m.eta2) * tm * sz
        #expect((try #require(keldysh[sm]) - byHand).expand().isZero)
    }

    @Test func fluctuationsGiveTheLinearisation() throws {
        // Linearised, the Schwinger fields x obey ∂_t δx = A_x δx (QuadraticFluctuations); the
        // mean-field variables v(x) (bilinears, intensive) obey ∂_t v = Σ_c ∂_c v ẋ_c, so
        // ∂_t δv = (J A_x + Σ_c ∂_x∂_c v ẋ_c) δx with J = ∂v/∂x (the second term: v is quadratic
        // and the point moves, if only by the Schwinger phase), which must equal A_mf J, A_mf the
        // Algebra layer's linearisation, at any point.
        let m = try Paper003()
        let system = try OpenSystem(algebra: m.system.algebra, hamiltonian: m.hamiltonian,
                                    dissipators: [.collective(m.a.annihilation, rate: .symbol(m.kappa))])
        let options = MeanFieldOptions(order: .first, systemSize: m.N)
        let ops = [m.a.annihilation, m.S.z, m.S.minus, m.T.z, m.T.minus]
        let mf = try system.meanField(ops, options: options)
        let (action, _) = try KeldyshRotation.apply(try ContourAction.from(system))
        // A generic point: each classical component √2 p_f (p_f a complex symbol).
        var point: [Field: Expr] = [:]
        for f in action.fields { point[f] = Expr.sqrt(2) * Expr.symbol("p_" + f.name) }
        let fluctuations = try QuadraticFluctuations(action, about: point)
        let reader = try LetterValues(action, system: system, options: options)
        var at: [Expr: Expr] = [:]
        for f in action.fields {
            at[f.component(.classical).expr] = point[f]!
            at[f.component(.classical, barred: true).expr] = Expr.conjugate(point[f]!)
        }
        // Mean-field variables in the order (⟨a⟩, ⟨a⟩*, ⟨S^z⟩, ⟨S^-⟩, ⟨S^-⟩*, ⟨T^z⟩, ⟨T^-⟩, ⟨T^-⟩*).
        var variables: [Expr] = [], values: [Expr] = [], around: [Expr: Expr] = [:]
        for e in mf.equations {
            let (value, power) = try reader.value(of: e.operatorWord)
            let intensive = value / reader.scale(power)
            variables.append(e.variable)
            values.append(intensive)
            around[e.variable] = intensive.substitute(at).cancel()
            if !e.variable.isReal {
                variables.append(Expr.conj(e.variable))
                values.append(reader.barred(intensive))
            }
        }
        let lin = try mf.linearize(variables: variables, about: around)
        let columns = fluctuations.columns
        let j = Matrix(values.map { v in columns.map { c in v.derivative(c.symbol).substitute(at) } })
        let saddle = try ClassicalSaddlePoint(action)
        var velocity: [Expr] = []
        for c in columns {
            let d = saddle.drift[c.field]!
            velocity.append((c.barred ? reader.barred(d) : d).substitute(at))
        }
        let moving = Matrix(values.map { v in
            columns.map { d in Expr.add(zip(columns, velocity).map { c, u in v.derivative(c.symbol).derivative(d.symbol).substitute(at) * u }) }
        })
        let lhs = j * fluctuations.stabilityMatrix + moving, rhs = lin.stabilityMatrix * j
        for r in 0..<variables.count {
            for c in 0..<columns.count {
                let d = (lhs[r, c] - rhs[r, c]).cancel()
                #expect(d.isZero, "(J A_x − A_mf J)(\(variables[r]), \(columns[c])) = \(d)")
            }
        }
    }
}
