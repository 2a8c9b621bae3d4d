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

/// Arithmetic in the Gaussian integers ℤ[i] (a Euclidean domain), used to take the
/// Gaussian content of a polynomial so that rational-function denominators are unique up
/// to the units ±1, ±i.
enum GaussianInteger {
    typealias Value = (re: BigInt, im: BigInt)

    static func gcd(_ a: Value, _ b: Value) -> Value {
        var x = a, y = b
        while !(y.re.isZero && y.im.isZero) {
            let r = remainder(x, y)
            x = y
            y = r
        }
        return x
    }

    /// x − q·y with q = x/y rounded to the nearest Gaussian integer: N(r) ≤ N(y)/2.
    static func remainder(_ x: Value, _ y: Value) -> Value {
        let n = y.re * y.re + y.im * y.im
        // x · conj(y)
        let pr = x.re * y.re + x.im * y.im
        let pi = x.im * y.re - x.re * y.im
        let qr = roundedQuotient(pr, n), qi = roundedQuotient(pi, n)
        return (x.re - (qr * y.re - qi * y.im), x.im - (qr * y.im + qi * y.re))
    }

    /// a/n rounded to nearest (n > 0).
    static func roundedQuotient(_ a: BigInt, _ n: BigInt) -> BigInt {
        (a + a + n).floorDivided(by: n + n)
    }
}
