import ArbitraryPrecision

/// What a contextual product match left around the matched part: `subject = sign ·
/// commuting · prefix · [matched] · odd · suffix` (odd factors after the matched part, in
/// order). A rule whose left side holds operator or Grassmann factors rewrites a sub-word
/// of a longer product and keeps this context around its right side.
struct MatchContext {
    var sign: Int = 1
    var commuting: [Expr] = []
    var odd: [Expr] = []
    var prefix: [Expr] = []
    var suffix: [Expr] = []

    /// The context around `replacement`, distributed over its terms so that a sum on the
    /// right side of a rule does not leave a product of sums behind.
    func wrap(_ replacement: Expr) -> Expr {
        let terms: [Expr] = replacement.kind == .add ? Array(replacement.children) : [replacement]
        var builder = SumBuilder()
        for t in terms {
            builder.add(Expr.mul([Expr.integer(sign)] + commuting + prefix + [t] + odd + suffix))
        }
        return builder.build()
    }
}

/// Structural matching with backtracking, written in continuation-passing style: each
/// step calls the continuation with the bindings so far and, when the continuation
/// rejects them, tries the next alternative. Sums and the commuting factors of products
/// match associatively–commutatively (each assignment tried, sequence wildcards absorb the
/// rest); operator words match in order, as a contiguous sub-word at the top of a rule;
/// Grassmann factors match as a subset, the sign of the permutation kept. The number of
/// steps is bounded (`budget`), so a pathological pattern fails instead of hanging.
final class Matcher {
    private(set) var budget: Int
    private(set) var exhausted = false
    private var specCache: [Symbol: WildcardSpec?] = [:]
    private var wildcardMemo: [Expr: Bool] = [:]
    var context: MatchContext? = nil
    /// How many binders of the pattern enclose the part being matched (bindings remember it).
    private var depth = 0

    init(budget: Int = 100_000) { self.budget = budget }

    func spec(_ e: Expr) -> WildcardSpec? {
        guard e.kind == .symbol, let s = e.symbol else { return nil }
        if let cached = specCache[s] { return cached }
        let found = WildcardRegistry.shared.spec(s)
        specCache[s] = found
        return found
    }

    func hasWildcards(_ e: Expr) -> Bool {
        if e.kind == .symbol { return spec(e) != nil }
        if e.children.isEmpty { return false }
        if let m = wildcardMemo[e] { return m }
        let r = e.children.contains { hasWildcards($0) }
        wildcardMemo[e] = r
        return r
    }

    private func step() -> Bool {
        budget -= 1
        if budget < 0 { exhausted = true; return false }
        return true
    }

    // MARK: - Entry points

    /// Matches `pattern` against the whole of `subject`.
    func match(_ pattern: Expr, _ subject: Expr, _ accept: (Bindings) -> Bool) -> Bool {
        context = nil
        return match(pattern, subject, Bindings(), accept)
    }

    /// Matches `pattern` at the top of `subject`, allowing a sub-word match of a product
    /// whose pattern holds operator or Grassmann factors; `context` is set for `accept`.
    func matchInContext(_ pattern: Expr, _ subject: Expr, _ accept: (Bindings) -> Bool) -> Bool {
        context = nil
        let parts = ProductParts(pattern)
        if !parts.ordered.isEmpty || !parts.odd.isEmpty {
            return matchProduct(pattern, subject, Bindings(), contextual: true, accept)
        }
        return match(pattern, subject, Bindings(), accept)
    }

    // MARK: - Structural matching

    func match(_ p: Expr, _ s: Expr, _ b: Bindings, _ k: (Bindings) -> Bool) -> Bool {
        guard step() else { return false }
        if !hasWildcards(p) { return p == s && k(b) }
        if let w = spec(p) { return bind(p.symbol!, w, s, b, k) }
        switch p.kind {
        case .add:
            let terms: [Expr] = s.kind == .add ? Array(s.children) : [s]
            return matchSum(Array(p.children), terms, b, k)
        case .mul:
            return matchProduct(p, s, b, contextual: false, k)
        case .pow:
            let (pb, pe) = (p.children[0], p.children[1])
            if s.kind == .pow, match(pb, s.children[0], b, { self.match(pe, s.children[1], $0, k) }) { return true }
            if let w = spec(pe), let d = w.defaultValue, s.kind != .pow {
                return match(pb, s, b) { self.bind(pe.symbol!, w, d, $0, k) }
            }
            return false
        case .function:
            guard s.kind == .function, s.head == p.head, s.children.count == p.children.count else { return false }
            return matchList(Array(p.children), Array(s.children), 0, b, k)
        case .binder:
            // Limits at this depth, then the body one binder deeper (its wildcards' values may
            // mention the bound variable, as index 0 at that depth).
            guard s.kind == .binder, s.rawValue == p.rawValue else { return false }
            return matchList([p.children[1], p.children[2]], [s.children[1], s.children[2]], 0, b) { b1 in
                self.matchUnderBinder(p.children[0], s.children[0], b1, k)
            }
        default:
            return false
        }
    }

    /// Matches a binder body one level deeper; the continuation runs back at this level.
    private func matchUnderBinder(_ p: Expr, _ s: Expr, _ b: Bindings, _ k: (Bindings) -> Bool) -> Bool {
        depth += 1
        let found = match(p, s, b) { b1 in
            self.depth -= 1
            let accepted = k(b1)
            self.depth += 1
            return accepted
        }
        depth -= 1
        return found
    }

    private func bind(_ sym: Symbol, _ w: WildcardSpec, _ value: Expr, _ b: Bindings, _ k: (Bindings) -> Bool) -> Bool {
        if let old = b.values[sym] {
            // The same value seen at two depths: compare it at the deeper one.
            let (od, nd) = (b.depth(sym), depth)
            let same = od == nd ? old == value : od < nd ? old.shifted(by: nd - od) == value : value.shifted(by: od - nd) == old
            return same && k(b)
        }
        guard w.isSequence || w.type.accepts(value) else { return false }
        var nb = b
        nb.bind(sym, value, depth: depth)
        return k(nb)
    }

    private func matchList(_ ps: [Expr], _ ss: [Expr], _ i: Int, _ b: Bindings, _ k: (Bindings) -> Bool) -> Bool {
        if i == ps.count { return k(b) }
        return match(ps[i], ss[i], b) { self.matchList(ps, ss, i + 1, $0, k) }
    }

    /// Orders pattern items so that the most constrained are tried first: items without
    /// wildcards, then compound items, then bare wildcards.
    private func constrainedFirst(_ items: [Expr]) -> [Expr] {
        func rank(_ e: Expr) -> Int { !hasWildcards(e) ? 0 : (spec(e) == nil ? 1 : 2) }
        return items.sorted { rank($0) < rank($1) }
    }

    /// Assigns each pattern item to a distinct subject item (all assignments, with
    /// backtracking); calls `k` with the unused subject items. An optional wildcard that
    /// finds nothing takes its default.
    private func assign(_ ps: [Expr], _ i: Int, _ ss: [Expr], _ used: [Bool], _ b: Bindings,
                        _ k: (Bindings, [Expr]) -> Bool) -> Bool {
        if i == ps.count {
            return k(b, zip(ss, used).filter { !$0.1 }.map { $0.0 })
        }
        let p = ps[i]
        var tried = Set<Expr>()
        for j in ss.indices where !used[j] {
            // Equal subject items give equal outcomes: try each distinct value once.
            guard tried.insert(ss[j]).inserted else { continue }
            var nextUsed = used
            nextUsed[j] = true
            if match(p, ss[j], b, { self.assign(ps, i + 1, ss, nextUsed, $0, k) }) { return true }
            if exhausted { return false }
        }
        if let w = spec(p), let d = w.defaultValue {
            return bind(p.symbol!, w, d, b) { self.assign(ps, i + 1, ss, used, $0, k) }
        }
        return false
    }

    private func matchSum(_ pterms: [Expr], _ sterms: [Expr], _ b: Bindings, _ k: (Bindings) -> Bool) -> Bool {
        let sequences = pterms.filter { spec($0)?.isSequence == true }
        let others = constrainedFirst(pterms.filter { spec($0)?.isSequence != true })
        return assign(others, 0, sterms, [Bool](repeating: false, count: sterms.count), b) { b2, rest in
            self.absorb(sequences, rest.isEmpty ? .zero : Expr.add(rest), .zero, restEmpty: rest.isEmpty, b2, k)
        }
    }

    /// Binds the first sequence wildcard to `value` and the others to `empty`; without
    /// sequence wildcards the rest must be empty.
    private func absorb(_ sequences: [Expr], _ value: Expr, _ empty: Expr, restEmpty: Bool,
                        _ b: Bindings, _ k: (Bindings) -> Bool) -> Bool {
        guard let first = sequences.first else { return restEmpty && k(b) }
        var pending = Array(sequences.dropFirst())
        func bindRest(_ b: Bindings) -> Bool {
            guard let next = pending.first else { return k(b) }
            pending.removeFirst()
            return bind(next.symbol!, spec(next)!, empty, b, bindRest)
        }
        return bind(first.symbol!, spec(first)!, value, b, bindRest)
    }

    private func matchProduct(_ p: Expr, _ s: Expr, _ b: Bindings, contextual: Bool,
                              _ k: (Bindings) -> Bool) -> Bool {
        let pp = ProductParts(p), sp = ProductParts(s)
        guard !pp.coefficient.isZero else { return false }
        let c = sp.coefficient / pp.coefficient
        var candidates = sp.commuting
        if !c.isOne { candidates.append(.number(c)) }
        let sequences = pp.commuting.filter { spec($0)?.isSequence == true }
        let others = constrainedFirst(pp.commuting.filter { spec($0)?.isSequence != true })

        return assign(others, 0, candidates, [Bool](repeating: false, count: candidates.count), b) { b1, restCommuting in
            self.matchOdd(pp.odd, sp.odd, b1) { b2, sign, restOdd in
                self.matchWord(pp.ordered, sp.ordered, b2, strict: !contextual) { b3, prefix, suffix in
                    if contextual {
                        var ctx = MatchContext(sign: sign, commuting: [], odd: restOdd, prefix: prefix, suffix: suffix)
                        if sequences.isEmpty {
                            ctx.commuting = restCommuting
                            self.context = ctx
                            return k(b3)
                        }
                        return self.absorb(sequences, Expr.mul(restCommuting), .one, restEmpty: true, b3) {
                            self.context = ctx
                            return k($0)
                        }
                    }
                    let restEmpty = restCommuting.isEmpty && restOdd.isEmpty && prefix.isEmpty && suffix.isEmpty
                    let leftover = Expr.mul([Expr.integer(sign)] + restCommuting + prefix + restOdd + suffix)
                    return self.absorb(sequences, leftover, .one, restEmpty: restEmpty && sign == 1, b3, k)
                }
            }
        }
    }

    /// Grassmann factors: each pattern factor takes a distinct subject factor; the sign is
    /// that of moving the chosen factors, in pattern order, to the front.
    private func matchOdd(_ ps: [Expr], _ ss: [Expr], _ b: Bindings,
                          _ k: (Bindings, Int, [Expr]) -> Bool) -> Bool {
        func go(_ i: Int, _ chosen: [Int], _ b: Bindings) -> Bool {
            if i == ps.count {
                let rest = ss.indices.filter { !chosen.contains($0) }
                return k(b, permutationSign(chosen + rest), rest.map { ss[$0] })
            }
            for j in ss.indices where !chosen.contains(j) {
                if match(ps[i], ss[j], b, { go(i + 1, chosen + [j], $0) }) { return true }
                if exhausted { return false }
            }
            return false
        }
        return go(0, [], b)
    }

    /// Operator words: the pattern's letters match a contiguous run of the subject's
    /// letters (powers written out); strict matching needs the whole word.
    private func matchWord(_ pw: [Expr], _ sw: [Expr], _ b: Bindings, strict: Bool,
                           _ k: (Bindings, [Expr], [Expr]) -> Bool) -> Bool {
        if pw.isEmpty { return k(b, sw, []) }
        let pl = ProductParts.letters(pw), sl = ProductParts.letters(sw)
        if strict {
            guard pl.count == sl.count else {
                return pw.count == sw.count && matchList(pw, sw, 0, b) { k($0, [], []) }
            }
            return matchList(pl, sl, 0, b) { k($0, [], []) }
        }
        guard pl.count <= sl.count else { return false }
        for start in 0...(sl.count - pl.count) {
            let window = Array(sl[start..<(start + pl.count)])
            if matchList(pl, window, 0, b, { k($0, Array(sl[..<start]), Array(sl[(start + pl.count)...])) }) {
                return true
            }
            if exhausted { return false }
        }
        return false
    }
}
