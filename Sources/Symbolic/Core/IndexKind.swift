/// What an index slot of a field or a propagator holds, and what an index value is.
///
/// Declared on symbols: a function symbol lists the kind of each of its slots
/// (`ψ(σ, t)` with slots `[.contour, .time]`), and a symbol declared with an index kind is an
/// index value (`σ` of kind `.contour`, `α` of kind `.site` with range 1…N). So a rule, a
/// printer or the functional derivative can ask whether slot k is a Keldysh index, and the
/// parser reads a name declared as an index (`i`) as that index, not as the imaginary unit.
///
/// Discrete kinds (everything but `time` and `frequency`) pair through the Kronecker delta
/// and their values are integer labels (declaring one implies `integer`); continuous kinds pair
/// through the Dirac delta and are real.
public enum IndexKind: UInt8, Sendable, Hashable, CaseIterable {
    /// Branch of the Keldysh contour: forward / backward (f, b or ±).
    case contour = 1
    /// Keldysh index after the rotation: cl / q for bosons, 1 / 2 for fermions.
    case keldysh = 2
    /// Nambu (particle / hole) component.
    case nambu = 3
    /// Lattice site or mode label α, usually with a declared range.
    case site = 4
    /// Any other discrete index.
    case index = 5
    /// A time argument.
    case time = 6
    /// A frequency argument.
    case frequency = 7

    public var isDiscrete: Bool { self != .time && self != .frequency }

    /// The word that declares it (`i:index`, `sigma:contour`, `t:time`).
    public var word: String {
        switch self {
        case .contour: return "contour"
        case .keldysh: return "keldysh"
        case .nambu: return "nambu"
        case .site: return "site"
        case .index: return "index"
        case .time: return "time"
        case .frequency: return "frequency"
        }
    }

    public init?(word: String) {
        guard let k = IndexKind.allCases.first(where: { $0.word == word }) else { return nil }
        self = k
    }

    /// What a value of this kind is: an integer label, or a real time or frequency.
    var impliedAssumptions: Assumptions { isDiscrete ? .integer : .real }
}

/// The declared range lower…upper of a discrete index (both ends included), e.g. α ∈ 1…N.
public struct IndexRange: Sendable, Hashable {
    public var lower: Expr
    public var upper: Expr
    public init(_ lower: Expr, _ upper: Expr) {
        self.lower = lower
        self.upper = upper
    }
}

/// The kinds of the slots of a function symbol, packed in one word (4 bits a slot, at most
/// 15 slots; a slot without a declared kind is nil), so that a symbol declaration stays a
/// plain value that copies without reference counting.
public struct SlotKinds: Sendable, Hashable, RandomAccessCollection {
    /// Bits 0–3: count; bits 4(k+1)…: the kind of slot k (0 = none).
    public let rawValue: UInt64
    public static let maximumCount = 15

    public init(_ kinds: [IndexKind?]) {
        precondition(kinds.count <= Self.maximumCount, "at most \(Self.maximumCount) slots")
        var raw = UInt64(kinds.count)
        for (k, kind) in kinds.enumerated() { raw |= UInt64(kind?.rawValue ?? 0) << UInt64(4 * (k + 1)) }
        rawValue = raw
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(rawValue & 0xf) }
    public subscript(k: Int) -> IndexKind? {
        precondition(k >= 0 && k < endIndex, "slot \(k) out of range")
        return IndexKind(rawValue: UInt8((rawValue >> UInt64(4 * (k + 1))) & 0xf))
    }
}
