import ArbitraryPrecision
import Foundation

/// A condensation threshold found in Double (`condensationThreshold`), polished to D digits in
/// MPFR: the pair (μ_S, p) by Newton's method on (Re K₁^R(0), Im K₁^R(0)) = 0 with the sinh–sinh
/// pair of `PreciseFrequencyNodes` (steps δ and δ/2, the coarser rule on the finer rule's every
/// other node, so one evaluation gives both). The Jacobian is a forward difference at the working
/// precision (step 2^{−bits/2}), kept while the steps shrink by 10³ or more (the chord method;
/// recomputed otherwise). The finer rule's root is iterated to 10^{−(D+6)}; the coarser rule's
/// root is one Newton step from it with the same Jacobian (their distance squared, ~10^{−2D},
/// is what that step leaves). D digits are shown when the two roots agree on D + 1 (so their
/// difference is below a tenth of the last digit shown) and the truncated tail (the outermost
/// nodes' |x·f|, carried through J⁻¹) is below 10^{−(D+1)} of the value: verified by two rules,
/// not certified.
public struct PreciseThresholdRequest: Sendable {
    /// Parameter values in `problem.parameters` order (the varied and frequency entries are overwritten).
    public var values: [BigFloat]
    public var varied: Int
    public var frequency: Int
    public var reading: DysonReading
    public var digits: Int
    /// The Double threshold (μ_S, p) the polish starts from.
    public var start: (mu: Double, value: Double)
    public var interval: ClosedRange<Double>

    public init(values: [BigFloat], varied: Int, frequency: Int, reading: DysonReading, digits: Int,
                start: (mu: Double, value: Double), interval: ClosedRange<Double>) {
        self.values = values
        self.varied = varied
        self.frequency = frequency
        self.reading = reading
        self.digits = digits
        self.start = start
        self.interval = interval
    }

    /// The working precision for D digits: D + 20 guard digits, plus (D + 4)/2 for the largest
    /// |ν| of the rule (10^{(D+4)/2}): the poles of Σ's fractions near ν lose that many digits
    /// to cancellation in their differences.
    public static func precision(digits: Int) -> Int { BigFloat.bits(forDigits: digits + 20 + (digits + 5) / 2) }
}

public struct PreciseThreshold: Sendable {
    /// The threshold and the frequency there by the finer rule, and by the coarser one.
    public let value: BigFloat, frequency: BigFloat
    public let coarseValue: BigFloat, coarseFrequency: BigFloat
    /// Significant digits on which the two rules' thresholds (frequencies) agree, capped at D + 5
    /// (the Newton tolerance).
    public let digits: Int, frequencyDigits: Int
    public let precision: Int
    public let coarseStep: Double, limit: Double
    public let nodes: (coarse: Int, fine: Int)
    public let iterations: Int, jacobians: Int, evaluations: Int
    /// The truncated tail's shift of the threshold, relative (an estimate, see above).
    public let tail: Double
}

/// The complex function of (μ_S, p) whose zero the MPFR polish finds, by the two rules of a
/// `PreciseFrequencyNodes` pair at once, with the truncated tail's effect on it (`edge`, a
/// magnitude): B15's K₁^R(0) (`PreciseCondensationNumerics`) or A38/ψ_f as ψ_f → 0
/// (`PreciseLinearisedSaddle`), as `ThresholdKernel` in Double.
public protocol PreciseThresholdKernel: AnyObject {
    var precision: Int { get }
    /// The parameter values, in the normal state's `CondensationProblem.parameters` order.
    func set(_ values: [BigFloat])
    func thresholdKernel(_ reading: DysonReading, nodes: PreciseFrequencyNodes) throws -> (fine: BigComplex, coarse: BigComplex, edge: BigFloat)
    /// What the value is, for the progress line.
    var name: String { get }
}

extension PreciseCondensationNumerics: PreciseThresholdKernel {
    public func thresholdKernel(_ reading: DysonReading, nodes: PreciseFrequencyNodes) throws -> (fine: BigComplex, coarse: BigComplex, edge: BigFloat) {
        let k = try retardedKernelAtZero(reading, nodes: nodes)
        return (k.fine, k.coarse, k.edge)
    }
    public var name: String { "K1^R(0)" }
}

/// A38/ψ_f as ψ_f → 0 in MPFR (`LinearisedSaddle` in Double): A38/ψ_f is even in ψ_f, so at
/// ψ_f = 10^{−(D/2 + 4)} its remainder is ~10^{−(D + 8)} relative, below the D digits asked;
/// G^K_ba(τ = 0) is proportional to ψ_f term by term (G₀'s off-diagonal entries carry gψ_f), so
/// the small amplitude costs no digits. The tail is the outermost nodes' |ω·(G − G₀)^K_ba|/2π
/// moved into A38/ψ_f (it is affine in G^K_ba).
public final class PreciseLinearisedSaddle: PreciseThresholdKernel {
    public let condensed: PreciseCondensedNumerics
    private let positions: [Int]
    private var values: [BigFloat]
    public var precision: Int { condensed.precision }
    public var name: String { "A38/psi_f" }

    public init(_ condensed: PreciseCondensedNumerics, normalParameters: [String], digits: Int) throws {
        self.condensed = condensed
        let names = condensed.problem.parameters.map(\.name)
        positions = try normalParameters.map { n in
            guard let k = names.firstIndex(of: n) else { throw CondensationError.integral("the condensate's equations lack the parameter \(n)") }
            return k
        }
        let bits = condensed.precision
        values = Array(repeating: BigFloat(0, precision: bits), count: names.count)
        values[condensed.problem.amplitude] = BigFloat.pow(BigFloat(10, precision: bits), BigFloat(-Self.amplitudeExponent(digits: digits), precision: bits))
    }

    /// ψ_f = 10^{−this} for D digits.
    public static func amplitudeExponent(digits: Int) -> Int { digits / 2 + 4 }

    public func set(_ normal: [BigFloat]) {
        for (k, v) in normal.enumerated() { values[positions[k]] = v }
        condensed.set(values)
    }

    public func thresholdKernel(_ reading: DysonReading, nodes: PreciseFrequencyNodes) throws -> (fine: BigComplex, coarse: BigComplex, edge: BigFloat) {
        let e = try condensed.equalTimeKeldysh(reading, nodes: nodes)
        let fine = condensed.saddleQuotient(equalTime: e.fine[0]), coarse = condensed.saddleQuotient(equalTime: e.coarse[0])
        let shifted = condensed.saddleQuotient(equalTime: e.fine[0] + BigComplex(e.edge, e.edge))
        return (fine, coarse, (shifted - fine).abs)
    }
}

public func preciseCondensationThreshold(_ numerics: any PreciseThresholdKernel, _ request: PreciseThresholdRequest,
                                         progress: ((String) -> Void)? = nil) throws -> PreciseThreshold {
    let bits = numerics.precision
    var nodes = PreciseFrequencyNodes(digits: request.digits, precision: bits)
    var last: PreciseThreshold?
    // A pair that does not reach D is halved once (the measured rate is a lower bound; this is a guard).
    for attempt in 0..<2 {
        if attempt > 0 { nodes = PreciseFrequencyNodes(divisions: 2 * nodes.divisions, limit: nodes.limit, precision: bits) }
        var polish = PrecisePolish(numerics: numerics, request: request, nodes: nodes, progress: progress)
        let t = try polish.run()
        last = t
        if t.digits > request.digits { break }
    }
    return last!
}

private struct PrecisePolish {
    let numerics: any PreciseThresholdKernel
    let request: PreciseThresholdRequest
    let nodes: PreciseFrequencyNodes
    let progress: ((String) -> Void)?

    init(numerics: any PreciseThresholdKernel, request: PreciseThresholdRequest, nodes: PreciseFrequencyNodes, progress: ((String) -> Void)?) {
        self.numerics = numerics
        self.request = request
        self.nodes = nodes
        self.progress = progress
    }

    mutating func run() throws -> PreciseThreshold {
        let (numerics, request, nodes, progress) = (self.numerics, self.request, self.nodes, self.progress)
        let bits = numerics.precision
        var newton = PreciseTwoRuleNewton(bits: bits, digits: request.digits) { x, count in
            var v = request.values
            v[request.frequency] = x[0]
            v[request.varied] = x[1]
            numerics.set(v)
            progress?("\(numerics.name) at \(bits) bits, \(nodes.fineCount) nodes: evaluation \(count)")
            return try numerics.thresholdKernel(request.reading, nodes: nodes)
        }
        newton.accept = { x in
            guard request.interval.contains(x[1].toDouble()) else {
                throw CondensationError.noThreshold("Newton's method on K1^R(0) at MPFR left the interval (\(short(x[1].toDouble())))")
            }
        }
        let r = try newton.run(from: [BigFloat(request.start.mu, precision: bits), BigFloat(request.start.value, precision: bits)])
        let cap = request.digits + 5
        return PreciseThreshold(value: r.fine[1], frequency: r.fine[0], coarseValue: r.coarse[1], coarseFrequency: r.coarse[0],
                                digits: agreement(r.fine[1], r.coarse[1], cap: cap), frequencyDigits: agreement(r.fine[0], r.coarse[0], cap: cap),
                                precision: bits, coarseStep: nodes.coarseStep, limit: nodes.limit,
                                nodes: (nodes.coarseCount, nodes.fineCount), iterations: r.iterations, jacobians: r.jacobians,
                                evaluations: r.evaluations, tail: r.tail)
    }
}
