/// The head of an expression node. The raw value is also the first key of the
/// canonical order (numbers sort before symbols before compound terms).
public enum Kind: UInt8, Sendable, Comparable {
    /// An integer that fits in Int64, stored inline.
    case integer = 0
    /// Any other exact number: big integer, rational, or element of Q(i).
    case number = 1
    /// A symbol: a variable, a constant (π, ∞) or an operator/field name.
    case symbol = 2
    /// A variable bound by an enclosing binder (de Bruijn index, 0 = innermost).
    case bound = 3
    case pow = 4
    case mul = 5
    case add = 6
    /// Application of a function symbol (builtin or user-declared) to arguments.
    case function = 7
    /// Sum, integral or product over a bound variable; compared up to renaming.
    case binder = 8

    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
}

/// Facts about a node computed once at construction, so that simplification can ask
/// them in O(1): realness, sign, integrality, Grassmann parity, commutation.
public struct NodeFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let real = NodeFlags(rawValue: 1 << 0)
    public static let positive = NodeFlags(rawValue: 1 << 1)
    public static let nonnegative = NodeFlags(rawValue: 1 << 2)
    public static let integer = NodeFlags(rawValue: 1 << 3)
    /// Grassmann-odd: anticommutes with other odd factors.
    public static let odd = NodeFlags(rawValue: 1 << 4)
    /// Contains a non-commuting (operator) factor: products keep its order.
    public static let noncommuting = NodeFlags(rawValue: 1 << 5)
    /// Contains a bound variable that is free at this level.
    public static let hasBound = NodeFlags(rawValue: 1 << 6)
    /// Contains no symbol other than numeric constants (π): evaluates to a number.
    public static let numeric = NodeFlags(rawValue: 1 << 7)
    /// Contains a Grassmann-odd symbol anywhere (even if the node itself is even).
    public static let hasGrassmann = NodeFlags(rawValue: 1 << 8)
    /// Mixed Grassmann parity: a sum of terms of different parity (1 + ψ), or a function of
    /// such a value. Neither even (it does not commute with odd factors) nor odd (its square
    /// need not vanish), so a product never moves it past an odd or another mixed factor.
    /// A node carries at most one of `odd` and `mixed`; neither means even (see `Parity`).
    public static let mixed = NodeFlags(rawValue: 1 << 9)
    /// May be infinite: ∞ itself, and sums, products and positive powers with such a term,
    /// factor or base (not functions or binders of ∞: atan(∞), ∫ from −∞ to ∞ are finite).
    /// A product with coefficient 0 and such a factor is 0·∞, undefined (ExtendedArithmetic).
    public static let infinite = NodeFlags(rawValue: 1 << 10)
    /// The two parity bits.
    static let parity: NodeFlags = [.odd, .mixed]
}

/// The Grassmann parity of an expression, read from its flags in O(1).
///
/// * `even`: commutes with everything Grassmann (numbers, ψχ, conj(ψ)ψ, δ(t − t₀)).
/// * `odd`: anticommutes with other odd values and squares to zero (ψ, conj(ψ), ψχη, ∫dt ψ(t)).
/// * `mixed`: a sum of an even and an odd part (1 + ψ, exp(ψ) written out): products keep it
///   where it stands relative to odd and mixed factors, and `expand` distributes it in order.
///
/// Parity is computed at construction and is conservative: a value that is homogeneous only
/// after expansion ((1 + ψ)ψ = ψ) may be marked mixed, never the other way round.
public enum Parity: Sendable, Hashable {
    case even, odd, mixed
}

/// One node of the arena. Children live in the child arena and never move.
struct Node {
    let kind: Kind
    let flags: NodeFlags
    /// Small integer value, symbol index, number-table index, function symbol
    /// index, de Bruijn index, or binder descriptor, by kind.
    let value: Int64
    let children: UnsafePointer<Expr>
    let count: UInt32
    /// The variable a binder was first built with (symbol index + 1; 0 for none, and for every
    /// other kind), kept for printing only: it is not part of the node's identity, so ∫dt f(t)
    /// and ∫dν f(ν) are one node, named after whichever was interned first. It fills padding
    /// the node had anyway (the node stays 40 bytes).
    let hint: UInt32
    let hash: UInt64
}
