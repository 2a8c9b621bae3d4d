import Algebra
import Symbolic

/// A right-hand side in LaTeX as papers write it (issue 14): the terms collected by their
/// product of mean-field variables, the parameters before the variables,
/// −(iω_c + κ/2)⟨a⟩ rather than −i⟨a⟩ω_c − κ⟨a⟩/2; monomials with equal (or opposite)
/// coefficients share one, −iλ(⟨S^+⟩ + ⟨S^-⟩); a `define`d sum is written by its name
/// (−γ_t⟨T^z⟩ for `define gt = gup + gdown`). The equation's own variable comes first, the
/// term without variables last. Only the printing changes: the expression is the same.
struct CollectedLatex {
    let display: VariableDisplay
    /// The mean-field variables and their conjugates, in the system's order.
    let atoms: [Expr]
    /// `define`d names (as symbols) and their values.
    let definitions: [(name: Expr, value: Expr)]

    init(display: VariableDisplay, system: MeanFieldSystem, definitions: [(name: Expr, value: Expr)]) {
        self.display = display
        atoms = system.variables.flatMap { $0.isReal ? [$0] : [$0, Expr.conjugate($0)] }
        self.definitions = definitions
    }

    private func isVariable(_ factor: Expr) -> Bool { atoms.contains(factor.asPower.base) }

    /// Where a monomial sorts: its first atom's place (own variable first; constants last).
    private func rank(_ monomial: Expr, own: Expr) -> (Int, Int) {
        if monomial == own { return (0, 0) }
        if monomial.isOne { return (2, 0) }
        return (1, places(monomial).first ?? atoms.count)
    }

    /// The coefficient with `define`d sums written by name: c = k·value + rest → k·name + rest.
    private func named(_ c: Expr) -> Expr {
        var c = c
        for (name, value) in definitions where value.kind == .add {
            let parts = Array(value.children)
            let cTerms = c.kind == .add ? Array(c.children) : [c]
            // The multiple k of the value's first term among c's terms.
            for t in cTerms {
                let k = distribute(t / parts[0])
                guard k.numberValue != nil else { continue }
                let scaled = parts.map { distribute(k * $0) }
                if scaled.allSatisfy({ cTerms.contains($0) }) {
                    c = distribute(c - k * value) + k * name
                    break
                }
            }
        }
        return c
    }

    /// The atoms' places in a monomial, in order (how monomials sort and print).
    private func places(_ monomial: Expr) -> [Int] {
        let factors = monomial.kind == .mul ? Array(monomial.children) : [monomial]
        return factors.compactMap { f in atoms.firstIndex(of: f.asPower.base) }.sorted()
    }

    /// The variables in the system's order (⟨a⟩⟨S^z⟩, as papers write them), not the canonical one.
    private func show(_ monomial: Expr) -> String {
        let factors = monomial.kind == .mul ? Array(monomial.children) : [monomial]
        return factors.sorted { (atoms.firstIndex(of: $0.asPower.base) ?? 0) < (atoms.firstIndex(of: $1.asPower.base) ?? 0) }
            .map { display.showLatex($0) }.joined()
    }

    /// The collected terms: Σ over groups of coefficient · Σ ± monomial, coefficients with
    /// `define`d names in place (substitute them back and the sum is `rhs`).
    func groups(_ rhs: Expr, own: Expr) -> [(coefficient: Expr, members: [(sign: Bool, monomial: Expr)])] {
        let terms = rhs.kind == .add ? Array(rhs.children) : [rhs]
        var order: [Expr] = []
        var coefficient: [Expr: Expr] = [:]
        for t in terms {
            let factors = t.kind == .mul ? Array(t.children) : [t]
            let monomial = Expr.mul(factors.filter(isVariable))
            let rest = Expr.mul(factors.filter { !isVariable($0) })
            if coefficient[monomial] == nil { order.append(monomial) }
            coefficient[monomial] = distribute((coefficient[monomial] ?? .zero) + rest)
        }
        order = order.filter { !(coefficient[$0]!.isZero) }
        order.sort { a, b in
            let (ra, rb) = (rank(a, own: own), rank(b, own: own))
            return ra != rb ? ra < rb : places(a).lexicographicallyPrecedes(places(b))
        }
        // Monomials whose coefficients are equal or opposite share one.
        var groups: [(coefficient: Expr, members: [(sign: Bool, monomial: Expr)])] = []
        for m in order {
            let c = coefficient[m]!
            if !m.isOne, let k = groups.firstIndex(where: { g in
                !g.members[0].monomial.isOne && (g.coefficient == c || g.coefficient == distribute(-c)) }) {
                groups[k].members.append((groups[k].coefficient == c, m))
            } else {
                groups.append((c, [(true, m)]))
            }
        }
        return groups.map { (named($0.coefficient), $0.members) }
    }

    func latex(_ rhs: Expr, own: Expr) -> String {
        var out = ""
        for g in groups(rhs, own: own) {
            let c = g.coefficient
            let monomial: String
            if g.members.count == 1 {
                monomial = g.members[0].monomial.isOne ? "" : show(g.members[0].monomial)
            } else {
                monomial = "\\left(" + g.members.enumerated().map { k, m in
                    (k == 0 ? "" : m.sign ? " + " : " - ") + show(m.monomial)
                }.joined() + "\\right)"
            }
            let text: String
            if monomial.isEmpty {
                text = display.showLatex(c)
            } else if c.isOne {
                text = monomial
            } else if c == -1 {
                text = "-" + monomial
            } else if c.kind == .add {
                // −(iω_c + κ/2)⟨a⟩ when every term is negative, (…)⟨a⟩ otherwise.
                let allNegative = c.children.allSatisfy { display.showLatex($0).hasPrefix("-") }
                text = allNegative ? "-\\left(" + display.showLatex(distribute(-c)) + "\\right)" + monomial
                    : "\\left(" + display.showLatex(c) + "\\right)" + monomial
            } else {
                text = display.showLatex(c) + monomial
            }
            if out.isEmpty { out = text } else if text.hasPrefix("-") { out += " - " + text.dropFirst() } else { out += " + " + text }
        }
        return out.isEmpty ? "0" : out
    }
}
