import ComplexModule
import RealModule

/// Complex number with MPFR parts. Operations round each part to nearest at
/// the larger of the operands' precisions.
public struct BigComplex: Sendable {
    public var re: BigFloat
    public var im: BigFloat

    public init(_ re: BigFloat, _ im: BigFloat) {
        self.re = re
        self.im = im
    }

    /// A real value; the zero imaginary part takes the real part's precision.
    public init(_ re: BigFloat) {
        self.init(re, BigFloat(0, precision: re.precision))
    }

    public init(_ c: Complex<Double>, precision: Int) {
        self.init(BigFloat(c.real, precision: precision), BigFloat(c.imaginary, precision: precision))
    }

    public init(_ z: GaussianRational, precision: Int) {
        self.init(BigFloat(z.re, precision: precision), BigFloat(z.im, precision: precision))
    }

    public static func i(precision: Int) -> BigComplex {
        BigComplex(BigFloat(0, precision: precision), BigFloat(1, precision: precision))
    }

    public var precision: Int { Swift.max(re.precision, im.precision) }

    public func toComplexDouble() -> Complex<Double> {
        Complex(re.toDouble(), im.toDouble())
    }

    public var conjugate: BigComplex { BigComplex(re, -im) }

    /// |z|, computed with hypot so it cannot overflow or lose the smaller part.
    public var abs: BigFloat { BigFloat.hypot(re, im) }

    /// Principal argument in (-π, π].
    public var argument: BigFloat { BigFloat.atan2(y: im, x: re) }

    public var isZero: Bool { re.isZero && im.isZero }
    public var isFinite: Bool { re.isFinite && im.isFinite }
}

extension BigComplex {
    public static func + (lhs: BigComplex, rhs: BigComplex) -> BigComplex {
        BigComplex(lhs.re + rhs.re, lhs.im + rhs.im)
    }

    public static func - (lhs: BigComplex, rhs: BigComplex) -> BigComplex {
        BigComplex(lhs.re - rhs.re, lhs.im - rhs.im)
    }

    public static prefix func - (z: BigComplex) -> BigComplex { BigComplex(-z.re, -z.im) }

    public static func * (lhs: BigComplex, rhs: BigComplex) -> BigComplex {
        BigComplex(lhs.re * rhs.re - lhs.im * rhs.im, lhs.re * rhs.im + lhs.im * rhs.re)
    }

    /// Textbook formula z·conj(w)/|w|²; MPFR's huge exponent range makes the
    /// scaling tricks needed for Double unnecessary. Division by zero gives
    /// non-finite parts rather than a trap.
    public static func / (lhs: BigComplex, rhs: BigComplex) -> BigComplex {
        let denominator = rhs.re * rhs.re + rhs.im * rhs.im
        let p = lhs * rhs.conjugate
        return BigComplex(p.re / denominator, p.im / denominator)
    }

    public static func += (lhs: inout BigComplex, rhs: BigComplex) { lhs = lhs + rhs }
    public static func -= (lhs: inout BigComplex, rhs: BigComplex) { lhs = lhs - rhs }
    public static func *= (lhs: inout BigComplex, rhs: BigComplex) { lhs = lhs * rhs }
    public static func /= (lhs: inout BigComplex, rhs: BigComplex) { lhs = lhs / rhs }
}

extension BigComplex: CustomStringConvertible {
    /// "a + bi" / "a - bi" with each part printed as `BigFloat.description`.
    public var description: String {
        im.sign < 0 ? "\(re) - \(-im)i" : "\(re) + \(im)i"
    }
}
