import ArbitraryPrecision
import Symbolic

/// Exact evaluation at rational points, for checking matrix algorithms independently of
/// any simplifier: substitute exact numbers of Q(i) for the symbols (and for applications
/// of user functions such as F_Ψ(ω)) and fold the expression in exact arithmetic. Two
/// rational functions that agree at random points agree as functions with overwhelming
/// probability (Schwartz–Zippel), and the comparison is exact, not to some number of digits.
public enum MatrixExact {
    /// The value of `e` where `point` gives the values of symbols and of function
    /// applications; nil where the expression is undefined there (division by zero,
    /// non-integer power, a symbol without value, a builtin other than conj).
    public static func value(_ e: Expr, at point: [Expr: GaussianRational]) -> GaussianRational? {
        var memo: [Expr: GaussianRational?] = [:]
        func eval(_ e: Expr) -> GaussianRational? {
            if let q = e.numberValue { return q }
            if let v = point[e] { return v }
            if let cached = memo[e] { return cached }
            var result: GaussianRational?
            switch e.kind {
            case .add:
                var s = GaussianRational.zero
                result = s
                for c in e.children {
                    guard let v = eval(c) else { result = nil; break }
                    s += v
                    result = s
                }
            case .mul:
                var p = GaussianRational.one
                result = p
                for c in e.children {
                    guard let v = eval(c) else { result = nil; break }
                    p *= v
                    result = p
                }
            case .pow:
                if let n = e.children[1].intValue, let b = eval(e.children[0]), !(b.isZero && n < 0) {
                    result = b.power(n)
                }
            case .function where e.builtin == .conj:
                result = eval(e.children[0])?.conjugate
            default:
                result = nil
            }
            memo[e] = result
            return result
        }
        return eval(e)
    }

    public static func values(_ m: Matrix, at point: [Expr: GaussianRational]) -> [GaussianRational]? {
        var out: [GaussianRational] = []
        for e in m.entries {
            guard let v = value(e, at: point) else { return nil }
            out.append(v)
        }
        return out
    }

    /// Exact matrix product of row-major n×n arrays, written out independently of `Matrix`.
    public static func product(_ a: [GaussianRational], _ b: [GaussianRational], _ n: Int) -> [GaussianRational] {
        var c = [GaussianRational](repeating: .zero, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { c[i * n + j] += a[i * n + k] * b[k * n + j] } } }
        return c
    }

    public static func identity(_ n: Int) -> [GaussianRational] {
        (0..<n * n).map { $0 / n == $0 % n ? .one : .zero }
    }
}



extension SplitMix64 {
    /// A random rational p/q with |p| ≤ 97, 1 ≤ q ≤ 31; positive when asked.
    public mutating func rational(positive: Bool = false) -> BigRational {
        let p = positive ? int(1...97) : int(-97...97)
        return BigRational(BigInt(p), BigInt(int(1...31)))
    }

    /// A random element of Q(i) with rational parts as above.
    public mutating func gaussian() -> GaussianRational { GaussianRational(rational(), rational()) }
}
