import Symbolic
import Algebra
@testable import FieldTheory

/// Paper 000's model (Eq. 1 for one spin, baths of Eqs. 3–7) carried to the split photon:
/// rotation (A4–A7), baths (A8–A11), the frame of the condensate (A14), ψ = ⟨ψ⟩ + δψ with
/// ⟨ψ_cl⟩ = √2ψ_f, ⟨ψ_q⟩ = 0. Shared by the tests of A21–A32.
enum Paper000Fixture {
    static let eps0 = Expr.symbol("eps0", [.real]), w0 = Expr.symbol("w0", [.real]), g = Expr.symbol("g", [.positive])
    static let gamma = Expr.symbol("gamma", [.positive]), kappa = Expr.symbol("kappa", [.positive])
    static let muS = Expr.symbol("mu_S", [.real]), psiF = Expr.symbol("psi_f")
    static let omega = Expr.symbol(Action.omega)
    static let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)

    /// Eq. (1) for one spin: H = ε₀(b†b − a†a) + g(ψ b†a + ψ† a†b) + ω₀ψ†ψ.
    static func system() throws -> OpenSystem {
        var alg = OperatorAlgebra()
        let psi = alg.boson("psi")
        let b = alg.fermion("b"), a = alg.fermion("a")
        let h = eps0 * (b.creation * b.annihilation - a.creation * a.annihilation)
            + g * (psi.annihilation * b.creation * a.annihilation + psi.creation * a.creation * b.annihilation)
            + w0 * psi.creation * psi.annihilation
        return try OpenSystem(algebra: alg, hamiltonian: h)
    }

    static func split() throws -> Action {
        let (s, _) = try FieldSplitting.apply(try framed(), field: "psi", fluctuation: "dpsi", background: [.classical: Expr.sqrt(2) * psiF])
        return s
    }

    /// The action in the frame of the condensate, ψ not yet split (what `SelfEnergyChain` takes).
    static func framed() throws -> Action {
        var (s, _) = try KeldyshRotation.apply(try ContourAction.from(try system()))
        (s, _) = try MarkovianBath.apply(s, field: "psi", rate: kappa, distribution: Expr.apply(Symbol.function("F_Psi", [.real]), [omega]))
        (s, _) = try MarkovianBath.apply(s, field: "b", rate: gamma, distribution: Expr.apply(Symbol.function("F_b", [.real]), [omega]))
        (s, _) = try MarkovianBath.apply(s, field: "a", rate: gamma, distribution: Expr.apply(Symbol.function("F_a", [.real]), [omega]))
        (s, _) = try RotatingFrame.apply(s, rates: ["psi": muS, "b": muS / 2, "a": Expr.neg(muS) / 2])
        return s
    }

    /// x^c (c = 1, 2) at a time, barred or not, as the steps name it.
    static func f(_ name: String, _ c: Int, bar: Bool = false, at time: Expr) -> Expr {
        PhotonMediatedInteraction.component(Field(name, .fermion).component(c == 1 ? .one : .two, barred: bar), at: time)
    }

    /// G^X_ψ(t1, t2), X = K, R, A.
    static func gp(_ x: String, _ t1: Expr = t, _ t2: Expr = t2) -> Expr { PhotonMediatedInteraction.propagator(x, "psi", t1, t2) }

    /// Q_aa^{(c,d)}(t, t′) and Q_bb^{(c,d)}(t1, t2): the paper's auxiliary fields.
    static func q(_ species: String, _ c: Int, _ d: Int, _ t1: Expr, _ t2: Expr) -> Expr {
        Expr.apply(Symbol.function("Q_\(species)\(species)^(\(c),\(d))", slots: [.time, .time]), [t1, t2])
    }
}
