import ArbitraryPrecision

/// Why a verified integral was refused. Each case names the panel or the bound it hit; none is
/// an approximation.
public enum VerifiedQuadratureError: Error, CustomStringConvertible, Sendable {
    case invalidArgument(String)
    case invalidRule(String)
    /// `diskBound` threw on a panel that may not be halved further (its message is kept).
    case noAnalyticDisk(lower: BigRational, upper: BigRational, reason: String)
    /// No point count meets the panel's share of the tolerance, and it may not be halved further.
    case toleranceUnreachable(lower: BigRational, upper: BigRational, bestTruncation: BigRational, share: BigRational)
    /// Halving would exceed the panel budget.
    case tooManyPanels(limit: Int, reason: String)

    public var description: String {
        func show(_ q: BigRational) -> String { BigFloat(q, precision: 64).toString(digits: 6) }
        switch self {
        case .invalidArgument(let s): return "verified quadrature: \(s)"
        case .invalidRule(let s): return "verified quadrature rule: \(s)"
        case let .noAnalyticDisk(l, u, reason):
            return "verified quadrature: no disk bound on the panel [\(show(l)), \(show(u))] at the maximum halving depth: \(reason)"
        case let .toleranceUnreachable(l, u, best, share):
            return "verified quadrature: on [\(show(l)), \(show(u))] at the maximum halving depth the best truncation bound "
                + "\(show(best)) exceeds the panel's tolerance share \(show(share))"
        case let .tooManyPanels(limit, reason):
            return "verified quadrature: more than \(limit) panels would be needed (\(reason))"
        }
    }
}

/// One panel's enclosure: `value` ⊇ ∫ f over the panel, its radius including `truncation`,
/// the rigorous bound of the quadrature error (the rest of the radius is the point values' and
/// the rounding's).
public struct PanelEnclosure: Sendable {
    public let value: ComplexBall
    public let truncation: BigRational
}

/// Integrals of analytic functions with a rigorous error bound, from point enclosures and a
/// bound of |f| on disks (no derivatives, no knowledge of f): rational quadrature rules whose
/// moment defects are known exactly, and Cauchy's estimate for the Taylor coefficients.
public enum VerifiedQuadrature {
    /// ∫_{c−h}^{c+h} f(x) dx enclosed with `rule`, for f analytic on the closed disk
    /// |z − c| ≤ r (r > h) with |f| ≤ M = diskBound(c, r) there.
    ///
    /// Why the bound holds: g(t) = f(c + ht) is analytic on |t| ≤ ρ = r/h, with |g| ≤ M.
    /// Cauchy's formula on the circle |t| = ρ, a_k = (1/2πi)∮ g(t) t^(−k−1) dt, gives
    /// |a_k| ≤ M ρ^−k for the Taylor coefficients at 0. As ρ > 1 the series converges
    /// uniformly on [−1, 1] (|a_k t^k| ≤ M ρ^−k), so the integral and the finite sum of the rule
    /// may be taken term by term: ∫_{−1}^{1} g − Σ w_i g(t_i) = Σ_k a_k δ_k with the moment
    /// defects δ_k = ∫t^k − Σ w_i t_i^k. The first 2n are the rule's, exact; beyond,
    /// |δ_k| ≤ 2/(k + 1) + Σ|w_i||t_i|^k ≤ 2 + W since the nodes lie in [−1, 1], and
    /// Σ_{k≥2n} ρ^−k = ρ^−2n/(1 − 1/ρ). So the error is at most
    /// M·[Σ_{k<2n} |δ_k| ρ^−k + (2 + W) ρ^−2n/(1 − 1/ρ)] = M·E(ρ) (`errorFactor`), and the
    /// panel's is h times that (dx = h dt). For Gauss's own rule the first sum would vanish
    /// and the bound is the classical ρ^−2n decay; for the rounded rational rule it carries the
    /// rounding — or any error in the weights — instead of assuming it away. The sum itself is
    /// taken in balls around the caller's point enclosures, so it contains Σ w_i g(t_i).
    ///
    /// `value(x)` must enclose f at the exact point x; `diskBound(c, r)` must bound |f| on the
    /// closed disk and throw where it cannot prove f analytic there.
    public static func panel(center c: BigRational, halfWidth h: BigRational, diskRadius r: BigRational,
                             rule: RationalQuadratureRule, bits: Int,
                             value: (BigRational) throws -> ComplexBall,
                             diskBound: (_ center: BigRational, _ radius: BigRational) throws -> BigRational)
        throws -> PanelEnclosure {
        guard h.signum > 0, r > h else {
            throw VerifiedQuadratureError.invalidArgument("a panel needs h > 0 and a disk radius r > h")
        }
        let m = try diskBound(c, r)
        guard m.signum >= 0 else { throw VerifiedQuadratureError.invalidArgument("diskBound returned a negative bound") }
        let truncation = ComplexBall.roundUp(h * m * rule.errorFactor(rho: r / h))
        return try panel(center: c, halfWidth: h, rule: rule, bits: bits, truncation: truncation, value: value)
    }

    /// The panel's sum h·Σ w_i f(c + h t_i) in balls, widened by an already proven truncation.
    static func panel(center c: BigRational, halfWidth h: BigRational, rule: RationalQuadratureRule, bits: Int,
                      truncation: BigRational, value: (BigRational) throws -> ComplexBall) throws -> PanelEnclosure {
        var sum = ComplexBall.zero
        for (t, w) in zip(rule.nodes, rule.weights) {
            let v = try value(c + h * t)
            sum = (sum + (ComplexBall(w) * v).rounded(bits: bits + 8)).rounded(bits: bits + 8)
        }
        var result = (ComplexBall(h) * sum).rounded(bits: bits)
        result.radius = ComplexBall.roundUp(result.radius + truncation)
        return PanelEnclosure(value: result, truncation: truncation)
    }
}
