// Atoms and inspection of the reference-counted nodes; each mirrors its counterpart in
// Sources/Symbolic/Core/Expr.swift (same flags, same hashes).
import Symbolic
import ArbitraryPrecision

enum RC {
    static func integer(_ v: Int) -> Node {
        var flags: NodeFlags = [.real, .integer, .numeric]
        if v > 0 { flags.formUnion([.positive, .nonnegative]) }
        if v == 0 { flags.insert(.nonnegative) }
        return RCStore.intern(kind: .integer, flags: flags, value: Int64(v),
                              hash: hashMix(UInt64(Kind.integer.rawValue), UInt64(bitPattern: Int64(v))),
                              children: [])
    }

    static func number(_ q: GaussianRational) -> Node {
        if let v = q.asInt { return integer(v) }
        let slot = RCStore.numberSlot(q)
        var flags: NodeFlags = [.numeric]
        if q.isReal {
            flags.insert(.real)
            if q.re.isInteger { flags.insert(.integer) }
            if q.re.signum > 0 { flags.formUnion([.positive, .nonnegative]) }
            if q.re.signum == 0 { flags.insert(.nonnegative) }
        }
        return RCStore.intern(kind: .number, flags: flags, value: Int64(slot),
                              hash: hashMix(UInt64(Kind.number.rawValue), stableHash(q.description)),
                              children: [])
    }

    static let zero = integer(0)
    static let one = integer(1)
    static let minusOne = integer(-1)
    static let undefined = symbol(.constant(.undefined))

    static func symbol(_ s: Symbol) -> Node {
        let info = s.info
        var flags = symbolFlags(info)
        if info.constant != nil { flags.insert(.numeric) }
        return RCStore.intern(kind: .symbol, flags: flags, value: Int64(s.index),
                              hash: hashMix(UInt64(Kind.symbol.rawValue), symbolHash(info)), children: [])
    }

    static func symbolFlags(_ info: SymbolInfo) -> NodeFlags {
        var flags: NodeFlags = []
        let a = info.assumptions
        if a.contains(.real) { flags.insert(.real) }
        if a.contains(.positive) { flags.insert(.positive) }
        if a.contains(.nonnegative) { flags.insert(.nonnegative) }
        if a.contains(.integer) { flags.insert(.integer) }
        switch info.commutation {
        case .commuting: break
        case .grassmann: flags.formUnion([.odd, .hasGrassmann])
        case .operator: flags.insert(.noncommuting)
        }
        return flags
    }

    static func symbolHash(_ info: SymbolInfo) -> UInt64 {
        var h = stableHash(info.name)
        h = hashMix(h, UInt64(info.assumptions.rawValue))
        switch info.commutation {
        case .commuting: break
        case .grassmann: h = hashMix(h, 0x6772)
        case .operator(let space): h = hashMix(h, 0x6f70 &+ UInt64(bitPattern: Int64(space)))
        }
        if info.isFunction { h = hashMix(h, 0x66) }
        return h
    }

    /// Builds a compound node whose children are already canonical.
    static func raw(_ kind: Kind, value: Int64 = 0, flags: NodeFlags, _ list: ContiguousArray<Node>,
                    valueHash: UInt64 = 0) -> Node {
        var h = hashMix(UInt64(kind.rawValue), valueHash)
        for c in list { h = hashMix(h, c.structuralHash) }
        return RCStore.intern(kind: kind, flags: flags, value: value, hash: h, children: list)
    }
}

extension Node {
    var isNumber: Bool { kind == .integer || kind == .number }
    var isZero: Bool { self === RC.zero }
    var isOne: Bool { self === RC.one }
    var isReal: Bool { flags.contains(.real) }
    var isPositive: Bool { flags.contains(.positive) }
    var isNonnegative: Bool { flags.contains(.nonnegative) }
    var isIntegerValued: Bool { flags.contains(.integer) }
    var isGrassmannOdd: Bool { flags.contains(.odd) }
    var isCommuting: Bool { !flags.contains(.odd) && !flags.contains(.noncommuting) }
    var intValue: Int? { kind == .integer ? Int(value) : nil }

    var numberValue: GaussianRational? {
        switch kind {
        case .integer: return GaussianRational(Int(value))
        case .number: return RCStore.number(at: Int(value))
        default: return nil
        }
    }

    var rationalValue: BigRational? {
        if kind == .integer { return BigRational(Int(value)) }
        guard let q = numberValue, q.isReal else { return nil }
        return q.re
    }

    /// `Symbol` is a public 32-bit handle whose initialiser from an index is internal to
    /// Symbolic; the benchmark shares the core's symbol table, so it rebuilds the handle.
    var symbol: Symbol? { kind == .symbol ? unsafeBitCast(UInt32(value), to: Symbol.self) : nil }
    var head: Symbol? { kind == .function ? unsafeBitCast(UInt32(value), to: Symbol.self) : nil }
    var builtin: Builtin? { head?.info.builtin }

    var asPower: (base: Node, exponent: Node) {
        kind == .pow ? (children[0], children[1]) : (self, RC.one)
    }

    var hasNegativeCoefficient: Bool {
        if let q = rationalValue { return q.signum < 0 }
        if kind == .mul, let q = children[0].rationalValue { return q.signum < 0 }
        return false
    }
}

extension RC {
    /// `3*x*y` → (3, x*y), as `Expr.asCoefficientAndTerm`.
    static func split(_ e: Node) -> (GaussianRational, Node) {
        if let q = e.numberValue { return (q, RC.one) }
        if e.kind == .mul, let q = e.children[0].numberValue {
            let rest = e.children.dropFirst()
            if rest.count == 1 { return (q, rest.first!) }
            let list = ContiguousArray(rest)
            return (q, RC.raw(.mul, flags: RC.mulFlags(list), list))
        }
        return (GaussianRational.one, e)
    }
}

// Canonical order: same keys as Sources/Symbolic/Core/CanonicalOrder.swift.
extension RC {
    @inline(__always)
    static func canonicalLess(_ a: Node, _ b: Node) -> Bool {
        if a === b { return false }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.kind == .integer { return a.value < b.value }
        if a.structuralHash != b.structuralHash { return a.structuralHash < b.structuralHash }
        return structuralLess(a, b)
    }

    private static func structuralLess(_ a: Node, _ b: Node) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.kind == .symbol || a.kind == .function {
            let sa = (a.symbol ?? a.head!).info, sb = (b.symbol ?? b.head!).info
            if sa.name != sb.name { return sa.name < sb.name }
        } else if a.kind == .number {
            let qa = a.numberValue!.description, qb = b.numberValue!.description
            if qa != qb { return qa < qb }
        }
        if a.value != b.value { return a.value < b.value }
        if a.children.count != b.children.count { return a.children.count < b.children.count }
        for i in a.children.indices where a.children[i] !== b.children[i] {
            return canonicalLess(a.children[i], b.children[i])
        }
        return false
    }

    static func sortCanonically(_ list: inout ContiguousArray<Node>) {
        if list.count < 16 { list.sort(by: canonicalLess); return }
        var keyed = list.map { (kind: $0.kind.rawValue, hash: $0.kind == .integer ? 0 : $0.structuralHash, expr: $0) }
        keyed.sort { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            if a.hash != b.hash { return a.hash < b.hash }
            return canonicalLess(a.expr, b.expr)
        }
        for i in list.indices { list[i] = keyed[i].expr }
    }
}
