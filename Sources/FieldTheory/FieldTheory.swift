// # FieldTheory: Keldysh actions and what is derived from them
//
// Fields/ complex bosonic and Grassmann fields with independent bars, their components on
// the Schwinger–Keldysh contour (branches +, −) and after the rotations (cl/q for bosons,
// A4–A5 of paper 000; 1/2 for fermions, Larkin–Ovchinnikov, A6–A7). Action/ an action as a
// local Lagrangian density (a polynomial in field components and their time derivatives)
// plus non-local bilinear kernels (what integrating out a bath leaves), built from a
// Hamiltonian and Lindblad dissipators (`ContourAction`). Steps/ the named derivation steps
// (Keldysh rotation, Markovian bath integration, rotating frame, background field, Fourier
// transform, classical saddle point, quadratic fluctuations), each a function from an action
// to an action (or to equations) that records what it did (`DerivationRecord`, text and
// LaTeX). Kernels/ the quadratic kernel as a Keldysh ⊗ Nambu block matrix in frequency and
// its inverse, the Green's function.
//
// Conventions (paper 000 unless stated): ħ = 1; S = ∫dt L, Z = ∫D[…] e^{iS}; Fourier
// X(ω) = ∫dτ e^{iωτ} x(τ), x(τ) = ∫dω/2π e^{−iωτ} X(ω) (A12–A13), so i∂_t → ω on a field and
// −ω on a barred field. Lindblad dissipators γD[L] enter as −iγ(L₊L̄₋ − ½(L̄L)₊ − ½(L̄L)₋)
// (Sieberer, Buchhold and Diehl, Rep. Prog. Phys. 79, 096001).
//
// Imports: Algebra (operators of a model become fields), Symbolic, ArbitraryPrecision. Numerics
// and the application stand above it.
