// Derivation benchmark (issue 4): Appendix A of paper 003 from the model, i.e. the model
// file of Eqs. (1)–(2) parsed, the first-order mean-field equations (A1) derived (Heisenberg
// equations with the Lindblad terms, per-site dissipators summed back, expectation values
// factorised, intensive rescaling in N, closure), and the 6×6 stability matrix (A2) about
// the normal state. The same derivation in SymPy (sympy.physics.quantum) is
// Benchmarks/peers/derive_sympy.py; Benchmarks/run-derive.sh runs both side by side.
//
// Usage: DeriveBenchmark MODEL.kd [repetitions] [phases|print]   (default 200; "phases" also
// prints the median time of parsing, mean field, and mean field + linearisation; "print" prints
// the derivation as text and JSON, to check that a faster version derives the same result)
// Prints one JSON object: the first (cold) derivation and the median/min of the repetitions
// (warm: the expression store already holds the intermediate expressions).
import Algebra
import Derivations
import Foundation
import Symbolic
#if canImport(Glibc)
import Glibc
#endif

@inline(never) func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let arguments = CommandLine.arguments
guard arguments.count > 1, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: DeriveBenchmark MODEL.kd [repetitions]\n".utf8))
    exit(2)
}
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200

/// One complete derivation of (A1) and (A2); returns the number of nonzero entries of A2.
func derive() throws -> Int {
    let model = try Model.parse(text, file: arguments[1])
    let d = try model.derive(linearize: true)
    guard d.meanField.equations.count == 5, let lin = d.linearization else { fatalError("unexpected derivation") }
    return lin.matrix.joined().filter { !$0.isZero }.count
}

let t0 = now()
let nonzero = try derive()
let cold = now() - t0
var times: [Double] = []
for _ in 0..<repetitions {
    let t = now()
    _ = try derive()
    times.append(now() - t)
}
times.sort()
if arguments.count > 3 && arguments[3] == "print" {
    let d = try Model.parse(text, file: arguments[1]).derive(linearize: true)
    print(d.rendered(.text))
    print(d.rendered(.json))
    for e in d.meanField.equations { print(e.variable, "subleading:", e.subleading) }
    if let lin = d.linearization { print("residuals:", lin.residuals, "omitted:", lin.omittedCouplings) }
}
if arguments.count > 3 && arguments[3] == "phases" {
    // Where the time goes (warm): parsing, mean field, linearisation.
    var tp: [Double] = [], tm: [Double] = [], tl: [Double] = []
    for _ in 0..<repetitions {
        var t = now()
        let model = try Model.parse(text, file: arguments[1])
        tp.append(now() - t); t = now()
        let d = try model.derive(linearize: false)
        tm.append(now() - t)
        // A model of its own: the algebra's word cache must not be warm from the line above.
        let fresh = try Model.parse(text, file: arguments[1])
        t = now()
        _ = try fresh.derive(linearize: true)
        tl.append(now() - t)
        _ = d
    }
    for (name, v) in [("parse", tp), ("meanfield", tm), ("meanfield+linearize", tl)] {
        print(name, v.sorted()[v.count / 2])
    }
}
print("{\"system\": \"keldyshkit\", \"equations\": 5, \"matrixNonzero\": \(nonzero), \"cold_s\": \(cold), "
      + "\"median_s\": \(times[times.count / 2]), \"min_s\": \(times[0]), \"repetitions\": \(repetitions)}")
