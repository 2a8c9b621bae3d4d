import ArbitraryPrecision
import Symbolic

/// The integral nodes of expressions by double-exponential quadrature in MPFR
/// (`preciseIntegrate`): the `IntegralEvaluator` a numeric identity check hands to point
/// evaluation (`NumericIdentityCheck`), which lives here because Symbolic cannot import the
/// quadrature.
///
/// A complex integrand is integrated as two real ones, Re f and then Im f. The values of f are
/// kept by node (exactly, as rationals), so the second pass evaluates f only where its levels
/// reach nodes the first did not; when every value of the first pass is real the second is
/// skipped. Nested integrals come in through f (the evaluator calls `integrate` again inside it).
///
/// Bounded work: every integrand evaluation, at any depth of nesting, draws on one `budget`;
/// when it runs out the integral throws `.quadrature`, so a check whose integrals do not converge
/// stops after a stated amount of work instead of hanging, and says so. Each integral is also
/// limited to `maxLevel` step halvings; one that stops short of `digits` keeps its honest error
/// estimate, which `worstRelativeError` records for the digits a check may claim.
public final class ExprQuadrature: IntegralEvaluator {
    /// The digits each integral is computed to (its nodes carry `BigFloat.bits(forDigits:)` bits).
    public let digits: Int
    public let maxLevel: Int
    /// The integrand evaluations allowed in all, and those used so far.
    public let budget: Int
    public private(set) var evaluations = 0
    /// Set when an integral was refused for want of budget (then every later one is too).
    public private(set) var budgetExhausted = false
    /// The largest error estimate of any integral computed, relative to max(|I|, ∫|f|).
    public private(set) var worstRelativeError: Double = 0

    public init(digits: Int, budget: Int, maxLevel: Int = 10) {
        self.digits = digits
        self.budget = budget
        self.maxLevel = maxLevel
    }

    public func integrate(_ f: (BigFloat) throws(EvaluationError) -> BigComplex, from a: BigFloat, to b: BigFloat,
                          precision: Int) throws(EvaluationError) -> (value: BigComplex, magnitude: BigFloat) {
        var cache: [BigRational: BigComplex] = [:]
        var complexValued = false
        func valueAt(_ x: BigFloat) throws(EvaluationError) -> BigComplex {
            let key = x.toBigRational()!  // quadrature nodes are finite
            if let v = cache[key] { return v }
            guard evaluations < budget else {
                budgetExhausted = true
                throw .quadrature("the budget of \(budget) integrand evaluations was used up before the integrals converged")
            }
            evaluations += 1
            let v = try f(x)
            if !v.im.isZero { complexValued = true }
            cache[key] = v
            return v
        }
        let re = try run(from: a, to: b) { x throws(EvaluationError) in try valueAt(x).re }
        let im = complexValued ? try run(from: a, to: b) { x throws(EvaluationError) in try valueAt(x).im } : nil
        let zero = BigFloat(0, precision: precision)
        let value = BigComplex(re.value.rounded(toPrecision: precision), im?.value.rounded(toPrecision: precision) ?? zero)
        let magnitude = (re.absoluteIntegral ?? zero) + (im?.absoluteIntegral ?? zero)
        let error = re.errorEstimate + (im?.errorEstimate ?? zero)
        let scale = BigFloat.max(value.abs, magnitude)
        if !error.isZero {
            let relative = scale.isZero ? Double.infinity : (error / scale).toDouble()
            worstRelativeError = Swift.max(worstRelativeError, relative)
        }
        return (value, magnitude)
    }

    /// One real quadrature, its errors as `EvaluationError`s.
    private func run(from a: BigFloat, to b: BigFloat, _ part: (BigFloat) throws(EvaluationError) -> BigFloat)
        throws(EvaluationError) -> QuadratureResult<BigFloat> {
        do {
            return try preciseIntegrate({ x in try part(x) }, from: a, to: b, digits: digits, maxLevel: maxLevel)
        } catch let e as EvaluationError {
            throw e
        } catch {
            throw .quadrature("\(error)")
        }
    }
}
