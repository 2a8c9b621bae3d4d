import ArbitraryPrecision
import Symbolic

/// The number of roots with positive real part of a real polynomial Σ a_k s^k (`coefficients`
/// lowest degree first, a_n ≠ 0), by the Routh array in exact arithmetic: the number of sign
/// changes down its first column. Nil in the singular cases (a zero in the first column: a
/// root on the imaginary axis or a symmetric root pair), where the caller must decide
/// another way.
public func routhUnstableCount(_ coefficients: [BigRational]) -> Int? {
    var l = BigInt.one
    for c in coefficients { l = BigInt.lcm(l, c.denominator) }
    return routhUnstableCount(integers: coefficients.map { $0.numerator * l.exactlyDivided(by: $0.denominator) })
}

/// The same count for integer coefficients, fraction-free: each new row is
/// sign(pivot)·(pivot·previous − previous₀·current), i.e. |pivot| times the rational Routh
/// row, divided by its positive content — positive factors only, so every first-column sign
/// is that of the rational array, with no rational arithmetic.
public func routhUnstableCount(integers coefficients: [BigInt]) -> Int? {
    let n = coefficients.count - 1
    guard n >= 1, !coefficients[n].isZero else { return nil }
    // Rows of the array: s^n row (a_n, a_{n−2}, …), s^{n−1} row (a_{n−1}, a_{n−3}, …).
    var previous = stride(from: n, through: 0, by: -2).map { coefficients[$0] }
    var current = stride(from: n - 1, through: 0, by: -2).map { coefficients[$0] }
    var signs = [previous[0].signum]
    for _ in 0..<n {
        guard let pivot = current.first, !pivot.isZero else { return nil }
        signs.append(pivot.signum)
        if signs.count == n + 1 { break }
        let flip = pivot.signum < 0
        var next: [BigInt] = []
        for j in 0..<max(previous.count - 1, 0) {
            let a = previous[j + 1]
            let b = j + 1 < current.count ? current[j + 1] : BigInt.zero
            let e = pivot * a - previous[0] * b
            next.append(flip ? -e : e)
        }
        previous = current
        current = UnivariateIntegerPolynomials.primitivePart(next)
    }
    guard signs.count == n + 1 else { return nil }
    var changes = 0
    for k in 1...n where (signs[k] > 0) != (signs[k - 1] > 0) { changes += 1 }
    return changes
}

extension CrossingPolynomial {
    /// The coefficients of q(s; P) = p(s; P)/g(s) (g the removed P-independent factor) at
    /// P = `value`, when they are all real; nil otherwise.
    func realCharacteristic(at value: BigRational) -> [BigRational]? {
        var out: [BigRational] = []
        let reduced = reducedCharacteristic
        out.reserveCapacity(reduced.count)
        for c in reduced {
            let z = c.isZero ? GaussianRational.zero
                : c.evaluate(c.generators.isEmpty ? [] : [GaussianRational(value)])
            guard z.isReal else { return nil }
            out.append(z.re)
        }
        return out
    }

    /// The number of eigenvalues with Re > 0 at P = `value`, exactly (Routh–Hurwitz), when p
    /// has real coefficients there and the Routh array is regular.
    public func unstableCount(at value: BigRational) -> Int? {
        if let q = scaledCharacteristic {
            // v^D·q_k(u/v) for all k on one scale (D the largest degree in P): a positive
            // multiple of det(t − d·A(value)), whose roots are d > 0 times the eigenvalues.
            let u = value.numerator, v = value.denominator
            let top = q.map { $0.count - 1 }.max() ?? 0
            let scaled = q.map { c -> BigInt in
                let h = BigInt.rationalHorner(c, numerator: u, denominator: v)
                let missing = top - max(c.count - 1, 0)
                return missing > 0 ? h * v.power(missing) : h
            }
            return routhUnstableCount(integers: scaled)
        }
        guard let a = realCharacteristic(at: value) else { return nil }
        return routhUnstableCount(a)
    }
}
