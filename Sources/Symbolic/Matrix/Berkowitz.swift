import ArbitraryPrecision

/// The ring operations of the division-free algorithms (Berkowitz's characteristic
/// polynomial here; the GCDs and resultants add a division of their own, `GCDDomain`).
/// Conformers: expressions, exact numbers of ℚ(i) (the Gaussian integers of exact
/// elimination among them), integers.
public protocol CommutativeRing {
    static var zero: Self { get }
    static var one: Self { get }
    var isZero: Bool { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// Σ x(k)·y(k) over k in 0..<count, pairs with a zero factor left out. Expressions
    /// collect it as one n-ary sum; numbers take the default, a running sum.
    static func sumOfProducts(_ count: Int, _ x: (Int) -> Self, _ y: (Int) -> Self) -> Self
}

extension CommutativeRing {
    @inlinable
    public static func sumOfProducts(_ count: Int, _ x: (Int) -> Self, _ y: (Int) -> Self) -> Self {
        var s = Self.zero
        for k in 0..<count {
            let a = x(k)
            if a.isZero { continue }
            let b = y(k)
            if !b.isZero { s = s + a * b }
        }
        return s
    }
}

extension Expr: CommutativeRing {
    public static func sumOfProducts(_ count: Int, _ x: (Int) -> Expr, _ y: (Int) -> Expr) -> Expr {
        var builder = SumBuilder()
        for k in 0..<count {
            let a = x(k)
            if a.isZero { continue }
            let b = y(k)
            if !b.isZero { builder.add(a * b) }
        }
        return builder.build()
    }
}

extension GaussianRational: CommutativeRing {}

/// The coefficients of det(t − A), highest degree first ([1, p₁, …, pₙ]), of the n×n matrix
/// with entries `entry(i, j)` over a commutative ring, by Berkowitz's division-free
/// algorithm: with A = [[a, R], [C, A₁]] the coefficient vector of A is T·(vector of A₁),
/// T lower-triangular Toeplitz with first column (1, −a, −R·C, −R·A₁·C, …, −R·A₁^{m−1}·C),
/// m the size of A₁; the recursion runs from the bottom-right 1×1 block up to A. O(n⁴)
/// ring operations; `normalize` is applied to every entry built (the identity for numbers).
/// Inlinable so that each ring gets its own specialised copy (the Gaussian integers of
/// exact elimination run it at every interpolation node).
@inlinable
public func berkowitzCharacteristic<R: CommutativeRing>(size n: Int, _ entry: (Int, Int) -> R,
                                                        normalize: (R) -> R = { $0 }) -> [R] {
    if n == 0 { return [.one] }
    var p: [R] = [.one, normalize(-entry(n - 1, n - 1))]
    for k in stride(from: n - 2, through: 0, by: -1) {
        let m = n - k - 1
        // v = A₁^j·C, starting from C (column k below the diagonal); R is row k right of it.
        var v = (0..<m).map { entry(k + 1 + $0, k) }
        var q: [R] = [.one, normalize(-entry(k, k))]
        for j in 0..<m {
            q.append(normalize(-R.sumOfProducts(m, { entry(k, k + 1 + $0) }, { v[$0] })))
            if j < m - 1 {
                let previous = v
                v = (0..<m).map { i in
                    normalize(R.sumOfProducts(m, { entry(k + 1 + i, k + 1 + $0) }, { previous[$0] }))
                }
            }
        }
        let previous = p
        p = (0..<m + 2).map { i in
            normalize(R.sumOfProducts(min(i, m) + 1, { q[i - $0] }, { previous[$0] }))
        }
    }
    return p
}
