import Foundation
import ComplexModule
import KeldyshNumerics
import RealModule

/// The drive strength at which the normal state ψ = 0 of a driven condensate model stops being
/// stable: the photon's retarded fluctuation kernel K₁^R(ω) (paper 000 B15) acquires a real zero.
/// In the frame rotating at the condensate's frequency μ_S that zero is at ω = 0, so
///
///     Re K₁^R(0; μ_S, p) = 0  fixes μ_S (B17: μ^eff, where the spectral weight vanishes),
///     Im K₁^R(0; μ_S(p), p) = 0  fixes p: gain equals loss (Im > 0 is damping).
///
/// Equivalently the saddle point A38, linearised in ψ, has a solution ψ ≠ 0. The frequency
/// roots are found on a grid of the window and refined by Brent; the threshold is the first p
/// of the interval where the smallest Im K₁^R over those roots changes sign, bracketed on a
/// grid and refined by Brent. Every frequency integral is the node rule of `FrequencyNodes`;
/// the whole search is repeated with the node step halved, and only the digits on which the two
/// agree are claimed.
public struct CondensationThresholdRequest: Sendable {
    /// Parameter values in `problem.parameters` order (the varied and the frequency entries are overwritten).
    public var values: [Double]
    public var varied: Int
    public var frequency: Int
    public var interval: ClosedRange<Double>
    public var frequencyWindow: ClosedRange<Double>
    public var reading: DysonReading
    /// The node step of the coarser rule (the finer has half of it).
    public var step: Double = 1.0 / 8
    public var scanPoints = 16
    public var frequencyPoints = 16
    /// A threshold found with a coarser pair of rules (μ_S, p and the grid bracket): the scan is
    /// skipped and only the polish is repeated with these rules.
    public var start: (mu: Double, value: Double, bracket: ClosedRange<Double>)?

    public init(values: [Double], varied: Int, frequency: Int, interval: ClosedRange<Double>,
                frequencyWindow: ClosedRange<Double>, reading: DysonReading) {
        self.values = values
        self.varied = varied
        self.frequency = frequency
        self.interval = interval
        self.frequencyWindow = frequencyWindow
        self.reading = reading
    }
}

public struct CondensationThreshold: Sendable {
    /// The threshold and the frequency there, from the finer rule.
    public let value: Double
    public let frequency: Double
    /// The same from the coarser rule (their difference is the error estimate).
    public let coarseValue: Double
    public let coarseFrequency: Double
    /// Significant digits on which the two rules agree and which the tail beyond their limit
    /// leaves (at most 12: the Brent tolerance).
    public let digits: Int
    /// The grid bracket (coarser rule): min Im K₁^R > 0 at `bracket.lowerBound`, ≤ 0 at the upper.
    public let bracket: ClosedRange<Double>
    public let evaluations: Int
    public let nodes: (coarse: Int, fine: Int)
    /// The relative shift of the threshold when the finer rule runs on to |t| ≤
    /// `FrequencyNodes.tailLimit` (the two rules share their limit, so their difference misses it);
    /// `digits` is at most −log₁₀ of it. NaN when the rules did not agree at all.
    public let tail: Double
    /// The digits the two rules share (before the tail's cap).
    public let sharedDigits: Int

    /// The digits a relative error `tail` leaves: the last digit shown must be at least ten times
    /// the tail (an estimate, ~3% short of the whole), so that it cannot move it by one.
    /// `cap`: the most digits anything shows (12, the Brent tolerance, in Double).
    public static func digits(allowedBy tail: Double, cap: Int = 12) -> Int {
        guard tail.isFinite else { return 0 }
        return tail <= 0 ? cap : max(0, min(cap, Int((-Double.log10(tail)).rounded(.down)) - 1))
    }
}


/// The complex function of (μ_S, p) whose zero the threshold search finds: Re fixes μ_S, and
/// Im > 0 on the stable side.
public protocol ThresholdKernel: AnyObject {
    /// The parameter values, in the normal state's `CondensationProblem.parameters` order.
    func set(_ values: [Double])
    func thresholdKernel(_ reading: DysonReading, nodes: FrequencyNodes) throws -> Complex<Double>
}

/// B15: the photon's retarded fluctuation kernel K₁^R(ω = 0) about the normal state.
extension CondensationNumerics: ThresholdKernel {
    public func thresholdKernel(_ reading: DysonReading, nodes: FrequencyNodes) throws -> Complex<Double> {
        try retardedKernelAtZero(reading, nodes: nodes)
    }
}

/// A38 divided by ψ_f as ψ_f → 0 (evaluated at ψ_f = 10⁻⁶: A38/ψ_f is even in ψ_f, so the
/// remainder is O(10⁻¹²) relative): where a condensate branch leaves ψ_f = 0. Where G(ψ) solves
/// a Dyson equation whose Σ does not move at first order in ψ (G₀; one-shot), it equals 2√2
/// K₁^R(0) of B15 (checked in the tests); under the first-order reading G₀ + G₀ΣG₀ it does
/// not (B15's bubble of dressed G holds G₀ΣG₀ V G₀ΣG₀, second order in Σ, which ∂/∂ψ of the
/// truncated G lacks), and the two criteria give different thresholds.
public final class LinearisedSaddle: ThresholdKernel {
    public let condensed: CondensedNumerics
    /// For each normal-state parameter, its index among the condensate's parameters.
    private let positions: [Int]
    private var values: [Double]
    public static let amplitude = 1e-6

    public init(_ condensed: CondensedNumerics, normalParameters: [String]) throws {
        self.condensed = condensed
        let names = condensed.problem.parameters.map(\.name)
        positions = try normalParameters.map { n in
            guard let k = names.firstIndex(of: n) else { throw CondensationError.integral("the condensate's equations lack the parameter \(n)") }
            return k
        }
        values = Array(repeating: 0, count: names.count)
        values[condensed.problem.amplitude] = Self.amplitude
    }

    public func set(_ normal: [Double]) {
        for (k, v) in normal.enumerated() { values[positions[k]] = v }
        condensed.set(values)
    }

    public func thresholdKernel(_ reading: DysonReading, nodes: FrequencyNodes) throws -> Complex<Double> {
        condensed.saddleQuotient(equalTime: try condensed.equalTimeKeldysh(reading, nodes: nodes).ba)
    }
}

/// One rule's search.
private struct ThresholdSearch {
    let numerics: any ThresholdKernel
    var values: [Double]
    let request: CondensationThresholdRequest
    let nodes: FrequencyNodes
    var evaluations = 0
    /// min Im K₁^R by p under these nodes: Brent on it meets the scan's points again (its bracket's
    /// ends) and ends on a point it evaluated, whose μ the polish starts from.
    let gains = GainMemo()

    final class GainMemo {
        var table: [Double: (value: Double, mu: Double?)] = [:]
    }

    mutating func kernel(_ mu: Double, _ p: Double) throws -> Complex<Double> {
        values[request.frequency] = mu
        values[request.varied] = p
        numerics.set(values)
        evaluations += 1
        return try numerics.thresholdKernel(request.reading, nodes: nodes)
    }

    /// The roots μ of Re K₁^R(0; μ, p) in the window, each with Im K₁^R there.
    mutating func frequencyRoots(_ p: Double) throws -> [(mu: Double, im: Double)] {
        let w = request.frequencyWindow, n = request.frequencyPoints
        var grid: [(mu: Double, k: Complex<Double>)] = []
        for k in 0...n {
            let mu = w.lowerBound + (w.upperBound - w.lowerBound) * Double(k) / Double(n)
            grid.append((mu, try kernel(mu, p)))
        }
        var out: [(Double, Double)] = []
        for k in 0..<n where (grid[k].k.real < 0) != (grid[k + 1].k.real < 0) {
            var me = self
            // Im K₁^R at every μ Brent evaluates: its root is one of them.
            var im = [grid[k].mu: grid[k].k.imaginary, grid[k + 1].mu: grid[k + 1].k.imaginary]
            let r = try brentRoot(in: grid[k].mu...grid[k + 1].mu, values: (grid[k].k.real, grid[k + 1].k.real), absoluteTolerance: 1e-13) {
                let v = try me.kernel($0, p)
                im[$0] = v.imaginary
                return v.real
            }
            evaluations = me.evaluations
            out.append((r.root, im[r.root]!))
        }
        return out
    }

    /// min over the frequency roots of Im K₁^R (+∞ when Re K₁^R has no root in the window).
    mutating func gain(_ p: Double) throws -> (value: Double, mu: Double?) {
        if let known = gains.table[p] { return known }
        let roots = try frequencyRoots(p)
        let best = roots.min(by: { $0.im < $1.im })
        let g = best.map { ($0.im, $0.mu) } ?? (Double.infinity, nil)
        gains.table[p] = g
        return g
    }

    mutating func run() throws -> (value: Double, mu: Double, bracket: ClosedRange<Double>) {
        let i = request.interval, n = request.scanPoints
        var previous = (p: i.lowerBound, g: try gain(i.lowerBound).value)
        guard previous.g > 0 else {
            throw CondensationError.noThreshold("the normal state is already unstable (or has no frequency root) at the lower end \(i.lowerBound) of the interval: min Im K1^R = \(short(previous.g))")
        }
        for k in 1...n {
            let p = i.lowerBound + (i.upperBound - i.lowerBound) * Double(k) / Double(n)
            let g = try gain(p).value
            if g.isFinite && g <= 0 {
                // The sign change of min Im K₁^R brackets the threshold; (μ, p) is then polished
                // as the root of (Re, Im) K₁^R(0) by the dogleg from the bracket's better end.
                // Brent on min Im K₁^R finds where the first branch of μ turns unstable (the
                // dogleg alone may land on another branch's root in the same bracket); the
                // dogleg then polishes (μ, p) on that branch, which it must not leave: its p
                // within Brent's tolerance of Brent's, its μ near Brent's.
                let bracket = previous.p...p, tolerance = 1e-4
                let first = try refine(bracket, tolerance: tolerance)
                if let x = try? polish(mu: first.mu, p: first.value), bracket.contains(x.p),
                   abs(x.p - first.value) <= tolerance * max(1, abs(bracket.upperBound)), abs(x.mu - first.mu) < 0.1 * (1 + abs(first.mu)) {
                    return (x.p, x.mu, bracket)
                }
                return try refine(bracket, tolerance: 1e-13)
            }
            previous = (p, g)
        }
        throw CondensationError.noThreshold("min Im K1^R(0) stays positive on [\(i.lowerBound), \(i.upperBound)] (last \(short(previous.g))): no threshold in the interval")
    }
}

extension ThresholdSearch {
    /// The threshold inside a bracket of the sign change of min Im K₁^R, by Brent: its final end
    /// with the smaller |min Im K₁^R|, and the μ there.
    mutating func refine(_ bracket: ClosedRange<Double>, tolerance: Double = 1e-13) throws -> (value: Double, mu: Double, bracket: ClosedRange<Double>) {
        var me = self
        let r = try brentRoot(in: bracket, absoluteTolerance: tolerance * max(1, abs(bracket.upperBound))) { x in
            let v = try me.gain(x).value
            return v.isFinite ? v : Double.greatestFiniteMagnitude
        }
        evaluations = me.evaluations
        let value = r.root
        guard let mu = try gain(value).mu else { throw CondensationError.noThreshold("the frequency root was lost at the threshold") }
        return (value, mu, bracket)
    }

    /// (μ, p) with K₁^R(0; μ, p) = 0 by Powell's dogleg, from a start near it, with the residual
    /// (Re, Im) K₁^R and the Jacobian there.
    mutating func polish(mu: Double, p: Double) throws -> (mu: Double, p: Double, residual: [Double]?, jacobian: DenseMatrix<Double>?) {
        var options = DoglegOptions()
        options.residualTolerance = 1e-13
        options.maxIterations = 60
        var me = self
        let r = try solveDogleg({ x in
            let k = try me.kernel(x[0], x[1])
            return [k.real, k.imaginary]
        }, from: [mu, p], options: options)
        evaluations = me.evaluations
        guard r.converged || r.residualNorm < 1e-11 else {
            throw CondensationError.noThreshold("K1^R(0) = 0 did not converge from (\(short(mu)), \(short(p))): \(r.stop), |K| = \(short(r.residualNorm))")
        }
        guard request.interval.contains(r.x[1]) else {
            throw CondensationError.noThreshold("the root of K1^R(0) left the interval (\(short(r.x[1])))")
        }
        return (r.x[0], r.x[1], r.residual, r.jacobian)
    }

    /// The root's relative shift in p when the node rule runs on to |t| ≤ `FrequencyNodes.tailLimit`
    /// instead of stopping at its limit: ΔK = K(longer rule) − K(this rule) at the root, moved
    /// through J⁻¹ (J from the polish, or by forward differences).
    mutating func tail(mu: Double, p: Double, residual: [Double]?, jacobian: DenseMatrix<Double>?) throws -> Double {
        let long = FrequencyNodes(step: nodes.step, limit: FrequencyNodes.tailLimit, scale: 1)
        var me = ThresholdSearch(numerics: numerics, values: values, request: request, nodes: long)
        let kl = try me.kernel(mu, p)
        var f = residual ?? []
        if f.count != 2 { let k = try kernel(mu, p); f = [k.real, k.imaginary] }
        var j: [[Double]]
        if let jacobian {
            j = [[jacobian[0, 0], jacobian[0, 1]], [jacobian[1, 0], jacobian[1, 1]]]
        } else {
            let h = Double.ulpOfOne.squareRoot()
            let hm = h * max(1, abs(mu)), hp = h * max(1, abs(p))
            let km = try kernel(mu + hm, p), kp = try kernel(mu, p + hp)
            j = [[(km.real - f[0]) / hm, (kp.real - f[0]) / hp], [(km.imaginary - f[1]) / hm, (kp.imaginary - f[1]) / hp]]
        }
        evaluations += me.evaluations
        let (dr, di) = (kl.real - f[0], kl.imaginary - f[1])
        let det = j[0][0] * j[1][1] - j[0][1] * j[1][0]
        guard det != 0, det.isFinite else { return .infinity }
        // Δp = −(J⁻¹ΔK)_p.
        let dp = (j[1][0] * dr - j[0][0] * di) / det
        return abs(dp) / max(abs(p), 1e-300)
    }
}

/// The threshold by two node rules (step and step/2).
public func condensationThreshold(_ numerics: any ThresholdKernel, _ request: CondensationThresholdRequest) throws -> CondensationThreshold {
    let coarseNodes = FrequencyNodes(step: request.step), fineNodes = FrequencyNodes(step: request.step / 2)
    var coarse = ThresholdSearch(numerics: numerics, values: request.values, request: request, nodes: coarseNodes)
    let c: (value: Double, mu: Double, bracket: ClosedRange<Double>)
    if let s = request.start {
        if let x = try? coarse.polish(mu: s.mu, p: s.value), s.bracket.contains(x.p), abs(x.mu - s.mu) < 0.1 * (1 + abs(s.mu)) {
            c = (x.p, x.mu, s.bracket)
        } else if let r = try? coarse.refine(s.bracket) {
            c = r
        } else {
            // The coarser pair's bracket does not hold under these rules: search afresh.
            c = try coarse.run()
        }
    } else {
        c = try coarse.run()
    }
    // The fine rule starts from the coarse root: only the polish is repeated.
    var fine = ThresholdSearch(numerics: numerics, values: request.values, request: request, nodes: fineNodes)
    let f: (value: Double, mu: Double, bracket: ClosedRange<Double>)
    var local: (residual: [Double]?, jacobian: DenseMatrix<Double>?) = (nil, nil)
    if let x = try? fine.polish(mu: c.mu, p: c.value), c.bracket.contains(x.p), abs(x.mu - c.mu) < 0.1 * (1 + abs(c.mu)) {
        f = (x.p, x.mu, c.bracket)
        local = (x.residual, x.jacobian)
    } else if let r = try? fine.refine(c.bracket) {
        f = r
    } else {
        // The finer rule does not see the coarse sign change at all: the coarse rule is not
        // resolved here. No digit is shared; the caller halves the step.
        return CondensationThreshold(value: c.value, frequency: c.mu, coarseValue: c.value, coarseFrequency: c.mu, digits: 0,
                                     bracket: c.bracket, evaluations: coarse.evaluations + fine.evaluations,
                                     nodes: (coarseNodes.count, fineNodes.count), tail: .nan, sharedDigits: 0)
    }
    let difference = abs(f.value - c.value)
    // Rounding is invisible to the two rules' difference: the condensate's floor applies here too.
    let shared = Condensate.digits(f.value, error: difference)
    // The two rules share their limit |t| ≤ 2.6, so their agreement cannot see the tail beyond
    // (~4·10⁻¹⁰ of K₁^R(0) at Fig. 2's point): it is measured apart, once, at the root.
    let tail = try fine.tail(mu: f.mu, p: f.value, residual: local.residual, jacobian: local.jacobian)
    let tailDigits = CondensationThreshold.digits(allowedBy: tail)
    return CondensationThreshold(value: f.value, frequency: f.mu, coarseValue: c.value, coarseFrequency: c.mu, digits: min(shared, tailDigits),
                                 bracket: f.bracket, evaluations: coarse.evaluations + fine.evaluations,
                                 nodes: (coarseNodes.count, fineNodes.count), tail: tail, sharedDigits: shared)
}

/// Six significant digits: values in messages, which differ in their last bits between builds.
func short(_ x: Double) -> String { String(format: "%.6g", x) }
