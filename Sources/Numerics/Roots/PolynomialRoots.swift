import ComplexModule
import RealModule

/// All roots of a monic complex polynomial by the Aberth–Ehrlich iteration (Gauss–Seidel
/// sweeps), warm-started from the previous call's roots. Meant for scans: neighbouring grid
/// points have nearby roots, so a sweep or three converges (cubically for simple roots) —
/// far cheaper than an eigenvalue decomposition of the matrix the polynomial came from.
/// Nothing is allocated per call.
public struct PolynomialRootFinder: Sendable {
    public let degree: Int
    /// The current roots (the warm start of the next call).
    public private(set) var roots: [Complex<Double>]
    private var warm = false
    /// Sweeps of the last call.
    public private(set) var lastSweeps = 0

    public init(degree: Int) {
        precondition(degree >= 1, "degree must be at least 1")
        self.degree = degree
        roots = Array(repeating: .zero, count: degree)
    }

    /// Forgets the warm start.
    public mutating func reset() { warm = false }

    /// Finds the roots of Σ c_k z^k (c_degree = 1, `coefficients` lowest first, degree + 1
    /// of them). Returns false when the iteration did not settle within `maxSweeps` (near a
    /// multiple root it converges only linearly); the caller should then use another
    /// method. The iteration stops after a sweep whose relative corrections are below 4ε, or
    /// the second sweep below 1e-11 (cubic convergence: the sweep before was already below).
    public mutating func solve(_ coefficients: UnsafePointer<Complex<Double>>, maxSweeps: Int = 40) -> Bool {
        let n = degree
        let cold = !warm || roots.contains(where: { !$0.real.isFinite || !$0.imaginary.isFinite })
        var bound = 0.0
        if cold {
            // Fujiwara's bound: every root has |z| ≤ 2 max_k |c_{n−k}|^(1/k).
            for k in 1...n {
                let m = coefficients[n - k].length
                if m > 0 { bound = max(bound, Double.pow(m, 1 / Double(k))) }
            }
            bound *= 2
            // Start on a circle around the centroid, off the real axis (an angle offset keeps
            // real-coefficient polynomials from starting on their symmetry axis).
            let centre = coefficients[n - 1] * Complex(-1 / Double(n), 0)
            let r = max(bound * 0.5, 1e-3)
            for k in 0..<n {
                let a = 2 * Double.pi * Double(k) / Double(n) + 0.4
                roots[k] = centre + Complex(r * Double.cos(a), r * Double.sin(a))
            }
        } else {
            // Warm: the previous roots' size sets the scale (the bound only matters for it).
            for z in roots { bound = max(bound, z.length) }
        }
        let floorScale = max(bound, Double.leastNormalMagnitude)
        warm = false
        var settledSweeps = 0
        for sweep in 1...maxSweeps {
            var largest = 0.0
            for i in 0..<n {
                let z = roots[i]
                // p(z) and p'(z) by Horner.
                var p = Complex<Double>(1, 0), dp = Complex<Double>.zero
                var k = n - 1
                while k >= 0 {
                    dp = dp * z + p
                    p = p * z + coefficients[k]
                    k -= 1
                }
                if p == .zero { continue }
                var s = Complex<Double>.zero
                for j in 0..<n where j != i {
                    let d = z - roots[j]
                    if d != .zero { s += 1 / d }
                }
                let denominator = dp - p * s
                var w: Complex<Double>
                if denominator == .zero || !denominator.real.isFinite || !denominator.imaginary.isFinite {
                    // Stuck on a critical point: nudge.
                    w = Complex(1e-8 * floorScale, 1e-8 * floorScale)
                } else {
                    w = p / denominator
                }
                if !w.real.isFinite || !w.imaginary.isFinite { w = .zero; largest = .infinity }
                roots[i] = z - w
                largest = max(largest, w.length / max(roots[i].length, floorScale * 1e-3))
            }
            // One sweep after the corrections reach rounding level, for full accuracy.
            if largest <= 4 * Double.ulpOfOne {
                lastSweeps = sweep
                warm = true
                return true
            }
            if largest <= 1e-11 {
                settledSweeps += 1
                if settledSweeps >= 2 { lastSweeps = sweep; warm = true; return true }
            }
        }
        lastSweeps = maxSweeps
        return false
    }
}
