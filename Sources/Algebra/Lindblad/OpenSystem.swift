import ArbitraryPrecision
import Symbolic

/// A Hamiltonian and dissipators over an operator algebra: the Lindblad master equation
/// dρ/dt = −i[H, ρ] + Σ_k γ_k D[L_k]ρ, read in the Heisenberg picture.
public struct OpenSystem: Sendable {
    public let algebra: OperatorAlgebra
    public let hamiltonian: Expr
    public let dissipators: [Dissipator]
    /// The ensemble of each per-site dissipator (nil for collective ones).
    let siteGroups: [Int?]
    /// H and each dissipator's L as read (checked here, turned into the Heisenberg
    /// generator by each derivation).
    let hamiltonianSum: OperatorSum
    let jumpReadings: [OperatorSum]

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
        jumpReadings = jumps
    }

    /// dO/dt = i[H, O] + Σ_k γ_k (L_k† O L_k − ½{L_k† L_k, O}), in canonical form.
    /// Per-site dissipators are applied on one representative site i and summed back:
    /// a term without σ_i gains a factor N, σ_i^α becomes S^α (exact for any O that is a
    /// polynomial in collective operators, since only site i fails to commute with σ_i).
    public func heisenberg(_ o: Expr) throws -> Expr {
        var products = MonomialProducts()
        let generator = HeisenbergGenerator(self, &products)
        let o = algebra.distributed(try algebra.read(o), &products)
        return algebra.expr(try generator.apply(o, &products), products)
    }
}

/// The groups a word acts on and whether it is odd in fermion letters: two words on disjoint
/// groups commute unless both are odd (letters of different groups commute, fermion letters
/// anticommute).
struct WordSupport {
    /// Bit g mod 64 for each group g: disjoint masks mean disjoint groups (beyond 64 groups
    /// two groups may share a bit, which only makes `commutes` answer false more often).
    var groups: UInt64
    var odd: Bool

    func commutes(with other: WordSupport) -> Bool {
        if odd && other.odd { return false }
        return groups & other.groups == 0
    }
}

extension OperatorAlgebra {
    func support(_ w: Word) -> WordSupport {
        var groups: UInt64 = 0
        var fermions = 0
        for letter in w {
            groups |= 1 << UInt64(letter.group % 64)
            if case .fermion = self.groups[letter.group].kind { fermions += 1 }
        }
        return WordSupport(groups: groups, odd: fermions % 2 == 1)
    }
}
