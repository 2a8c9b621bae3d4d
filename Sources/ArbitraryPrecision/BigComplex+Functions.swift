// Principal branches, as in swift-numerics' Complex.

extension BigComplex {
    /// e^(a+bi) = e^a (cos b + i sin b).
    public static func exp(_ z: BigComplex) -> BigComplex {
        let p = z.precision
        let r = BigFloat.exp(z.re.rounded(toPrecision: p))
        let (s, c) = BigFloat.sinCos(z.im.rounded(toPrecision: p))
        return BigComplex(r * c, r * s)
    }

    /// log|z| + i arg z; arg in (-π, π].
    public static func log(_ z: BigComplex) -> BigComplex {
        BigComplex(BigFloat.log(z.abs), z.argument)
    }

    /// Principal square root (non-negative real part). Uses the form that
    /// avoids cancellation: the larger of the two parts comes from
    /// sqrt((|z| + |a|)/2) and the other from b / (2·that).
    public static func sqrt(_ z: BigComplex) -> BigComplex {
        let p = z.precision
        let zero = BigFloat(0, precision: p)
        if z.isZero { return BigComplex(zero, zero) }
        let two = BigFloat(2, precision: p)
        let t = BigFloat.sqrt((z.abs + BigFloat.abs(z.re)) / two)
        if z.re.sign >= 0 {
            return BigComplex(t, z.im / (two * t))
        }
        let imaginary = z.im.sign < 0 ? -t : t
        return BigComplex(BigFloat.abs(z.im) / (two * t), imaginary)
    }

    /// sin(a+bi) = sin a cosh b + i cos a sinh b.
    public static func sin(_ z: BigComplex) -> BigComplex {
        let p = z.precision
        let (s, c) = BigFloat.sinCos(z.re.rounded(toPrecision: p))
        let (sh, ch) = BigFloat.sinhCosh(z.im.rounded(toPrecision: p))
        return BigComplex(s * ch, c * sh)
    }

    /// cos(a+bi) = cos a cosh b - i sin a sinh b.
    public static func cos(_ z: BigComplex) -> BigComplex {
        let p = z.precision
        let (s, c) = BigFloat.sinCos(z.re.rounded(toPrecision: p))
        let (sh, ch) = BigFloat.sinhCosh(z.im.rounded(toPrecision: p))
        return BigComplex(c * ch, -(s * sh))
    }

    /// tanh(a+bi) = (sinh 2a + i sin 2b) / (cosh 2a + cos 2b).
    public static func tanh(_ z: BigComplex) -> BigComplex {
        let p = z.precision
        let a2 = z.re.rounded(toPrecision: p) + z.re
        let b2 = z.im.rounded(toPrecision: p) + z.im
        let (sh, ch) = BigFloat.sinhCosh(a2)
        let (s, c) = BigFloat.sinCos(b2)
        let d = ch + c
        return BigComplex(sh / d, s / d)
    }

    /// zⁿ by repeated squaring; negative n gives 1/z^|n|.
    public static func pow(_ z: BigComplex, _ n: Int) -> BigComplex {
        let p = z.precision
        var result = BigComplex(BigFloat(1, precision: p), BigFloat(0, precision: p))
        var base = z
        var e = n.magnitude
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return n < 0 ? BigComplex(BigFloat(1, precision: p), BigFloat(0, precision: p)) / result : result
    }
}
