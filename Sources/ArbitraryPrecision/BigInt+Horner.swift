import CGMP

// Horner evaluation of integer polynomials at dyadic and rational points, scaled to stay in
// ℤ, in one GMP accumulator: root isolation, refinement and sign proofs evaluate a
// polynomial at hundreds of points, and the operator route allocates a fresh mpz for every
// intermediate product and sum.
extension BigInt {
    /// 2^(k·n)·p(u/2^k) for p = Σ aᵢ xⁱ (`coefficients` lowest degree first, n = degree), k ≥ 0.
    public static func dyadicHorner(_ coefficients: [BigInt], numerator u: BigInt, exponent k: Int) -> BigInt {
        precondition(k >= 0, "dyadicHorner needs a non-negative exponent")
        let n = coefficients.count - 1
        if n < 0 { return .zero }
        if n == 0 { return coefficients[0] }
        let acc = MPZBox(), term = MPZBox()
        coefficients[n].withMPZ { __gmpz_set(acc.pointer, $0) }
        u.withMPZ { x in
            for i in stride(from: n - 1, through: 0, by: -1) {
                __gmpz_mul(acc.pointer, acc.pointer, x)
                if coefficients[i].isZero { continue }
                coefficients[i].withMPZ { __gmpz_mul_2exp(term.pointer, $0, mp_bitcnt_t(k * (n - i))) }
                __gmpz_add(acc.pointer, acc.pointer, term.pointer)
            }
        }
        return BigInt(normalizing: acc)
    }

    /// vⁿ·p(u/v) for p = Σ aᵢ xⁱ (`coefficients` lowest degree first, n = degree); its sign is
    /// the sign of p(u/v) when v > 0.
    public static func rationalHorner(_ coefficients: [BigInt], numerator u: BigInt, denominator v: BigInt) -> BigInt {
        let n = coefficients.count - 1
        if n < 0 { return .zero }
        if n == 0 { return coefficients[0] }
        let acc = MPZBox(), power = MPZBox(), term = MPZBox()
        coefficients[n].withMPZ { __gmpz_set(acc.pointer, $0) }
        __gmpz_set_ui(power.pointer, 1)
        u.withMPZ { x in
            v.withMPZ { y in
                for i in stride(from: n - 1, through: 0, by: -1) {
                    __gmpz_mul(acc.pointer, acc.pointer, x)
                    __gmpz_mul(power.pointer, power.pointer, y)
                    if coefficients[i].isZero { continue }
                    coefficients[i].withMPZ { __gmpz_mul(term.pointer, $0, power.pointer) }
                    __gmpz_add(acc.pointer, acc.pointer, term.pointer)
                }
            }
        }
        return BigInt(normalizing: acc)
    }
}
