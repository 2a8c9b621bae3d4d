import ArbitraryPrecision

/// The ground rings the recursive GCD, resultant and square-free algorithms run over:
/// ℤ (a GCD domain, for the heuristic and primitive PRS GCDs on integer polynomials) and
/// the field ℚ(i) (for polynomials with Gaussian coefficients and for anything needing
/// division).
protocol GCDDomain: CommutativeRing, Equatable, Sendable {
    /// a / b when b divides a exactly in the ring; nil otherwise.
    func exactQuotient(_ b: Self) -> Self?
    /// The normalised gcd (non-negative in ℤ, 0 or 1 in a field).
    static func gcd(_ a: Self, _ b: Self) -> Self
    /// A unit u such that u · self is the normal representative of self's associates
    /// (sign in ℤ, 1/self in a field).
    var normalizingUnit: Self { get }
}

extension BigInt: GCDDomain {
    func exactQuotient(_ b: BigInt) -> BigInt? {
        if b.isZero { return isZero ? .zero : nil }
        let (q, r) = quotientAndRemainder(dividingBy: b)
        return r.isZero ? q : nil
    }
    var normalizingUnit: BigInt { signum < 0 ? -1 : 1 }
}

extension GaussianRational: GCDDomain {
    func exactQuotient(_ b: GaussianRational) -> GaussianRational? {
        if b.isZero { return isZero ? .zero : nil }
        return self / b
    }
    static func gcd(_ a: GaussianRational, _ b: GaussianRational) -> GaussianRational {
        a.isZero && b.isZero ? .zero : .one
    }
    var normalizingUnit: GaussianRational { isZero ? .one : GaussianRational.one / self }
}
