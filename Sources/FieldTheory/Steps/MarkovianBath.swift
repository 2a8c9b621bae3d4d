import Symbolic

/// Integrating out a Markovian bath coupled linearly to a field (Eqs. 3, 6–7 and A8–A11 of
/// paper 000): bath modes B_k (frequencies ω_k, couplings ζ) with a flat density of states N and
/// a distribution F(ω) (F = 1 + 2n_B for a bosonic bath, F = 1 − 2n_F for a fermionic one)
/// enter the action quadratically; Gaussian integration over them adds the self-energy
/// ζ² Σ_k G_{B,k}(ω) to the field's kernel, and with Σ_k → N∫dν, G^R = 1/(ω − ν + i0) and
/// G^K = −2πi F(ν) δ(ω − ν) (principal part dropped for a flat band) this is
///
///     (G⁻¹)^R += iγ,   (G⁻¹)^A −= iγ,   (G⁻¹)^K += 2iγ F(ω),     γ = πζ²N,
///
/// in the Keldysh basis: bosons (ψ̄_q ψ_cl) R, (ψ̄_cl ψ_q) A, (ψ̄_q ψ_q) K; fermions (φ̄¹ φ¹) R,
/// (φ̄² φ²) A, (φ̄¹ φ²) K. The R and A parts are local in time (added to the density); the K
/// part is non-local, F(t − t′), and kept in frequency.
public enum MarkovianBath {
    public static func apply(_ action: Action, field name: String, rate: Expr, distribution: Expr) throws -> (Action, DerivationRecord) {
        guard action.basis == .keldysh else { throw FieldTheoryError.precondition("integrate baths in the Keldysh basis (rotate first)") }
        guard let f = action.field(named: name) else { throw FieldTheoryError.precondition("the action has no field \(name)") }
        let (cl, q) = f.statistics == .boson ? (ContourIndex.classical, ContourIndex.quantum) : (.one, .two)
        var out = action
        let i = Expr.i
        let retarded: (FieldComponent, FieldComponent), advanced: (FieldComponent, FieldComponent), keldysh: (FieldComponent, FieldComponent)
        if f.statistics == .boson {
            retarded = (f.component(q, barred: true), f.component(cl))
            advanced = (f.component(cl, barred: true), f.component(q))
            keldysh = (f.component(q, barred: true), f.component(q))
        } else {
            retarded = (f.component(cl, barred: true), f.component(cl))
            advanced = (f.component(q, barred: true), f.component(q))
            keldysh = (f.component(cl, barred: true), f.component(q))
        }
        out.density = distribute(action.density + i * rate * retarded.0.expr * retarded.1.expr
                                 - i * rate * advanced.0.expr * advanced.1.expr)
        out.nonlocal.append(NonlocalKernel(bar: keldysh.0, field: keldysh.1, kernel: 2 * i * rate * distribution,
                                           origin: "bath on \(name)"))
        let done = out  // the record prints it later: a copy, not the variable
        let record = DerivationRecord(step: "markovian-bath", reference: "cf. paper 000 A8–A11",
                                      summary: "bath on \(name): (G⁻¹)^R += i\(rate), (G⁻¹)^A −= i\(rate), (G⁻¹)^K += 2i\(rate)·\(distribution)",
                                      text: "S = ∫dt " + done.densityText, latex: "S = " + done.latex)
        return (out, record)
    }
}
