// Exact integers and rationals (GMP) and MPFR reals/complexes.
