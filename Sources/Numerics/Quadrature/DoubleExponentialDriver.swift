import ArbitraryPrecision
import CMPFR
import RealModule

/// An integrand as the double-exponential driver sees it: the term w(t)·f(x(t)) of one node.
protocol DoubleExponentialSummand {
    /// Where `evaluate` leaves the term.
    var term: UnsafeMutablePointer<__mpfr_struct> { get }
    var evaluations: Int { get }
    /// Node rounding next to nonzero finite endpoints (see `EndpointRoundingTally`).
    var endpointRounding: EndpointRoundingTally { get }
    /// Writes w(t)·f(x(t)) for entry i of `table` (negative: the node at −t) into `term`;
    /// false where the node rounds onto a finite endpoint (so does every node farther out).
    mutating func evaluate(_ table: DoubleExponentialLevel, _ i: Int, negative: Bool) throws -> Bool
    /// True when the term at −t is exactly the term at t (an even integrand on a symmetric
    /// rule): the driver then counts the t ≥ 0 sweep twice instead of sweeping t < 0.
    var mirrorsNegativeSide: Bool { get }
}

extension DoubleExponentialSummand {
    var mirrorsNegativeSide: Bool { false }
}

/// Working precision of `preciseIntegrate` for `digits` requested digits: the 16 guard bits of
/// `BigFloat.bits(forDigits:)` (116 bits at 30 digits, so that the evaluator's tanh also fits
/// two limbs). The driver adds the rounding error this leaves to its estimate (see there).
func doubleExponentialPrecision(digits: Int) -> Int { BigFloat.bits(forDigits: digits) }

/// What both `preciseIntegrate` entry points share before the level loop: digits ≥ 1 and no
/// NaN bound (else `invalidArgument`), an empty interval integrates to exactly 0, reversed
/// bounds change the sign; `run` gets the ordered bounds rounded to the working precision.
func doubleExponentialIntegral(from a: BigFloat, to b: BigFloat, digits: Int,
                               _ run: (BigFloat, BigFloat, Int) throws -> QuadratureResult<BigFloat>)
    throws -> QuadratureResult<BigFloat> {
    guard digits >= 1 else { throw NumericsError.invalidArgument("digits must be positive") }
    guard !a.isNaN && !b.isNaN else { throw NumericsError.invalidArgument("NaN integration bound") }
    let p = doubleExponentialPrecision(digits: digits)
    if a == b {
        let z = BigFloat(0, precision: p)
        return QuadratureResult(value: z, errorEstimate: z, converged: true, evaluations: 0, refinements: 0, absoluteIntegral: z)
    }
    if a > b {
        var r = try run(b.rounded(toPrecision: p), a.rounded(toPrecision: p), p)
        r.value = -r.value
        return r
    }
    return try run(a.rounded(toPrecision: p), b.rounded(toPrecision: p), p)
}

/// The level loop shared by both `preciseIntegrate` entry points.
///
/// Level k is the trapezoid rule with step h_k = 2^(−k−1) in t; its new nodes are swept
/// outwards from t = 0 on each side until two consecutive terms are below
/// τ = 2^(−20)·10^(−digits)·S (S: |I_(k−1)|, or at level 0 the running sum of |terms|),
/// and at least as far as the previous level's last term above τ; or until a node rounds
/// onto a finite endpoint, or t reaches the cap where x is 2^(±4p) (tanh-sinh: 1 − |x| ≈
/// 2^(−4p)), p the working precision. So the range follows the integrand and the precision
/// (the fixed range of earlier versions cut off terms of 10⁻³⁵ at 40 digits and stalled).
///
/// Error estimate of I_k (documented in docs/benchmarks.md, issue 5 (c)):
/// E_k = max(|I_k − I_(k−1)|, E_trunc, E_round, E_nodes), where
/// - |I_k − I_(k−1)| is the error of I_(k−1) once the rule converges, so it bounds that of
///   I_k. Bailey's extrapolation 10^(d1²/d2) (and mpmath's, which also takes 2·d1) is not
///   used: on the benchmark integrand x tanh x/(x² + π²/4)² the digits per level go 2.7,
///   6.8, 13.9, 19.9, 34.9, 60 (h = 1/2 … 1/64), and at h = 1/16 it claims 10^(−27.9)
///   against a true error of 10^(−19.9).
/// - E_trunc = h_k·(omitted tails): for each level and side cut after small terms, the
///   geometric series a·r/(1 − r) beyond its last term a with the ratio r of its last two
///   (capped at 0.99), which bounds the tail as long as log|term| is concave in t (the ratios
///   shrink outwards, as they do for double-exponential decay); for a side cut where nodes round
///   onto the endpoint (or at the cap), every omitted node of the final grid lies beyond that
///   point, so one such series from the latest level's last two terms, per grid step, bounds them.
/// - E_round = 2^(−p)·N·L1, N evaluations, L1 = h_k·Σ|terms|: the rounding of N terms and
///   their sum, assuming the integrand is computed to a few ulps.
/// - E_nodes = 2^(−p)·h_k·Σ|term|·|c|/|x − c| over nodes next to an endpoint c ≠ 0 (see
///   `EndpointRoundingTally`): there x is known only to 2^(−p)|c|, which a singular integrand
///   feels (E_nodes is what makes ∫₀¹ (1 − x)^(−1/2) dx report its lost digits).
/// Converged when level ≥ 3 and E_k ≤ 10^(−digits)·max(|I_k|, 10^(−digits)·L1). When instead
/// E_k is E_round or E_nodes (the levels agree to within rounding) but above that tolerance, it stops
/// unconverged: more levels cannot help.
func runDoubleExponential<S: DoubleExponentialSummand>(_ summand: inout S, kind: DoubleExponentialKind,
                                                       precision p: Int, digits: Int,
                                                       maxLevel: Int) throws -> QuadratureResult<BigFloat> {
    let rnd = MPFR_RNDN
    let cache = DoubleExponentialNodeCache.shared
    let ln2 = 0.6931471805599453
    let uMax = kind == .tanhSinh ? 2 * Double(p) * ln2 : 4 * Double(p) * ln2
    let tMax = Double.asinh(uMax / (Double.pi / 2))
    let scratch = MPFRScratch(count: 8, precision: p)
    let (sum, absSum, threshold, last, previous, factor) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4], scratch[5])
    // The sums before the t ≥ 0 sweep, to count that sweep twice for a mirrored summand.
    let (sumBefore, absBefore) = (scratch[6], scratch[7])
    let target = BigFloat.pow(BigFloat(10, precision: p), -digits)
    let thresholdFactor = target * BigFloat.powerOfTwo(-20, precision: p)
    thresholdFactor.withUnsafeMPFR { _ = mpfr_set(factor, $0, rnd) }
    let term = summand.term

    /// Largest index of `level` with t ≤ tMax.
    func maxIndex(_ level: Int) -> Int {
        level == 0 ? Int(tMax / 0.5) : Int((tMax * Double(1 << (level + 1)) - 1) / 2)
    }

    var integral = BigFloat(0, precision: p)
    var l1 = BigFloat(0, precision: p)
    // Omitted tails (unscaled by h): Σ over levels and sides of those cut for small terms, and per side the
    // latest estimate of the nodes beyond the last distinguishable one (cut at an endpoint or the cap).
    var tails = BigFloat(0, precision: 53)
    var endTails = [BigFloat(0, precision: 53), BigFloat(0, precision: 53)]
    var extent = [0.0, 0.0]                 // t of the last term above τ, right and left
    var mirroredTail = BigFloat(0, precision: 53)  // this level's t > 0 small-term tail, for mirroring
    var error = BigFloat(Double.infinity, precision: 53)
    var level = 0
    var converged = false
    var floorReached = false
    while level <= maxLevel {
        let h = 0.5 / Double(1 << level)
        let top = maxIndex(level)
        var table = cache.level(level, of: kind, precision: p, count: min(top + 1, level == 0 ? 12 : Int(extent.max()! / h / 2) + 4))
        mpfr_set_ui(sum, 0, rnd)
        mpfr_set_ui(absSum, 0, rnd)
        if level == 0 {
            if try summand.evaluate(table, 0, negative: false) { add(term) }
        } else {
            // τ from the previous estimate of |I| (at level 0, from the running sum of |terms|).
            let scale = BigFloat.max(BigFloat.abs(integral), target * l1)
            (thresholdFactor * scale).withUnsafeMPFR { _ = mpfr_set(threshold, $0, rnd) }
        }
        for side in 0..<2 {
            let negative = side == 1
            if negative && summand.mirrorsNegativeSide {
                // Terms at −t equal those at t: add the t > 0 sweep's contribution again, and
                // take its range and tail bounds for this side.
                mpfr_sub(sumBefore, sum, sumBefore, rnd)
                mpfr_sub(absBefore, absSum, absBefore, rnd)
                mpfr_add(sum, sum, sumBefore, rnd)
                mpfr_add(absSum, absSum, absBefore, rnd)
                extent[1] = extent[0]
                tails = tails + mirroredTail
                endTails[1] = endTails[0]
                continue
            }
            if !negative {
                mpfr_set(sumBefore, sum, rnd)
                mpfr_set(absBefore, absSum, rnd)
                mirroredTail = BigFloat(0, precision: 53)
            }
            var i = level == 0 ? 1 : 0
            var smallRun = 0
            var lastBig = 0.0
            mpfr_set_ui(last, 0, rnd)
            mpfr_set_ui(previous, 0, rnd)
            var cutForSmallTerms = false
            while i <= top {
                if i >= table.value.count {
                    table = cache.level(level, of: kind, precision: p, count: min(top + 1, 2 * table.value.count + 4))
                }
                guard try summand.evaluate(table, i, negative: negative) else { break }
                add(term)
                if level == 0 { mpfr_mul(threshold, absSum, factor, rnd) }
                let small = mpfr_cmpabs(term, threshold) <= 0
                // last ← term, previous ← last, by swapping (the summand overwrites `term` next).
                mpfr_swap(last, previous)
                mpfr_swap(last, term)
                let t = DoubleExponentialLevel.t(level: level, index: i)
                if small { smallRun += 1 } else { smallRun = 0; lastBig = t }
                if smallRun >= 2 && t >= extent[side] { cutForSmallTerms = true; break }
                i += 1
            }
            extent[side] = Swift.max(extent[side], lastBig)
            if cutForSmallTerms {
                let tail = tailBound(perGridStep: false)
                tails = tails + tail
                if !negative { mirroredTail = tail }
            } else if !(mpfr_zero_p(last) != 0 && mpfr_zero_p(previous) != 0) {
                // Every node of the final grid beyond this cut rounds onto the endpoint (or lies past
                // the cap), so this level's last two terms, the finest seen there, bound them all.
                endTails[side] = tailBound(perGridStep: level > 0)
            }
        }
        let hb = BigFloat(h, precision: p)
        let levelSum = bigFloat(sum), levelAbs = bigFloat(absSum)
        let next = level == 0 ? levelSum * hb : integral / BigFloat(2, precision: p) + levelSum * hb
        l1 = level == 0 ? levelAbs * hb : l1 / BigFloat(2, precision: p) + levelAbs * hb
        if level > 0 {
            let difference = BigFloat.abs(next - integral).rounded(toPrecision: 53)
            let truncation = (tails + endTails[0] + endTails[1]) * BigFloat(h, precision: 53)
            // Mirrored terms are added twice: count them as terms of the sum for the rounding.
            let termCount = summand.mirrorsNegativeSide ? 2 * summand.evaluations : summand.evaluations
            let rounding = BigFloat.powerOfTwo(-p, precision: 53) * BigFloat(termCount, precision: 53)
                * l1.rounded(toPrecision: 53)
            var nodes = BigFloat(0, precision: 53)
            nodes.withUnsafeMutableMPFR { _ = mpfr_set($0, summand.endpointRounding.total, MPFR_RNDU) }
            nodes = nodes * BigFloat.powerOfTwo(-p, precision: 53) * BigFloat(h, precision: 53)
            error = BigFloat.max(BigFloat.max(difference, nodes), BigFloat.max(truncation, rounding))
            // E_round and E_nodes are floors: they do not shrink with h.
            let floor = BigFloat.max(rounding, nodes)
            floorReached = difference <= floor && truncation <= floor
        }
        integral = next
        if level >= 3 && error <= target * BigFloat.max(BigFloat.abs(integral), target * l1) {
            converged = true
            break
        }
        // Settled at the rounding floor, which is above the tolerance (|I| ≪ ∫|f|, as for an odd
        // integrand on a symmetric interval): finer levels only add rounding, so stop, unconverged.
        if level >= 3 && floorReached { break }
        if level == maxLevel { break }
        level += 1
    }
    return QuadratureResult(value: integral, errorEstimate: error, converged: converged,
                            evaluations: summand.evaluations, refinements: level, absoluteIntegral: l1)

    func add(_ v: UnsafeMutablePointer<__mpfr_struct>) {
        mpfr_add(sum, sum, v, rnd)
        if mpfr_signbit(v) != 0 { mpfr_sub(absSum, absSum, v, rnd) } else { mpfr_add(absSum, absSum, v, rnd) }
    }

    /// The omitted tail beyond the last term a of a side, after b: a·r/(1 − r), the geometric
    /// series with ratio r = a/b (capped at 0.99), which bounds it since the ratios of
    /// successive terms shrink farther out.
    func tailBound(perGridStep: Bool) -> BigFloat {
        let a = BigFloat.abs(bigFloat(last).rounded(toPrecision: 53))
        let b = BigFloat.abs(bigFloat(previous).rounded(toPrecision: 53))
        if a.isZero { return a }
        var r = b.isZero ? BigFloat(0.99, precision: 53) : Swift.min(a / b, BigFloat(0.99, precision: 53))
        // A level ≥ 1 sweeps every other node of its grid: the ratio per grid step is √r.
        if perGridStep { r = BigFloat.sqrt(r) }
        let one = BigFloat(1, precision: 53)
        return a * r / (one - r)
    }

    func bigFloat(_ r: UnsafeMutablePointer<__mpfr_struct>) -> BigFloat {
        var b = BigFloat(0, precision: Int(mpfr_get_prec(r)))
        b.withUnsafeMutableMPFR { _ = mpfr_set($0, r, rnd) }
        return b
    }
}

/// Σ |term|·|c|/|x − c| over the nodes next to a finite endpoint c ≠ 0, at 53 bits. Such a node
/// is rounded to within 2^(−p)|c|, a relative change 2^(−p)|c|/|x − c| of its distance to c;
/// an integrand behaving like |x − c|^α there (−1 < α ≤ 1: integrable power and log
/// singularities, or f(c) ≠ 0) changes by at most that relative amount, so 2^(−p)·h·(this sum)
/// bounds what the rounding of the nodes costs, which only matters for singular endpoints.
final class EndpointRoundingTally {
    private let scratch = MPFRScratch(count: 4, precision: 53)
    let low: Bool, high: Bool
    var total: UnsafeMutablePointer<__mpfr_struct> { scratch[1] }

    init(lo: BigFloat, hi: BigFloat) {
        low = lo.isFinite && !lo.isZero
        high = hi.isFinite && !hi.isZero
        mpfr_set_ui(scratch[1], 0, MPFR_RNDN)
        if low { lo.withUnsafeMPFR { _ = mpfr_abs(scratch[2], $0, MPFR_RNDU) } }
        if high { hi.withUnsafeMPFR { _ = mpfr_abs(scratch[3], $0, MPFR_RNDU) } }
    }

    /// Adds a node at `distance` from the high (or low) endpoint with this term, if that endpoint is not 0.
    func add(term: UnsafePointer<__mpfr_struct>, distance: UnsafePointer<__mpfr_struct>, high atHigh: Bool) {
        guard atHigh ? high : low else { return }
        let q = scratch[0]
        mpfr_div(q, term, distance, MPFR_RNDU)
        mpfr_abs(q, q, MPFR_RNDU)
        mpfr_mul(q, q, scratch[atHigh ? 3 : 2], MPFR_RNDU)
        mpfr_add(total, total, q, MPFR_RNDU)
    }
}
