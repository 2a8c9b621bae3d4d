/// Brent's method (zeroin: inverse quadratic interpolation, secant and
/// bisection, R. P. Brent, Algorithms for Minimization without Derivatives,
/// ch. 4) on [a, b]. Stops when the bracket is below
/// `absoluteTolerance + 4ε|x|`. Throws `noSignChange` if f(a) and f(b) do
/// not have opposite signs, `nonFiniteValue` if f returns NaN or ±∞.
/// `values`: f(a) and f(b) when the caller has them already (a grid's scan),
/// so that f runs only at new points. f must be a function (the same x, the
/// same value): the final bracket's ends are points the search evaluated, and
/// their values are those evaluations.
public func brentRoot(in interval: ClosedRange<Double>, values: (lower: Double, upper: Double)? = nil, absoluteTolerance: Double = 0,
                      maxIterations: Int = 200, _ f: (Double) throws -> Double) throws -> BracketResult<Double> {
    var evaluations = 0
    func eval(_ x: Double) throws -> Double {
        evaluations += 1
        let y = try f(x)
        guard y.isFinite else { throw NumericsError.nonFiniteValue(at: x) }
        return y
    }
    var a = interval.lowerBound, b = interval.upperBound
    var fa: Double, fb: Double
    if let values {
        guard values.lower.isFinite else { throw NumericsError.nonFiniteValue(at: a) }
        guard values.upper.isFinite else { throw NumericsError.nonFiniteValue(at: b) }
        (fa, fb) = values
    } else {
        fa = try eval(a)
        fb = try eval(b)
    }
    if fa == 0 { return BracketResult(lower: a, upper: a, fLower: 0, fUpper: 0, stop: .exactZero, iterations: 0, evaluations: evaluations) }
    if fb == 0 { return BracketResult(lower: b, upper: b, fLower: 0, fUpper: 0, stop: .exactZero, iterations: 0, evaluations: evaluations) }
    guard (fa < 0) != (fb < 0) else { throw NumericsError.noSignChange(a: a, fa: fa, b: b, fb: fb) }

    var c = a, fc = fa
    var d = b - a, e = d
    var iterations = 0
    var stop = BracketResult<Double>.Stop.maxIterations
    while true {
        // b is the best estimate, c the contrapoint (f(b), f(c) of opposite sign), a the previous b.
        if (fb > 0) == (fc > 0) { c = a; fc = fa; d = b - a; e = d }
        if abs(fc) < abs(fb) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa }
        let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * absoluteTolerance
        let half = 0.5 * (c - b)
        if fb == 0 { stop = .exactZero; break }
        if abs(half) <= tol { stop = .toleranceReached; break }
        if iterations >= maxIterations { break }
        iterations += 1
        if abs(e) >= tol && abs(fa) > abs(fb) {
            let s = fb / fa
            var p: Double, q: Double
            if a == c {
                p = 2 * half * s; q = 1 - s
            } else {
                let qa = fa / fc, r = fb / fc
                p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1))
                q = (qa - 1) * (r - 1) * (s - 1)
            }
            if p > 0 { q = -q } else { p = -p }
            if 2 * p < min(3 * half * q - abs(tol * q), abs(e * q)) { e = d; d = p / q } else { d = half; e = d }
        } else {
            d = half; e = d
        }
        a = b; fa = fb
        b += abs(d) > tol ? d : (half > 0 ? tol : -tol)
        fb = try eval(b)
    }
    if stop == .exactZero {
        return BracketResult(lower: b, upper: b, fLower: 0, fUpper: 0, stop: .exactZero, iterations: iterations, evaluations: evaluations)
    }
    // The loop keeps f(b), f(c) of opposite signs (a zero stops it), so the bracket is proven
    // by the values already computed.
    let (lower, upper, fl, fu) = b < c ? (b, c, fb, fc) : (c, b, fc, fb)
    return BracketResult(lower: lower, upper: upper, fLower: fl, fUpper: fu, stop: stop, iterations: iterations, evaluations: evaluations)
}
