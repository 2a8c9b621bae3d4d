import ArbitraryPrecision
import Symbolic

/// The number of roots with positive real part of a real polynomial Σ a_k s^k (`coefficients`
/// lowest degree first, a_n ≠ 0), by the Routh array in exact rational arithmetic: the
/// number of sign changes down its first column. Nil in the singular cases (a zero in the
/// first column: a root on the imaginary axis or a symmetric root pair), where the caller
/// must decide another way.
public func routhUnstableCount(_ coefficients: [BigRational]) -> Int? {
    let n = coefficients.count - 1
    guard n >= 1, !coefficients[n].isZero else { return nil }
    // Rows of the array: s^n row (a_n, a_{n−2}, …), s^{n−1} row (a_{n−1}, a_{n−3}, …).
    var previous = stride(from: n, through: 0, by: -2).map { coefficients[$0] }
    var current = stride(from: n - 1, through: 0, by: -2).map { coefficients[$0] }
    var firstColumn = [previous[0]]
    for _ in 0..<n {
        guard let pivot = current.first, !pivot.isZero else { return nil }
        firstColumn.append(pivot)
        var next: [BigRational] = []
        for j in 0..<max(previous.count - 1, 0) {
            let a = previous[j + 1]
            let b = j + 1 < current.count ? current[j + 1] : BigRational(0)
            next.append((pivot * a - previous[0] * b) / pivot)
        }
        previous = current
        current = next
        if firstColumn.count == n + 1 { break }
    }
    guard firstColumn.count == n + 1 else { return nil }
    var changes = 0
    for k in 1...n where (firstColumn[k].signum > 0) != (firstColumn[k - 1].signum > 0) { changes += 1 }
    return changes
}

extension CrossingPolynomial {
    /// The coefficients of p(s; P) at P = `value`, when they are all real; nil otherwise.
    func realCharacteristic(at value: BigRational) -> [BigRational]? {
        var out: [BigRational] = []
        out.reserveCapacity(characteristic.count)
        for c in characteristic {
            let z = c.isZero ? GaussianRational.zero
                : c.evaluate(c.generators.isEmpty ? [] : [GaussianRational(value)])
            guard z.isReal else { return nil }
            out.append(z.re)
        }
        return out
    }

    /// The number of eigenvalues with Re > 0 at P = `value`, exactly (Routh–Hurwitz over ℚ),
    /// when p has real coefficients there and the Routh array is regular.
    public func unstableCount(at value: BigRational) -> Int? {
        guard let a = realCharacteristic(at: value) else { return nil }
        return routhUnstableCount(a)
    }
}
