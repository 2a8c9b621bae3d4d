import ArbitraryPrecision
import Symbolic

/// An operator as canonical words with distributed coefficients.
typealias DistributedOperator = [Word: DistributedSum]

/// The generator of the Heisenberg equations of an open system,
///
///   dO/dt = i[H, O] + Σ_k γ_k (L_k† O L_k − ½{L_k† L_k, O}),
///
/// with H and every L_k read once into canonical words with distributed coefficients, and
/// the products γ_k L_k† ⊗ L_k and −½γ_k L_k† L_k formed once. Applying it to O costs
/// normal ordering of words (remembered by the algebra) and rational arithmetic; a
/// coefficient node is built only for a product of two parameter monomials.
struct HeisenbergGenerator {
    struct Jump {
        /// γ L_j† ⊗ L_k: the words on the left and right of O and their coefficient.
        var sandwich: [(left: Word, right: Word, coefficient: DistributedSum)] = []
        /// −½γ L†L, canonical.
        var anticommutator: [(word: Word, coefficient: DistributedSum)] = []
        var supports: [WordSupport] = []
        /// The ensemble of a per-site dissipator, whose terms are summed over sites, and its size.
        var siteGroup: Int?
        var siteCount = DistributedSum.one
    }

    let algebra: OperatorAlgebra
    /// i·c_h for every canonical word h of H.
    let hamiltonian: [(word: Word, coefficient: DistributedSum, support: WordSupport)]
    let jumps: [Jump]

    init(_ system: OpenSystem, _ products: inout MonomialProducts) {
        let a = system.algebra
        algebra = a
        let i = GaussianRational.i
        hamiltonian = a.distributed(system.hamiltonianSum, &products).map { ($0.key, $0.value.scaled(i), a.support($0.key)) }
        var jumps: [Jump] = []
        let minusHalf = GaussianRational(BigRational(-1, 2))
        for ((d, group), l) in zip(zip(system.dissipators, system.siteGroups), system.jumpReadings) {
            let rate = DistributedSum(d.rate, &products)
            let terms = a.distributed(l, &products)
            var adjoint: DistributedOperator = [:]
            for (w, c) in terms {
                let conj = DistributedSum(Expr.conjugate(c.expr(products)), &products)
                for (v, q) in a.adjointWord(w) { adjoint[v, default: DistributedSum()].add(conj, times: q) }
            }
            var jump = Jump(siteGroup: group)
            if let g = group, case .spinEnsemble(let size, false) = a.groups[g].kind {
                jump.siteCount = DistributedSum(size, &products)
            }
            jump.supports = terms.keys.map { a.support($0) }
            var ldl: DistributedOperator = [:]
            for (u, cu) in adjoint {
                for (v, cv) in terms {
                    let c = cu.times(cv, &products)
                    jump.sandwich.append((u, v, rate.times(c, &products)))
                    a.forEachCanonicalTerm(u + v) { x, q in ldl[x, default: DistributedSum()].add(c, times: q) }
                }
            }
            for (x, c) in ldl where !c.isZero {
                jump.anticommutator.append((x, rate.times(c, &products).scaled(minusHalf)))
            }
            jumps.append(jump)
        }
        self.jumps = jumps
    }

    /// dO/dt for O given as canonical words without per-site letters (words whose
    /// coefficients cancelled may remain, with a zero coefficient).
    func apply(_ o: DistributedOperator, _ products: inout MonomialProducts) throws -> DistributedOperator {
        if o.keys.contains(where: { $0.contains { $0.role.isSite } }) {
            throw AlgebraError.unsupported("per-site operators in the observable (write collective operators)")
        }
        let a = algebra
        var total: DistributedOperator = [:]
        total.reserveCapacity(32)
        // [h, o] as words: a few, most of h·o cancelling against o·h (a linear scan is cheaper
        // than a dictionary here).
        var commutator = WordCombination()
        for (ow, co) in o {
            // Terms that commute with O drop out of [H, O] and of D†[L]O; deciding that from
            // the supports of the words skips most of the normal ordering (an observable of
            // one mode meets only the few terms of H that touch that mode).
            let so = a.support(ow)
            for (h, ch, sh) in hamiltonian where !sh.commutes(with: so) {
                commutator.removeAll()
                a.forEachCanonicalTerm(h + ow) { v, q in commutator.add(v, q) }
                a.forEachCanonicalTerm(ow + h) { v, q in commutator.add(v, -q) }
                if commutator.isEmpty { continue }
                let c = ch.times(co, &products)
                for (v, q) in commutator.terms { total[v, default: DistributedSum()].add(c, times: q) }
            }
            for jump in jumps where !jump.supports.allSatisfy({ $0.commutes(with: so) }) {
                // A per-site dissipator's term is summed over sites before it joins the total.
                var term: DistributedOperator = [:]
                func add(_ w: Word, _ c: DistributedSum) {
                    a.forEachCanonicalTerm(w) { v, q in
                        if jump.siteGroup == nil { total[v, default: DistributedSum()].add(c, times: q) }
                        else { term[v, default: DistributedSum()].add(c, times: q) }
                    }
                }
                for (left, right, c) in jump.sandwich { add(left + ow + right, c.times(co, &products)) }
                for (x, c) in jump.anticommutator {
                    let coefficient = c.times(co, &products)
                    add(x + ow, coefficient)
                    add(ow + x, coefficient)
                }
                if let g = jump.siteGroup { a.sumOverSites(term, group: g, count: jump.siteCount, into: &total, &products) }
            }
        }
        return total
    }
}

extension OperatorAlgebra {
    /// An operator read by `read`, in canonical words with distributed coefficients.
    func distributed(_ s: OperatorSum, _ products: inout MonomialProducts) -> DistributedOperator {
        var out: DistributedOperator = [:]
        // A coefficient such as λ/√N multiplies several words of a Hamiltonian.
        var read: [Expr: DistributedSum] = [:]
        for (w, cs) in s.terms {
            var c = DistributedSum()
            for e in cs {
                if read[e] == nil { read[e] = DistributedSum(e, &products) }
                c.add(read[e]!, times: GaussianRational.one)
            }
            if c.isZero { continue }
            forEachCanonicalTerm(w) { v, q in out[v, default: DistributedSum()].add(c, times: q) }
        }
        return out.filter { !$0.value.isZero }
    }

    /// Σ_i of a term with at most one σ_i letter of `group` per word, added to `total`:
    /// no σ_i → × N (`count`), σ_i^α → S^α. Exact for any observable that is a polynomial in
    /// collective operators, since only site i fails to commute with σ_i.
    func sumOverSites(_ term: DistributedOperator, group: Int, count n: DistributedSum,
                      into total: inout DistributedOperator, _ products: inout MonomialProducts) {
        guard case .spinEnsemble(_, let single) = groups[group].kind, !single else {
            for (v, c) in term { total[v, default: DistributedSum()].add(c, times: GaussianRational.one) }
            return
        }
        for (w, c) in term where !c.isZero {
            let sites = w.indices.filter { w[$0].group == group && w[$0].role.isSite }
            precondition(sites.count <= 1, "canonical words hold at most one per-site letter")
            if let k = sites.first {
                var v = w
                v[k] = Letter(group: group, role: w[k].role.collective)
                forEachCanonicalTerm(v) { u, q in total[u, default: DistributedSum()].add(c, times: q) }
            } else {
                total[w, default: DistributedSum()].add(c.times(n, &products), times: GaussianRational.one)
            }
        }
    }

    /// The expression Σ coefficient · (product of the word's letters).
    func expr(_ s: DistributedOperator, _ products: MonomialProducts) -> Expr {
        Expr.add(s.compactMap { w, c in c.isZero ? nil : Expr.mul([c.expr(products)] + w.map { expr($0) }) })
    }
}
