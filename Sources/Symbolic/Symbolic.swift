// # Symbolic: one representation of an expression, shared by every layer
//
// Core/ hash-consed canonical expressions (`Expr`: sums, products, powers, functions, binders)
// with meaning on symbols (assumptions, Grassmann parity, operators); Parse/ and Print/ (text,
// LaTeX); Operations/ (substitute, derivatives, evaluate, numerical identity, with random smooth
// stand-ins for user functions and a hook through which KeldyshNumerics supplies quadrature);
// Rewrite/ (rules, wildcards, combinators); Polynomial/ and RationalFunctions/ (sparse and dense
// kernels, GCDs, resultants, real roots); Matrix/ (determinants, inverses, block matrices).
//
// Imports: ArbitraryPrecision (and swift-numerics, swift-collections). It knows nothing of
// operators' algebra, fields, numerics or files: those layers add meaning as properties of
// symbols and as passes of their own.
