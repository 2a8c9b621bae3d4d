import ArbitraryPrecision
import Synchronization

/// The Bernoulli numbers B_2, B_4, … as exact rationals, for the Stirling series of ψ and ψ′
/// and their remainder bounds. From the tangent numbers T_k (integers; Brent–Harvey 2011:
/// B_{2k} = (−1)^(k−1)·2k·T_k/(4^k(4^k − 1))), computed once and shared.
enum BernoulliRationals {
    private static let table = Mutex<[BigRational]>([])

    /// B_2 … B_{2n} (index k − 1 holds B_{2k}).
    static func evenBernoulli(_ n: Int) -> [BigRational] {
        if let t = table.withLock({ $0.count >= n ? Array($0.prefix(n)) : nil }) { return t }
        let count = Swift.max(n, 64)
        // Brent–Harvey's in-place recurrence for T_1 … T_count.
        var t = [BigInt](repeating: BigInt(0), count: count + 1)
        t[1] = BigInt(1)
        if count >= 2 {
            for k in 2...count { t[k] = BigInt(k - 1) * t[k - 1] }
            for k in 2...count {
                for j in k...count { t[j] = BigInt(j - k) * t[j - 1] + BigInt(j - k + 2) * t[j] }
            }
        }
        var b: [BigRational] = []
        for k in 1...count {
            let four = BigInt.one << (2 * k)
            let value = BigRational(BigInt(2 * k) * t[k], four * (four - BigInt.one))
            b.append(k % 2 == 1 ? value : -value)
        }
        table.withLock { if $0.count < b.count { $0 = b } }
        return Array(b.prefix(n))
    }
}
