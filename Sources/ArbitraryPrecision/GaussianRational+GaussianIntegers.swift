// The Gaussian integers ℤ[i] are the values with an integer real and imaginary part; they
// have no type of their own (a ring inside ℚ(i), with the same representation).

extension GaussianRational {
    /// Whether both parts are integers (an element of ℤ[i]).
    @inlinable
    public var isGaussianInteger: Bool {
        switch storage {
        case .small(_, _, let d): return d == 1
        case .big(let p): return p.re.isInteger && p.im.isInteger
        }
    }

    /// The Gaussian integer nearest to the value, each part rounded to the nearest integer
    /// with halves rounded up: ⌊re + 1/2⌋ + ⌊im + 1/2⌋·i.
    public var nearestGaussianInteger: GaussianRational {
        guard case .small(let a, let b, let d) = storage else {
            let half = BigRational(BigInt(1), BigInt(2))
            return GaussianRational(BigRational((re + half).floor), BigRational((im + half).floor))
        }
        if d == 1 { return self }
        // ⌊a/d + 1/2⌋ = q + [r ≥ d − r] with a = q·d + r, 0 ≤ r < d (no overflow for d ≥ 2).
        func rounded(_ a: Int) -> Int {
            var (q, r) = a.quotientAndRemainder(dividingBy: d)
            if r < 0 { q -= 1; r += d }
            return r >= d - r ? q + 1 : q
        }
        return GaussianRational(reduced: rounded(a), rounded(b), 1)
    }

    /// A greatest common divisor in ℤ[i] of two Gaussian integers (up to the units ±1, ±i),
    /// by Euclid's algorithm with the quotient rounded to the nearest Gaussian integer: the
    /// remainder's norm is at most half the divisor's.
    public static func gaussianIntegerGCD(_ a: GaussianRational, _ b: GaussianRational) -> GaussianRational {
        precondition(a.isGaussianInteger && b.isGaussianInteger, "gaussianIntegerGCD of non-integers")
        var (x, y) = (a, b)
        while !y.isZero { (x, y) = (y, x - (x / y).nearestGaussianInteger * y) }
        return x
    }
}
