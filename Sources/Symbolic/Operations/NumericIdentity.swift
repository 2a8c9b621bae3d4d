import ArbitraryPrecision

/// Checking an identity a = b by evaluating both sides at random points in MPFR.
extension Expr {
    /// Evaluates a and b at `samples` random points with about `digits` + 20 significant
    /// digits and compares them relative to the scale of the computation: the larger of |a|,
    /// |b| and the largest term of any sum met, so that an identity whose two sides cancel
    /// to 0 is judged against the size of what cancelled. Equal when every relative
    /// difference is below 10^(−digits).
    ///
    /// Points respect the declared assumptions: integers in 1…6 (positive) or −4…6, positive
    /// symbols in [1/4, 5/2], real ones in [−2, 2], complex ones with both parts in
    /// [−3/2, 3/2]. A point where either side cannot be evaluated (δ(0), say) is replaced by
    /// another; if no point can be evaluated the last error is thrown. User functions (and their
    /// slot derivatives) are the random smooth functions of `RandomSmoothFunction`, drawn from
    /// the same seed; integrals throw `.integral` (quadrature is KeldyshNumerics'
    /// `NumericIdentityCheck`).
    public static func numericallyEqual(_ a: Expr, _ b: Expr, digits: Int = 50, samples: Int = 5,
                                        seed: UInt64) throws(EvaluationError)
        -> (equal: Bool, maxRelativeDifference: BigFloat) {
        let precision = BigFloat.bits(forDigits: digits + 20)
        let tolerance = BigFloat.pow(BigFloat(10, precision: precision), -digits)
        var worst = BigFloat(0, precision: precision)
        try forEachRandomPoint(of: [a, b], samples: samples, seed: seed, precision: precision) { point throws(EvaluationError) in
            let s = try IdentitySample(a, b, at: point, precision: precision, seed: seed)
            if s.relativeDifference > worst { worst = s.relativeDifference }
        }
        return (worst < tolerance, worst)
    }

    /// The sampling loop of an identity check: calls `body` at random points for the free symbols
    /// of `expressions` (drawn from `seed` by their assumptions, see `numericallyEqual`, exact
    /// dyadic values at `precision` bits, so the same points at every precision) until `samples`
    /// calls succeeded; a point where `body` throws is replaced, at most 4·samples points are
    /// tried, and if none succeeded the last error is thrown.
    public static func forEachRandomPoint(of expressions: [Expr], samples: Int, seed: UInt64, precision: Int,
                                          _ body: ([Symbol: BigComplex]) throws(EvaluationError) -> Void)
        throws(EvaluationError) {
        var rng = PointGenerator(seed: seed)
        let symbols = Expr.freeSymbols(of: expressions).sorted { $0.name < $1.name || ($0.name == $1.name && $0.index < $1.index) }
        var done = 0, attempts = 0
        var lastError: EvaluationError? = nil
        while done < samples && attempts < 4 * max(samples, 1) {
            attempts += 1
            var point: [Symbol: BigComplex] = [:]
            for s in symbols { point[s] = rng.value(for: s.info.assumptions, precision: precision) }
            do {
                try body(point)
            } catch {
                lastError = error
                continue
            }
            done += 1
        }
        if done == 0, let e = lastError { throw e }
    }
}

/// Sample points from `SplitMix64`, so they reproduce from the seed on every machine.
struct PointGenerator {
    var random: SplitMix64
    init(seed: UInt64) { random = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { random.next() }

    /// An exact dyadic rational uniform in [lo, hi] (2⁻²⁴ steps).
    mutating func uniform(_ lo: Double, _ hi: Double) -> BigRational {
        let steps = 1 << 24
        let k = Int(next() % UInt64(steps + 1))
        let num = BigRational(BigInt(k), BigInt(steps))
        return BigRational(exactly: lo) + num * BigRational(exactly: hi - lo)
    }

    mutating func value(for a: Assumptions, precision: Int) -> BigComplex {
        if a.contains(.integer) {
            let n = a.contains(.positive) ? 1 + Int(next() % 6) : -4 + Int(next() % 11)
            return BigComplex(BigFloat(n, precision: precision))
        }
        let f = { (q: BigRational) in BigFloat(q, precision: precision) }
        // A nonnegative parameter is sampled where a positive one is: 0, the one point that
        // differs, is a boundary (a coupling switched off) that random points do not reach
        // anyway, and declaring a rate `nonnegative` to allow 0 must not move the points.
        if a.contains(.positive) || a.contains(.nonnegative) { return BigComplex(f(uniform(0.25, 2.5))) }
        if a.contains(.real) { return BigComplex(f(uniform(-2, 2))) }
        return BigComplex(f(uniform(-1.5, 1.5)), f(uniform(-1.5, 1.5)))
    }
}
