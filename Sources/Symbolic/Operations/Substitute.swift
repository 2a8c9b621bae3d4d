/// Simultaneous substitution.
///
/// Every key (a symbol or any subexpression) is replaced by its value in one pass over
/// the expression DAG, so `[x: y, y: x]` swaps x and y. Shared subtrees are visited once
/// (memoised by node id), and results are rebuilt through `withChildren`, so they are
/// canonical.
///
/// Capture-free: under a binder the bound variable is a de Bruijn index, never a symbol, so
/// substituting for a symbol cannot touch it; and a key or value that mentions a loose index
/// (a variable bound outside the expression, met when working inside a binder body without
/// opening it) is shifted by one for every binder it goes under, so it keeps referring to the
/// binder it referred to. Without loose indices (the common case) the walk is the plain one.
extension Expr {
    public func substitute(_ replacements: [Expr: Expr]) -> Expr {
        if replacements.isEmpty { return self }
        var substitution = Substitution(replacements)
        return substitution(self)
    }

    public func substitute(_ replacements: [Symbol: Expr]) -> Expr {
        if replacements.isEmpty { return self }
        var substitution = Substitution(replacements)
        return substitution(self)
    }

    /// The same substitution in several expressions with one memo: subexpressions shared
    /// between them (the entries of a stability matrix share most of theirs) are rebuilt once.
    public static func substitute(_ roots: [Expr], _ replacements: [Symbol: Expr]) -> [Expr] {
        if replacements.isEmpty { return roots }
        var substitution = Substitution(replacements)
        return roots.map { substitution($0) }
    }

    /// Replaces one subexpression.
    public func substitute(_ old: Expr, with new: Expr) -> Expr { substitute([old: new]) }
}

/// A simultaneous substitution that remembers what it rebuilt across calls, for
/// expressions met one at a time that share subexpressions (the columns of a stability
/// matrix at a point share most of theirs).
public struct Substitution {
    private let replacements: [Expr: Expr]
    private var memo: [Expr: Expr] = [:]
    /// Set when a key or value mentions a loose index: the replacements, and the depth each
    /// value was taken at (a rule's bindings found inside a binder of its pattern), so that
    /// they can be shifted to every depth they are used at.
    private var scoped: ScopedReplacements?

    public init(_ replacements: [Expr: Expr]) {
        self.replacements = replacements
        if replacements.contains(where: { $0.key.flags.contains(.hasBound) || $0.value.flags.contains(.hasBound) }) {
            scoped = ScopedReplacements(replacements.map { ($0.key, $0.value, 0) })
        }
    }

    public init(_ replacements: [Symbol: Expr]) {
        self.init(Dictionary(uniqueKeysWithValues: replacements.map { (Expr.symbol($0.key), $0.value) }))
    }

    /// Values taken at a depth: `depth` binders below the root of the expression they came
    /// from (see `Bindings`).
    init(scoped entries: [(key: Expr, value: Expr, depth: Int)]) {
        replacements = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        if entries.contains(where: { $0.depth != 0 || $0.key.flags.contains(.hasBound) || $0.value.flags.contains(.hasBound) }) {
            scoped = ScopedReplacements(entries)
        }
    }

    /// False when a value taken under binders had to be placed where those binders are not
    /// (it was left unshifted there).
    var placedEveryValue: Bool { !(scoped?.dangling ?? false) }

    public mutating func callAsFunction(_ e: Expr) -> Expr {
        if scoped != nil { return scoped!.walk(e, depth: 0) }
        if let r = replacements[e] { return r }
        if e.children.isEmpty { return e }
        if let done = memo[e] { return done }
        var changed = false
        var list: [Expr] = []
        list.reserveCapacity(e.children.count)
        for c in e.children {
            let r = self(c)
            if r != c { changed = true }
            list.append(r)
        }
        let out = changed ? e.withChildren(list) : e
        memo[e] = out
        return out
    }
}

/// The replacements of a substitution as seen at each depth under binders.
private struct ScopedReplacements {
    let entries: [(key: Expr, value: Expr, depth: Int)]
    /// Per depth: each key's value shifted there, or the unshifted value marked unplaceable.
    var levels: [[Expr: (value: Expr, placeable: Bool)]] = []
    var memos: [[Expr: Expr]] = []
    var dangling = false

    init(_ entries: [(key: Expr, value: Expr, depth: Int)]) { self.entries = entries }

    /// The replacements `depth` binders below the root: keys and values shifted by the binders
    /// in between (a value taken at depth k moves by depth − k; one that mentions the k − depth
    /// innermost binders it was found under cannot be placed above them).
    mutating func level(_ depth: Int) -> [Expr: (value: Expr, placeable: Bool)] {
        while levels.count <= depth {
            let d = levels.count
            var map: [Expr: (value: Expr, placeable: Bool)] = [:]
            for (key, value, k) in entries {
                let placeable = d >= k || !value.mentionsBound(in: 0..<(k - d))
                map[key.shifted(by: d)] = (placeable ? value.shifted(by: d - k) : value, placeable)
            }
            levels.append(map)
            memos.append([:])
        }
        return levels[depth]
    }

    mutating func walk(_ e: Expr, depth: Int) -> Expr {
        if let r = level(depth)[e] {
            if !r.placeable { dangling = true }
            return r.value
        }
        if e.children.isEmpty { return e }
        if let done = memos[depth][e] { return done }
        var list: [Expr] = []
        list.reserveCapacity(e.children.count)
        for (k, c) in e.children.enumerated() {
            list.append(walk(c, depth: e.kind == .binder && k == 0 ? depth + 1 : depth))
        }
        let out = e.withChildren(list)
        memos[depth][e] = out
        return out
    }
}
