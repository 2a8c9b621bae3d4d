import ArbitraryPrecision

/// A complex quantity on the tails |ν| ≥ R as two `TailBound`s, its real and imaginary parts,
/// for arithmetic done outside a tape (the closed forms of a convolution, Keldysh blocks).
/// Products and quotients expand into the parts' real operations, as a tape would, so every
/// bound is `TailBound`'s; a divisor keeps a lower bound through c² + d² (nonnegative squares).
public struct TailComplex: Sendable {
    public var re: TailBound
    public var im: TailBound

    public init(re: TailBound, im: TailBound) {
        self.re = re
        self.im = im
    }

    /// A constant complex ball (order 0 parts).
    public init(_ z: ComplexBall, log2R: Int, precision: Int = 64) throws(TailRefusal) {
        guard let p = RealBall.parts(of: z, precision: precision) else {
            throw TailRefusal(op: "constant", reason: "the ball \(z) is not finite")
        }
        re = try .constant(p.re, log2R: log2R)
        im = try .constant(p.im, log2R: log2R)
    }

    public static func zero(log2R: Int) throws(TailRefusal) -> TailComplex {
        TailComplex(re: try .zero(log2R: log2R), im: try .zero(log2R: log2R))
    }

    public static func + (a: TailComplex, b: TailComplex) throws(TailRefusal) -> TailComplex {
        TailComplex(re: try a.re + b.re, im: try a.im + b.im)
    }

    public static func - (a: TailComplex, b: TailComplex) throws(TailRefusal) -> TailComplex {
        TailComplex(re: try a.re - b.re, im: try a.im - b.im)
    }

    public static prefix func - (a: TailComplex) -> TailComplex { TailComplex(re: -a.re, im: -a.im) }

    /// (a + ib)(c + id) = (ac − bd) + i(ad + bc).
    public static func * (x: TailComplex, y: TailComplex) throws(TailRefusal) -> TailComplex {
        TailComplex(re: try x.re * y.re - x.im * y.im, im: try x.re * y.im + x.im * y.re)
    }

    /// x·i.
    public var timesI: TailComplex { TailComplex(re: -im, im: re) }

    /// 1/(c + id) = (c − id)/(c² + d²); refused where c² + d² has no positive lower bound.
    public var reciprocal: TailComplex {
        get throws(TailRefusal) {
            let n = try re.squared() + im.squared()
            return TailComplex(re: try re / n, im: try (-im) / n)
        }
    }

    /// |re + i·im|.
    public var modulus: TailBound {
        get throws(TailRefusal) { try .modulus(re: re, im: im) }
    }
}
