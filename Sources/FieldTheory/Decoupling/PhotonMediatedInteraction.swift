import Symbolic

/// The fermion–fermion interaction mediated by a boson's fluctuations (paper 000 A21): the
/// Gaussian integral over δψ of an action split as ψ = ⟨ψ⟩ + δψ (`FieldSplitting`),
///
///     S = ∬ δψ̄ G⁻¹ δψ + ∫(J̄δψ + δψ̄J) + S₀   →   S₀ − ∬dt dt′ J̄(t) G(t − t′) J(t′) + i tr ln G⁻¹,
///
/// the boson rule of `GaussianIntegration` with the Keldysh ⊗ time indices written out: G⁻¹ is
/// the δψ kernel in frequency (`KeldyshKernel`, rows δψ̄_cl, δψ̄_q), G = [[G^K, G^R], [G^A, 0]]
/// (`GreensFunction`), and in time G^X(t, t′) = ∫dω/2π e^{−iω(t−t′)} G^X(ω) (A13), kept by name.
/// J = J_f + J_bg: J_f holds the fermion bilinears (the coupling gψb̄a), J_bg the background
/// ⟨ψ⟩ (J_bg = G⁻¹(ω = 0)⟨ψ⟩). Every term of −J̄GJ is produced; the paper keeps one:
///
/// * `interaction` = −J̄_f(t) G(t, t′) J_f(t′): A21.
/// * `crossTerms` = −J̄_f G J_bg − J̄_bg G J_f = −J̄_f⟨ψ⟩ − ⟨ψ̄⟩J_f (G G⁻¹ = 1 at ω = 0): dropped by
///   the paper. They cancel the fermions' coupling to ⟨ψ⟩ in S₀ exactly — the exact integral is
///   invariant under the shift, so keeping them removes ⟨ψ⟩ from the fermions' action. The
///   paper keeps that coupling in G₀ (λ of A15) instead: the background-field reading, in which
///   the terms linear in δψ are removed by the saddle-point condition on ⟨ψ⟩ (A35) before δψ
///   is integrated.
/// * `backgroundTerms` = −J̄_bg G J_bg = −⟨ψ̄⟩G⁻¹(0)⟨ψ⟩: dropped with them (it cancels the
///   background's own S₀ term, which stays and gives A38).
/// * i tr ln G⁻¹_δψ: free of the fermions, a constant in the normalisation 𝒩.
public struct PhotonMediatedInteraction: Sendable {
    public let fluctuation: Field
    public let greens: GreensFunction
    /// J̄_c (multiplying δψ_c) and J_c (multiplying δψ̄_c), c = cl, q, at the density's time t:
    /// fermion part and background part.
    public let fermionSourceBar: [Expr], fermionSource: [Expr], backgroundSourceBar: [Expr], backgroundSource: [Expr]
    /// S₀: the density at δψ = 0.
    public let rest: Expr
    public let interaction: Expr
    public let crossTerms: Expr
    public let backgroundTerms: Expr

    /// The time t′ of the second vertex.
    public static let otherTime = Symbol("t'", [.real])
    /// A component at a time: b¹ at t′ is the Grassmann application b_1(t′).
    public static func component(_ c: FieldComponent, at time: Expr) -> Expr {
        Expr.apply(Symbol.function(c.description, commutation: c.field.statistics == .fermion ? .grassmann : .commuting,
                                   slots: [.time]), [time])
    }
    /// G^X_name(t, t′) by name, X = K, R, A.
    public static func propagator(_ x: String, _ name: String, _ t1: Expr, _ t2: Expr) -> Expr {
        Expr.apply(Symbol.function("G^" + x + "_" + name, slots: [.time, .time]), [t1, t2])
    }

    /// `propagatorName`: the field named in G^X_name(t, t′); by default the fluctuation's name
    /// without a leading "d" (dpsi → psi), as the paper writes G_ψ.
    public init(_ action: Action, fluctuation name: String, propagatorName: String? = nil) throws {
        guard action.basis == .keldysh, let d = action.field(named: name), d.statistics == .boson else {
            throw FieldTheoryError.precondition("\(name) is not a bosonic field of a rotated action")
        }
        fluctuation = d
        let indices = d.indices(.keldysh)
        let own = Set(indices.flatMap { [d.component($0), d.component($0, barred: true)] })
        let symbols = action.componentSymbols
        var quadratic: [Expr] = [], linear: [Expr] = [], rest: [Expr] = []
        for term in action.densityTerms {
            let t = FieldTerm(term, symbols)
            let mine = t.factors.filter { own.contains($0.component) }
            switch mine.count {
            case 0: rest.append(term)
            case 1:
                // ∫dt c ∂_t δψ = −∫dt (∂_t c) δψ = 0 for a c free of fields (a static background).
                if mine[0].derivative {
                    guard t.factors.count == 1 else {
                        throw FieldTheoryError.unsupported("a source of ∂_t\(mine[0].component) with fields: \(term)")
                    }
                    continue
                }
                linear.append(term)
            case 2: quadratic.append(term)
            default: throw FieldTheoryError.inconsistent("the term \(term) is of degree \(mine.count) in \(name)")
            }
        }
        var gaussian = action
        gaussian.fields = [d]
        gaussian.density = Expr.add(quadratic)
        gaussian.nonlocal = action.nonlocal.filter { own.contains($0.bar) && own.contains($0.field) }
        let greens = try GreensFunction(try KeldyshKernel.from(gaussian, sector: [name]))
        self.greens = greens
        self.rest = Expr.add(rest)
        // Sources at t, split into the fermion and the background parts.
        let fermionic = Set(action.components.filter { $0.field.statistics == .fermion }.map(\.symbol))
        func split(_ e: Expr) -> (Expr, Expr) {
            var f: [Expr] = [], b: [Expr] = []
            for term in distribute(e).terms {
                if term.freeSymbols.isDisjoint(with: fermionic) { b.append(term) } else { f.append(term) }
            }
            return (Expr.add(f), Expr.add(b))
        }
        let l = Expr.add(linear)
        let bars = indices.map { split(l.derivative(d.component($0).symbol)) }
        let fields = indices.map { split(l.derivative(d.component($0, barred: true).symbol)) }
        fermionSourceBar = bars.map(\.0); backgroundSourceBar = bars.map(\.1)
        fermionSource = fields.map(\.0); backgroundSource = fields.map(\.1)
        // −Σ_jk J̄_j(t) G_jk(t, t′) J_k(t′); G's rows are the fields (cl, q), columns the bars.
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        var relabel: [Expr: Expr] = [:], relabel2: [Expr: Expr] = [:]
        for c in action.components where c.field.statistics == .fermion {
            relabel[c.expr] = PhotonMediatedInteraction.component(c, at: t)
            relabel2[c.expr] = PhotonMediatedInteraction.component(c, at: t2)
        }
        let names = [["K", "R"], ["A", ""]]
        let label = propagatorName ?? (name.hasPrefix("d") && name.count > 1 ? String(name.dropFirst()) : name)
        func g(_ j: Int, _ k: Int) -> Expr {
            greens.matrix[j, k].isZero ? .zero : PhotonMediatedInteraction.propagator(names[j][k], label, t, t2)
        }
        func pair(_ left: [Expr], _ right: [Expr]) -> Expr {
            var terms: [Expr] = []
            for j in 0..<2 { for k in 0..<2 { terms.append(Expr.mul([Expr.minusOne, left[j].substitute(relabel), g(j, k), right[k].substitute(relabel2)])) } }
            return distribute(Expr.add(terms))
        }
        interaction = pair(fermionSourceBar, fermionSource)
        crossTerms = distribute(pair(fermionSourceBar, backgroundSource) + pair(backgroundSourceBar, fermionSource))
        backgroundTerms = pair(backgroundSourceBar, backgroundSource)
    }

    /// The cross terms with the time integral over the background's vertex done: ∫dt′ G(t − t′) J_bg
    /// = G(ω = 0) J_bg for a static background, a local density −J̄_f G(0) J_bg − J̄_bg G(0) J_f at t.
    /// Since J_bg = G⁻¹(0)⟨ψ⟩ this is −J̄_f⟨ψ⟩ − ⟨ψ̄⟩J_f: the negative of the fermions' coupling to
    /// the background in S₀ (checked in the tests, not assumed here).
    public var localCrossTerms: Expr {
        let g0 = greens.matrix.map { $0.substitute([Expr.symbol(Action.omega): .zero]).cancel() }
        var terms: [Expr] = []
        for j in 0..<2 {
            for k in 0..<2 {
                terms.append(Expr.mul([Expr.minusOne, fermionSourceBar[j], g0[j, k], backgroundSource[k]]))
                terms.append(Expr.mul([Expr.minusOne, backgroundSourceBar[j], g0[j, k], fermionSource[k]]))
            }
        }
        return distribute(Expr.add(terms))
    }

    public var record: DerivationRecord {
        DerivationRecord(step: "photon-mediated-interaction", reference: "paper 000 A21",
                         summary: "δψ integrated out: −∬ J̄_f(t) G_δψ(t, t′) J_f(t′) kept (A21); the cross and background terms "
                             + "(−J̄_f⟨ψ⟩ − ⟨ψ̄⟩J_f − ⟨ψ̄⟩G⁻¹⟨ψ⟩) dropped: the background-field reading keeps ⟨ψ⟩ in G₀; "
                             + "i tr ln G_δψ⁻¹ is a constant",
                         text: "S_phiphi = ∬dt dt' [\(interaction)]\ndropped: ∬dt dt' [\(crossTerms)] + [\(backgroundTerms)]",
                         latex: "S_{\\phi\\phi} = \\iint \\mathrm{d}t\\,\\mathrm{d}t'\\, \\left[" + BilocalLatex.latex(interaction) + "\\right]")
    }
}
