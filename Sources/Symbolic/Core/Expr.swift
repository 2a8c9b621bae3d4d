import ArbitraryPrecision

/// An immutable, hash-consed, canonical expression.
///
/// `Expr` is a 32-bit handle into the global arena: copying it costs nothing and two
/// expressions are structurally equal exactly when their ids are equal. Every layer of
/// KeldyshKit (operators, Grassmann fields, Keldysh actions) uses this one type; meaning
/// is carried by the declarations of symbols, not by other expression types.
public struct Expr: Hashable, Sendable {
    public let id: UInt32
    init(id: UInt32) { self.id = id }

    @inline(__always) var node: UnsafeMutablePointer<Node> { ExprStore.shared.node(self) }

    public var kind: Kind { node.pointee.kind }
    public var flags: NodeFlags { node.pointee.flags }
    /// Deterministic structural hash (same in every run); the canonical order uses it.
    public var structuralHash: UInt64 { node.pointee.hash }
    public var children: Children { Children(base: node.pointee.children, count: Int(node.pointee.count)) }
    var rawValue: Int64 { node.pointee.value }

    /// The children of a node, without copying.
    public struct Children: RandomAccessCollection, @unchecked Sendable {
        let base: UnsafePointer<Expr>
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        @inline(__always) public subscript(i: Int) -> Expr { base[i] }
        public var buffer: UnsafeBufferPointer<Expr> { UnsafeBufferPointer(start: base, count: count) }
    }
}

// MARK: - Atoms

extension Expr {
    public static func integer(_ v: Int) -> Expr {
        var flags: NodeFlags = [.real, .integer, .numeric]
        if v > 0 { flags.formUnion([.positive, .nonnegative]) }
        if v == 0 { flags.insert(.nonnegative) }
        return ExprStore.shared.intern(kind: .integer, flags: flags, value: Int64(v),
                                       children: UnsafeBufferPointer(start: nil, count: 0),
                                       hash: hashMix(UInt64(Kind.integer.rawValue), UInt64(bitPattern: Int64(v))))
    }

    public static func number(_ q: GaussianRational) -> Expr {
        if let v = q.asInt { return integer(v) }
        if let e = ExprStore.shared.numberNode(q) { return e }
        let slot = ExprStore.shared.numberSlot(q)
        var flags: NodeFlags = [.numeric]
        if q.isReal {
            flags.insert(.real)
            if q.re.isInteger { flags.insert(.integer) }
            if q.re.signum > 0 { flags.formUnion([.positive, .nonnegative]) }
            if q.re.signum == 0 { flags.insert(.nonnegative) }
        }
        let e = ExprStore.shared.intern(kind: .number, flags: flags, value: Int64(slot),
                                        children: UnsafeBufferPointer(start: nil, count: 0),
                                        hash: hashMix(UInt64(Kind.number.rawValue), stableHash(q.description)))
        ExprStore.shared.rememberNumberNode(e, slot: slot)
        return e
    }

    public static func number(_ q: BigRational) -> Expr { number(GaussianRational(q)) }
    public static func number(_ n: BigInt) -> Expr { number(GaussianRational(BigRational(n))) }
    public static func rational(_ p: Int, _ q: Int) -> Expr { number(BigRational(BigInt(p), BigInt(q))) }

    public static let zero = integer(0)
    public static let one = integer(1)
    public static let minusOne = integer(-1)
    public static let two = integer(2)
    public static let half = rational(1, 2)
    /// The imaginary unit, an exact number of Q(i).
    public static let i = number(GaussianRational.i)
    public static let pi = symbol(.constant(.pi))
    public static let infinity = symbol(.constant(.infinity))

    public static func symbol(_ s: Symbol) -> Expr {
        let info = s.info
        var flags = symbolFlags(info)
        if info.constant != nil { flags.insert(.numeric) }
        return ExprStore.shared.intern(kind: .symbol, flags: flags, value: Int64(s.index),
                                       children: UnsafeBufferPointer(start: nil, count: 0),
                                       hash: hashMix(UInt64(Kind.symbol.rawValue), symbolHash(info)))
    }

    /// Convenience: a commuting symbol with the given assumptions.
    public static func symbol(_ name: String, _ assumptions: Assumptions = []) -> Expr {
        symbol(Symbol(name, assumptions))
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
        if info.constant == .infinity { flags.insert(.infinite) }
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
        // Index declarations and fresh serials enter only when present, so the hash (and the
        // canonical order) of every symbol declared without them is what it always was.
        if let k = info.indexKind { h = hashMix(h, 0x6978 &+ UInt64(k.rawValue)) }
        if let r = info.indexRange { h = hashMix(hashMix(h, r.lower.structuralHash), r.upper.structuralHash) }
        if !info.slots.isEmpty { h = hashMix(h, 0x736c &+ info.slots.rawValue) }
        if info.serial != 0 { h = hashMix(h, 0x6672 &+ UInt64(info.serial)) }
        return h
    }

    /// Builds a compound node whose children are already canonical.
    static func raw(_ kind: Kind, value: Int64 = 0, flags: NodeFlags, _ list: UnsafeBufferPointer<Expr>,
                    valueHash: UInt64 = 0, hint: UInt32 = 0) -> Expr {
        var h = hashMix(UInt64(kind.rawValue), valueHash)
        for c in list { h = hashMix(h, c.structuralHash) }
        return ExprStore.shared.intern(kind: kind, flags: flags, value: value, children: list, hash: h, hint: hint)
    }

    static func raw(_ kind: Kind, value: Int64 = 0, flags: NodeFlags, _ list: [Expr], valueHash: UInt64 = 0,
                    hint: UInt32 = 0) -> Expr {
        list.withUnsafeBufferPointer { raw(kind, value: value, flags: flags, $0, valueHash: valueHash, hint: hint) }
    }
}

// MARK: - Inspection

extension Expr {
    public var isNumber: Bool { kind == .integer || kind == .number }
    public var isZero: Bool { self == .zero }
    public var isOne: Bool { self == .one }
    public var isSymbol: Bool { kind == .symbol }
    public var isAdd: Bool { kind == .add }
    public var isMul: Bool { kind == .mul }
    public var isPow: Bool { kind == .pow }
    public var isFunction: Bool { kind == .function }

    /// The exact value of a number node.
    public var numberValue: GaussianRational? {
        switch kind {
        case .integer: return GaussianRational(Int(rawValue))
        case .number: return ExprStore.shared.numbers[UInt32(rawValue)]
        default: return nil
        }
    }

    /// The value of a small integer node.
    public var intValue: Int? { kind == .integer ? Int(rawValue) : nil }

    /// The value of a real rational number node.
    public var rationalValue: BigRational? {
        if kind == .integer { return BigRational(Int(rawValue)) }
        guard let q = numberValue, q.isReal else { return nil }
        return q.re
    }

    public var symbol: Symbol? { kind == .symbol ? Symbol(index: UInt32(rawValue)) : nil }
    /// The function symbol of an application.
    public var head: Symbol? { kind == .function ? Symbol(index: UInt32(rawValue)) : nil }
    public var builtin: Builtin? { head?.info.builtin }

    public var isReal: Bool { flags.contains(.real) }
    public var isPositive: Bool { flags.contains(.positive) }
    public var isNonnegative: Bool { flags.contains(.nonnegative) }
    public var isIntegerValued: Bool { flags.contains(.integer) }
    public var isGrassmannOdd: Bool { flags.contains(.odd) }
    /// Commutes with every factor: even (not odd, not mixed) and not an operator.
    public var isCommuting: Bool { flags.isDisjoint(with: [.odd, .mixed, .noncommuting]) }
    /// Even, odd or mixed (see `Parity`), from the flags.
    public var parity: Parity {
        flags.contains(.odd) ? .odd : flags.contains(.mixed) ? .mixed : .even
    }

    /// Base and exponent, with a non-power read as `self^1`.
    public var asPower: (base: Expr, exponent: Expr) {
        kind == .pow ? (children[0], children[1]) : (self, .one)
    }

    /// Numeric coefficient and the rest of a term: `3*x*y` → (3, x*y).
    public var asCoefficientAndTerm: (GaussianRational, Expr) {
        if let q = numberValue { return (q, .one) }
        if kind == .mul, let q = children[0].numberValue {
            let rest = Array(children.dropFirst())
            return (q, rest.count == 1 ? rest[0] : Expr.raw(.mul, flags: Expr.mulFlags(rest), rest))
        }
        return (GaussianRational(1), self)
    }

    /// The free symbols of the expression (bound variables excluded).
    public var freeSymbols: Set<Symbol> { Expr.freeSymbols(of: CollectionOfOne(self)) }

    /// The free symbols of several expressions, each shared subexpression visited once across
    /// all of them (the entries of a matrix or the right-hand sides of a system share most of
    /// their subterms); numeric subtrees are skipped.
    public static func freeSymbols<S: Sequence>(of roots: S) -> Set<Symbol> where S.Element == Expr {
        var out = Set<Symbol>()
        var seen = Set<Expr>()
        var stack: [Expr] = []
        for r in roots { stack.append(r) }
        while let e = stack.popLast() {
            if e.kind == .symbol {
                if e.symbol!.info.constant == nil { out.insert(e.symbol!) }
                continue
            }
            if e.children.isEmpty || e.flags.contains(.numeric) || !seen.insert(e).inserted { continue }
            for c in e.children { stack.append(c) }
        }
        return out
    }

    /// Whether the symbol occurs free. Each shared subexpression is visited once (a tree walk
    /// is exponential on DAGs such as repeated squarings), and numeric subtrees are skipped.
    public func contains(_ s: Symbol) -> Bool {
        if kind == .symbol { return symbol == s }
        if children.isEmpty || flags.contains(.numeric) { return false }
        var seen = Set<Expr>()
        var stack = [self]
        while let e = stack.popLast() {
            for c in e.children where !c.flags.contains(.numeric) && seen.insert(c).inserted {
                if c.kind == .symbol { if c.symbol == s { return true } } else { stack.append(c) }
            }
        }
        return false
    }

    /// Whether an application of the function symbol `f` occurs (f(t), a derivative of it),
    /// each shared subexpression visited once.
    public func applies(_ f: Symbol) -> Bool {
        var seen = Set<Expr>()
        var stack = [self]
        while let e = stack.popLast() {
            if e.kind == .function && e.head == f { return true }
            for c in e.children where !c.flags.contains(.numeric) && seen.insert(c).inserted { stack.append(c) }
        }
        return false
    }

    /// Number of distinct nodes in the expression DAG.
    public var dagSize: Int {
        var seen = Set<Expr>()
        var stack = [self]
        while let e = stack.popLast() {
            if seen.insert(e).inserted { stack.append(contentsOf: e.children) }
        }
        return seen.count
    }

    /// Number of nodes of the expression written out as a tree.
    public var treeSize: Int { 1 + children.reduce(0) { $0 + $1.treeSize } }
}

/// Arena statistics, for benchmarks and for users watching memory.
public enum ExprArena {
    public static var nodeCount: Int { ExprStore.shared.nodeCount }
    public static var approximateBytes: Int { ExprStore.shared.approximateBytes }
}
