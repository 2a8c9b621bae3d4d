import ArbitraryPrecision
import RealModule
import Symbolic

/// An identity a = b checked at random points, integrals included: the numeric half of
/// `keldysh verify` for expressions of a Keldysh calculation (distribution functions as user
/// functions, frequency integrals).
///
/// Without integrals it is `Expr.numericallyEqual` (user functions as the random smooth functions
/// of `RandomSmoothFunction`), with the same points and the same numbers. With integrals, every
/// point is evaluated twice, the integrals by `ExprQuadrature` at a lower and a higher working
/// precision (quadrature digits q and q + g, the integrands evaluated with 10 more), and
/// the check claims only the digits it verified: the fewest of the requested `digits`, the
/// digits on which the two precisions agree (|v_low − v_high|/scale for both sides at every
/// point, against the same scale as the comparison) and the digits the higher run's error
/// estimates vouch for. The verdict compares the higher run's values at that many digits; below
/// `minimumDigits` there is no verdict (`.quadrature` error, the reason says how far it got).
///
/// The quadrature target is q = requested digits + 5 and g = 20 for single integrals. A nested
/// integral costs the product of the node counts (≈ 110 nodes per integral at 15 digits, 300 at
/// 35; one point of ∫₀¹dx ∫₀ˣdy F'(y) took 13 000 integrand evaluations at 15 digits and 69 000 at
/// 35, about 45 µs each in a release build), so two levels aim at q = `nestedDigits`, deeper ones
/// at `deeplyNestedDigits`, with g = 10, and the check says so by claiming fewer digits. Against
/// the `defaultBudget`: a single integral costs about 8 000 evaluations per point, side and
/// precision at 100 digits (a Lorentzian against a random function), that double one about
/// 100 000 per point at the two precisions together (it verifies 25 digits), and a triple one
/// runs out of budget: not evaluable.
public struct NumericIdentityCheck: Sendable {
    /// Every relative difference below 10^(−digits).
    public let equal: Bool
    public let maxRelativeDifference: BigFloat
    /// The digits verified: the requested ones, or fewer where quadrature verified fewer.
    public let digits: Int
    /// Integrand evaluations the quadrature used at both precisions (0 without integrals).
    public let integrandEvaluations: Int

    public static let minimumDigits = 10
    public static let nestedDigits = 20
    public static let deeplyNestedDigits = 12
    /// Integrand evaluations allowed at each of the two precisions.
    public static let defaultBudget = 300_000

    public static func run(_ a: Expr, _ b: Expr, digits: Int, samples: Int, seed: UInt64,
                           budget: Int = defaultBudget) throws(EvaluationError) -> NumericIdentityCheck {
        var depths: [Expr: Int] = [:]
        let depth = Swift.max(integralDepth(a, &depths), integralDepth(b, &depths))
        if depth == 0 {
            let (equal, worst) = try Expr.numericallyEqual(a, b, digits: digits, samples: samples, seed: seed)
            return NumericIdentityCheck(equal: equal, maxRelativeDifference: worst, digits: digits, integrandEvaluations: 0)
        }
        let target = depth == 1 ? digits + 5 : Swift.min(digits, depth == 2 ? nestedDigits : deeplyNestedDigits)
        let low = ExprQuadrature(digits: target, budget: budget)
        let high = ExprQuadrature(digits: target + (depth == 1 ? 20 : 10), budget: budget)
        let (pLow, pHigh) = (BigFloat.bits(forDigits: low.digits + 10), BigFloat.bits(forDigits: high.digits + 10))
        var worst = BigFloat(0, precision: pHigh)
        var disagreement = BigFloat(0, precision: pHigh)
        try Expr.forEachRandomPoint(of: [a, b], samples: samples, seed: seed, precision: pHigh) { point throws(EvaluationError) in
            let l = try IdentitySample(a, b, at: point, precision: pLow, seed: seed, integrals: low)
            let h = try IdentitySample(a, b, at: point, precision: pHigh, seed: seed, integrals: high)
            // A divergent integral (or a value at a pole) gives inf or NaN at both precisions, and
            // NaN compares as no difference at all: no verdict can rest on it.
            guard l.a.isFinite, l.b.isFinite, h.a.isFinite, h.b.isFinite else {
                throw .quadrature("a side is not finite at a sample point (a divergent integral, or a pole): no numeric verdict")
            }
            if h.relativeDifference > worst { worst = h.relativeDifference }
            let apart = BigFloat.max((l.a - h.a).abs, (l.b - h.b).abs)
            let relative = h.scale.isZero ? apart : apart / h.scale
            if relative > disagreement { disagreement = relative }
        }
        // A point refused for want of budget was replaced by others, which were refused too: the
        // verdict would rest on fewer points than asked for, so there is none.
        if low.budgetExhausted || high.budgetExhausted {
            throw .quadrature("the budget of \(budget) integrand evaluations per precision was used up before the integrals "
                              + "at \(samples) points converged (\(low.digits) and \(high.digits) digits)")
        }
        let agreed = digitsOf(disagreement.toDouble())
        let vouched = digitsOf(high.worstRelativeError)
        let verified = Swift.min(digits, agreed, vouched)
        let used = low.evaluations + high.evaluations
        guard verified >= minimumDigits else {
            throw .quadrature("the integrals reached only \(Swift.max(verified, 0)) digits (the precisions of \(low.digits) "
                              + "and \(high.digits) digits agree on \(Swift.min(Swift.max(agreed, 0), high.digits)), the error estimates vouch for "
                              + "\(Swift.max(vouched, 0)); \(minimumDigits) are needed for a verdict; \(used) integrand evaluations)")
        }
        let tolerance = BigFloat.pow(BigFloat(10, precision: pHigh), -verified)
        return NumericIdentityCheck(equal: worst < tolerance, maxRelativeDifference: worst, digits: verified,
                                    integrandEvaluations: used)
    }

    /// ⌊−log₁₀ r⌋: the decimal digits a relative error r leaves (Int.max for 0).
    static func digitsOf(_ r: Double) -> Int {
        if r <= 0 { return Int.max }
        if !r.isFinite { return 0 }
        return Int((-Double.log10(r)).rounded(.down))
    }

    /// How deeply integrals nest in e (0: none).
    static func integralDepth(_ e: Expr, _ memo: inout [Expr: Int]) -> Int {
        if e.children.isEmpty { return 0 }
        if let d = memo[e] { return d }
        var d = 0
        for c in e.children { d = Swift.max(d, integralDepth(c, &memo)) }
        if e.binderKind == .integral { d += 1 }
        memo[e] = d
        return d
    }
}
