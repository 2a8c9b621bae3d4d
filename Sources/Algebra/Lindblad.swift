import ArbitraryPrecision
import Symbolic

/// One Lindblad dissipator γ D[L], D[L]ρ = LρL† − ½{L†L, ρ}.
public struct Dissipator: Sendable, Hashable {
    public let jump: Expr
    public let rate: Expr
    /// Per-site: γ Σ_i D[L_i] with L written in the per-site operators σ_i of one ensemble.
    public let perSite: Bool

    /// γ D[L] for a collective jump operator (κ D[a], Γ D[S^-]).
    public static func collective(_ jump: Expr, rate: Expr) -> Dissipator {
        Dissipator(jump: jump, rate: rate, perSite: false)
    }

    /// γ Σ_i D[L_i] for a jump operator written in per-site operators (γ↑ Σ_i D[τ_i^+]).
    public static func perSite(_ jump: Expr, rate: Expr) -> Dissipator {
        Dissipator(jump: jump, rate: rate, perSite: true)
    }
}

/// A Hamiltonian and dissipators over an operator algebra: the Lindblad master equation
/// dρ/dt = −i[H, ρ] + Σ_k γ_k D[L_k]ρ, read in the Heisenberg picture.
public struct OpenSystem: Sendable {
    public let algebra: OperatorAlgebra
    public let hamiltonian: Expr
    public let dissipators: [Dissipator]
    /// The ensemble of each per-site dissipator (nil for collective ones).
    let siteGroups: [Int?]
    /// H and each dissipator's L, L†, L†L in canonical dictionary form, read once: every
    /// Heisenberg equation of a mean-field closure needs them.
    let hamiltonianSum: OperatorSum
    let jumpSums: [(l: OperatorSum, ld: OperatorSum, ldl: OperatorSum)]

    public init(algebra: OperatorAlgebra, hamiltonian: Expr, dissipators: [Dissipator] = []) throws {
        try self.init(algebra: algebra, hamiltonian: hamiltonian, dissipators: dissipators, read: nil)
    }

    /// `read`: `algebra.read(hamiltonian)` when the caller has it already.
    init(algebra: OperatorAlgebra, hamiltonian: Expr, dissipators: [Dissipator], read: OperatorSum?) throws {
        self.algebra = algebra
        self.hamiltonian = hamiltonian
        self.dissipators = dissipators
        // Each operator expression is read once: the checks and the sums share the reading.
        let h = try read ?? algebra.read(hamiltonian)
        if h.terms.keys.contains(where: { $0.contains { $0.role.isSite } }) {
            throw AlgebraError.unsupported("per-site operators in the Hamiltonian (write collective operators)")
        }
        let jumps = try dissipators.map { try algebra.read($0.jump) }
        var groups: [Int?] = []
        for (d, jump) in zip(dissipators, jumps) {
            let words = jump.terms.keys
            if !d.perSite {
                if words.contains(where: { $0.contains { $0.role.isSite } }) {
                    throw AlgebraError.unsupported("per-site operator in collective dissipator D[\(d.jump)]: use Dissipator.perSite")
                }
                groups.append(nil)
                continue
            }
            let letters = words.flatMap { $0 }
            guard let g = letters.first?.group,
                  words.allSatisfy({ $0.count <= 1 }),
                  letters.allSatisfy({ $0.group == g && $0.role.isSite }),
                  case .spinEnsemble = algebra.groups[g].kind else {
                throw AlgebraError.unsupported("per-site jump operator \(d.jump) must be linear in the σ_i of one ensemble")
            }
            groups.append(g)
        }
        siteGroups = groups
        hamiltonianSum = h
        jumpSums = jumps.map { l in
            let ld = algebra.adjoint(algebra.canonical(l))
            return (l, ld, ld * l)
        }
    }

    /// dO/dt = i[H, O] + Σ_k γ_k (L_k† O L_k − ½{L_k† L_k, O}), in canonical form.
    /// Per-site dissipators are applied on one representative site i and summed back:
    /// a term without σ_i gains a factor N, σ_i^α becomes S^α (exact for any O that is a
    /// polynomial in collective operators, since only site i fails to commute with σ_i).
    public func heisenberg(_ o: Expr) throws -> Expr {
        algebra.expr(try heisenbergSum(algebra.canonical(algebra.read(o))))
    }

    func heisenbergSum(_ o: OperatorSum) throws -> OperatorSum {
        if o.terms.keys.contains(where: { $0.contains { $0.role.isSite } }) {
            throw AlgebraError.unsupported("per-site operators in the observable (write collective operators)")
        }
        let a = algebra
        // Terms that commute with O drop out of [H, O] and of D†[L]O; deciding that from the
        // supports of the words skips most of the normal ordering (an observable of one mode
        // meets only the few terms of H that touch that mode).
        let supports = o.terms.keys.map { a.support($0) }
        var total = OperatorSum()
        for (w, cs) in hamiltonianSum.terms {
            let sw = a.support(w)
            if supports.allSatisfy({ sw.commutes(with: $0) }) { continue }
            var hw = OperatorSum()
            hw.terms[w] = cs
            total = total + OperatorSum.product(hw, o, times: .i) + OperatorSum.product(o, hw, times: Expr.neg(.i))
        }
        for ((d, group), (l, ld, ldl)) in zip(zip(dissipators, siteGroups), jumpSums) {
            if l.terms.keys.allSatisfy({ lw in let sl = a.support(lw); return supports.allSatisfy { sl.commutes(with: $0) } }) {
                continue
            }
            let minusHalfRate = Expr.mul(.rational(-1, 2), d.rate)
            var term = OperatorSum.product(ld * o, l, times: d.rate) + OperatorSum.product(ldl, o, times: minusHalfRate)
                + OperatorSum.product(o, ldl, times: minusHalfRate)
            term = a.canonical(term)
            if let g = group { term = a.sumOverSites(term, group: g) }
            total = total + term
        }
        return a.canonical(total)
    }
}

extension OperatorAlgebra {
    /// Σ_i of a canonical sum containing at most one σ_i letter of `group` per word:
    /// no σ_i → × N, σ_i^α → S^α.
    func sumOverSites(_ s: OperatorSum, group: Int) -> OperatorSum {
        guard case .spinEnsemble(let size, let single) = groups[group].kind else { return s }
        if single { return s }
        var out = OperatorSum()
        for (w, c) in s.collected() {
            let sites = w.indices.filter { w[$0].group == group && w[$0].role.isSite }
            precondition(sites.count <= 1, "canonical words hold at most one per-site letter")
            if let k = sites.first {
                var v = w
                v[k] = Letter(group: group, role: w[k].role.collective)
                out.add(v, c)
            } else {
                out.add(w, Expr.mul(size, c))
            }
        }
        return canonical(out)
    }
}

/// The groups a word acts on and whether it is odd in fermion letters: two words on disjoint
/// groups commute unless both are odd (letters of different groups commute, fermion letters
/// anticommute).
struct WordSupport {
    var groups: Set<Int>
    var odd: Bool

    func commutes(with other: WordSupport) -> Bool {
        if odd && other.odd { return false }
        return groups.isDisjoint(with: other.groups)
    }
}

extension OperatorAlgebra {
    func support(_ w: Word) -> WordSupport {
        var groups = Set<Int>()
        var fermions = 0
        for letter in w {
            groups.insert(letter.group)
            if case .fermion = self.groups[letter.group].kind { fermions += 1 }
        }
        return WordSupport(groups: groups, odd: fermions % 2 == 1)
    }
}
