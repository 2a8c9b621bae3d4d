import CMPFR
import Synchronization

/// The coefficients of the Stirling series of ψ and ψ′: B_{2k}/(2k) and B_{2k} as mpfr values
/// at a given precision, k = 1…n, from the tangent numbers T_k (integers, Brent–Harvey 2011:
/// B_{2k} = (−1)^{k−1} 2k T_k / (4^k(4^k − 1))), so no rational arithmetic is needed.
/// Computed once per (precision, count) and shared: a 50-digit digamma then costs no
/// Bernoulli work at all.
enum BernoulliTable {
    /// (2k)·|B_{2k}| is not needed; what the series use: signs alternate, starting positive.
    struct Coefficients: @unchecked Sendable {
        /// |B_{2k}|/(2k), index k − 1.
        let overTwoK: [MPFRBox]
        /// |B_{2k}|, index k − 1.
        let plain: [MPFRBox]
    }

    private struct Key: Hashable { let precision: Int; let count: Int }
    private static let cache = Mutex<[Key: Coefficients]>([:])
    private static let tangents = Mutex<[BigInt]>([])

    /// At least `count` coefficients at `precision` bits (the count is rounded up to a multiple of 16).
    static func coefficients(count: Int, precision: Int) -> Coefficients {
        let n = (count + 15) / 16 * 16
        let key = Key(precision: precision, count: n)
        if let c = cache.withLock({ $0[key] }) { return c }
        let t = tangentNumbers(n)
        var overTwoK: [MPFRBox] = []
        var plain: [MPFRBox] = []
        for k in 1...n {
            // |B_{2k}|/(2k) = T_k / (4^k (4^k − 1)).
            let four = BigInt(1) << (2 * k)
            let denominator = four * (four - BigInt(1))
            let a = MPFRBox(precision: precision)
            t[k - 1].withMPZ { tz in denominator.withMPZ { dz in
                mpfr_set_z(a.pointer, tz, MPFR_RNDN)
                mpfr_div_z(a.pointer, a.pointer, dz, MPFR_RNDN)
            } }
            let b = MPFRBox(precision: precision)
            mpfr_mul_si(b.pointer, a.pointer, 2 * k, MPFR_RNDN)
            overTwoK.append(a)
            plain.append(b)
        }
        let c = Coefficients(overTwoK: overTwoK, plain: plain)
        cache.withLock { $0[key] = c }
        return c
    }

    /// T_1 … T_n (1, 2, 16, 272, 7936, …) by the integer recurrence of Brent and Harvey.
    static func tangentNumbers(_ n: Int) -> [BigInt] {
        if let t = tangents.withLock({ $0.count >= n ? Array($0.prefix(n)) : nil }) { return t }
        var t = [BigInt](repeating: BigInt(0), count: n + 1)
        t[1] = BigInt(1)
        if n >= 2 { for k in 2...n { t[k] = BigInt(k - 1) * t[k - 1] } }
        if n >= 2 {
            for k in 2...n {
                for j in k...n { t[j] = BigInt(j - k) * t[j - 1] + BigInt(j - k + 2) * t[j] }
            }
        }
        let out = Array(t[1...n])
        tangents.withLock { if $0.count < n { $0 = out } }
        return out
    }
}
