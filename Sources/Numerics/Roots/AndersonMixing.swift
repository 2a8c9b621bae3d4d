/// Anderson acceleration of a fixed-point iteration x = G(x) (type II, as in Walker & Ni 2011):
/// with residuals f_k = G(x_k) − x_k and the last m differences ΔX, ΔF, the next iterate is
/// x_k + βf_k − (ΔX + βΔF)γ with γ minimising ‖f_k − ΔFγ‖₂. A self-consistent Dyson equation
/// converges linearly (and slowly, its rate near 1 where Σ is large) under plain mixing; this is
/// the standard remedy. The least-squares problem is m × m (normal equations with a relative
/// Tikhonov shift), m ≤ `memory`.
public struct AndersonMixer: Sendable {
    public let memory: Int
    public let beta: Double
    private var dx: [[Double]] = [], df: [[Double]] = []
    private var lastX: [Double]?, lastF: [Double]?

    public init(memory: Int = 6, beta: Double = 1) {
        precondition(memory >= 0 && beta > 0)
        self.memory = memory
        self.beta = beta
    }

    /// The next iterate from x_k and G(x_k).
    public mutating func next(x: [Double], image: [Double]) -> [Double] {
        let n = x.count
        precondition(image.count == n)
        var f = [Double](repeating: 0, count: n)
        for i in 0..<n { f[i] = image[i] - x[i] }
        if let lx = lastX, let lf = lastF, memory > 0 {
            var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
            for i in 0..<n { a[i] = x[i] - lx[i]; b[i] = f[i] - lf[i] }
            dx.append(a); df.append(b)
            if dx.count > memory { dx.removeFirst(); df.removeFirst() }
        }
        lastX = x
        lastF = f
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n { out[i] = x[i] + beta * f[i] }
        let m = df.count
        guard m > 0, let gamma = Self.leastSquares(df, f) else { return out }
        for k in 0..<m {
            let g = gamma[k]
            for i in 0..<n { out[i] -= g * (dx[k][i] + beta * df[k][i]) }
        }
        return out
    }

    /// γ minimising ‖f − Σ_k γ_k c_k‖₂ for columns c_k, or nil if the system is singular.
    static func leastSquares(_ columns: [[Double]], _ f: [Double]) -> [Double]? {
        let m = columns.count
        var a = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: m)
        for i in 0..<m {
            for j in i..<m {
                var s = 0.0
                for (u, v) in zip(columns[i], columns[j]) { s += u * v }
                a[i][j] = s
                a[j][i] = s
            }
            var s = 0.0
            for (u, v) in zip(columns[i], f) { s += u * v }
            a[i][m] = s
        }
        let trace = (0..<m).reduce(0.0) { $0 + a[$1][$1] }
        guard trace > 0, trace.isFinite else { return nil }
        for i in 0..<m { a[i][i] += 1e-14 * trace }
        // Gaussian elimination with partial pivoting on the m × (m + 1) system.
        for c in 0..<m {
            var p = c
            for r in (c + 1)..<m where abs(a[r][c]) > abs(a[p][c]) { p = r }
            guard a[p][c] != 0 else { return nil }
            a.swapAt(c, p)
            for r in (c + 1)..<m {
                let q = a[r][c] / a[c][c]
                for k in c...m { a[r][k] -= q * a[c][k] }
            }
        }
        var x = [Double](repeating: 0, count: m)
        for r in stride(from: m - 1, through: 0, by: -1) {
            var s = a[r][m]
            for k in (r + 1)..<m { s -= a[r][k] * x[k] }
            x[r] = s / a[r][r]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
