import ArbitraryPrecision

/// The tests' deterministic generator: one implementation, in ArbitraryPrecision.
typealias SplitMix = SplitMix64
