import ArbitraryPrecision
import RealModule
import Synchronization

/// A quadrature rule on [−1, 1] with exact rational nodes and weights, and its exact moment
/// defects δ_k = ∫_{−1}^{1} t^k dt − Σ w_i t_i^k for k < 2·(number of nodes), and W = Σ|w_i|.
///
/// The rule need not be exact for anything: a rigorous error bound (`VerifiedQuadrature.panel`)
/// only needs the defects, which are computed exactly here, so nodes and weights may come from
/// any floating-point computation, or be perturbed by hand. Nodes must lie in [−1, 1]: the
/// bound of the higher defects, |δ_k| ≤ 2/(k + 1) + Σ|w_i||t_i|^k ≤ 2 + W, needs |t_i| ≤ 1.
public struct RationalQuadratureRule: Sendable {
    public let nodes: [BigRational]
    public let weights: [BigRational]
    /// δ_0 … δ_{2n−1}, exact.
    public let defects: [BigRational]
    /// W = Σ|w_i|.
    public let absoluteWeightSum: BigRational

    public var pointCount: Int { nodes.count }

    public init(nodes: [BigRational], weights: [BigRational]) throws {
        guard !nodes.isEmpty, nodes.count == weights.count else {
            throw VerifiedQuadratureError.invalidRule("\(nodes.count) nodes but \(weights.count) weights")
        }
        guard nodes.allSatisfy({ $0.abs <= 1 }) else {
            throw VerifiedQuadratureError.invalidRule("a node lies outside [−1, 1]")
        }
        self.nodes = nodes
        self.weights = weights
        absoluteWeightSum = weights.reduce(BigRational.zero) { $0 + $1.abs }
        // Σ_i w_i t_i^k by running powers, exactly; ∫t^k = 2/(k + 1) for even k, 0 for odd k.
        var powers = weights
        var defects: [BigRational] = []
        for k in 0..<(2 * nodes.count) {
            let exact = k % 2 == 0 ? BigRational(BigInt(2), BigInt(k + 1)) : BigRational.zero
            defects.append(exact - powers.reduce(BigRational.zero, +))
            for i in powers.indices { powers[i] *= nodes[i] }
        }
        self.defects = defects
    }

    /// E(ρ) = Σ_{k<2n} |δ_k| ρ^−k + (2 + W) ρ^−2n / (1 − 1/ρ), rounded up: for g analytic on
    /// |t| ≤ ρ with |g| ≤ M there, |∫_{−1}^{1} g − Σ w_i g(t_i)| ≤ M·E(ρ) (derivation at
    /// `VerifiedQuadrature.panel`). Requires ρ > 1.
    public func errorFactor(rho: BigRational) -> BigRational {
        precondition(rho > 1, "the disk must contain [−1, 1] strictly")
        let q = rho.reciprocal
        var sum = BigRational.zero
        var power = BigRational.one
        for d in defects {
            // Each term rounded up to a short dyadic: exact powers of ρ^−1 would grow to
            // thousands of bits for nothing.
            sum += ComplexBall.roundUp(d.abs * power)
            power = ComplexBall.roundUp(power * q)
        }
        // `power` is now ≥ ρ^−2n.
        let tail = (2 + absoluteWeightSum) * power / (1 - q)
        return ComplexBall.roundUp(sum + tail)
    }
}

extension RationalQuadratureRule {
    /// Largest point count and precision `gaussLegendre` accepts (work bounded before it starts).
    public static let maximumPoints = 512
    public static let maximumBits = 1 << 14

    private struct Key: Hashable { let points: Int, bits: Int }
    private static let cache = Mutex<[Key: RationalQuadratureRule]>([:])

    /// The n-point Gauss–Legendre rule with nodes and weights computed in MPFR (Newton on P_n at
    /// `bits` + 32 bits, from the asymptotic guesses cos(π(i − ¼)/(n + ½))) and rounded to
    /// `bits` bits, then taken exactly as rationals: some rational rule close to Gauss's, whose
    /// defects are of order 2^−bits. It is made symmetric (t ↦ −t, same weight), so the odd
    /// defects vanish exactly. Cached per (n, bits).
    public static func gaussLegendre(points n: Int, bits: Int) throws -> RationalQuadratureRule {
        guard (1...maximumPoints).contains(n) else {
            throw VerifiedQuadratureError.invalidArgument("Gauss–Legendre points \(n) outside 1…\(maximumPoints)")
        }
        guard (16...maximumBits).contains(bits) else {
            throw VerifiedQuadratureError.invalidArgument("rule precision \(bits) bits outside 16…\(maximumBits)")
        }
        let key = Key(points: n, bits: bits)
        if let rule = cache.withLock({ $0[key] }) { return rule }
        let p = bits + 32
        var positive: [(BigRational, BigRational)] = []
        let small = BigFloat(BigRational(.one, BigInt.one << (p - 8)), precision: 64)
        for i in stride(from: 1, through: n / 2, by: 1) {
            let guess = Double.cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5))
            var t = BigFloat(guess, precision: p)
            var converged = false
            for _ in 0..<100 {
                let (value, derivative) = legendre(n, at: t)
                let step = value / derivative
                t -= step
                if step.isZero || step.magnitude < small {
                    converged = true
                    break
                }
            }
            guard converged else {
                throw VerifiedQuadratureError.invalidRule("Newton for a Gauss–Legendre node (n = \(n)) did not converge")
            }
            let (_, derivative) = legendre(n, at: t)
            let one = BigFloat(1, precision: p)
            let w = BigFloat(2, precision: p) / ((one - t * t) * derivative * derivative)
            guard let node = t.rounded(toPrecision: bits).toBigRational(),
                  let weight = w.rounded(toPrecision: bits).toBigRational() else {
                throw VerifiedQuadratureError.invalidRule("a Gauss–Legendre node or weight is not finite")
            }
            positive.append((node, weight))
        }
        var nodes = positive.map { -$0.0 }
        var weights = positive.map { $0.1 }
        if n % 2 == 1 {
            // The middle node is 0; its weight 2/P_n′(0)², at precision p.
            let (_, derivative) = legendre(n, at: BigFloat(0, precision: p))
            let w = BigFloat(2, precision: p) / (derivative * derivative)
            guard let weight = w.rounded(toPrecision: bits).toBigRational() else {
                throw VerifiedQuadratureError.invalidRule("a Gauss–Legendre weight is not finite")
            }
            nodes.append(.zero)
            weights.append(weight)
        }
        nodes += positive.reversed().map { $0.0 }
        weights += positive.reversed().map { $0.1 }
        let rule = try RationalQuadratureRule(nodes: nodes, weights: weights)
        cache.withLock { $0[key] = rule }
        return rule
    }

    /// P_n(t) and P_n′(t) by (k + 1)P_{k+1} = (2k + 1)t P_k − k P_{k−1} and
    /// P_n′ = n(t P_n − P_{n−1})/(t² − 1) (|t| < 1 here).
    private static func legendre(_ n: Int, at t: BigFloat) -> (BigFloat, BigFloat) {
        let p = t.precision
        var previous = BigFloat(1, precision: p)
        var current = t
        if n == 0 { return (previous, BigFloat(0, precision: p)) }
        if n > 1 {
            for k in 1..<n {
                let next = (BigFloat(2 * k + 1, precision: p) * t * current - BigFloat(k, precision: p) * previous)
                    / BigFloat(k + 1, precision: p)
                previous = current
                current = next
            }
        }
        let derivative = BigFloat(n, precision: p) * (t * current - previous) / (t * t - BigFloat(1, precision: p))
        return (current, derivative)
    }
}
