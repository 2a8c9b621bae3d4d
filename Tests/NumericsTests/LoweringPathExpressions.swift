import Symbolic

/// Expressions covering every lowering path of the compiler: real and complex arithmetic,
/// integer, half-integer, rational and complex powers, elementary functions of real and of
/// complex arguments, conj/re/im/abs/sign (x real, y positive, z complex). Shared by the tape,
/// native and ball evaluators' tests.
enum LoweringPathExpressions {
    static func make(_ x: Symbol, _ y: Symbol, _ z: Symbol) -> [Expr] {
        let (x, y, z) = (x.expr, y.expr, z.expr)
        return [
            Expr.sin(x) * Expr.exp(y) + Expr.pow(x + y, Expr.integer(3)) - 1 / (Expr.pow(x, .two) + 1) + Expr.sqrt(y),
            Expr.exp(Expr.i * x) * Expr.pow(z, .two) + Expr.log(z) + Expr.sqrt(z) + Expr.atan(z) + Expr.tanh(z),
            Expr.cos(z) / (1 + Expr.pow(z, Expr.integer(-2))) + Expr.abs(z) + Expr.conj(z) * z + Expr.re(z) * Expr.im(z),
            Expr.pow(y, x) + Expr.pow(z, z) + Expr.pow(z, Expr.rational(1, 3)) + Expr.pow(x, Expr.rational(3, 2)),
            Expr.sinh(z) * Expr.cosh(x) - Expr.tan(z) + Expr.log(x) + Expr.pi * Expr.sqrt(x) / Expr.pow(y, Expr.rational(-5, 2)),
            Expr.pow(x - Expr.i * y, Expr.integer(-3)) + Expr.sin(z) * Expr.cos(Expr.conj(z)) + Expr.abs(x) * Expr.sign(x),
        ]
    }
}
