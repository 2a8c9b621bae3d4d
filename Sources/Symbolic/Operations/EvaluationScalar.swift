import ArbitraryPrecision
import ComplexModule
import RealModule

/// The arithmetic the point evaluator needs, for Complex<Double> and for MPFR BigComplex.
/// `precision` is in bits (ignored by Complex<Double>).
protocol EvaluationScalar: BumpArithmetic {
    static func exact(_ q: GaussianRational, precision: Int) -> Self
    static func pi(precision: Int) -> Self
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static func power(_ z: Self, _ n: Int) -> Self
    static func power(_ z: Self, _ w: Self) -> Self
    static func squareRoot(_ z: Self) -> Self
    static func exp(_ z: Self) -> Self
    static func log(_ z: Self) -> Self
    static func sin(_ z: Self) -> Self
    static func cos(_ z: Self) -> Self
    static func tan(_ z: Self) -> Self
    static func sinh(_ z: Self) -> Self
    static func cosh(_ z: Self) -> Self
    static func tanh(_ z: Self) -> Self
    static func atan(_ z: Self) -> Self
    var conjugateValue: Self { get }
    var realPart: Self { get }
    var imaginaryPart: Self { get }
    var modulus: Self { get }
    var isFiniteValue: Bool { get }
    var isZeroValue: Bool { get }
    /// The real part when the imaginary part is negligible, for θ, sign and real |x|.
    var realValue: Double? { get }
    /// |z| as a Double, for comparing sizes.
    var magnitudeEstimate: Double { get }
    /// To and from MPFR, for the quadrature hook (`IntegralEvaluator`), which works in MPFR.
    static func from(_ z: BigComplex) -> Self
    var bigComplexValue: BigComplex { get }
    /// The value as an MPFR real when its imaginary part is exactly 0 (MPFR scalars only), and
    /// back: the real fast path of `RandomSmoothFunction`, which quadrature calls at every node.
    var exactlyReal: BigFloat? { get }
    static func real(_ x: BigFloat) -> Self
}

extension EvaluationScalar {
    static func integer(_ n: Int, precision: Int) -> Self { exact(GaussianRational(n), precision: precision) }
}

extension Complex<Double>: BumpArithmetic, EvaluationScalar {
    static func exact(_ q: GaussianRational, precision: Int) -> Complex<Double> {
        Complex(q.re.toDouble(), q.im.toDouble())
    }
    static func pi(precision: Int) -> Complex<Double> { Complex(Double.pi, 0) }
    /// Small integer powers by repeated squaring, exact where the arithmetic is
    /// (swift-numerics' pow goes through exp and log).
    static func power(_ z: Complex<Double>, _ n: Int) -> Complex<Double> {
        guard Swift.abs(n) <= 1024 else { return .pow(z, n) }
        var result = Complex<Double>(1, 0), base = z, e = n.magnitude
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return n < 0 ? Complex(1, 0) / result : result
    }
    static func power(_ z: Complex<Double>, _ w: Complex<Double>) -> Complex<Double> {
        if w.imaginary == 0, z.imaginary == 0, z.real > 0 { return Complex(Double.pow(z.real, w.real), 0) }
        return .pow(z, w)
    }
    static func squareRoot(_ z: Complex<Double>) -> Complex<Double> { .sqrt(z) }
    var conjugateValue: Complex<Double> { conjugate }
    var realPart: Complex<Double> { Complex(real, 0) }
    var imaginaryPart: Complex<Double> { Complex(imaginary, 0) }
    var modulus: Complex<Double> { Complex(length, 0) }
    var isFiniteValue: Bool { isFinite }
    var isZeroValue: Bool { isZero }
    var realValue: Double? { Swift.abs(imaginary) <= 1e-12 * Swift.max(1, Swift.abs(real)) ? real : nil }
    var magnitudeEstimate: Double { length }
    static func from(_ z: BigComplex) -> Complex<Double> { z.toComplexDouble() }
    var bigComplexValue: BigComplex { BigComplex(self, precision: 53) }
    var exactlyReal: BigFloat? { nil }
    static func real(_ x: BigFloat) -> Complex<Double> { Complex(x.toDouble(), 0) }
}

extension BigComplex: BumpArithmetic, EvaluationScalar {
    static func exact(_ q: GaussianRational, precision: Int) -> BigComplex { BigComplex(q, precision: precision) }
    static func pi(precision: Int) -> BigComplex { BigComplex(BigFloat.pi(precision: precision)) }
    static func power(_ z: BigComplex, _ n: Int) -> BigComplex { pow(z, n) }
    static func power(_ z: BigComplex, _ w: BigComplex) -> BigComplex {
        if w.im.isZero, z.im.isZero, z.re.sign > 0 { return BigComplex(BigFloat.pow(z.re, w.re)) }
        if z.isZero { return z }
        return exp(w * log(z))
    }
    static func squareRoot(_ z: BigComplex) -> BigComplex { sqrt(z) }
    static func tan(_ z: BigComplex) -> BigComplex {
        z.im.isZero ? BigComplex(BigFloat.tan(z.re)) : sin(z) / cos(z)
    }
    static func sinh(_ z: BigComplex) -> BigComplex {
        if z.im.isZero { return BigComplex(BigFloat.sinh(z.re)) }
        // sinh(a+bi) = sinh a cos b + i cosh a sin b.
        let (sh, ch) = BigFloat.sinhCosh(z.re)
        let (s, c) = BigFloat.sinCos(z.im)
        return BigComplex(sh * c, ch * s)
    }
    static func cosh(_ z: BigComplex) -> BigComplex {
        if z.im.isZero { return BigComplex(BigFloat.cosh(z.re)) }
        // cosh(a+bi) = cosh a cos b + i sinh a sin b.
        let (sh, ch) = BigFloat.sinhCosh(z.re)
        let (s, c) = BigFloat.sinCos(z.im)
        return BigComplex(ch * c, sh * s)
    }
    static func atan(_ z: BigComplex) -> BigComplex {
        if z.im.isZero { return BigComplex(BigFloat.atan(z.re)) }
        // atan z = (i/2) (log(1 − iz) − log(1 + iz)).
        let p = z.precision
        let one = BigComplex(BigFloat(1, precision: p))
        let i = BigComplex.i(precision: p)
        let half = BigComplex(BigFloat(1, precision: p) / BigFloat(2, precision: p))
        return i * half * (log(one - i * z) - log(one + i * z))
    }
    var conjugateValue: BigComplex { conjugate }
    var realPart: BigComplex { BigComplex(re) }
    var imaginaryPart: BigComplex { BigComplex(im) }
    var modulus: BigComplex { BigComplex(abs) }
    var isFiniteValue: Bool { isFinite }
    var isZeroValue: Bool { isZero }
    var realValue: Double? {
        if im.isZero { return re.toDouble() }
        // Negligible: below the working precision relative to the real part.
        let scale = Swift.max(1, Swift.abs(re.toDouble()))
        return Swift.abs(im.toDouble()) <= scale * Double.pow(2, -Double(precision) / 2) ? re.toDouble() : nil
    }
    var magnitudeEstimate: Double { abs.toDouble() }
    static func from(_ z: BigComplex) -> BigComplex { z }
    var bigComplexValue: BigComplex { self }
    var exactlyReal: BigFloat? { im.isZero ? re : nil }
    static func real(_ x: BigFloat) -> BigComplex { BigComplex(x) }
}
