// # Algebra: from a Hamiltonian and dissipators to mean-field equations and stability matrices
//
// ```swift
// let N = Expr.symbol("N", [.positive])
// var alg = OperatorAlgebra()
// let a = alg.boson("a")
// let T = alg.spinEnsemble("T", site: "τ", size: N)
// let system = try OpenSystem(algebra: alg,
//     hamiltonian: w * a.creation * a.annihilation + g / Expr.sqrt(N) * (a.annihilation * T.plus + a.creation * T.minus),
//     dissipators: [.collective(a.annihilation, rate: kappa), .perSite(T.sitePlus, rate: up)])
// let mf = try system.meanField([a.annihilation], options: MeanFieldOptions(systemSize: N))
// let lin = try mf.linearize(variables: [...], about: [...])
// ```
//
// The steps, each a function a user can call and test on its own:
//
// 1. `OperatorAlgebra.normalOrder` / `commutator` / `anticommutator` / `adjoint`: read an
//    expression into operator words (`read`), restore the canonical order with the
//    commutation and anticommutation relations (`canonicalWord`, rules in
//    `OrderingRules.swift`), sink into a dictionary word → coefficient and distribute the
//    coefficients (`OperatorSum.collected`).
// 2. `OpenSystem.heisenberg`: dO/dt = i[H, O] + Σ_k γ_k (L_k† O L_k − ½{L_k† L_k, O}),
//    applied by a `HeisenbergGenerator` (H, L†⊗L and L†L read once into canonical words
//    whose coefficients are `DistributedSum`s: monomial → exact `GaussianRational`, N-powers kept
//    apart); per-site dissipators are evaluated on one representative site and summed
//    back (`sumOverSites`).
// 3. `OpenSystem.expectation` / `meanField`: expectation values become commuting symbols
//    (`ExpectationMap`), products factorise (first order) or are truncated at second-order
//    cumulants; intensive rescaling with the N-power of every term checked; the set of
//    equations is closed automatically, and the closure applied is recorded with them
//    (`Closure`: the rule and the products it replaced; product-state second moments).
// 4. `MeanFieldSystem.linearize`: Wirtinger derivatives about a point, in the user's
//    variable order, with the couplings to variables left out reported (`GradientAtPoint`:
//    each term's factors evaluated once, products vanishing at the point skipped).
//
// Rooms: Operators/ (modes, words, ordering, commutators), Lindblad/ (open systems and the
// Heisenberg generator), MeanField/ (expectation values, closure, N-scaling), Linearization/
// (stability matrices), SteadyState/ (closed-form steady states by triangularisation).
//
// Imports: Symbolic and ArbitraryPrecision. It reads no file and knows no paper.
