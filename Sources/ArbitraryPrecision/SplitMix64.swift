/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny deterministic generator, so random sample
/// points and property tests reproduce from their seed on every machine and in every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound.
    public mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    /// Uniform in −bound...bound.
    public mutating func nextSigned(_ bound: Int) -> Int { next(2 * bound + 1) - bound }
    /// Uniform in a closed integer range.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + next(range.upperBound - range.lowerBound + 1)
    }
    /// Uniform double in [lo, hi), 53 random bits.
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(next() >> 11) * 0x1p-53
    }
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, next(i + 1)) }
    }
}
