import Symbolic

/// What a reader of operator expressions (a model file, a command line) asks of the algebra
/// without seeing its words and letters.
extension OperatorAlgebra {
    /// Whether `e` is one of the algebra's operator symbols, and of which group kind, and
    /// (for a boson) its mode: the creation and annihilation operators of that mode.
    public struct OperatorInfo: Sendable {
        public let kind: GroupKind
        /// The boson mode the operator belongs to (nil for fermions and spins).
        public let bosonMode: BosonMode?
        /// True for an annihilation (boson, fermion) or lowering (spin) operator.
        public let isLowering: Bool
        /// The declared name of its mode or ensemble (`a`, `c`, `S`).
        public let modeName: String
        /// A per-site operator of an ensemble (σ_i^±, σ_i^z).
        public let isSite: Bool
    }

    /// What kind of operator the symbol `e` is; nil when `e` is not an operator symbol.
    public func info(_ e: Expr) -> OperatorInfo? {
        guard let s = e.symbol, let letter = letter(s) else { return nil }
        let k = kind(letter)
        var mode: BosonMode?
        if case .boson = k {
            mode = BosonMode(annihilation: expr(Letter(group: letter.group, role: .annihilate)),
                             creation: expr(Letter(group: letter.group, role: .create)))
        }
        return OperatorInfo(kind: k, bosonMode: mode, isLowering: letter.role == .annihilate || letter.role.collective == .minus,
                            modeName: groups[letter.group].name, isSite: letter.role.isSite)
    }

    /// Every boson annihilator and every ensemble's lowering operator, in declaration order:
    /// the operators whose mean-field equations describe the model (closure adds the rest).
    public var loweringOperators: [Expr] {
        var out: [Expr] = []
        for (k, g) in groups.enumerated() {
            switch g.kind {
            case .boson: out.append(expr(Letter(group: k, role: .annihilate)))
            case .spinEnsemble: out.append(expr(Letter(group: k, role: .minus)))
            case .fermion: break
            }
        }
        return out
    }

    /// Whether `e`, read into operator words, uses a per-site operator (σ_i of an ensemble);
    /// false when it cannot be read.
    public func containsSiteOperators(_ e: Expr) -> Bool {
        guard let s = try? read(e) else { return false }
        return s.containsSiteOperators
    }

    /// The mean-field variable ⟨w⟩ of one operator word `op` (times its coefficient): the
    /// word is one variable, not factorised (words of length ≤ 2 are the atoms of the
    /// second-order cumulant expansion).
    public func expectation(ofWord op: Expr) throws -> Expr {
        let s = canonical(try read(op)).collected()
        guard s.count == 1, !s[0].0.isEmpty else { throw AlgebraError.notOneWord(op) }
        if s[0].0.contains(where: { $0.role.isSite }) { throw AlgebraError.perSiteExpectation(op) }
        var map = ExpectationMap(algebra: self, systemSize: nil)
        return distribute(Expr.mul(s[0].1, try map.cumulant2(s[0].0)))
    }
}

extension OperatorSum {
    var containsSiteOperators: Bool { terms.keys.contains { $0.contains { $0.role.isSite } } }
}

/// A Hamiltonian read once into canonical words: the checks a model file needs (per-site
/// operators, Hermiticity) and the `OpenSystem` share this one reading.
public struct ReadHamiltonian: Sendable {
    public let expr: Expr
    let sum: OperatorSum
    let algebra: OperatorAlgebra

    /// Whether H uses a per-site operator (H must be written in collective operators).
    public var containsSiteOperators: Bool { sum.containsSiteOperators }

    /// (H − H†)/2 in canonical form: zero exactly when H is Hermitian.
    public func antiHermitianPart() -> Expr {
        let a = algebra
        let canonical = a.canonical(sum)
        // The usual answer, Hermitian, without building the intermediate sums of the formula.
        if a.hermitianDifferenceVanishes(canonical) { return .zero }
        let difference = a.canonical(canonical + a.adjoint(canonical).scaled(.minusOne))
        return a.expr(difference).isZero ? .zero : a.expr(difference.scaled(Expr.rational(1, 2)))
    }
}

extension OperatorAlgebra {
    /// Reads H into canonical words (a product of operators of one group in any order, a
    /// sum with parameters) for the checks of `ReadHamiltonian` and for `OpenSystem`.
    public func readHamiltonian(_ h: Expr) throws -> ReadHamiltonian {
        ReadHamiltonian(expr: h, sum: try read(h), algebra: self)
    }
}

extension OpenSystem {
    /// An open system from a Hamiltonian already read (and checked) by `readHamiltonian`.
    public init(hamiltonian: ReadHamiltonian, dissipators: [Dissipator] = []) throws {
        try self.init(algebra: hamiltonian.algebra, hamiltonian: hamiltonian.expr, dissipators: dissipators,
                      read: hamiltonian.sum)
    }
}

extension OperatorAlgebra {
    /// One term of a normal-ordered operator expression: a commuting coefficient and the
    /// operators of its word in order (creators before annihilators: every c† before every
    /// c for fermions, a† before a within a boson; operators of different bosons commute).
    public struct NormalOrderedTerm: Sendable {
        public let coefficient: Expr
        /// Operator symbols (`a†`, `a`, `c†`, `S+`) in the word's order, powers written out.
        public let operators: [Expr]
    }

    /// `e` normal-ordered and read as terms: what a coherent-state path integral turns into a
    /// polynomial of fields (each creator its barred field, each annihilator its field, in
    /// this order for Grassmann fields).
    public func normalOrderedTerms(_ e: Expr) throws -> [NormalOrderedTerm] {
        canonical(try read(e)).collected().map { word, coefficient in
            NormalOrderedTerm(coefficient: coefficient, operators: word.map { expr($0) })
        }
    }
}

extension OperatorAlgebra {
    /// The collective and per-site operators of every spin ensemble (and single spin), in
    /// declaration order, with the ensemble's name.
    public var spinEnsembles: [(name: String, ensemble: SpinEnsemble, single: Bool)] {
        groups.enumerated().compactMap { k, g in
            guard case .spinEnsemble(let size, let single) = g.kind else { return nil }
            func op(_ r: Role) -> Expr { expr(Letter(group: k, role: r)) }
            return (g.name, SpinEnsemble(plus: op(.plus), minus: op(.minus), z: op(.z), sitePlus: op(.sitePlus),
                                         siteMinus: op(.siteMinus), siteZ: op(.siteZ), size: size, group: k), single)
        }
    }
}
