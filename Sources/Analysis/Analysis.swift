// # Analysis: one entry point per job
//
// `findThreshold` (Threshold/: certified crossings by exact elimination, or MPFR bracketing,
// with the fallback between them decided here), `scan` (Scan/: stability or dynamical phase
// over a grid, streamed to disk, sharded; the characteristic-polynomial route with its zgeev
// fallback), `integrate` (Dynamics/: mean-field dynamics and its classification),
// `cumulantGrowth` (Cumulants/: second-order cumulant dynamics at several N, t_E). Each takes a
// typed request and returns a typed result with the notes a user should see; Input/ holds what
// the requests are made of (stability problems, grid axes, assignments) and the memo of
// symbolic preparation.
//
// Imports: Algebra (mean-field systems), KeldyshNumerics, Symbolic, ArbitraryPrecision,
// OutputFormats. It reads no model file and parses no command line: the application does.
