import ArbitraryPrecision

// Small arithmetic helpers the arbitrary-precision kernels share; kept here
// rather than in ArbitraryPrecision because only these kernels need them.

extension BigComplex {
    static func zero(precision p: Int) -> BigComplex {
        BigComplex(BigFloat(0, precision: p), BigFloat(0, precision: p))
    }

    static func one(precision p: Int) -> BigComplex {
        BigComplex(BigFloat(1, precision: p), BigFloat(0, precision: p))
    }

    /// |re| + |im|: a norm within √2 of |z|, without a square root.
    var abs1: BigFloat { BigFloat.abs(re) + BigFloat.abs(im) }

    var lengthSquared: BigFloat { re * re + im * im }

    func rounded(toPrecision p: Int) -> BigComplex {
        BigComplex(re.rounded(toPrecision: p), im.rounded(toPrecision: p))
    }

    func scaled(by s: BigFloat) -> BigComplex { BigComplex(re * s, im * s) }
}

extension BigFloat {
    /// 2^e at the given precision (exact).
    static func powerOfTwo(_ e: Int, precision p: Int) -> BigFloat {
        BigFloat.pow(BigFloat(2, precision: p), e)
    }

    static func max(_ a: BigFloat, _ b: BigFloat) -> BigFloat { a >= b ? a : b }
}
