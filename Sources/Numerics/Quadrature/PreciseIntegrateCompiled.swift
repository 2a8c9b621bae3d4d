import ArbitraryPrecision
import CMPFR
import Symbolic

/// `preciseIntegrate` for a compiled integrand: the same rules, levels, range selection and
/// stopping test as the closure version (see there), but the integrand runs on an
/// `MPFREvaluator` through mpfr pointers and the nodes and weights come from a
/// process-wide cache per rule, precision and level, so after the first call at a
/// precision the inner loop does one tape evaluation, one multiplication and two
/// additions per node and allocates nothing.
///
/// `f` must have exactly one parameter, real, and one output (for example
/// `CompiledFunction(expr, parameters: [x])` with x declared real) whose imaginary part
/// is zero at every node (log x on x > 0 qualifies); a nonzero one throws `invalidArgument`.
public func preciseIntegrate(_ f: CompiledFunction, from a: BigFloat, to b: BigFloat,
                             digits: Int, maxLevel: Int = 12) throws -> QuadratureResult<BigFloat> {
    guard f.parameters.count == 1, f.realParameters == [true] else {
        throw NumericsError.invalidArgument("integrand must have exactly one real parameter, has \(f.parameters.count)")
    }
    guard f.outputCount == 1 else {
        throw NumericsError.invalidArgument("integrand must have one output, has \(f.outputCount)")
    }
    return try doubleExponentialIntegral(from: a, to: b, digits: digits) { lo, hi, p in
        var summand = CompiledSummand(f, lo: lo, hi: hi, precision: p)
        // Over the whole real line the sinh-sinh nodes come in exact pairs ±x with equal weights;
        // when f is provably even (f(−x) and f(x) are the same canonical expression) the node at
        // −x contributes the term already computed at x, so half the evaluations are saved.
        if summand.kind == .sinhSinh, let e = f.expressions.first {
            let x = Expr.symbol(f.parameters[0])
            summand.mirrorEven = e.substitute([x: -x]) == e
        }
        return try runDoubleExponential(&summand, kind: summand.kind, precision: p, digits: digits, maxLevel: maxLevel)
    }
}

private struct CompiledSummand: DoubleExponentialSummand {
    let evaluator: MPFREvaluator
    let output: UnsafeMutablePointer<__mpfr_struct>
    let outputIm: UnsafeMutablePointer<__mpfr_struct>
    let kind: DoubleExponentialKind
    let lo: BigFloat, hi: BigFloat, halfWidth: BigFloat
    let p: Int
    /// x, the weight and the term.
    let scratch: MPFRScratch
    let endpointRounding: EndpointRoundingTally
    let loPointer: UnsafePointer<__mpfr_struct>, hiPointer: UnsafePointer<__mpfr_struct>
    let halfWidthPointer: UnsafePointer<__mpfr_struct>
    var evaluations = 0
    /// Set for an even integrand on (−∞, ∞): the term at −t is the one computed at t.
    var mirrorEven = false
    var mirrorsNegativeSide: Bool { mirrorEven }

    init(_ f: CompiledFunction, lo: BigFloat, hi: BigFloat, precision p: Int) {
        evaluator = MPFREvaluator(f, precision: p)
        output = evaluator.outputRe(0)
        outputIm = evaluator.outputIm(0)
        self.lo = lo
        self.hi = hi
        self.p = p
        halfWidth = (hi - lo) / BigFloat(2, precision: p)
        kind = doubleExponentialKind(lo: lo, hi: hi)
        scratch = MPFRScratch(count: 4, precision: p)
        endpointRounding = EndpointRoundingTally(lo: lo, hi: hi)
        loPointer = lo.withUnsafeMPFR { $0 }  // lo and hi are let properties: their storage outlives the summand's use
        hiPointer = hi.withUnsafeMPFR { $0 }
        halfWidthPointer = halfWidth.withUnsafeMPFR { $0 }
    }

    var x: UnsafeMutablePointer<__mpfr_struct> { scratch[0] }
    /// The node's distance to the endpoint its side approaches (tanh-sinh; exp-sinh for t < 0).
    var d: UnsafeMutablePointer<__mpfr_struct> { scratch[3] }
    var w: UnsafeMutablePointer<__mpfr_struct> { scratch[1] }
    var v: UnsafeMutablePointer<__mpfr_struct> { scratch[2] }
    var term: UnsafeMutablePointer<__mpfr_struct> { scratch[2] }

    /// Writes x(t)·f(x(t))·x'(t) for the node of `table` at index i (negative: at −t) into v;
    /// false where the node rounds onto a finite endpoint.
    mutating func evaluate(_ table: DoubleExponentialLevel, _ i: Int, negative: Bool) throws -> Bool {
        let rnd = MPFR_RNDN
        let raw = table.raw
        switch kind {
        case .sinhSinh:
            _ = negative ? mpfr_neg(x, raw.value + i, rnd) : mpfr_set(x, raw.value + i, rnd)
        case .expSinh:
            // [lo, ∞): x = lo + e^u; (−∞, hi]: x = hi − e^u.
            let e = negative ? raw.negativeValue + i : raw.value + i
            let rising = hi.isInfinite
            let origin = rising ? loPointer : hiPointer
            _ = rising ? mpfr_add(x, origin, e, rnd) : mpfr_sub(x, origin, e, rnd)
            if mpfr_equal_p(x, origin) != 0 { return false }
            if negative { mpfr_set(d, e, rnd) }

        case .tanhSinh:
            // t ≥ 0 approaches hi, t < 0 approaches lo, by halfWidth·gap.
            mpfr_mul(d, halfWidthPointer, raw.value + i, rnd)
            if negative { mpfr_add(x, loPointer, d, rnd) } else { mpfr_sub(x, hiPointer, d, rnd) }
            if mpfr_lessequal_p(x, loPointer) != 0 || mpfr_greaterequal_p(x, hiPointer) != 0 { return false }
            mpfr_mul(w, halfWidthPointer, raw.weight + i, rnd)
        }
        evaluations += 1
        evaluator.setRealInput(0, x)
        evaluator.evaluateInPlace()
        guard mpfr_number_p(output) != 0 else { throw NumericsError.nonFiniteValue(at: mpfr_get_d(x, rnd)) }
        guard mpfr_zero_p(outputIm) != 0 else {
            throw NumericsError.invalidArgument("integrand is not real at x = \(mpfr_get_d(x, rnd))")
        }
        // The weight: from the table (times halfWidth for tanh-sinh, already in w).
        switch kind {
        case .tanhSinh: mpfr_mul(v, w, output, rnd)
        case .expSinh: mpfr_mul(v, negative ? raw.negativeWeight + i : raw.weight + i, output, rnd)
        case .sinhSinh: mpfr_mul(v, raw.weight + i, output, rnd)
        }
        if mpfr_nan_p(v) != 0 { mpfr_set_ui(v, 0, rnd) }  // 0·∞ weight far out: the term is negligible
        switch kind {
        case .tanhSinh: endpointRounding.add(term: v, distance: d, high: !negative)
        case .expSinh where negative: endpointRounding.add(term: v, distance: d, high: !hi.isInfinite)
        default: break
        }
        return true
    }
}
