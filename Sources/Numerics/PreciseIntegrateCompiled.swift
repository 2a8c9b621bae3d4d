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
    guard digits >= 1 else { throw NumericsError.invalidArgument("digits must be positive") }
    guard !a.isNaN && !b.isNaN else { throw NumericsError.invalidArgument("NaN integration bound") }
    let p = BigFloat.bits(forDigits: digits + 10)
    if a == b {
        let z = BigFloat(0, precision: p)
        return QuadratureResult(value: z, errorEstimate: z, converged: true, evaluations: 0, refinements: 0)
    }
    if a > b {
        var r = try preciseIntegrate(f, from: b, to: a, digits: digits, maxLevel: maxLevel)
        r.value = -r.value
        return r
    }
    var integrator = CompiledDoubleExponential(f, lo: a.rounded(toPrecision: p), hi: b.rounded(toPrecision: p), precision: p)
    return try integrator.run(digits: digits, maxLevel: maxLevel)
}

private struct CompiledDoubleExponential {
    let evaluator: MPFREvaluator
    let output: UnsafeMutablePointer<__mpfr_struct>
    let outputIm: UnsafeMutablePointer<__mpfr_struct>
    let kind: DoubleExponentialKind
    let lo: BigFloat, hi: BigFloat, halfWidth: BigFloat
    let p: Int
    /// x, the weight, the term, and the sums of terms and of their moduli.
    let scratch: MPFRScratch
    var evaluations = 0

    init(_ f: CompiledFunction, lo: BigFloat, hi: BigFloat, precision p: Int) {
        evaluator = MPFREvaluator(f, precision: p)
        output = evaluator.outputRe(0)
        outputIm = evaluator.outputIm(0)
        self.lo = lo
        self.hi = hi
        self.p = p
        halfWidth = (hi - lo) / BigFloat(2, precision: p)
        kind = switch (lo.isInfinite, hi.isInfinite) {
        case (false, false): .tanhSinh
        case (true, true): .sinhSinh
        default: .expSinh
        }
        scratch = MPFRScratch(count: 5, precision: p)
    }

    var x: UnsafeMutablePointer<__mpfr_struct> { scratch[0] }
    var w: UnsafeMutablePointer<__mpfr_struct> { scratch[1] }
    var v: UnsafeMutablePointer<__mpfr_struct> { scratch[2] }
    var sum: UnsafeMutablePointer<__mpfr_struct> { scratch[3] }
    var absSum: UnsafeMutablePointer<__mpfr_struct> { scratch[4] }

    /// Writes x(t)·f(x(t))·x'(t) for the node of `table` at index i (negative: at −t) into v;
    /// false where the node rounds onto a finite endpoint.
    mutating func term(_ table: DoubleExponentialLevel, _ i: Int, negative: Bool) throws -> Bool {
        let rnd = MPFR_RNDN
        switch kind {
        case .sinhSinh:
            table.value[i].withUnsafeMPFR { s in _ = negative ? mpfr_neg(x, s, rnd) : mpfr_set(x, s, rnd) }
            table.weight[i].withUnsafeMPFR { _ = mpfr_set(w, $0, rnd) }
        case .expSinh:
            // [lo, ∞): x = lo + e^u; (−∞, hi]: x = hi − e^u.
            let e = negative ? table.negativeValue[i] : table.value[i]
            let rising = hi.isInfinite
            (rising ? lo : hi).withUnsafeMPFR { o in
                e.withUnsafeMPFR { _ = rising ? mpfr_add(x, o, $0, rnd) : mpfr_sub(x, o, $0, rnd) }
            }
            if mpfr_equal_p(x, rising ? lo.withUnsafeMPFR { $0 } : hi.withUnsafeMPFR { $0 }) != 0 { return false }
            (negative ? table.negativeWeight[i] : table.weight[i]).withUnsafeMPFR { _ = mpfr_set(w, $0, rnd) }
        case .tanhSinh:
            // t ≥ 0 approaches hi, t < 0 approaches lo, by halfWidth·gap.
            halfWidth.withUnsafeMPFR { r in table.value[i].withUnsafeMPFR { _ = mpfr_mul(v, r, $0, rnd) } }
            if negative { lo.withUnsafeMPFR { _ = mpfr_add(x, $0, v, rnd) } } else { hi.withUnsafeMPFR { _ = mpfr_sub(x, $0, v, rnd) } }
            let outside = lo.withUnsafeMPFR { mpfr_lessequal_p(x, $0) } != 0 || hi.withUnsafeMPFR { mpfr_greaterequal_p(x, $0) } != 0
            if outside { return false }
            halfWidth.withUnsafeMPFR { r in table.weight[i].withUnsafeMPFR { _ = mpfr_mul(w, r, $0, rnd) } }
        }
        evaluations += 1
        evaluator.setRealInput(0, x)
        evaluator.evaluateInPlace()
        guard mpfr_number_p(output) != 0 else { throw NumericsError.nonFiniteValue(at: mpfr_get_d(x, rnd)) }
        guard mpfr_zero_p(outputIm) != 0 else {
            throw NumericsError.invalidArgument("integrand is not real at x = \(mpfr_get_d(x, rnd))")
        }
        mpfr_mul(v, w, output, rnd)
        if mpfr_nan_p(v) != 0 { mpfr_set_ui(v, 0, rnd) }  // 0·∞ weight far out: the term is negligible
        return true
    }

    private mutating func addTerm() {
        mpfr_add(sum, sum, v, MPFR_RNDN)
        if mpfr_signbit(v) != 0 { mpfr_sub(absSum, absSum, v, MPFR_RNDN) } else { mpfr_add(absSum, absSum, v, MPFR_RNDN) }
    }

    private func big(_ r: UnsafeMutablePointer<__mpfr_struct>) -> BigFloat {
        var b = BigFloat(0, precision: p)
        b.withUnsafeMutableMPFR { _ = mpfr_set($0, r, MPFR_RNDN) }
        return b
    }

    mutating func run(digits: Int, maxLevel: Int) throws -> QuadratureResult<BigFloat> {
        let cache = DoubleExponentialNodeCache.shared
        let ln2 = 0.6931471805599453
        // As in the closure version: the t range where nodes are still distinguishable.
        let uLimit: Double = kind == .tanhSinh ? (Double(p) * ln2 + 1) / 2 : 4 * Double(p) * ln2
        let tLimit = Double.asinh(uLimit / (Double.pi / 2))
        let eps = BigFloat.powerOfTwo(-p, precision: p)
        let tiny = scratch[0]  // reused below only after the walk

        // Level 0: walk outwards until two consecutive terms are negligible.
        let maxIndex0 = Int(tLimit / 0.5)
        let level0 = cache.level(0, of: kind, precision: p, count: maxIndex0 + 1)
        mpfr_set_ui(sum, 0, MPFR_RNDN)
        mpfr_set_ui(absSum, 0, MPFR_RNDN)
        if try term(level0, 0, negative: false) { addTerm() }
        var extent = [0, 0]
        for side in 0..<2 {
            var k = 1, small = 0
            while k <= maxIndex0 {
                if try term(level0, k, negative: side == 0) {
                    addTerm()
                    eps.withUnsafeMPFR { _ = mpfr_mul(tiny, absSum, $0, MPFR_RNDN) }
                    small = mpfr_cmpabs(v, tiny) <= 0 ? small + 1 : 0
                } else {
                    small += 1
                }
                extent[side] = k
                if small >= 2 { break }
                k += 1
            }
        }
        let tLeft = Double(extent[0]) * 0.5, tRight = Double(extent[1]) * 0.5
        let two = BigFloat(2, precision: p)
        var h = 0.5
        var integral = big(sum) * BigFloat(h, precision: p)
        var l1 = big(absSum) * BigFloat(h, precision: p)
        var error = BigFloat(Double.infinity, precision: 53)
        let target = BigFloat.pow(BigFloat(10, precision: p), -digits)
        var level = 0
        var converged = false
        while level < maxLevel {
            level += 1
            h /= 2
            // New nodes: odd multiples of h inside [−tLeft, tRight]; entry i is t = (2i + 1)h.
            let count = Int((max(tLeft, tRight) / h - 1) / 2) + 1
            let table = cache.level(level, of: kind, precision: p, count: count)
            mpfr_set_ui(sum, 0, MPFR_RNDN)
            mpfr_set_ui(absSum, 0, MPFR_RNDN)
            for i in 0..<count {
                let t = Double(2 * i + 1) * h
                if t <= tRight, try term(table, i, negative: false) { addTerm() }
                if t <= tLeft, try term(table, i, negative: true) { addTerm() }
            }
            let hb = BigFloat(h, precision: p)
            let next = integral / two + big(sum) * hb
            l1 = l1 / two + big(absSum) * hb
            error = BigFloat.abs(next - integral)
            integral = next
            let scale = BigFloat.max(BigFloat.abs(integral), target * l1)
            if level >= 3 && error <= target * scale { converged = true; break }
        }
        return QuadratureResult(value: integral, errorEstimate: error.rounded(toPrecision: 53), converged: converged,
                                evaluations: evaluations, refinements: level)
    }
}
