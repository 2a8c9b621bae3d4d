import Algebra
import Symbolic

/// Why an action cannot be built or a step cannot run; the text says what to change.
public enum FieldTheoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model has something the field representation does not cover (yet), and why.
    case unsupported(String)
    /// A step's precondition does not hold (the wrong basis, a field it does not know).
    case precondition(String)
    /// A step's result is not what it must be (a time dependence left by an ansatz, a term
    /// that is not bilinear in a kernel).
    case inconsistent(String)

    public var description: String {
        switch self {
        case .unsupported(let s): return "not supported: \(s)"
        case .precondition(let s): return s
        case .inconsistent(let s): return s
        }
    }
}

/// The Schwinger–Keldysh action of an open system on the two branches of the contour
/// (Eq. A2 of paper 000; Sieberer, Buchhold and Diehl for the dissipators):
///
///     S = ∫dt [ Σ_fields (ψ̄₊ i∂_t ψ₊ − ψ̄₋ i∂_t ψ₋) − H₊ + H₋
///              − i Σ_k γ_k (L_{k+} L̄_{k−} − ½ (L̄_k L_k)₊ − ½ (L̄_k L_k)₋) ],
///
/// H₊ the normal-ordered Hamiltonian with every creator replaced by the barred field and every
/// annihilator by the field on the + branch (in the word's order, so Grassmann signs are those
/// of the normal-ordered operators), H₋ the same on the − branch. Each boson and each fermion
/// of the algebra becomes a field of the same name; a spin ensemble becomes its Schwinger
/// bosons (`SchwingerPair`). Per-site dissipators are refused: N independent sites have no
/// collective field whose classical saddle point keeps their single-site operator ordering
/// (a spin-1/2 pumped site decays its coherence at γ/2, the Schwinger saddle point of
/// D[β†α] grows it), so a model with them is represented with its per-site terms off.
public enum ContourAction {
    public static func from(_ system: OpenSystem) throws -> Action {
        // Spin ensembles become their Schwinger bosons; bosons and fermions stay (an operator
        // of the same name and kind is the same symbol in both algebras).
        var algebra = OperatorAlgebra()
        var fields: [Field] = []
        var spins: [SchwingerPair] = []
        var representation: [Expr: Expr] = [:]
        let ensembles = Dictionary(uniqueKeysWithValues: system.algebra.spinEnsembles.map { ($0.name, $0) })
        for g in system.algebra.groups {
            switch g.kind {
            case .boson:
                algebra.boson(g.name)
                fields.append(Field(g.name, .boson))
            case .fermion:
                algebra.fermion(g.name)
                fields.append(Field(g.name, .fermion))
            case .spinEnsemble:
                let e = ensembles[g.name]!
                if e.single {
                    throw FieldTheoryError.unsupported("the single spin \(g.name) (products of its operators reduce; no "
                                                       + "Schwinger representation of a spin-1/2 keeps that at the saddle point)")
                }
                let up = algebra.boson(g.name + "_up"), down = algebra.boson(g.name + "_dn")
                representation[e.ensemble.plus] = up.creation * down.annihilation
                representation[e.ensemble.minus] = down.creation * up.annihilation
                representation[e.ensemble.z] = (up.creation * up.annihilation - down.creation * down.annihilation) / 2
                let pair = SchwingerPair(ensemble: g.name, up: Field(g.name + "_up", .boson), down: Field(g.name + "_dn", .boson),
                                         size: e.ensemble.size)
                spins.append(pair)
                fields += [pair.up, pair.down]
            }
        }
        func represented(_ e: Expr) -> Expr { representation.isEmpty ? e : e.substitute(representation) }
        let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        var density: [Expr] = []
        for f in fields {
            for (index, sign) in [(ContourIndex.forward, Expr.one), (.backward, Expr.minusOne)] {
                density.append(sign * Expr.i * f.component(index, barred: true).expr * f.component(index).derivativeExpr)
            }
        }
        let h = try algebra.normalOrderedTerms(represented(system.hamiltonian))
        density.append(Expr.neg(try fieldPolynomial(h, .forward, algebra, byName)))
        density.append(try fieldPolynomial(h, .backward, algebra, byName))
        for d in system.dissipators {
            if d.perSite {
                throw FieldTheoryError.unsupported("the per-site dissipator \(d.rate) Σ_i D[\(d.jump)]: N independent sites "
                                                   + "have no collective field whose saddle point carries their single-site ordering")
            }
            let jump = try algebra.normalOrderedTerms(represented(d.jump))
            if jump.contains(where: { $0.operators.contains { algebra.info($0)?.kind == .fermion } }) {
                throw FieldTheoryError.unsupported("the fermionic jump operator in D[\(d.jump)] (the sign convention of a "
                                                   + "fermionic supertrace is not implemented; integrate out a bath instead)")
            }
            let adjoint = try algebra.normalOrderedTerms(try algebra.adjoint(represented(d.jump)))
            let lPlus = try fieldPolynomial(jump, .forward, algebra, byName)
            let lBarMinus = try fieldPolynomial(adjoint, .backward, algebra, byName)
            let lDaggerL = try algebra.normalOrderedTerms(try algebra.adjoint(represented(d.jump)) * represented(d.jump))
            let onPlus = try fieldPolynomial(lDaggerL, .forward, algebra, byName)
            let onMinus = try fieldPolynomial(lDaggerL, .backward, algebra, byName)
            density.append(Expr.neg(Expr.i) * d.rate * (lPlus * lBarMinus - Expr.half * onPlus - Expr.half * onMinus))
        }
        var action = Action(fields: fields, basis: .branches, density: distribute(Expr.add(density)))
        action.spins = spins
        return action
    }

    /// Σ coefficient × (fields of the word on `branch`, in order).
    static func fieldPolynomial(_ terms: [OperatorAlgebra.NormalOrderedTerm], _ branch: ContourIndex,
                                _ algebra: OperatorAlgebra, _ fields: [String: Field]) throws -> Expr {
        var out: [Expr] = []
        for t in terms {
            var factors: [Expr] = []
            for op in t.operators {
                guard let info = algebra.info(op), let f = fields[info.modeName] else {
                    throw FieldTheoryError.unsupported("the operator \(op) has no field")
                }
                factors.append(f.component(branch, barred: !info.isLowering).expr)
            }
            out.append(Expr.mul([t.coefficient] + factors))
        }
        return Expr.add(out)
    }
}
