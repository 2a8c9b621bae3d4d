// # ArbitraryPrecision: exact and high-precision numbers
//
// `BigInt` and `BigRational` (GMP, with a machine-integer fast path), `GaussianRational`
// (exact Q(i)), `BigFloat` and `BigComplex` (MPFR, copy-on-write over one `mpfr_t`), and
// `SplitMix64`, the deterministic generator of every random test point.
//
// Imports: the C libraries GMP and MPFR (and swift-numerics' Complex). Nothing of KeldyshKit:
// every other target stands on it.
