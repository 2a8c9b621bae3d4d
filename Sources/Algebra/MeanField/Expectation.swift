import ArbitraryPrecision
import Symbolic

/// How expectation values of operator words become commuting symbols.
///
/// ⟨w⟩ of a canonical word w is a symbol named "⟨w⟩": real when w is Hermitian (⟨S^z⟩,
/// ⟨a† a⟩); otherwise complex for the preferred one of w, w† (annihilators and lowering
/// operators first: ⟨a⟩, ⟨S^-⟩) and conj of it for the other (⟨a†⟩ = conj⟨a⟩, ⟨S^+⟩ =
/// conj⟨S^-⟩). With a system size N, the symbol is the intensive variable and
/// ⟨w⟩ = N^p(w) · symbol, p = 1/2 per boson letter, 1 per collective spin letter.
struct ExpectationMap {
    let algebra: OperatorAlgebra
    let systemSize: Expr?
    /// Variable symbol → the preferred word it stands for.
    var wordOfSymbol: [Symbol: Word] = [:]
    /// ⟨w⟩ of every word already met: the same few atoms occur in every term of every
    /// equation, and each costs an adjoint, a name and a symbol lookup.
    private var atoms: [Word: Expr] = [:]

    init(algebra: OperatorAlgebra, systemSize: Expr?) {
        self.algebra = algebra
        self.systemSize = systemSize
    }

    /// The N-scaling exponent of ⟨w⟩.
    func scaling(_ w: Word) -> BigRational {
        var p = BigRational(0)
        for l in w {
            switch algebra.kind(l) {
            case .boson: p = p + BigRational(1, 2)
            case .spinEnsemble(_, let single): if !single && !l.role.isSite { p = p + BigRational(1) }
            case .fermion: break
            }
        }
        return p
    }

    func name(_ w: Word) -> String {
        "⟨" + w.map { algebra.symbolOfLetter[$0]!.name }.joined(separator: " ") + "⟩"
    }

    /// Words compared for the choice of the variable among w and w†: shorter first, then
    /// by group and by preference (a before a†, S^- before S^z before S^+).
    static func preferred(_ u: Word, _ v: Word) -> Bool {
        if u.count != v.count { return u.count < v.count }
        for (x, y) in zip(u, v) where x != y {
            if x.group != y.group { return x.group < y.group }
            return x.role.preference < y.role.preference
        }
        return false
    }

    /// The preferred word of {w, w†}, the sign/phase q with w† = q v, and whether w is it.
    func primary(_ w: Word) throws -> (word: Word, isSelf: Bool, phase: GaussianRational, hermitian: Bool) {
        let adj = algebra.adjointWord(w)
        guard adj.count == 1, let (v, q) = adj.first else {
            throw AlgebraError.unsupported("the adjoint of \(name(w)) is not a single word")
        }
        if v == w && q.isOne { return (w, true, q, true) }
        if v == w || Self.preferred(w, v) { return (w, true, q, false) }
        return (v, false, q, false)
    }

    /// The variable symbol of a preferred word (registers it).
    mutating func variable(_ w: Word, hermitian: Bool) -> Expr {
        let s = Symbol(name(w), hermitian ? [.real] : [])
        wordOfSymbol[s] = w
        return Expr.symbol(s)
    }

    /// ⟨w⟩ for a canonical non-empty word, in the variables (times N^p when intensive).
    mutating func atom(_ w: Word) throws -> Expr {
        if let e = atoms[w] { return e }
        let e = try makeAtom(w)
        atoms[w] = e
        return e
    }

    private mutating func makeAtom(_ w: Word) throws -> Expr {
        if w.contains(where: { algebra.kind($0) == .fermion }) {
            throw AlgebraError.unsupported("mean-field expectation of fermionic operators (use the Keldysh layer)")
        }
        let (v, isSelf, q, hermitian) = try primary(w)
        let x = variable(v, hermitian: hermitian)
        // w† = q v  ⇒  ⟨w⟩ = conj(q) conj⟨v⟩.
        let value = isSelf ? x : Expr.mul(Expr.number(q.conjugate), Expr.conjugate(x))
        guard let n = systemSize else { return value }
        return Expr.mul(Expr.pow(n, Expr.number(scaling(w))), value)
    }

    /// First order: ⟨X1⋯Xn⟩ ≈ ⟨X1⟩⋯⟨Xn⟩.
    mutating func factorised(_ w: Word) throws -> Expr {
        Expr.mul(try w.map { try atom([$0]) })
    }

    /// Second-order cumulant expansion: every joint cumulant of order ≥ 3 set to zero, so
    /// ⟨ABC⟩ ≈ ⟨AB⟩⟨C⟩ + ⟨AC⟩⟨B⟩ + ⟨BC⟩⟨A⟩ − 2⟨A⟩⟨B⟩⟨C⟩ (Appendix E of 003); pairs keep
    /// their relative order, and a subsequence of a canonical word is canonical.
    mutating func cumulant2(_ w: Word) throws -> Expr {
        if w.count <= 2 { return try atom(w) }
        return try partitions(w)
    }

    private mutating func partitions(_ w: Word) throws -> Expr {
        if w.isEmpty { return .one }
        let x = w[0]
        let rest = Array(w.dropFirst())
        var terms: [Expr] = [Expr.mul(try atom([x]), try partitions(rest))]
        for j in rest.indices {
            var others = rest
            let y = others.remove(at: j)
            let pair = try atom([x, y])
            let connected = Expr.add(pair, Expr.neg(Expr.mul(try atom([x]), try atom([y]))))
            terms.append(Expr.mul(connected, try partitions(others)))
        }
        return Expr.add(terms)
    }
}
