/// Sums, integrals and products over a bound variable, in the locally nameless style:
/// the bound variable is stored as a de Bruijn index, so two binders that differ only
/// by the name of their variable are the same node (compared up to renaming in O(1)).
///
/// **Scoping.** Index 0 is the innermost enclosing binder. A term under k binders that mentions
/// a variable bound outside them (a *loose* index ≥ k) is shifted whenever it moves between
/// depths, so no operation captures a variable: `binder` shifts the loose indices of the body it
/// closes over, `instantiateBinder` lowers them when the binder goes away and shifts the value
/// it puts under deeper binders, and substitution shifts its replacements (Substitute.swift).
/// Work under a binder opens it with a fresh variable (`openBinderFresh`, used by the rewriting
/// walks and every binder operation), so rules and operations see a named variable, never a
/// loose index.
///
/// **Names.** The node keeps the variable it was first built with as a hint for printing
/// (`binderHint`); it is not part of the node's identity. Two binders that differ only in the
/// hint are one node, so the first one interned names both: after ∫dω f(ω) has been built,
/// parsing `integral(f(t), t, -oo, oo)` gives that node and prints with ω. A binder rebuilt from
/// a hinted one (substitution, rewriting) keeps its hint when the rebuilt node is new.
public enum BinderKind: Int, Sendable, CaseIterable {
    case sum = 0
    case integral = 1
    case product = 2
}

extension Expr {
    /// A binder `kind_{variable = lower}^{upper} body`. The variable's declared
    /// assumptions (real frequency, integer index) are kept with the binder, and the variable
    /// itself as the node's name hint.
    public static func binder(_ kind: BinderKind, _ variable: Symbol, from lower: Expr, to upper: Expr,
                              _ body: Expr) -> Expr {
        let assumptions = variable.info.assumptions
        let abstracted = body.abstract(variable, depth: 0, assumptions: assumptions)
        let value = Int64(kind.rawValue) | (Int64(assumptions.rawValue) << 8)
        return rawBinder(value: value, [abstracted, lower, upper], hint: variable.index + 1)
    }

    public static func integral(_ body: Expr, _ variable: Symbol, from lower: Expr, to upper: Expr) -> Expr {
        binder(.integral, variable, from: lower, to: upper, body)
    }

    public static func sum(_ body: Expr, _ variable: Symbol, from lower: Expr, to upper: Expr) -> Expr {
        binder(.sum, variable, from: lower, to: upper, body)
    }

    /// Sums and integrals are linear, so they have their body's parity (∫dt ψ(t) is odd); a
    /// product of odd or mixed factors has no parity known before its range is: mixed.
    static func rawBinder(value: Int64, _ list: [Expr], hint: UInt32) -> Expr {
        var flags: NodeFlags = list[0].flags.intersection([.odd, .mixed, .noncommuting, .hasGrassmann])
        for c in list { flags.formUnion(c.flags.intersection([.hasBound, .hasGrassmann, .noncommuting])) }
        let kind = BinderKind(rawValue: Int(value & 0xff))
        if kind == .integral, list.allSatisfy({ $0.isReal }) { flags.insert(.real) }
        if kind == .product, flags.contains(.odd) { flags.remove(.odd); flags.insert(.mixed) }
        return raw(.binder, value: value, flags: flags, list, valueHash: UInt64(bitPattern: value), hint: hint)
    }

    public var binderKind: BinderKind? { kind == .binder ? BinderKind(rawValue: Int(rawValue & 0xff)) : nil }
    public var binderAssumptions: Assumptions { Assumptions(rawValue: UInt8((rawValue >> 8) & 0xff)) }
    /// Body, lower and upper limit of a binder.
    public var binderParts: (body: Expr, lower: Expr, upper: Expr)? {
        kind == .binder ? (children[0], children[1], children[2]) : nil
    }

    /// The variable the binder was first built with (its name is the printing hint), or nil.
    public var binderHint: Symbol? {
        let h = node.pointee.hint
        return kind == .binder && h != 0 ? Symbol(index: h - 1) : nil
    }

    static func bound(_ index: Int, _ assumptions: Assumptions) -> Expr {
        var flags: NodeFlags = [.hasBound]
        if assumptions.contains(.real) { flags.insert(.real) }
        if assumptions.contains(.integer) { flags.insert(.integer) }
        if assumptions.contains(.positive) { flags.insert(.positive) }
        if assumptions.contains(.nonnegative) { flags.insert(.nonnegative) }
        let value = Int64(index) | (Int64(assumptions.rawValue) << 32)
        return ExprStore.shared.intern(kind: .bound, flags: flags, value: value,
                                       children: UnsafeBufferPointer(start: nil, count: 0),
                                       hash: hashMix(UInt64(Kind.bound.rawValue), UInt64(bitPattern: value)))
    }

    public var boundIndex: Int? { kind == .bound ? Int(rawValue & 0xffff_ffff) : nil }
    var boundAssumptions: Assumptions { Assumptions(rawValue: UInt8((rawValue >> 32) & 0xff)) }

    /// The loose indices ≥ `cutoff` moved by `amount` (the term goes under `amount` more
    /// binders, or out of −amount of them).
    public func shifted(by amount: Int, cutoff: Int = 0) -> Expr {
        if amount == 0 || !flags.contains(.hasBound) { return self }
        switch kind {
        case .bound:
            let i = boundIndex!
            if i < cutoff { return self }
            precondition(i + amount >= 0, "shifting a bound variable out of its binder")
            return .bound(i + amount, boundAssumptions)
        case .binder:
            let c = children
            return withChildren([c[0].shifted(by: amount, cutoff: cutoff + 1),
                                 c[1].shifted(by: amount, cutoff: cutoff),
                                 c[2].shifted(by: amount, cutoff: cutoff)])
        default:
            return mapChildren { $0.shifted(by: amount, cutoff: cutoff) }
        }
    }

    /// Whether a loose index in `range` (counted at this level) occurs.
    func mentionsBound(in range: Range<Int>) -> Bool {
        if !flags.contains(.hasBound) || range.isEmpty { return false }
        switch kind {
        case .bound: return range.contains(boundIndex!)
        case .binder:
            let c = children
            return c[0].mentionsBound(in: (range.lowerBound + 1)..<(range.upperBound + 1))
                || c[1].mentionsBound(in: range) || c[2].mentionsBound(in: range)
        default: return children.contains { $0.mentionsBound(in: range) }
        }
    }

    /// The symbol `v` replaced by the index `depth`; loose indices at or above `depth` move up
    /// one, since the body goes under one more binder.
    func abstract(_ v: Symbol, depth: Int, assumptions: Assumptions) -> Expr {
        switch kind {
        case .symbol:
            return symbol == v ? .bound(depth, assumptions) : self
        case .integer, .number:
            return self
        case .bound:
            let i = boundIndex!
            return i >= depth ? .bound(i + 1, boundAssumptions) : self
        case .binder:
            let c = children
            return withChildren([c[0].abstract(v, depth: depth + 1, assumptions: assumptions),
                                 c[1].abstract(v, depth: depth, assumptions: assumptions),
                                 c[2].abstract(v, depth: depth, assumptions: assumptions)])
        default:
            return mapChildren { $0.abstract(v, depth: depth, assumptions: assumptions) }
        }
    }

    /// The body of a binder with its bound variable replaced by `value`
    /// (usually a fresh symbol, to work on the body).
    public func instantiateBinder(with value: Expr) -> Expr {
        precondition(kind == .binder, "instantiateBinder on a non-binder")
        return children[0].instantiate(depth: 0, value)
    }

    /// Index `depth` replaced by `value` (shifted under the `depth` binders it goes under);
    /// loose indices above it move down one, since the binder that bound `depth` is gone.
    func instantiate(depth: Int, _ value: Expr) -> Expr {
        if !flags.contains(.hasBound) { return self }
        switch kind {
        case .bound:
            let i = boundIndex!
            if i == depth { return value.shifted(by: depth) }
            return i > depth ? .bound(i - 1, boundAssumptions) : self
        case .binder:
            let c = children
            return withChildren([c[0].instantiate(depth: depth + 1, value),
                                 c[1].instantiate(depth: depth, value),
                                 c[2].instantiate(depth: depth, value)])
        default:
            return mapChildren { $0.instantiate(depth: depth, value) }
        }
    }

    /// Opens a binder with a variable named from `hint`, not free in the binder. The variable
    /// is an ordinary symbol (printers use it, so that the text reads back); for work under a
    /// binder use `openBinderFresh`, whose variable nothing else can be equal to.
    public func openBinder(hint: String) -> (variable: Symbol, body: Expr)? {
        guard kind == .binder else { return nil }
        let used = Set(freeSymbols.map(\.name))
        var name = hint
        var k = 1
        while used.contains(name) { name = "\(hint)\(k)"; k += 1 }
        let v = Symbol(name, binderAssumptions)
        return (v, instantiateBinder(with: .symbol(v)))
    }

    /// Opens a binder with a fresh variable (`Symbol.fresh`) named after the binder's hint (ν
    /// for an integral without one, k for a sum or product), declared like the hint (an index
    /// kind carries over) with the binder's assumptions. Close it again with
    /// `Expr.binder(kind, variable, from:to:body)`: no term a computation brings into the body
    /// can be captured, since none can contain the fresh variable.
    public func openBinderFresh() -> (variable: Symbol, body: Expr)? {
        guard kind == .binder else { return nil }
        let hint = binderHint
        let name = hint?.name ?? (binderKind == .integral ? "ν" : "k")
        let v = Symbol.fresh(name, binderAssumptions, like: hint)
        return (v, instantiateBinder(with: .symbol(v)))
    }

    /// `mapChildren`, except that a binder's body is opened with a fresh variable before
    /// `transform` sees it and closed again after, so the transform never meets a loose index
    /// and nothing it brings in can be captured. The walks of the rewriting engine use it.
    public func mapChildrenOpeningBinder(_ transform: (Expr) throws -> Expr) rethrows -> Expr {
        guard kind == .binder, let (v, body) = openBinderFresh() else { return try mapChildren(transform) }
        let (lower, upper) = (children[1], children[2])
        let (newBody, newLower, newUpper) = (try transform(body), try transform(lower), try transform(upper))
        if newBody == body && newLower == lower && newUpper == upper { return self }
        return .binder(binderKind!, v, from: newLower, to: newUpper, newBody)
    }
}
