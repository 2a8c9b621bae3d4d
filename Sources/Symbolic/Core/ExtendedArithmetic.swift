import ArbitraryPrecision

/// Arithmetic with ∞ (`oo`, the positive real infinity) and `undefined`, decided at
/// construction as the extended reals say (docs/limits.md has the table):
///
/// * `undefined` absorbs: a sum, product, power or function application with an undefined
///   operand is undefined. Without this, `undefined − undefined` collected to 0 and an
///   undefined value could reach a number silently.
/// * ∞ − ∞ (two contributions to the term ∞ whose coefficients are not positive multiples
///   of each other), 0·∞ and ∞/∞ (∞^a·∞^b with exponents of opposite signs) are undefined:
///   collecting like terms or adding exponents would otherwise give 0, 0 and 1.
/// * Conventions kept, as in IEEE 754 `pow` and SymPy: x^0 = 1 for every x but `undefined`
///   (so 0^0 = 1 and ∞^0 = 1), 1^x = 1, 0^x = 0 for x > 0 (also x = ∞).
/// * c·∞ for a real c ≠ 0 stays c·∞ (it is not normalised to ±∞); ∞ + x stays a sum.
///
/// Only direct operands are inspected: every constructor applies these rules, so an
/// undefined value never sits below a node that is not itself undefined.
extension Expr {
    /// Whether this node is `undefined` (checked by identity: O(1)).
    @inline(__always) var isUndefinedValue: Bool { self == Expr.undefined }

    /// Whether this factor is ∞ or a power of it, and the sign of the exponent (+1, −1, or 0
    /// when the exponent's sign is not known).
    var infinityExponentSign: Int? {
        let (base, exponent) = asPower
        guard base == Expr.infinity else { return nil }
        if let q = exponent.rationalValue { return q.signum }
        if exponent.isPositive { return 1 }
        return 0
    }
}

/// What a sum has seen of ∞ and `undefined` while its terms are collected.
struct SumExtendedState {
    private(set) var isUndefined = false
    private var infinityCoefficient: GaussianRational?

    /// Records `c·term`; a later contribution to ∞ that is not a positive multiple of the
    /// first (∞ − ∞, ∞ + i∞) makes the sum undefined.
    mutating func note(_ term: Expr, _ c: GaussianRational) {
        if term.isUndefinedValue { isUndefined = true; return }
        guard term == Expr.infinity, !c.isZero else { return }
        guard let first = infinityCoefficient else { infinityCoefficient = c; return }
        let ratio = c / first
        if !(ratio.isReal && ratio.re.signum > 0) { isUndefined = true }
    }
}

/// What a product has seen of ∞ and `undefined` while its factors are fed.
struct ProductExtendedState {
    private(set) var isUndefined = false
    /// A factor may be infinite (∞, ∞ + 1, ∞²): a zero coefficient then makes 0·∞.
    private(set) var mayBeInfinite = false
    private var positive = 0, negative = 0, unknown = 0

    /// Records a factor; ∞^a·∞^b with a > 0 > b (∞/∞), or a power of ∞ with an exponent of
    /// unknown sign beside another power of ∞, makes the product undefined.
    mutating func note(_ factor: Expr) {
        if factor.isUndefinedValue { isUndefined = true; return }
        if factor.flags.contains(.infinite) { mayBeInfinite = true }
        guard let sign = factor.infinityExponentSign else { return }
        switch sign {
        case 1: positive += 1
        case -1: negative += 1
        default: unknown += 1
        }
        if (positive > 0 && negative > 0) || (unknown > 0 && positive + negative + unknown > 1) {
            isUndefined = true
        }
    }
}
