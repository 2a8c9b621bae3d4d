import ArbitraryPrecision
import Foundation

/// A condensation threshold found in Double (`condensationThreshold`), polished to D digits in
/// MPFR: the pair (μ_S, p) by Newton's method on (Re K₁^R(0), Im K₁^R(0)) = 0 with the sinh–sinh
/// pair of `PreciseFrequencyNodes` (steps δ and δ/2, the coarser rule on the finer rule's every
/// other node, so one evaluation gives both). The Jacobian is a forward difference at the working
/// precision (step 2^{−bits/2}), kept while the steps shrink by 10³ or more (the chord method;
/// recomputed otherwise). The finer rule's root is iterated to 10^{−(D+6)}; the coarser rule's
/// root is one Newton step from it with the same Jacobian (their distance squared, ~10^{−2D},
/// is what that step leaves). Only the digits on which the two roots agree are claimed, and
/// only when the truncated tail (the outermost nodes' |x·f|, carried through J⁻¹) is below
/// 10^{−(D+1)} of the value: verified by two rules, not certified.
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

public func preciseCondensationThreshold(_ numerics: PreciseCondensationNumerics, _ request: PreciseThresholdRequest,
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
        if t.digits >= request.digits { break }
    }
    return last!
}

private struct PrecisePolish {
    let numerics: PreciseCondensationNumerics
    let request: PreciseThresholdRequest
    let nodes: PreciseFrequencyNodes
    let progress: ((String) -> Void)?
    var evaluations = 0

    init(numerics: PreciseCondensationNumerics, request: PreciseThresholdRequest, nodes: PreciseFrequencyNodes, progress: ((String) -> Void)?) {
        self.numerics = numerics
        self.request = request
        self.nodes = nodes
        self.progress = progress
    }

    var bits: Int { numerics.precision }

    mutating func kernel(_ x: [BigFloat]) throws -> PreciseCondensationNumerics.KernelValue {
        var v = request.values
        v[request.frequency] = x[0]
        v[request.varied] = x[1]
        numerics.set(v)
        evaluations += 1
        progress?("K1^R(0) at \(bits) bits, \(nodes.fineCount) nodes: evaluation \(evaluations)")
        let k = try numerics.retardedKernelAtZero(request.reading, nodes: nodes)
        guard k.fine.isFinite, k.coarse.isFinite else { throw CondensationError.nonFinite("K1^R(0) at MPFR") }
        return k
    }

    /// ∂(Re K, Im K)/∂(μ, p), columns by forward differences.
    mutating func jacobian(_ x: [BigFloat], _ k0: BigComplex) throws -> [[BigFloat]] {
        let one = BigFloat(1, precision: bits)
        let relative = BigFloat.pow(BigFloat(2, precision: bits), -bits / 2)
        var columns: [[BigFloat]] = []
        for j in 0..<2 {
            let a = BigFloat.abs(x[j])
            let h = relative * (a > one ? a : one)
            var y = x
            y[j] = x[j] + h
            let k = try kernel(y).fine
            columns.append([(k.re - k0.re) / h, (k.im - k0.im) / h])
        }
        return [[columns[0][0], columns[1][0]], [columns[0][1], columns[1][1]]]
    }

    /// −J⁻¹ (Re k, Im k).
    func step(_ j: [[BigFloat]], _ k: BigComplex) throws -> [BigFloat] {
        let det = j[0][0] * j[1][1] - j[0][1] * j[1][0]
        guard !det.isZero, det.isFinite else { throw CondensationError.noThreshold("the Jacobian of K1^R(0) in (muS, p) is singular at the threshold") }
        return [-(j[1][1] * k.re - j[0][1] * k.im) / det, -(-j[1][0] * k.re + j[0][0] * k.im) / det]
    }

    /// |Δ_j| / max(|x_j|, 10⁻³), the larger of the two.
    func size(_ d: [BigFloat], _ x: [BigFloat]) -> Double {
        zip(d, x).map { d, x in
            let s = Swift.max(Swift.abs(x.toDouble()), 1e-3)
            return Swift.abs(d.toDouble()) / s
        }.max()!
    }

    mutating func run() throws -> PreciseThreshold {
        let tolerance = Foundation.pow(10, -Double(request.digits + 6))
        var x = [BigFloat(request.start.mu, precision: bits), BigFloat(request.start.value, precision: bits)]
        var k = try kernel(x)
        var j = try jacobian(x, k.fine)
        var jacobians = 1, iterations = 0
        var previous = Double.infinity
        while true {
            iterations += 1
            guard iterations <= 40 else {
                throw CondensationError.noThreshold("Newton's method on K1^R(0) at \(bits) bits did not converge in 40 steps (last relative step \(short(previous)))")
            }
            let d = try step(j, k.fine)
            let s = size(d, x)
            guard s.isFinite else { throw CondensationError.nonFinite("a Newton step at MPFR") }
            if s <= tolerance {
                // The finer rule's root, and the coarser rule's by one step from it (same J).
                let c = try step(j, k.coarse)
                let fine = [x[0] + d[0], x[1] + d[1]], coarse = [x[0] + c[0], x[1] + c[1]]
                // The tail: the outermost nodes' |x·f| moved through J⁻¹ (both parts at once).
                let e = try step(j, BigComplex(k.edge, k.edge))
                let tail = size(e, fine)
                let cap = request.digits + 5
                return PreciseThreshold(value: fine[1], frequency: fine[0], coarseValue: coarse[1], coarseFrequency: coarse[0],
                                        digits: agreement(fine[1], coarse[1], cap: cap), frequencyDigits: agreement(fine[0], coarse[0], cap: cap),
                                        precision: bits, coarseStep: nodes.coarseStep, limit: nodes.limit,
                                        nodes: (nodes.coarseCount, nodes.fineCount), iterations: iterations, jacobians: jacobians,
                                        evaluations: evaluations, tail: tail)
            }
            x = [x[0] + d[0], x[1] + d[1]]
            guard request.interval.contains(x[1].toDouble()) else {
                throw CondensationError.noThreshold("Newton's method on K1^R(0) at MPFR left the interval (\(short(x[1].toDouble())))")
            }
            k = try kernel(x)
            // The chord method keeps J while each step is at most 10⁻³ of the one before.
            if s > 1e-3 * previous && iterations > 1 {
                j = try jacobian(x, k.fine)
                jacobians += 1
            }
            previous = s
        }
    }

    /// Significant digits on which a and b agree: ⌊−log₁₀(|a − b|/|a|)⌋, at most `cap`.
    func agreement(_ a: BigFloat, _ b: BigFloat, cap: Int) -> Int {
        let d = BigFloat.abs(a - b)
        if d.isZero { return cap }
        guard !a.isZero else { return 0 }
        let r = BigFloat.log10(d / BigFloat.abs(a)).toDouble()
        return Swift.max(0, Swift.min(cap, Int((-r).rounded(.down))))
    }
}
