/// Sums, integrals and products over a bound variable, in the locally nameless style:
/// the bound variable is stored as a de Bruijn index, so two binders that differ only
/// by the name of their variable are the same node (compared up to renaming in O(1)).
public enum BinderKind: Int, Sendable, CaseIterable {
    case sum = 0
    case integral = 1
    case product = 2
}

extension Expr {
    /// A binder `kind_{variable = lower}^{upper} body`. The variable's declared
    /// assumptions (real frequency, integer index) are kept with the binder.
    public static func binder(_ kind: BinderKind, _ variable: Symbol, from lower: Expr, to upper: Expr,
                              _ body: Expr) -> Expr {
        let assumptions = variable.info.assumptions
        let abstracted = body.abstract(variable, depth: 0, assumptions: assumptions)
        let value = Int64(kind.rawValue) | (Int64(assumptions.rawValue) << 8)
        return rawBinder(value: value, [abstracted, lower, upper])
    }

    public static func integral(_ body: Expr, _ variable: Symbol, from lower: Expr, to upper: Expr) -> Expr {
        binder(.integral, variable, from: lower, to: upper, body)
    }

    public static func sum(_ body: Expr, _ variable: Symbol, from lower: Expr, to upper: Expr) -> Expr {
        binder(.sum, variable, from: lower, to: upper, body)
    }

    static func rawBinder(value: Int64, _ list: [Expr]) -> Expr {
        var flags: NodeFlags = list[0].flags.intersection([.odd, .noncommuting, .hasGrassmann])
        for c in list { flags.formUnion(c.flags.intersection([.hasBound, .hasGrassmann, .noncommuting])) }
        if BinderKind(rawValue: Int(value & 0xff)) == .integral,
           list.allSatisfy({ $0.isReal }) { flags.insert(.real) }
        return raw(.binder, value: value, flags: flags, list, valueHash: UInt64(bitPattern: value))
    }

    public var binderKind: BinderKind? { kind == .binder ? BinderKind(rawValue: Int(rawValue & 0xff)) : nil }
    public var binderAssumptions: Assumptions { Assumptions(rawValue: UInt8((rawValue >> 8) & 0xff)) }
    /// Body, lower and upper limit of a binder.
    public var binderParts: (body: Expr, lower: Expr, upper: Expr)? {
        kind == .binder ? (children[0], children[1], children[2]) : nil
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

    func abstract(_ v: Symbol, depth: Int, assumptions: Assumptions) -> Expr {
        switch kind {
        case .symbol:
            return symbol == v ? .bound(depth, assumptions) : self
        case .integer, .number, .bound:
            return self
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

    func instantiate(depth: Int, _ value: Expr) -> Expr {
        if !flags.contains(.hasBound) { return self }
        switch kind {
        case .bound:
            return boundIndex == depth ? value : self
        case .binder:
            let c = children
            return withChildren([c[0].instantiate(depth: depth + 1, value),
                                 c[1].instantiate(depth: depth, value),
                                 c[2].instantiate(depth: depth, value)])
        default:
            return mapChildren { $0.instantiate(depth: depth, value) }
        }
    }

    /// Opens a binder with a fresh variable named from `hint`, not free in the binder.
    public func openBinder(hint: String) -> (variable: Symbol, body: Expr)? {
        guard kind == .binder else { return nil }
        let used = Set(freeSymbols.map(\.name))
        var name = hint
        var k = 1
        while used.contains(name) { name = "\(hint)\(k)"; k += 1 }
        let v = Symbol(name, binderAssumptions)
        return (v, instantiateBinder(with: .symbol(v)))
    }
}
