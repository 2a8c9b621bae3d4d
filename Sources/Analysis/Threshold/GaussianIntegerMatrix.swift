import ArbitraryPrecision
import Symbolic

/// A Gaussian integer a + bi: the entries of a stability matrix scaled by the common
/// denominator of its rational parts and evaluated at an integer node of the varied parameter.
struct GaussianInteger: Equatable, CommutativeRing {
    var re: BigInt
    var im: BigInt

    static let zero = GaussianInteger(re: .zero, im: .zero)
    static let one = GaussianInteger(re: .one, im: .zero)

    var isZero: Bool { re.isZero && im.isZero }

    static func + (a: Self, b: Self) -> Self { Self(re: a.re + b.re, im: a.im + b.im) }
    static func - (a: Self, b: Self) -> Self { Self(re: a.re - b.re, im: a.im - b.im) }
    static prefix func - (a: Self) -> Self { Self(re: -a.re, im: -a.im) }
    static func * (a: Self, b: Self) -> Self {
        if a.im.isZero && b.im.isZero { return Self(re: a.re * b.re, im: .zero) }
        return Self(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re)
    }
}
