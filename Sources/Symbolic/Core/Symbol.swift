import Synchronization

/// What simplification may assume about a symbol's values.
public struct Assumptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let real = Assumptions(rawValue: 1)
    public static let positive = Assumptions(rawValue: 2)
    public static let nonnegative = Assumptions(rawValue: 4)
    public static let integer = Assumptions(rawValue: 8)

    /// Closes the set under implication (positive ⇒ nonnegative ⇒ real, integer ⇒ real).
    public var closed: Assumptions {
        var a = self
        if a.contains(.positive) { a.insert(.nonnegative) }
        if a.contains(.nonnegative) || a.contains(.integer) { a.insert(.real) }
        return a
    }
}

/// How a symbol's values multiply with others. Declared on the symbol (as Cadabra's
/// `::AntiCommuting` or FORM's non-commuting `Function`), never a separate expression type.
public enum Commutation: Sendable, Hashable {
    /// Ordinary commuting scalar.
    case commuting
    /// Grassmann-odd number: anticommutes with other odd factors, squares to zero.
    case grassmann
    /// Operator acting on Hilbert space `space`: keeps its order relative to operators
    /// of the same space and commutes with operators of other spaces.
    case `operator`(space: Int)
}

/// Builtin functions whose simplification rules the core knows.
public enum Builtin: String, Sendable, CaseIterable {
    case exp, log, sin, cos, tan, sinh, cosh, tanh, atan
    case conj, re, im, abs, sign
    /// Heaviside step θ(x), with θ(0) left unevaluated.
    case theta
    /// Dirac delta δ(x).
    case delta
    /// Kronecker delta δ_{ij} (two arguments).
    case kdelta
    /// `derivative(F(a₁, …, aₙ), k)`: the partial derivative of the user function F with
    /// respect to its k-th slot (k = 1…n, an integer), evaluated at the arguments. Nested
    /// nodes give higher derivatives. Built by `Expr.derivative(_:)` (chain rule).
    case derivative
}

/// Numeric constants known to every evaluator.
public enum Constant: String, Sendable, CaseIterable {
    case pi
    case infinity
    /// The value of 0^(−1) and similar: not a number, and distinct from any user symbol.
    case undefined
}

/// Everything the core knows about one symbol. Symbols with the same name but different
/// declarations are different symbols (as in SymPy), so a declaration never changes the
/// meaning of expressions that were built before it.
public struct SymbolInfo: Sendable, Hashable {
    public var name: String
    public var assumptions: Assumptions
    public var commutation: Commutation
    /// A function symbol is applied to arguments (`F_b(ω)`, `ψ(t)`); its application
    /// inherits the symbol's assumptions and commutation.
    public var isFunction: Bool
    public var builtin: Builtin?
    public var constant: Constant?
    /// The kind of index this symbol is a value of (`σ` a contour branch, `i` an index), or nil.
    public var indexKind: IndexKind?
    /// The declared range of a discrete index (α ∈ 1…N), or nil.
    public var indexRange: IndexRange?
    /// The kinds of a function symbol's slots (`ψ(σ, t)`: contour, time); empty when undeclared.
    public var slots: SlotKinds
    /// Nonzero for a fresh symbol (`Symbol.fresh`): equal to no other symbol whatever its name.
    public var serial: UInt32

    public init(name: String, assumptions: Assumptions = [], commutation: Commutation = .commuting,
                isFunction: Bool = false, indexKind: IndexKind? = nil, indexRange: IndexRange? = nil,
                slots: [IndexKind?] = []) {
        self.name = name
        self.assumptions = assumptions.union(indexKind?.impliedAssumptions ?? []).closed
        self.commutation = commutation
        self.isFunction = isFunction
        self.builtin = nil
        self.constant = nil
        self.indexKind = indexKind
        self.indexRange = indexRange
        self.slots = SlotKinds(slots)
        self.serial = 0
    }
}

/// A declared symbol: a small handle into the global symbol table.
public struct Symbol: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt32
    init(index: UInt32) { self.index = index }

    /// Declares (or finds) the symbol with this name and declaration.
    public init(_ name: String, _ assumptions: Assumptions = [], commutation: Commutation = .commuting) {
        self = SymbolTable.shared.intern(SymbolInfo(name: name, assumptions: assumptions, commutation: commutation))
    }

    /// Declares (or finds) a function symbol such as `F_b` or a Grassmann field `ψ`, with the
    /// kinds of its slots when they are known (`ψ(σ, t)`: `[.contour, .time]`).
    public static func function(_ name: String, _ assumptions: Assumptions = [],
                                commutation: Commutation = .commuting, slots: [IndexKind?] = []) -> Symbol {
        SymbolTable.shared.intern(SymbolInfo(name: name, assumptions: assumptions,
                                             commutation: commutation, isFunction: true, slots: slots))
    }

    /// Declares (or finds) an index value: `σ` of kind `.contour`, `i` of kind `.index`, `α` of
    /// kind `.site` in the range 1…N. Discrete kinds imply `integer`, time and frequency `real`.
    public static func index(_ name: String, _ kind: IndexKind, range: IndexRange? = nil,
                             _ assumptions: Assumptions = []) -> Symbol {
        SymbolTable.shared.intern(SymbolInfo(name: name, assumptions: assumptions, indexKind: kind,
                                             indexRange: kind.isDiscrete ? range : nil))
    }

    /// A symbol equal to no other, whatever its name: the variable of an opened binder, so
    /// that nothing a rewrite brings in can be mistaken for it (it prints as `name`). Each call
    /// adds a symbol to the table for the life of the process, as nodes do to the arena.
    public static func fresh(_ name: String, _ assumptions: Assumptions = [], like template: Symbol? = nil) -> Symbol {
        var info = template.map { $0.info } ?? SymbolInfo(name: name, assumptions: assumptions)
        info.name = name
        info.assumptions = assumptions.union(info.indexKind?.impliedAssumptions ?? []).closed
        info.isFunction = false
        info.serial = SymbolTable.shared.nextSerial()
        return SymbolTable.shared.intern(info)
    }

    /// The index kind of this symbol's values, if it was declared an index.
    public var indexKind: IndexKind? { info.indexKind }

    /// The declared kind of slot k (0-based) of a function symbol, nil when not declared.
    public func slotKind(_ k: Int) -> IndexKind? {
        let slots = info.slots
        return k < slots.count ? slots[k] : nil
    }

    public static func builtin(_ b: Builtin) -> Symbol { SymbolTable.shared.builtinSymbols[b]! }
    public static func constant(_ c: Constant) -> Symbol { SymbolTable.shared.constantSymbols[c]! }

    public var info: SymbolInfo { SymbolTable.shared.info(self) }
    public var name: String { info.name }
    public var description: String { info.name }
    public var expr: Expr { Expr.symbol(self) }

    /// Applies a function symbol to arguments.
    public func callAsFunction(_ args: Expr...) -> Expr { Expr.apply(self, args) }
}

final class SymbolTable: @unchecked Sendable {
    static let shared = SymbolTable()

    private let store = AppendOnlyStore<SymbolInfo>()
    private let lookup = Mutex<[SymbolInfo: UInt32]>([:])
    private let serials = Atomic<UInt32>(0)
    let builtinSymbols: [Builtin: Symbol]
    let constantSymbols: [Constant: Symbol]

    private init() {
        var builtins: [Builtin: Symbol] = [:]
        var constants: [Constant: Symbol] = [:]
        var table: [SymbolInfo: UInt32] = [:]
        for b in Builtin.allCases {
            var info = SymbolInfo(name: b.rawValue, isFunction: true)
            info.builtin = b
            let i = store.append(info)
            table[info] = i
            builtins[b] = Symbol(index: i)
        }
        for c in Constant.allCases {
            var info = SymbolInfo(name: c.rawValue, assumptions: c == .undefined ? [] : [.positive])
            info.constant = c
            let i = store.append(info)
            table[info] = i
            constants[c] = Symbol(index: i)
        }
        builtinSymbols = builtins
        constantSymbols = constants
        lookup.withLock { $0 = table }
    }

    func intern(_ info: SymbolInfo) -> Symbol {
        lookup.withLock { table in
            if let i = table[info] { return Symbol(index: i) }
            let i = store.append(info)
            table[info] = i
            return Symbol(index: i)
        }
    }

    @inline(__always) func info(_ s: Symbol) -> SymbolInfo { store[s.index] }

    /// A serial number never handed out before (for fresh symbols).
    func nextSerial() -> UInt32 { serials.add(1, ordering: .relaxed).newValue }

    /// All declared symbols with this name (a name may carry several declarations).
    func symbols(named name: String) -> [Symbol] {
        lookup.withLock { table in table.filter { $0.key.name == name }.map { Symbol(index: $0.value) } }
    }
}
