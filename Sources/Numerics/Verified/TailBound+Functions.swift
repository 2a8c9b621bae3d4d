import ArbitraryPrecision
import CMPFR

/// Elementary functions of tail bounds. For an argument x of order k ≥ 0 (bounded on the tail)
/// let M = U·R^(−k) ≥ |x(ν)| for every |ν| ≥ R (|ν|^(−k) ≤ R^(−k)); the bounds below use the
/// monotonicity on [0, M] of sin t/t, tanh t/t, atan t/t (decreasing) and sinh t/t, tan t/t
/// (increasing), evaluated at the upper bound M, which errs on the safe side. An argument of
/// order k < 0 grows: |x| ≥ L·R^(−k) on the tail.
extension TailBound {
    public enum Function: String, Sendable {
        case exp, sin, cos, tan, sinh, cosh, tanh, atan, log
    }

    /// M ≥ |x| on the tail, for an order k ≥ 0.
    private var argumentBound: Double { Bound.product(upper, rPowerAbove(-(quarters ?? 0))) }

    /// |x| ≥ L·R^(−k) on the tail, for an order k < 0.
    private var growingArgumentBelow: Double { Bound.productBelow(lower, rPowerBelow(-(quarters ?? 0))) }

    /// f(x) with the bound stated per function; refused where no power bound holds (exp, sinh,
    /// cosh, tan, log of a growing argument) or where the function may vanish or blow up.
    public func apply(_ f: Function) throws(TailRefusal) -> TailBound {
        let op = f.rawValue
        func bound(_ quarters: Int, _ upper: Double, _ lower: Double, _ sign: TailSign) throws(TailRefusal) -> TailBound {
            try TailBound(log2R: log2R, quarters: quarters, upper: upper, lower: lower, sign: sign, op: op)
        }
        guard let k = quarters else {
            // f(0): exp 0 = cos 0 = cosh 0 = 1, the others 0 (log 0 is refused).
            switch f {
            case .exp, .cos, .cosh: return try .constant(1, log2R: log2R)
            case .log: throw TailRefusal(op: op, reason: "log of an exact 0")
            default: return self
            }
        }
        if k < 0 {
            let below = growingArgumentBelow
            switch f {
            case .tanh:
                // |tanh x| < 1 and |tanh x| = tanh|x| ≥ tanh(L·R^(−k)) (tanh increasing); sign of x.
                return try bound(0, 1, DirectedDouble.tanh(below, up: false), sign)
            case .atan:
                // |atan x| < π/2 and ≥ atan(L·R^(−k)); sign of x.
                return try bound(0, DirectedDouble.halfPiAbove, DirectedDouble.atan(below, up: false), sign)
            case .sin, .cos:
                // |sin|, |cos| ≤ 1; they vanish infinitely often on the tail, so no lower bound.
                return try bound(0, 1, 0, .unknown)
            case .exp where sign == .nonpositive:
                // x ≤ −L·R^(−k) on the whole tail: 0 < e^x ≤ e^(−L·R^(−k)), a constant (the
                // e^(−2|a|) of a complex tanh far along the axis); no power lower bound.
                let u = DirectedDouble.exp(-below, up: true)
                return try bound(0, u > 0 ? u : .leastNonzeroMagnitude, 0, .nonnegative)
            case .exp, .sinh, .cosh, .tan, .log:
                throw TailRefusal(op: op, reason: "\(op) of a growing argument (order \(Double(k) / 4)) has no power bound")
            }
        }
        let m = argumentBound
        switch f {
        case .exp:
            // e^(−M) ≤ e^x ≤ e^M, order 0, positive.
            return try bound(0, DirectedDouble.exp(m, up: true), DirectedDouble.exp(-m, up: false), .nonnegative)
        case .cosh:
            // 1 ≤ cosh x ≤ cosh M; at order 0 also cosh x ≥ cosh L.
            let lower = k == 0 ? Swift.max(1, DirectedDouble.cosh(self.lower, up: false)) : 1
            return try bound(0, DirectedDouble.cosh(m, up: true), lower, .nonnegative)
        case .sinh:
            // |x| ≤ |sinh x| ≤ |x|·sinh M/M; sign of x.
            return try bound(k, Bound.product(upper, DirectedDouble.ratio(.sinh, m, up: true)), lower, sign)
        case .tanh:
            // |x|·tanh M/M ≤ |tanh x| ≤ |x| (and ≤ 1); sign of x.
            let upper = k == 0 ? Swift.min(self.upper, 1) : self.upper
            return try bound(k, upper, Bound.productBelow(lower, DirectedDouble.ratio(.tanh, m, up: false)), sign)
        case .atan:
            // |x|·atan M/M ≤ |atan x| ≤ |x| (and < π/2); sign of x.
            let upper = k == 0 ? Swift.min(self.upper, DirectedDouble.halfPiAbove) : self.upper
            return try bound(k, upper, Bound.productBelow(lower, DirectedDouble.ratio(.atan, m, up: false)), sign)
        case .sin:
            // |sin x| ≤ |x| (and ≤ 1); for M ≤ 3 < π, |sin x| ≥ |x|·sin M/M and sin x has x's sign.
            let upper = k == 0 ? Swift.min(self.upper, 1) : self.upper
            guard m <= 3 else { return try bound(k, upper, 0, .unknown) }
            return try bound(k, upper, Bound.productBelow(lower, DirectedDouble.ratio(.sin, m, up: false)), sign)
        case .cos:
            // |cos x| ≤ 1; for M ≤ 3/2 < π/2, cos x ≥ cos M > 0.
            guard m <= 1.5 else { return try bound(0, 1, 0, .unknown) }
            return try bound(0, 1, DirectedDouble.cos(m, up: false), .nonnegative)
        case .tan:
            // For M ≤ 3/2 < π/2: |x| ≤ |tan x| ≤ |x|·tan M/M; sign of x. Else a pole may lie in range.
            guard m <= 1.5 else { throw TailRefusal(op: op, reason: "the argument may reach a pole of tan (|x| ≤ \(m))") }
            return try bound(k, Bound.product(upper, DirectedDouble.ratio(.tan, m, up: true)), lower, sign)
        case .log:
            // Only an order-0 positive x in [L, U] with L > 0: log x ∈ [log L, log U].
            guard k == 0 else {
                throw TailRefusal(op: op, reason: "log of a quantity of order \(Double(k) / 4) grows like log|ν|, not a power")
            }
            guard sign == .nonnegative, lower > 0 else {
                throw TailRefusal(op: op, reason: "the argument is not known positive and away from 0 (\(self))")
            }
            // lo ≤ log L ≤ log x ≤ log U ≤ hi; for hi ≤ 0, |log x| = −log x ∈ [−hi, −lo].
            let lo = DirectedDouble.log(lower, up: false), hi = DirectedDouble.log(upper, up: true)
            if lo >= 0 { return try bound(0, hi, lo, .nonnegative) }
            if hi <= 0 { return try bound(0, -lo, -hi, .nonpositive) }
            return try bound(0, Swift.max(-lo, hi), 0, .unknown)
        }
    }

    /// atan2(y, x) ∈ (−π, π]: order 0, |atan2| ≤ π, no lower bound (it vanishes where y = 0 < x).
    public static func atan2(_ y: TailBound, _ x: TailBound) throws(TailRefusal) -> TailBound {
        try sameRegion(y, x, "atan2")
        if y.isZero && x.isZero { return y }
        return try modulus(0, DirectedDouble.piAbove, sign: .unknown, log2R: y.log2R, op: "atan2")
    }

    /// sign(x) ∈ {−1, 0, 1}: |sign x| = 1 when L > 0 (x never vanishes on the tail), with x's sign;
    /// 0 for x ≡ 0; refused otherwise.
    public func signFunction() throws(TailRefusal) -> TailBound {
        if isZero { return self }
        guard lower > 0 else { throw TailRefusal(op: "sign", reason: "the argument may vanish on the tail (\(self))") }
        return try .modulus(1, 1, sign: sign, log2R: log2R, op: "sign")
    }

    /// θ(x) (θ(0) = ½): 1 where x > 0 on the whole tail, 0 where x < 0; refused when x's sign is
    /// not known (ν itself: θ jumps between the two tails) or x may vanish.
    public func theta() throws(TailRefusal) -> TailBound {
        if isZero { return try .constant(BigRational(1, 2), log2R: log2R) }
        guard lower > 0, sign != .unknown else {
            throw TailRefusal(op: "θ", reason: "the argument's sign is not one sign on the whole tail (\(self))")
        }
        return sign == .nonnegative ? try .constant(1, log2R: log2R) : try .zero(log2R: log2R)
    }

    /// δ(x, 0) (1 when x = 0, else 0): 1 for x ≡ 0, 0 when L > 0, refused otherwise.
    public func isZeroIndicator() throws(TailRefusal) -> TailBound {
        if isZero { return try .constant(1, log2R: log2R) }
        guard lower > 0 else { throw TailRefusal(op: "δ", reason: "the argument may vanish on the tail (\(self))") }
        return try .zero(log2R: log2R)
    }

    /// The principal √(a + ib): |√z| = √|z|, so each part is at most √U_{|z|}; Re √z ≥ 0; and
    /// Re √z = √((|z| + a)/2) ≥ √(|z|/2) when a ≥ 0, |Im √z| = √((|z| − a)/2) ≥ √(|z|/2) when
    /// a ≤ 0. For b ≡ 0 it is the real root: (√a, 0) for a ≥ 0, (0, ±√−a) for a ≤ 0.
    public static func complexSquareRoot(_ a: TailBound, _ b: TailBound) throws(TailRefusal) -> (re: TailBound, im: TailBound) {
        try sameRegion(a, b, "complex √")
        let zero = try TailBound.zero(log2R: a.log2R)
        if b.isZero {
            switch a.sign {
            case .nonnegative: return (try a.squareRoot(), zero)
            case .nonpositive: return (zero, try a.magnitude.squareRoot().with(sign: .unknown))
            case .unknown: break
            }
        }
        let r: TailBound
        do { r = try hypot(a, b).squareRoot() } catch { throw TailRefusal(op: "complex √", reason: error.reason) }
        guard let k = r.quarters else { return (zero, zero) }
        let half = Bound.rootBelow(Bound.productBelow(Bound.productBelow(r.lower, r.lower), 0.5))
        let re = try TailBound(log2R: a.log2R, quarters: k, upper: r.upper, lower: a.sign == .nonnegative ? half : 0,
                               sign: .nonnegative, op: "complex √")
        let im = try TailBound(log2R: a.log2R, quarters: k, upper: r.upper, lower: a.sign == .nonpositive ? half : 0,
                               sign: .unknown, op: "complex √")
        return (re, im)
    }
}

/// Elementary functions of a Double with directed rounding: MPFR at 53 bits rounds the exact
/// function value up or down (correct rounding in the chosen direction), so the result is a
/// rigorous bound, unlike libm's.
enum DirectedDouble {
    typealias Unary = (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32

    static func apply(_ f: Unary, _ x: Double, up: Bool) -> Double {
        let p = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: 2)
        defer { mpfr_clear(p); mpfr_clear(p + 1); p.deallocate() }
        mpfr_init2(p, 53)
        mpfr_init2(p + 1, 53)
        mpfr_set_d(p, x, MPFR_RNDN)   // exact
        let rnd = up ? MPFR_RNDU : MPFR_RNDD
        _ = f(p + 1, p, rnd)
        return mpfr_get_d(p + 1, rnd)
    }

    static func exp(_ x: Double, up: Bool) -> Double { apply(mpfr_exp, x, up: up) }
    static func cosh(_ x: Double, up: Bool) -> Double { apply(mpfr_cosh, x, up: up) }
    static func tanh(_ x: Double, up: Bool) -> Double { apply(mpfr_tanh, x, up: up) }
    static func atan(_ x: Double, up: Bool) -> Double { apply(mpfr_atan, x, up: up) }
    static func cos(_ x: Double, up: Bool) -> Double { apply(mpfr_cos, x, up: up) }
    static func log(_ x: Double, up: Bool) -> Double { apply(mpfr_log, x, up: up) }

    /// π from above: Double.pi = 3.14159265358979311… < π = 3.14159265358979323…, so its successor.
    static let piAbove = Double.pi.nextUp
    /// π/2 from above (halving is exact).
    static let halfPiAbove = Double.pi.nextUp / 2

    /// f(m)/m for m ≥ 0 (its limit 1 at m = 0), rounded up or down: the numerator rounded in
    /// the same direction, then the quotient (m is exact).
    static func ratio(_ f: TailBound.Function, _ m: Double, up: Bool) -> Double {
        guard m > 0 else { return 1 }
        let g: Unary
        switch f {
        case .sinh: g = mpfr_sinh
        case .tanh: g = mpfr_tanh
        case .atan: g = mpfr_atan
        case .sin: g = mpfr_sin
        case .tan: g = mpfr_tan
        default: preconditionFailure("no ratio for \(f)")
        }
        let v = apply(g, m, up: up)
        return up ? Bound.quotient(v, m) : Bound.quotientBelow(v, m)
    }
}
