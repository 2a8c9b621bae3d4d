import ArbitraryPrecision

/// Both sides of an identity at one point, with the scale of the computation: the larger of
/// |a|, |b|, the largest term of any sum met and ∫|f| of any integral, so that two sides that
/// cancel are judged against the size of what cancelled.
public struct IdentitySample: Sendable {
    public let a: BigComplex
    public let b: BigComplex
    public let scale: BigFloat
    /// |a − b|/scale (|a − b| when the scale is 0).
    public let relativeDifference: BigFloat

    /// Evaluates a and b at `point` (values rounded to `precision` bits) with user functions as
    /// the random smooth functions of `seed` and integrals by `integrals` (nil: they throw).
    public init(_ a: Expr, _ b: Expr, at point: [Symbol: BigComplex], precision: Int, seed: UInt64,
                integrals: (any IntegralEvaluator)? = nil) throws(EvaluationError) {
        let values = point.mapValues { BigComplex($0.re.rounded(toPrecision: precision), $0.im.rounded(toPrecision: precision)) }
        var ea = PointEvaluator<BigComplex>(values: values, precision: precision, functionSeed: seed, integrals: integrals)
        var eb = PointEvaluator<BigComplex>(values: values, precision: precision, functionSeed: seed, integrals: integrals)
        let va = try ea.value(a)
        let vb = try eb.value(b)
        self.init(va, vb, largestTerm: Swift.max(ea.largestTerm, eb.largestTerm), precision: precision)
    }

    init(_ va: BigComplex, _ vb: BigComplex, largestTerm: Double, precision: Int) {
        let diff = (va - vb).abs
        var scale = va.abs
        if vb.abs > scale { scale = vb.abs }
        let terms = BigFloat(largestTerm, precision: precision)
        if terms > scale { scale = terms }
        a = va
        b = vb
        self.scale = scale
        relativeDifference = scale.isZero ? (diff.isZero ? BigFloat(0, precision: precision) : diff) : diff / scale
    }
}
