import RealModule

/// The double-exponential (sinh–sinh) rule on the whole real line, x = s·sinh((π/2)·sinh t)
/// at t = kδ: for integrands analytic near the axis that decay like a power of 1/x (Green's
/// functions, their products with distributions), the transformed integrand decays double
/// exponentially and the trapezoidal sum converges like exp(−c/δ). Halving δ (every other
/// node shared) is the error estimate the callers report.
public struct FrequencyNodes: Sendable {
    public let x: [Double]
    public let w: [Double]
    public let step: Double

    /// `limit`: the largest |t|; 2.6 reaches |x| ≈ 1.6·10⁴, where the tail of a 1/x³ integrand
    /// (the fluctuation loop: G^R G^K) is below 10⁻⁸ of its scale, and where the poles of the
    /// self-energy's fractions are still well conditioned (they grow like powers of x);
    /// `scale` s sets where the nodes are densest (|x| ≲ s).
    public init(step: Double, limit: Double = 2.6, scale: Double = 1) {
        let n = Int((limit / step).rounded(.down))
        var x: [Double] = [], w: [Double] = []
        x.reserveCapacity(2 * n + 1)
        w.reserveCapacity(2 * n + 1)
        for k in -n...n {
            let t = Double(k) * step
            let u = Double.pi / 2 * Double.sinh(t)
            x.append(scale * Double.sinh(u))
            w.append(scale * step * Double.pi / 2 * Double.cosh(t) * Double.cosh(u))
        }
        self.x = x
        self.w = w
        self.step = step
    }

    public var count: Int { x.count }

    /// The limit the threshold search's tail check runs on to: |x| ≈ 1.0·10⁵, which holds all
    /// but (1.6·10⁴/10⁵)² ≈ 3% of a 1/x³ integrand's tail beyond |t| = 2.6 (its size is what is
    /// wanted). Further out Double cannot go: Σ's poles near x, ~0.5 apart, would fall within
    /// `ClosedFormConvolution`'s 10⁻⁷|z| of each other and merge.
    public static let tailLimit = 2.75
}
