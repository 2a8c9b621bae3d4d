import Symbolic

/// The rotation from the branches of the contour to the Keldysh basis:
///
///     bosons   (A4–A5)  ψ_{cl/q} = (ψ₊ ± ψ₋)/√2,      ψ̄_{cl/q} = (ψ̄₊ ± ψ̄₋)/√2;
///     fermions (A6–A7)  φ^{(1,2)} = (φ₊ ± φ₋)/√2,     φ̄^{(1,2)} = (φ̄₊ ∓ φ̄₋)/√2
///                       (Larkin–Ovchinnikov),
///
/// applied to the density by substituting the inverse relations (ψ_± = (ψ_cl ± ψ_q)/√2, …;
/// φ̄₊ = (φ̄¹ + φ̄²)/√2, φ̄₋ = (φ̄² − φ̄¹)/√2) and multiplying out. The causality structure —
/// the vanishing cl–cl block of a boson's kernel, the vanishing (2,1) block of a fermion's —
/// comes out of the rotation; nothing is put in by hand. Non-local kernels are given in the
/// rotated basis by the steps that make them, so the action must have none yet.
public enum KeldyshRotation {
    public static func apply(_ action: Action) throws -> (Action, DerivationRecord) {
        guard action.basis == .branches else { throw FieldTheoryError.precondition("the action is already rotated") }
        guard action.nonlocal.isEmpty else {
            throw FieldTheoryError.precondition("rotate before adding non-local kernels (baths are integrated in the rotated basis)")
        }
        var table: [Expr: Expr] = [:]
        let r = Expr.sqrt(2) / 2
        for f in action.fields {
            let (lo, hi) = f.statistics == .boson ? (ContourIndex.classical, ContourIndex.quantum) : (.one, .two)
            for derivative in [false, true] {
                func e(_ c: FieldComponent) -> Expr { derivative ? c.derivativeExpr : c.expr }
                let plus = f.component(.forward), minus = f.component(.backward)
                let (a, b) = (f.component(lo), f.component(hi))
                table[e(plus)] = r * (e(a) + e(b))
                table[e(minus)] = r * (e(a) - e(b))
                let (ab, bb) = (a.bar, b.bar)
                table[e(plus.bar)] = r * (e(ab) + e(bb))
                table[e(minus.bar)] = f.statistics == .boson ? r * (e(ab) - e(bb)) : r * (e(bb) - e(ab))
            }
        }
        var rotated = action
        rotated.basis = .keldysh
        rotated.density = distribute(action.density.substitute(table))
        let done = rotated  // the record prints it later: a copy, not the variable
        let record = DerivationRecord(step: "keldysh-rotation", reference: "cf. paper 000 A4–A7",
                                      summary: "classical/quantum components for bosons, Larkin–Ovchinnikov 1/2 for fermions",
                                      text: "S = ∫dt " + done.densityText, latex: "S = " + done.latex)
        return (rotated, record)
    }
}
