import ArbitraryPrecision
import Symbolic

/// The closure a mean-field derivation applied: which rule replaced expectation values of
/// products by products of expectation values, and the products it replaced.
///
/// A right-hand side such as −κ⟨a†⟩⟨a⟩ looks like an equation of motion and is one only
/// after ⟨a†a⟩ ≈ ⟨a†⟩⟨a⟩; the record is kept with the equations so that every printer says
/// so (issue 16: a factorised equation is never printed as if it were exact).
public struct Closure: Sendable {
    public let order: MeanFieldOptions.Order
    /// The operator words whose expectation values were factorised, shortest first, then by
    /// printed form
    /// (words of two or more operators at first order, of three or more at second order).
    public let factorised: [Expr]
    /// Named operators that are themselves products of operators at first order: their
    /// variable is kept, but every product on a right-hand side is factorised, so the
    /// equation is not one for a cumulant (`derive --operators 'a† a'`).
    public let productVariables: [Expr]

    public init(order: MeanFieldOptions.Order, factorised: [Expr] = [], productVariables: [Expr] = []) {
        self.order = order
        self.factorised = factorised
        self.productVariables = productVariables
    }

    /// The rule, as printed.
    public var rule: String {
        switch order {
        case .first: return "⟨AB⟩ ≈ ⟨A⟩⟨B⟩"
        case .secondCumulant: return "⟨ABC⟩ ≈ ⟨AB⟩⟨C⟩ + ⟨AC⟩⟨B⟩ + ⟨BC⟩⟨A⟩ − 2⟨A⟩⟨B⟩⟨C⟩"
        }
    }

    public var latexRule: String {
        switch order {
        case .first: return "\\langle AB\\rangle \\approx \\langle A\\rangle\\langle B\\rangle"
        case .secondCumulant:
            return "\\langle ABC\\rangle \\approx \\langle AB\\rangle\\langle C\\rangle + \\langle AC\\rangle\\langle B\\rangle"
                + " + \\langle BC\\rangle\\langle A\\rangle - 2\\langle A\\rangle\\langle B\\rangle\\langle C\\rangle"
        }
    }

    /// What the order means in words.
    public var name: String {
        switch order {
        case .first: return "first order (mean field): every product of operators factorised"
        case .secondCumulant: return "second-order cumulants: connected correlations of three or more operators dropped"
        }
    }
}

extension OpenSystem {
    /// The second moments of a product state, as expressions in the first moments: what a
    /// second-order integration starts from when only the means are given (a coherent state
    /// of every boson times the same pure or mixed state on every spin of an ensemble).
    ///
    /// For letters of different groups, and for the normal-ordered words of one boson
    /// (a†a, aa, a†a† in a coherent state), ⟨XY⟩ = ⟨X⟩⟨Y⟩. For two collective letters of one
    /// ensemble of N spins, ⟨XY⟩ = Σ_{i≠j}⟨x_i⟩⟨y_j⟩ + Σ_i⟨x_i y_i⟩ = N(N−1)m_x m_y + N⟨xy⟩,
    /// m the per-site mean and xy reduced by the spin-1/2 products (σ^+σ^- = 1/2 + σ^z, …);
    /// in intensive variables (m = ⟨S⟩/N) that is (1 − 1/N) m_x m_y + ⟨xy⟩/N.
    /// Returns the value of every second-moment variable of `system`; words longer than two
    /// and fermion words are errors.
    public func productStateMoments(of system: MeanFieldSystem, intensive: Bool) throws -> [Symbol: Expr] {
        var map = ExpectationMap(algebra: algebra, systemSize: nil)
        var out: [Symbol: Expr] = [:]
        for (v, x, y) in try pairs(of: system, &map) {
            let product = Expr.mul(try map.atom([x]), try map.atom([y]))
            guard x.group == y.group, case .spinEnsemble(let n, let single) = algebra.kind(x), !single else {
                out[v] = distribute(product)
                continue
            }
            // Σ_i ⟨x_i y_i⟩ per site: the reduced product, each σ^α standing for its mean m_α.
            var site: [Expr] = []
            for (role, q) in spinHalfProduct(x.role, y.role) {
                let m = try role.map { try map.atom([Letter(group: x.group, role: $0)]) } ?? .one
                site.append(Expr.mul(Expr.number(q), m))
            }
            let onSite = Expr.add(site)
            // Intensive: (1 − 1/N) m_x m_y + ⟨xy⟩/N. Extensive (⟨S⟩ = N m):
            // ⟨XY⟩ = (1 − 1/N)⟨X⟩⟨Y⟩ + N⟨xy⟩ with ⟨xy⟩ = c + Σ q ⟨R⟩/N.
            let value: Expr
            if intensive {
                value = (1 - 1 / n) * product + onSite / n
            } else {
                var extensive: [Expr] = []
                for (role, q) in spinHalfProduct(x.role, y.role) {
                    let m = try role.map { try map.atom([Letter(group: x.group, role: $0)]) } ?? n
                    extensive.append(Expr.mul(Expr.number(q), m))
                }
                value = (1 - 1 / n) * product + Expr.add(extensive)
            }
            out[v] = distribute(value)
        }
        return out
    }
}

extension OpenSystem {
    /// The disconnected part ⟨X⟩⟨Y⟩ of every second-moment variable ⟨XY⟩ of `system`, in the
    /// first-moment variables: the connected correlation is ⟨XY⟩ − ⟨X⟩⟨Y⟩ (in intensive
    /// variables too, since the scalings multiply).
    public func disconnectedMoments(of system: MeanFieldSystem) throws -> [Symbol: Expr] {
        var map = ExpectationMap(algebra: algebra, systemSize: nil)
        var out: [Symbol: Expr] = [:]
        for (v, x, y) in try pairs(of: system, &map) { out[v] = distribute(Expr.mul(try map.atom([x]), try map.atom([y]))) }
        return out
    }

    /// The second-moment variables of `system` with the two letters of each word (words of
    /// one letter skipped; longer words and fermions are errors).
    fileprivate func pairs(of system: MeanFieldSystem, _ map: inout ExpectationMap) throws -> [(Symbol, Letter, Letter)] {
        var out: [(Symbol, Letter, Letter)] = []
        for e in system.equations {
            let s = algebra.canonical(try algebra.read(e.operatorWord)).collected()
            guard s.count == 1, let v = e.variable.symbol else { continue }
            let w = s[0].0
            if w.count == 1 { continue }
            guard w.count == 2 else {
                throw AlgebraError.unsupported("a product state gives moments of one or two operators, not \(map.name(w))")
            }
            if algebra.kind(w[0]) == .fermion || algebra.kind(w[1]) == .fermion {
                throw AlgebraError.unsupported("product-state moments of fermion operators")
            }
            out.append((v, w[0], w[1]))
        }
        return out
    }
}
