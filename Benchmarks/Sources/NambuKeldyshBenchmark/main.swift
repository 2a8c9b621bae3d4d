// Nambu ⊗ Keldysh benchmark (issue 11): the 4×4 G0⁻¹(ω) of paper 000 (Eq. 7 at the saddle
// point, single-frequency ansatz) inverted and every entry brought to a normal form (one
// cancelled fraction over Q(i)); the peers are Benchmarks/peers/nambu_keldysh_{sympy.py,
// ginac.cpp}, run side by side by Benchmarks/run-nambu-keldysh.sh.
//
// Usage: NambuKeldyshBenchmark MODEL.kd [repetitions]   (default 20; MODEL.kd is
// derivations/000-open-tavis-cummings/model.kd)
//
// Three workloads, each timed as first call and best/median of the repetitions:
//   matrix-general  the peers' workload: G0⁻¹ typed in (ω, ε, γ, F_b, F_a, λ, λ̄ symbols, as in
//                   nambu_keldysh_ginac.cpp), general inverse (adjugate / determinant) + cancel
//   matrix-block    the same matrix, inverted by Keldysh blocks (GreensFunction's route) + cancel
//   model           the whole path from the model file: parse, contour action, rotation, baths,
//                   rotating frame, background, the kernel of the spinor phi, G = K⁻¹ by blocks
//                   + cancel (ε₀ − μ_S/2, gψ_f and F_b(ω + μ_S/2) in place of the symbols)
// Untimed check after the runs: M·M⁻¹ = 1 entry by entry (cancel) for each route, and the two
// matrix routes give the same entries. Prints one JSON line per workload.
import Derivations
import FieldTheory
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
guard arguments.count > 1, let modelText = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: NambuKeldyshBenchmark MODEL.kd [repetitions]\n".utf8))
    exit(2)
}
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20

/// G0⁻¹ as the peers build it: Keldysh (R, K; 0, A) ⊗ Nambu (b, a).
func typedMatrix() -> Matrix {
    var c = ParseContext(allowUndeclared: false)
    for (n, a) in [("omega", Assumptions.real), ("eps", .real), ("gamma", .positive), ("Fb", .real), ("Fa", .real),
                   ("l", []), ("lb", [])] { _ = c.declare(n, a) }
    let rows = [
        ["omega - eps + I*gamma", "-l", "2*I*gamma*Fb", "0"],
        ["-lb", "omega + eps + I*gamma", "0", "2*I*gamma*Fa"],
        ["0", "0", "omega - eps - I*gamma", "-l"],
        ["0", "0", "-lb", "omega + eps - I*gamma"],
    ]
    return Matrix(rows: 4, columns: 4) { i, j in try! parseExpr(rows[i][j], context: c) }
}

func modelGreens() throws -> (Matrix, Matrix) {
    let model = try Model.parse(modelText, file: arguments[1])
    let g = try model.keldyshDerivation().greens("phi")
    return (g.kernel.matrix, g.matrix)
}

struct Timing { var first = 0.0; var all: [Double] = [] }

func time(_ body: () throws -> Void) rethrows -> Timing {
    var t = Timing()
    let t0 = now()
    try body()
    t.first = now() - t0
    for _ in 0..<repetitions {
        let s = now()
        try body()
        t.all.append(now() - s)
    }
    t.all.sort()
    return t
}

nonisolated(unsafe) let cancel: (Expr) -> Expr = { $0.cancel() }
var general = Matrix.zero(4, 4), block = Matrix.zero(4, 4), fromModel = (Matrix.zero(4, 4), Matrix.zero(4, 4))
let tGeneral = try time { general = try typedMatrix().inverse(normalize: cancel) }
let tBlock = try time { block = try typedMatrix().inverse(blockSize: 2, normalize: cancel) }
let tModel = try time { fromModel = try modelGreens() }

/// M·M⁻¹ − 1, every entry cancelled: all zero?
func isInverse(_ m: Matrix, _ inv: Matrix) -> Bool {
    let p = m.multiplied(by: inv, normalize: cancel)
    for i in 0..<4 { for j in 0..<4 where !(p[i, j] - (i == j ? Expr.one : Expr.zero)).cancel().isZero { return false } }
    return true
}
let m = typedMatrix()
var sameEntries = true
for i in 0..<4 { for j in 0..<4 where !(general[i, j] - block[i, j]).cancel().isZero { sameEntries = false } }
let checks: [String: Bool] = [
    "matrix-general": isInverse(m, general) && sameEntries,
    "matrix-block": isInverse(m, block) && sameEntries,
    "model": isInverse(fromModel.0, fromModel.1),
]
for (name, t) in [("matrix-general", tGeneral), ("matrix-block", tBlock), ("model", tModel)] {
    print("{\"system\": \"keldyshkit\", \"workload\": \"\(name)\", \"first_s\": \(t.first), \"best_s\": \(t.all[0]), "
          + "\"median_s\": \(t.all[t.all.count / 2]), \"repetitions\": \(repetitions), \"inverse_checked\": \(checks[name]!)}")
}
if checks.values.contains(false) { exit(1) }
