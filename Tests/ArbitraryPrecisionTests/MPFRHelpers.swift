import CMPFR

/// Negates in place through the raw MPFR handle, exercising the mutable accessor.
func mpfrNegate(_ x: UnsafeMutablePointer<__mpfr_struct>) -> Int32 {
    mpfr_neg(x, x, MPFR_RNDN)
}
