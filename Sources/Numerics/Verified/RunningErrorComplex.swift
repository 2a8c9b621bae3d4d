import ArbitraryPrecision

/// A complex MPFR value at precision p (round to nearest) with a rigorous bound of its distance
/// to the exact value it stands for, counted in units of 2^−p and kept as a Double rounded up
/// (every bound operation takes `nextUp`, which covers IEEE's correctly rounded result on
/// nonnegative operands). Ball arithmetic with MPFR midpoints, as Arb does it, for inner loops
/// where exact rationals cost too much (ψ's recurrence and Stirling sum); a value ends as a
/// `ComplexBall` through `ball`.
///
/// Every MPFR operation here rounds once at precision ≥ p: |fl(x) − x| ≤ 2^−p|x| ≤ 2·2^−p|fl(x)|,
/// so a rounding costs 2|fl(x)| units. Second-order terms E_a·E_b·2^−p are bounded with 2^−16
/// for 2^−p (p ≥ 16), which keeps them finite in Double at any precision.
struct RunningErrorComplex {
    var re: BigFloat
    var im: BigFloat
    /// |value − exact| ≤ error·2^−p.
    var error: Double

    static func up(_ x: Double) -> Double { x.nextUp }

    /// An upper bound of |x|: the nearest Double plus one ulp (beyond Double's range: ∞, and the
    /// caller refuses the result).
    static func magnitude(_ x: BigFloat) -> Double { Swift.abs(x.toDouble()).nextUp }

    /// A lower bound of |x| (0 when x underflows Double).
    static func magnitudeBelow(_ x: BigFloat) -> Double { Swift.max(0, Swift.abs(x.toDouble()).nextDown) }

    /// |re| + |im| ≥ |value| from above.
    var l1: Double { Self.up(Self.magnitude(re) + Self.magnitude(im)) }

    /// Two roundings' worth: 2(|re| + |im|).
    var roundingUnits: Double { Self.up(2 * l1) }

    static let secondOrder = 1.0 / 65536

    static func + (a: RunningErrorComplex, b: RunningErrorComplex) -> RunningErrorComplex {
        var s = RunningErrorComplex(re: a.re + b.re, im: a.im + b.im, error: 0)
        s.error = up(up(a.error + b.error) + s.roundingUnits)
        return s
    }

    static func - (a: RunningErrorComplex, b: RunningErrorComplex) -> RunningErrorComplex {
        var s = RunningErrorComplex(re: a.re - b.re, im: a.im - b.im, error: 0)
        s.error = up(up(a.error + b.error) + s.roundingUnits)
        return s
    }

    /// (ar br − ai bi) + i(ar bi + ai br), three roundings per part (2|·| units each), plus
    /// |a b − ma mb| ≤ |ma|E_b + |mb|E_a + E_a E_b 2^−p.
    static func * (a: RunningErrorComplex, b: RunningErrorComplex) -> RunningErrorComplex {
        let t1 = a.re * b.re, t2 = a.im * b.im, t3 = a.re * b.im, t4 = a.im * b.re
        let p = RunningErrorComplex(re: t1 - t2, im: t3 + t4, error: 0)
        let rounding = up(2 * up(up(up(magnitude(t1) + magnitude(t2)) + up(magnitude(t3) + magnitude(t4))) + p.l1))
        let propagation = up(up(up(a.l1 * b.error) + up(b.l1 * a.error)) + up(up(a.error * b.error) * secondOrder))
        return RunningErrorComplex(re: p.re, im: p.im, error: up(rounding + propagation))
    }

    /// The value times a real c with error E_c units: one rounding per part.
    func scaled(by c: BigFloat, error ec: Double) -> RunningErrorComplex {
        var s = RunningErrorComplex(re: re * c, im: im * c, error: 0)
        let mc = Self.magnitude(c)
        let propagation = Self.up(Self.up(Self.up(mc * error) + Self.up(l1 * ec)) + Self.up(Self.up(error * ec) * Self.secondOrder))
        s.error = Self.up(propagation + s.roundingUnits)
        return s
    }

    /// The value plus a real c with error E_c units.
    func adding(real c: BigFloat, error ec: Double) -> RunningErrorComplex {
        var s = RunningErrorComplex(re: re + c, im: im, error: 0)
        s.error = Self.up(Self.up(error + ec) + Self.up(2 * Self.magnitude(s.re)))
        return s
    }

    /// 1/m as (re, −im)/(re² + im²): the norm n = |m|²(1 + η), |η| ≤ 2.01·2^−p, and each
    /// quotient adds one rounding, so each part is within 4·2^−p of its exact value relative to
    /// |1/m| — 8·(|re| + |im|) units of the result cover both parts. The input's error e moves
    /// 1/m by |e|/(|m|(|m| − |e|)), with |m| ≥ max(|re|, |im|); nil when that is not positive.
    var reciprocal: RunningErrorComplex? {
        let norm = re * re + im * im
        guard !norm.isZero else { return nil }
        var v = RunningErrorComplex(re: re / norm, im: -im / norm, error: 0)
        var e = Self.up(8 * v.l1)
        if error > 0 {
            let lower = Swift.max(Self.magnitudeBelow(re), Self.magnitudeBelow(im))
            let gap = (lower - Self.up(error * Self.secondOrder)).nextDown
            guard gap > 0 else { return nil }
            let denominator = (lower * gap).nextDown
            guard denominator > 0 else { return nil }
            e = Self.up(e + Self.up(error / denominator))
        }
        v.error = e
        return v.error.isFinite ? v : nil
    }

    /// The ball of the value: the exact MPFR center, radius error·2^−p (nil when the bound
    /// overflowed Double).
    func ball(precision p: Int) -> ComplexBall? {
        guard error.isFinite, let r = re.toBigRational(), let i = im.toBigRational() else { return nil }
        return ComplexBall(GaussianRational(r, i), radius: ComplexBall.roundUp(BigRational(exactly: error) * RationalBounds.twoToMinus(p)))
    }
}
