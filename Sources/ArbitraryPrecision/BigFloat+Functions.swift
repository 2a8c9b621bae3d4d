import CMPFR

// Named like swift-numerics' RealFunctions (static, e.g. `BigFloat.exp(x)`);
// results keep the argument's precision (the larger one for two arguments).

extension BigFloat {
    typealias UnaryFunction = (UnsafeMutablePointer<__mpfr_struct>?, UnsafePointer<__mpfr_struct>?, mpfr_rnd_t) -> Int32

    static func unary(_ x: BigFloat, _ f: UnaryFunction) -> BigFloat {
        computing(precision: x.precision) { _ = f($0, x.box.pointer, MPFR_RNDN) }
    }

    public static func sqrt(_ x: BigFloat) -> BigFloat { unary(x, mpfr_sqrt) }
    public static func exp(_ x: BigFloat) -> BigFloat { unary(x, mpfr_exp) }
    public static func expMinusOne(_ x: BigFloat) -> BigFloat { unary(x, mpfr_expm1) }
    public static func log(_ x: BigFloat) -> BigFloat { unary(x, mpfr_log) }
    public static func log(onePlus x: BigFloat) -> BigFloat { unary(x, mpfr_log1p) }
    public static func log10(_ x: BigFloat) -> BigFloat { unary(x, mpfr_log10) }
    public static func sin(_ x: BigFloat) -> BigFloat { unary(x, mpfr_sin) }
    public static func cos(_ x: BigFloat) -> BigFloat { unary(x, mpfr_cos) }
    public static func tan(_ x: BigFloat) -> BigFloat { unary(x, mpfr_tan) }
    public static func asin(_ x: BigFloat) -> BigFloat { unary(x, mpfr_asin) }
    public static func acos(_ x: BigFloat) -> BigFloat { unary(x, mpfr_acos) }
    public static func atan(_ x: BigFloat) -> BigFloat { unary(x, mpfr_atan) }
    public static func sinh(_ x: BigFloat) -> BigFloat { unary(x, mpfr_sinh) }
    public static func cosh(_ x: BigFloat) -> BigFloat { unary(x, mpfr_cosh) }
    public static func tanh(_ x: BigFloat) -> BigFloat { unary(x, mpfr_tanh) }
    public static func abs(_ x: BigFloat) -> BigFloat { unary(x, mpfr_abs) }

    public var magnitude: BigFloat { BigFloat.abs(self) }

    /// Angle of the point (x, y) in (-π, π].
    public static func atan2(y: BigFloat, x: BigFloat) -> BigFloat { binary(y, x, mpfr_atan2) }

    public static func hypot(_ x: BigFloat, _ y: BigFloat) -> BigFloat { binary(x, y, mpfr_hypot) }

    public static func pow(_ x: BigFloat, _ y: BigFloat) -> BigFloat { binary(x, y, mpfr_pow) }

    public static func pow(_ x: BigFloat, _ n: Int) -> BigFloat {
        computing(precision: x.precision) { mpfr_pow_si($0, x.box.pointer, n, MPFR_RNDN) }
    }

    /// sin and cos in one evaluation, cheaper than two separate calls.
    public static func sinCos(_ x: BigFloat) -> (sin: BigFloat, cos: BigFloat) {
        let s = MPFRBox(precision: x.precision), c = MPFRBox(precision: x.precision)
        mpfr_sin_cos(s.pointer, c.pointer, x.box.pointer, MPFR_RNDN)
        return (BigFloat(box: s), BigFloat(box: c))
    }

    /// sinh and cosh in one evaluation.
    public static func sinhCosh(_ x: BigFloat) -> (sinh: BigFloat, cosh: BigFloat) {
        let s = MPFRBox(precision: x.precision), c = MPFRBox(precision: x.precision)
        mpfr_sinh_cosh(s.pointer, c.pointer, x.box.pointer, MPFR_RNDN)
        return (BigFloat(box: s), BigFloat(box: c))
    }
}
