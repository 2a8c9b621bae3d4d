import ArbitraryPrecision
import Symbolic

/// An operator the Lindblad dynamics conserves (L†Q = 0), with its expectation value in the
/// variables of a derivation: what an integration should keep constant, so its drift measures
/// the integration (and, at first order, a closure that breaks it).
public struct ConservedQuantity: Sendable {
    /// How it is printed, e.g. "S² = S^+S^- − S^z + (S^z)²".
    public let name: String
    public let operatorExpr: Expr
    /// ⟨Q⟩ in the variables (intensive: divided by N^p, at first order its leading term).
    public let value: Expr
}

extension OpenSystem {
    /// The conserved quantities found among the candidates the model suggests: the Casimir
    /// S² = S^+S^- − S^z + (S^z)² of every ensemble, and the charge Σ_g q_g n_g (n = a†a, S^z)
    /// of every U(1) phase symmetry; each kept when the Heisenberg generator annihilates it.
    public func conservedQuantities(options: MeanFieldOptions) throws -> [ConservedQuantity] {
        var candidates: [(String, Expr)] = []
        for (k, g) in algebra.groups.enumerated() {
            guard case .spinEnsemble(_, let single) = g.kind, !single else { continue }
            let (p, m, z) = (algebra.expr(Letter(group: k, role: .plus)), algebra.expr(Letter(group: k, role: .minus)),
                             algebra.expr(Letter(group: k, role: .z)))
            candidates.append(("\(g.name)² = \(g.name)^+\(g.name)^- − \(g.name)^z + (\(g.name)^z)²", p * m - z + z * z))
        }
        for s in phaseSymmetries where s.kind == .u1 {
            var terms: [Expr] = []
            var names: [String] = []
            for (k, g) in algebra.groups.enumerated() where s.charges[k] != 0 {
                let q = Expr.integer(s.charges[k])
                switch g.kind {
                case .boson:
                    terms.append(q * algebra.expr(Letter(group: k, role: .create)) * algebra.expr(Letter(group: k, role: .annihilate)))
                    names.append("\(s.charges[k] == 1 ? "" : "\(s.charges[k]) ")\(g.name)†\(g.name)")
                case .spinEnsemble:
                    terms.append(q * algebra.expr(Letter(group: k, role: .z)))
                    names.append("\(s.charges[k] == 1 ? "" : "\(s.charges[k]) ")\(g.name)^z")
                case .fermion: break
                }
            }
            if !terms.isEmpty { candidates.append(("charge of \(s.description): " + names.joined(separator: " + "), Expr.add(terms))) }
        }
        var map = ExpectationMap(algebra: algebra, systemSize: options.systemSize)
        var out: [ConservedQuantity] = []
        for (name, q) in candidates {
            guard try heisenberg(q).isZero else { continue }
            let words = algebra.canonical(try algebra.read(q)).collected().map(\.0)
            var value = try expectation(algebra.canonical(try algebra.read(q)), options, &map)
            if let n = options.systemSize {
                let p = words.map { map.scaling($0) }.max() ?? BigRational(0)
                value = distribute(Expr.mul(Expr.pow(n, Expr.number(-p)), value))
                if !options.keepSubleading { value = try value.leadingOrder(in: n) }
            }
            out.append(ConservedQuantity(name: name, operatorExpr: q, value: value))
        }
        return out
    }
}
