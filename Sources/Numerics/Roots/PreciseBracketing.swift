import ArbitraryPrecision

/// Which interval-shrinking rule an arbitrary-precision bracket search uses.
public enum BracketingMethod: Sendable {
    /// Halves the interval: one bit per evaluation, never fails.
    case bisection
    /// Regula falsi with the Illinois modification (the retained end's value
    /// is halved when the same end survives twice): superlinear, order ≈ 1.44.
    case illinois
}

/// Finds a bracket of width at most 10^(−digits)·max(|a|, |b|) +
/// `absoluteTolerance` around a sign change of f in MPFR arithmetic. Points
/// are passed to f at `BigFloat.bits(forDigits: digits + 10)` bits; f should
/// compute at the precision of its argument. Throws `noSignChange` if f(a),
/// f(b) do not differ in sign (both evaluated), `nonFiniteValue` on NaN/∞.
public func preciseBracket(in a0: BigFloat, _ b0: BigFloat, digits: Int, method: BracketingMethod = .illinois,
                           absoluteTolerance: BigFloat? = nil, maxIterations: Int? = nil,
                           _ f: (BigFloat) throws -> BigFloat) throws -> BracketResult<BigFloat> {
    guard digits >= 1 else { throw NumericsError.invalidArgument("digits must be positive") }
    let p = BigFloat.bits(forDigits: digits + 10)
    var evaluations = 0
    func eval(_ x: BigFloat) throws -> BigFloat {
        evaluations += 1
        let y = try f(x)
        guard y.isFinite else { throw NumericsError.nonFiniteValue(at: x.toDouble()) }
        return y
    }
    var a = a0 < b0 ? a0.rounded(toPrecision: p) : b0.rounded(toPrecision: p)
    var b = a0 < b0 ? b0.rounded(toPrecision: p) : a0.rounded(toPrecision: p)
    var fa = try eval(a), fb = try eval(b)
    func exact(_ x: BigFloat, _ iterations: Int) -> BracketResult<BigFloat> {
        let z = BigFloat(0, precision: p)
        return BracketResult(lower: x, upper: x, fLower: z, fUpper: z, stop: .exactZero, iterations: iterations, evaluations: evaluations)
    }
    if fa.isZero { return exact(a, 0) }
    if fb.isZero { return exact(b, 0) }
    guard fa.sign != fb.sign else {
        throw NumericsError.noSignChange(a: a.toDouble(), fa: fa.toDouble(), b: b.toDouble(), fb: fb.toDouble())
    }
    let relative = BigFloat.pow(BigFloat(10, precision: p), -digits)
    let absolute = absoluteTolerance ?? BigFloat(0, precision: p)
    // Bisection needs about log2(width/tolerance) steps; allow that plus slack.
    let limit = maxIterations ?? (4 * p + 100)
    let half = BigFloat(0.5, precision: p)
    var side = 0  // which end was replaced last: -1 lower, +1 upper
    var iterations = 0
    var stop = BracketResult<BigFloat>.Stop.maxIterations
    while true {
        let scale = BigFloat.max(BigFloat.abs(a), BigFloat.abs(b))
        if b - a <= relative * scale + absolute { stop = .toleranceReached; break }
        if iterations >= limit { break }
        iterations += 1
        var c: BigFloat
        switch method {
        case .bisection:
            c = (a + b) * half
        case .illinois:
            c = b - fb * (b - a) / (fb - fa)
            // Rounding can put the secant point on or outside an end; bisect then.
            if !(c > a && c < b) { c = (a + b) * half }
        }
        if !(c > a && c < b) { stop = .precisionExhausted; break }
        let fc = try eval(c)
        if fc.isZero { return exact(c, iterations) }
        if fc.sign == fa.sign {
            a = c; fa = fc
            if method == .illinois && side == -1 { fb = fb * half }
            side = -1
        } else {
            b = c; fb = fc
            if method == .illinois && side == 1 { fa = fa * half }
            side = 1
        }
    }
    let fl = try eval(a), fu = try eval(b)
    if fl.isZero { return exact(a, iterations) }
    if fu.isZero { return exact(b, iterations) }
    guard fl.sign != fu.sign else {
        throw NumericsError.noSignChange(a: a.toDouble(), fa: fl.toDouble(), b: b.toDouble(), fb: fu.toDouble())
    }
    return BracketResult(lower: a, upper: b, fLower: fl, fUpper: fu, stop: stop, iterations: iterations, evaluations: evaluations)
}

extension BracketResult where Scalar == BigFloat {
    /// The end with the smaller |f|.
    public var root: BigFloat { BigFloat.abs(fLower) <= BigFloat.abs(fUpper) ? lower : upper }
    public var width: BigFloat { upper - lower }
}
