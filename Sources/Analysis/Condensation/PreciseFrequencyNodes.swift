import ArbitraryPrecision
import Foundation

/// The sinh–sinh rule of `FrequencyNodes` in MPFR, as a pair: the finer rule (step δ/2) and,
/// on its every other node with twice the weight, the coarser one (step δ). Both are the
/// trapezoidal sum in t of x = sinh((π/2)·sinh t), |t| ≤ `limit`.
///
/// For D digits the two truncations are chosen from D:
/// * the tail: the fluctuation loop (G^R G^K) falls off like 1/x³, so the part beyond X is
///   about X·|f(X)|/2; `limit` reaches X = 10^{(D+4)/2} (t ≈ 3.9 at D = 30, 4.6 at D = 60;
///   the Double rule's 2.6 reaches 1.6·10⁴). What the outermost nodes give is measured at every
///   evaluation (`PreciseCondensationNumerics.retardedKernelAtZero`), so a slower decay is seen;
/// * the step: the trapezoidal error falls like exp(−c/δ), c set by the singularity nearest the
///   axis in t (tanh's poles at distance πT_F from the axis near the Fermi edges); c ≈ 1.1 was
///   measured on paper 000's K₁^R(0) (docs/condensation.md, "Many digits"), and the coarser
///   step is δ = 1/⌈(D + 4)·ln 10 / c⌉ (δ = 1/78 at D = 30), the finer δ/2. The two rules'
///   agreement is what is reported; the step only makes it likely to reach D.
public struct PreciseFrequencyNodes: Sendable {
    public let x: [BigFloat]
    /// The finer rule's weights; the coarser rule uses the even k with weight 2w.
    public let w: [BigFloat]
    /// Whether node i (t = (i − n)·δ/2) is also a node of the coarser rule.
    public let coarse: [Bool]
    /// The coarser step δ = 1/`divisions`.
    public let divisions: Int
    public let limit: Double

    public init(divisions: Int, limit: Double, precision: Int) {
        let m = 2 * divisions
        let n = Int((limit * Double(m)).rounded(.down))
        let halfPi = BigFloat.pi(precision: precision) / BigFloat(2, precision: precision)
        let h = BigFloat(1, precision: precision) / BigFloat(m, precision: precision)
        var x: [BigFloat] = [], w: [BigFloat] = [], c: [Bool] = []
        for k in -n...n {
            let t = BigFloat(k, precision: precision) * h
            let (st, ct) = BigFloat.sinhCosh(t)
            let u = halfPi * st
            let (su, cu) = BigFloat.sinhCosh(u)
            x.append(su)
            w.append(h * halfPi * ct * cu)
            c.append(k % 2 == 0)
        }
        self.x = x
        self.w = w
        coarse = c
        self.divisions = divisions
        self.limit = limit
    }

    /// The rules for `digits` digits with the measured convergence constant `rate` (c above).
    public init(digits: Int, precision: Int, rate: Double = PreciseFrequencyNodes.rate) {
        let reach = Double(digits + 4) / 2 * M_LN10
        // x = sinh((π/2)sinh t) = X at t = asinh((2/π)·asinh X), asinh X ≈ ln 2X.
        let limit = Foundation.asinh(2 / Double.pi * (reach + M_LN2))
        let divisions = Int((Double(digits + 4) * M_LN10 / rate).rounded(.up))
        self.init(divisions: divisions, limit: (limit * 100).rounded(.up) / 100, precision: precision)
    }

    /// The convergence constant c of exp(−c/δ) measured on paper 000's K₁^R(0) (a lower bound
    /// over the points tried, see the tests and docs/condensation.md).
    public static let rate = 1.1

    public var fineCount: Int { x.count }
    public var coarseCount: Int { coarse.lazy.filter { $0 }.count }
    public var coarseStep: Double { 1 / Double(divisions) }
}
