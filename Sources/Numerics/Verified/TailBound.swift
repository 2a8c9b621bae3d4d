import ArbitraryPrecision

/// Why an asymptotic bound could not be given: the operation and the reason. Never a guess.
public struct TailRefusal: Error, Sendable, CustomStringConvertible {
    /// The operation refused ("+", "÷", "exp", "θ", …).
    public let op: String
    public let reason: String

    public var description: String { "tail bound: \(op) refused: \(reason)" }
}

/// What is known of the sign of a real quantity on the whole tail |ν| ≥ R.
public enum TailSign: Sendable, Hashable {
    case nonnegative, nonpositive, unknown

    var flipped: TailSign {
        switch self {
        case .nonnegative: return .nonpositive
        case .nonpositive: return .nonnegative
        case .unknown: return .unknown
        }
    }

    static func product(_ a: TailSign, _ b: TailSign) -> TailSign {
        if a == .unknown || b == .unknown { return .unknown }
        return a == b ? .nonnegative : .nonpositive
    }
}

/// A quantity x(ν) of a real variable ν, bounded on both tails |ν| ≥ R = 2^log2R by
///
///     lower·|ν|^(−k) ≤ |x(ν)| ≤ upper·|ν|^(−k)   for every real ν with |ν| ≥ R,
///
/// with the order k a multiple of ¼ (held as `quarters` = 4k), or x ≡ 0 (`quarters` nil: an
/// infinite order). The registers of `TailTapeEvaluator` are real, so `sign` records what is known
/// of x's sign on the whole tail (both tails: ν itself has an unknown sign): it is what lets a
/// sum of squares keep a lower bound, c² + d² ≥ L_c² + L_d². A complex quantity is a pair of
/// them, its modulus `modulus(re:im:)`.
///
/// Bounds are Doubles with outward rounding rather than exact rationals: a bound needs only its
/// first bits (losing tightness is allowed, being wrong is not), a tape runs hundreds of
/// operations per evaluation, and every IEEE operation used (+, −, ×, ÷, √) is correctly rounded,
/// so a round-to-nearest result moved by `nextUp` (upper bounds) or `nextDown` clipped at 0 (lower
/// bounds) brackets the exact value — underflow included (0.nextUp is the least positive Double).
/// Elementary functions of bounds come from MPFR with directed rounding (`DirectedDouble`), not
/// from libm, whose error is not guaranteed. An upper bound beyond Double's range is refused.
///
/// R = 2^m with m a multiple of 4, so every power R^(j/4) = 2^(mj/4) is an exact Double (or
/// under/overflows, which the R-power helpers round outward). R ≥ 1 makes R^(−j/4) ≤ 1 for j ≥ 0,
/// which every alignment of orders below uses: for k₀ < k₁ and |ν| ≥ R,
/// |ν|^(−k₁) = |ν|^(−k₀)·|ν|^(k₀−k₁) ≤ |ν|^(−k₀)·R^(k₀−k₁).
public struct TailBound: Sendable, Hashable, CustomStringConvertible {
    /// R = 2^log2R.
    public let log2R: Int
    /// 4k, or nil for x ≡ 0.
    public let quarters: Int?
    public let upper: Double
    public let lower: Double
    public let sign: TailSign

    /// Orders beyond ±1024 are refused (they would overflow the R-powers long before).
    static let maximumQuarters = 4096
    /// R up to 2^1024: larger R-powers are outside Double anyway.
    public static let log2RRange = 0...1024

    /// The order k, nil for x ≡ 0.
    public var order: Double? { quarters.map { Double($0) / 4 } }
    public var isZero: Bool { quarters == nil }

    /// The validated constructor: finite, ordered bounds; upper = 0 is x ≡ 0.
    init(log2R: Int, quarters: Int, upper: Double, lower: Double, sign: TailSign, op: String) throws(TailRefusal) {
        guard upper.isFinite, lower.isFinite else {
            throw TailRefusal(op: op, reason: "a bound beyond Double's range (order \(Double(quarters) / 4), R = 2^\(log2R))")
        }
        guard Swift.abs(quarters) <= Self.maximumQuarters else {
            throw TailRefusal(op: op, reason: "order \(Double(quarters) / 4) beyond ±\(Self.maximumQuarters / 4)")
        }
        self.log2R = log2R
        if upper == 0 {
            self.quarters = nil
            self.upper = 0
            self.lower = 0
            self.sign = .unknown
        } else {
            self.quarters = quarters
            self.upper = upper
            self.lower = Swift.min(Swift.max(lower, 0), upper)
            self.sign = sign
        }
    }

    private init(zeroAt log2R: Int) {
        self.log2R = log2R
        quarters = nil
        upper = 0
        lower = 0
        sign = .unknown
    }

    static func checkRegion(_ log2R: Int) throws(TailRefusal) {
        guard log2R % 4 == 0, log2RRange.contains(log2R) else {
            throw TailRefusal(op: "R", reason: "R = 2^\(log2R) needs an exponent that is a multiple of 4 in \(log2RRange)")
        }
    }

    /// x ≡ 0.
    public static func zero(log2R: Int) throws(TailRefusal) -> TailBound {
        try checkRegion(log2R)
        return TailBound(zeroAt: log2R)
    }

    /// ν itself: |ν| = 1·|ν|^1, order −1, sign unknown (both tails).
    public static func nu(log2R: Int) throws(TailRefusal) -> TailBound {
        try checkRegion(log2R)
        return try TailBound(log2R: log2R, quarters: -4, upper: 1, lower: 1, sign: .unknown, op: "ν")
    }

    /// An exact rational: order 0, U and L the Doubles next to |q| (toDouble is within an ulp).
    public static func constant(_ q: BigRational, log2R: Int) throws(TailRefusal) -> TailBound {
        try checkRegion(log2R)
        if q.isZero { return TailBound(zeroAt: log2R) }
        // Exact when |q| is a Double; else toDouble is within an ulp, so its neighbours bracket |q|.
        let m = q.abs.toDouble()
        let exact = m.isFinite && BigRational(exactly: m) == q.abs
        return try TailBound(log2R: log2R, quarters: 0, upper: exact ? m : m.nextUp, lower: exact ? m : m.nextDown,
                             sign: q.signum > 0 ? .nonnegative : .nonpositive, op: "constant")
    }

    /// A ball c ± r: order 0, U = |c| + r, L = max(0, |c| − r); the sign when the ball keeps it.
    public static func constant(_ ball: RealBall, log2R: Int) throws(TailRefusal) -> TailBound {
        try checkRegion(log2R)
        guard ball.radius.isFinite, ball.radius >= 0, let c = ball.center.toBigRational() else {
            throw TailRefusal(op: "constant", reason: "the ball \(ball) is not finite")
        }
        if c.isZero && ball.radius == 0 { return TailBound(zeroAt: log2R) }
        let m0 = c.abs.toDouble()
        let exact = m0.isFinite && BigRational(exactly: m0) == c.abs
        let (mUp, mDown) = exact ? (m0, m0) : (m0.nextUp, m0.nextDown)
        let r = ball.radius
        let sign: TailSign = c.abs >= BigRational(exactly: r) ? (c.signum > 0 ? .nonnegative : .nonpositive) : .unknown
        return try TailBound(log2R: log2R, quarters: 0, upper: Bound.sum(mUp, r),
                             lower: Bound.differenceBelow(mDown, r), sign: sign, op: "constant")
    }

    /// A bound given by the caller's own proof: lower·|ν|^(−k) ≤ |x| ≤ upper·|ν|^(−k), k =
    /// quarters/4 (a growth for k < 0, as |ψ(a + bν)| ≤ U|ν|^(1/4)).
    public static func bound(quarters: Int, upper: Double, lower: Double = 0, sign: TailSign = .unknown,
                             log2R: Int) throws(TailRefusal) -> TailBound {
        try checkRegion(log2R)
        guard upper > 0 else { throw TailRefusal(op: "bound", reason: "an upper bound must be positive") }
        return try TailBound(log2R: log2R, quarters: quarters, upper: upper, lower: lower, sign: sign, op: "bound")
    }

    /// A constant Double interval [lower, upper] of moduli (order 0).
    static func modulus(_ lower: Double, _ upper: Double, sign: TailSign, log2R: Int, op: String) throws(TailRefusal) -> TailBound {
        try TailBound(log2R: log2R, quarters: 0, upper: upper, lower: lower, sign: sign, op: op)
    }

    /// R^(j/4) from above (exact in range; the least positive Double below it; ∞ above).
    func rPowerAbove(_ j: Int) -> Double {
        let e = log2R / 4 * j
        if e < -1074 { return .leastNonzeroMagnitude }
        if e > 1023 { return .infinity }
        return Double(sign: .plus, exponent: e, significand: 1)
    }

    /// R^(j/4) from below (exact in range; 0 below it; the greatest finite Double above).
    func rPowerBelow(_ j: Int) -> Double {
        let e = log2R / 4 * j
        if e < -1074 { return 0 }
        if e > 1023 { return .greatestFiniteMagnitude }
        return Double(sign: .plus, exponent: e, significand: 1)
    }

    /// The same quantity with another sign record (the evaluator's squares).
    func with(sign: TailSign) -> TailBound {
        TailBound(log2R: log2R, quarters: quarters, upper: upper, lower: lower, sign: isZero ? .unknown : sign)
    }

    private init(log2R: Int, quarters: Int?, upper: Double, lower: Double, sign: TailSign) {
        self.log2R = log2R
        self.quarters = quarters
        self.upper = upper
        self.lower = lower
        self.sign = sign
    }

    public var description: String {
        guard let order else { return "0" }
        let s = sign == .nonnegative ? ", ≥ 0" : sign == .nonpositive ? ", ≤ 0" : ""
        return "[\(lower), \(upper)]·|ν|^\(-order)\(s) on |ν| ≥ 2^\(log2R)"
    }
}

/// Outward-rounded Double arithmetic on nonnegative bounds: one correctly rounded IEEE operation,
/// then `nextUp` (≥ the exact value) or `nextDown` clipped at 0 (≤ it) — unless the operation was
/// exact, which an fma residual decides (x·y − p, q·y − x, s² − x are exact in fma when no result
/// is near underflow), so exact bounds (1, ν's, small rationals) stay exact. Exact zeros stay
/// zero so that 0·∞ never appears.
enum Bound {
    /// Below this the fma residual may itself be rounded; such results are always moved.
    private static let tiny = Double(sign: .plus, exponent: -960, significand: 1)

    /// p, the rounding of an exact value v, moved up unless residual = v − p is known ≤ 0.
    private static func up(_ p: Double, residual: () -> Double) -> Double {
        if p == 0 || !p.isFinite { return p == 0 ? 0.0.nextUp : p }
        if Swift.abs(p) >= tiny && residual() <= 0 { return p }
        return p.nextUp
    }
    /// Likewise down (never below 0), unless v − p is known ≥ 0.
    private static func down(_ p: Double, residual: () -> Double) -> Double {
        if p.isFinite && Swift.abs(p) >= tiny && residual() >= 0 { return Swift.max(0, p) }
        return Swift.max(0, p.nextDown)
    }
    /// The exact error of x + y (Knuth's TwoSum), valid without overflow.
    private static func sumResidual(_ x: Double, _ y: Double, _ s: Double) -> Double {
        let yv = s - x, xv = s - yv
        return (x - xv) + (y - yv)
    }

    static func sum(_ x: Double, _ y: Double) -> Double {
        let s = x + y
        return s == 0 ? 0 : up(s) { sumResidual(x, y, s) }
    }
    static func sumBelow(_ x: Double, _ y: Double) -> Double {
        let s = x + y
        return down(s) { sumResidual(x, y, s) }
    }
    /// max(0, x − y) from below.
    static func differenceBelow(_ x: Double, _ y: Double) -> Double {
        let s = x - y
        return down(s) { sumResidual(x, -y, s) }
    }
    static func product(_ x: Double, _ y: Double) -> Double {
        if x == 0 || y == 0 { return 0 }
        let p = x * y
        return up(p) { x.multiplied(by: y, minus: p) }
    }
    static func productBelow(_ x: Double, _ y: Double) -> Double {
        if x == 0 || y == 0 { return 0 }
        let p = x * y
        return down(p) { x.multiplied(by: y, minus: p) }
    }
    static func quotient(_ x: Double, _ y: Double) -> Double {
        if x == 0 { return 0 }
        let q = x / y
        // x/y − q has the sign of x − q·y for y > 0.
        return up(q) { -q.multiplied(by: y, minus: x) }
    }
    static func quotientBelow(_ x: Double, _ y: Double) -> Double {
        if x == 0 { return 0 }
        let q = x / y
        return down(q) { -q.multiplied(by: y, minus: x) }
    }
    static func root(_ x: Double) -> Double {
        if x == 0 { return 0 }
        let s = x.squareRoot()
        // √x − s has the sign of x − s².
        return up(s) { -s.multiplied(by: s, minus: x) }
    }
    static func rootBelow(_ x: Double) -> Double {
        let s = x.squareRoot()
        return down(s) { -s.multiplied(by: s, minus: x) }
    }
}

extension Double {
    /// self·y − z with one rounding (fma): exact when self·y − z is representable, as it is for
    /// the residual of a correctly rounded product or quotient away from underflow.
    @inline(__always) func multiplied(by y: Double, minus z: Double) -> Double { (-z).addingProduct(self, y) }
}
