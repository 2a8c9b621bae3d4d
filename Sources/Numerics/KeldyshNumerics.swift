// # KeldyshNumerics: numbers from expressions
//
// Compile/ expressions → tape (CSE) → Double, MPFR and native (C, compiled with clang)
// evaluators, and C/Swift source; Eigen/ (LAPACK zgeev/dgeev, MPFR Hessenberg QR with
// refinement, parametric eigenvalues); Roots/ (Brent, MPFR bracketing, Aberth polynomial roots,
// dogleg, MPFR Newton); Quadrature/ (Gauss–Kronrod, double exponential in MPFR); ODE/
// (Dormand–Prince 5 and 8); Identity/ (identities with integrals checked at random points:
// quadrature of integral nodes at two precisions, for `keldysh verify`); LinearAlgebra/, Support/.
//
// Imports: Symbolic and ArbitraryPrecision (and LAPACK, MPFR). It sees expressions, never
// operators, fields or model files. Every solver reports why it stopped.
