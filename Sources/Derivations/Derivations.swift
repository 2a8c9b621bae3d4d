// # Derivations: the application
//
// Model/ the `.kd` model language (`Model.parse`, errors at file:line:column) and the
// derivation pipeline (`Model.derive`: mean field, linearisation); Verify/ derivation folders
// re-derived and compared with a paper's transcribed equations, step kinds registered in a
// `StepRegistry` (Verify/Steps); Jobs/ what each command does from a model file and its
// option texts (`threshold`, `scan`, `dynamics`, `derive`, `readExpression`, `codegen`);
// Output/ how each result is printed (text, LaTeX, JSON) and how an error is shown.
//
// Everything specific to one paper lives in its derivations/ folder as data (model file,
// transcriptions, step lines); nothing here names a paper.
//
// Imports: every library target (Analysis, Algebra, KeldyshNumerics, Symbolic,
// ArbitraryPrecision, OutputFormats). Only the `keldysh` executable imports it.
