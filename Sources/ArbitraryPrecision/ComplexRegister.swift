import CMPFR

/// A complex number held in two mpfr registers, for inner loops that must not allocate
/// (BigComplex allocates a result per operation). Owned by one computation, never shared.
final class ComplexRegister {
    let re: MPFRBox
    let im: MPFRBox

    init(precision: Int) {
        re = MPFRBox(precision: precision)
        im = MPFRBox(precision: precision)
    }

    var r: UnsafeMutablePointer<__mpfr_struct> { re.pointer }
    var i: UnsafeMutablePointer<__mpfr_struct> { im.pointer }

    func set(_ z: BigComplex) {
        z.re.withUnsafeMPFR { _ = mpfr_set(r, $0, MPFR_RNDN) }
        z.im.withUnsafeMPFR { _ = mpfr_set(i, $0, MPFR_RNDN) }
    }

    func set(_ z: ComplexRegister) {
        mpfr_set(r, z.r, MPFR_RNDN)
        mpfr_set(i, z.i, MPFR_RNDN)
    }

    /// self = a·b; `self` may be `a` or `b` (the parts are formed in `scratch` first).
    func setProduct(_ a: ComplexRegister, _ b: ComplexRegister, scratch: ComplexRegister) {
        mpfr_fmms(scratch.r, a.r, b.r, a.i, b.i, MPFR_RNDN)
        mpfr_fmma(scratch.i, a.r, b.i, a.i, b.r, MPFR_RNDN)
        mpfr_swap(r, scratch.r)
        mpfr_swap(i, scratch.i)
    }

    /// self = 1/a, by a/|a|² (a ≠ 0); `self` may be `a`.
    func setReciprocal(_ a: ComplexRegister, scratch: ComplexRegister) {
        mpfr_fmma(scratch.r, a.r, a.r, a.i, a.i, MPFR_RNDN)
        mpfr_div(i, a.i, scratch.r, MPFR_RNDN)
        mpfr_neg(i, i, MPFR_RNDN)
        mpfr_div(r, a.r, scratch.r, MPFR_RNDN)
    }

    /// self = a/b (b ≠ 0); `self` may be `a` or `b`.
    func setQuotient(_ a: ComplexRegister, _ b: ComplexRegister, scratch: ComplexRegister, norm: MPFRBox) {
        mpfr_fmma(norm.pointer, b.r, b.r, b.i, b.i, MPFR_RNDN)
        mpfr_fmma(scratch.r, a.r, b.r, a.i, b.i, MPFR_RNDN)
        mpfr_fmms(scratch.i, a.i, b.r, a.r, b.i, MPFR_RNDN)
        mpfr_div(r, scratch.r, norm.pointer, MPFR_RNDN)
        mpfr_div(i, scratch.i, norm.pointer, MPFR_RNDN)
    }

    func add(_ a: ComplexRegister) {
        mpfr_add(r, r, a.r, MPFR_RNDN)
        mpfr_add(i, i, a.i, MPFR_RNDN)
    }

    func subtract(_ a: ComplexRegister) {
        mpfr_sub(r, r, a.r, MPFR_RNDN)
        mpfr_sub(i, i, a.i, MPFR_RNDN)
    }

    /// The value as a BigComplex rounded to `precision` bits.
    func value(precision: Int) -> BigComplex {
        let x = BigFloat.computing(precision: precision) { _ = mpfr_set($0, r, MPFR_RNDN) }
        let y = BigFloat.computing(precision: precision) { _ = mpfr_set($0, i, MPFR_RNDN) }
        return BigComplex(x, y)
    }
}
