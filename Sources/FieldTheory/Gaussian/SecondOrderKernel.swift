import Symbolic

/// The kernel of boson fluctuations that the fermions' −i tr ln leaves at second order (paper
/// 000 B9–B15), in a steady state. The fermion kernel changes by δ(t) = M_x x(t) + M_y y(t) +
/// … (local in time, constant Keldysh ⊗ Nambu matrices M, fields x barred: x(t) =
/// ∫dω/2π e^{+iωt}X(ω); y unbarred: y(t) = ∫dω/2π e^{−iωt}Y(ω), A13), G(t − t′) = ∫dν/2π
/// e^{−iν(t−t′)}G(ν). The term (i/2) tr(GδGδ) of −i tr ln(K + δ) (`TraceLogExpansion`) then
/// holds ∫dω/2π C(ω) X(ω)Y(ω) with
///
///     C(ω) = i ∫dν/2π tr[G(ν) M_y G(ν − ω) M_x]
///
/// (the two orderings of the vertices in the trace are equal by cyclicity, which cancels the ½;
/// the time integrals at the two vertices set the outgoing frequency ν − ω). Only the fields'
/// own Fourier conventions enter; the convention of the convolution is the one of B15,
/// ∫dν G(ν)G(ν − ω) — checked against a discrete contour in the tests.
public enum SecondOrderKernel {
    /// tr[G(ν) M_y G(ν − ω) M_x], `propagator(ν)` the Keldysh ⊗ Nambu G at a frequency.
    public static func integrand(propagator: (Expr) -> Matrix, barredVertex mx: Matrix, vertex my: Matrix,
                                 nu: Expr, omega: Expr) -> Expr {
        let product = propagator(nu) * my * propagator(nu - omega) * mx
        return distribute(product.trace)
    }

    /// C(ω) = i ∫dν/2π tr[G(ν) M_y G(ν − ω) M_x].
    public static func coefficient(propagator: (Expr) -> Matrix, barredVertex mx: Matrix, vertex my: Matrix,
                                   nu: Symbol, omega: Expr) -> Expr {
        let body = Expr.i * integrand(propagator: propagator, barredVertex: mx, vertex: my, nu: .symbol(nu), omega: omega)
            / (2 * Expr.pi)
        return Expr.integral(body, nu, from: Expr.neg(Expr.infinity), to: Expr.infinity)
    }
}
