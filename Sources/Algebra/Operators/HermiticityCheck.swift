import ArbitraryPrecision
import Symbolic

extension OperatorAlgebra {
    /// Whether `expr(canonical(s + adjoint(s)·(−1)))` is zero for a canonical sum `s`,
    /// computed with the same expression operations word by word but without the four
    /// intermediate sums (adjoint, scaled, sum, canonical) the plain formula builds, whose
    /// dictionaries were about half of the check's time. `true` means the formula gives
    /// zero; `false` means it may not (the caller evaluates the formula to decide and to
    /// print H − H†).
    func hermitianDifferenceVanishes(_ s: OperatorSum) -> Bool {
        // The entries per word of s + adjoint(s)·(−1), as `+` concatenates them.
        var difference = s.terms
        for (w, cs) in s.terms {
            // adjoint(s): each collected coefficient, conjugated, on the reversed adjoint
            // word, then brought to canonical words.
            let c = distribute(OperatorSum.sum(cs))
            if c.isZero { continue }
            let conjugate = Expr.conjugate(c)
            if conjugate.isZero { continue }
            let v: Word = w.reversed().map { Letter(group: $0.group, role: $0.role.adjoint) }
            if let u = canonicalBySorting(v) {
                difference[u, default: []].append(Expr.mul(.minusOne, conjugate))
            } else {
                for (u, q) in canonicalWord(v) {
                    let entry = q.isOne ? conjugate : Expr.mul(Expr.number(q), conjugate)
                    if !entry.isZero { difference[u, default: []].append(Expr.mul(.minusOne, entry)) }
                }
            }
        }
        for (w, cs) in difference {
            // canonical(): words already canonical keep their summed coefficient; expr()
            // then distributes it. A word that is not canonical goes back to the formula.
            let c = OperatorSum.sum(cs)
            if c.isZero { continue }
            if !isCanonical(w) || !distribute(c).isZero { return false }
        }
        return true
    }

    /// `canonicalWord(v)` when it is one word with coefficient 1 found without rewriting:
    /// v itself, or (no fermions) v stably sorted by group, the first step `canonicalWord`
    /// takes, when that is canonical. Reversing H's words mostly just reorders letters of
    /// different groups, and this spares the word dictionaries.
    private func canonicalBySorting(_ v: Word) -> Word? {
        if isCanonical(v) { return v }
        guard v.count > 1, !v.contains(where: { kind($0) == .fermion }) else { return nil }
        var u = v
        for i in 1..<u.count {
            var j = i
            while j > 0 && u[j - 1].group > u[j].group { u.swapAt(j, j - 1); j -= 1 }
        }
        return u != v && isCanonical(u) ? u : nil
    }
}
