// Benchmark of issue 6 (scan): the whole 400×400 stability classification of A2 (paper 003,
// Fig. 4 parameters) through the scan engine on one thread — compiled matrix (or
// characteristic-polynomial) evaluation, roots, classification, streamed CSV — and a loop
// of bare zgeev calls on the same 160 000 matrices.
//
//   ScanBenchmark scan N eigen|poly OUTDIR   the whole scan (runScan, 1 thread)
//   ScanBenchmark zgeev N                    zgeev alone on the N² matrices
//   ScanBenchmark agree N                    eigenvalue vs polynomial classes at every point
import Foundation
import Analysis
import Derivations
import KeldyshNumerics
import Symbolic
import CZgeevLoop

let arguments = CommandLine.arguments
let mode = arguments.count > 1 ? arguments[1] : "scan"
let n = arguments.count > 2 ? Int(arguments[2])! : 400
let method = arguments.count > 3 ? arguments[3] : "poly"
let outDir = arguments.count > 4 ? arguments[4] : "/tmp/scan-bench-\(getpid())"

let modelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../derivations/003-spintronic-dicke/model.kd").standardized.path
let settings = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + 1e-9 * Double(t.tv_nsec)
}

let t0 = now()
let input = try ModelInput.load(path: modelPath, needMatrix: true)
let ctx = input.parameters
let xa = try ctx.axis("gup=0:1:\(n)"), ya = try ctx.axis("lambda=0:1:\(n)")
let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [xa.symbol, ya.symbol],
                                   values: try ctx.assignments(settings))
let t1 = now()

func classifier(_ m: String) throws -> GridClassifier {
    switch m {
    case "eigen": return try StabilityClassifier(problem: problem)
    case "poly": return try PolynomialStabilityClassifier(problem: problem)
    default: fatalError("method is eigen or poly")
    }
}

switch mode {
case "scan":
    let c = try classifier(method)
    let t2 = now()
    let summary = try runScan(c, x: xa, y: ya, out: outDir, threads: 1, settings: settings, progress: false)
    let t3 = now()
    let points = Double(n * n)
    print("method \(method): model \(String(format: "%.3f", t1 - t0)) s, compile \(String(format: "%.3f", t2 - t1)) s, "
          + "scan \(String(format: "%.3f", t3 - t2)) s (\(String(format: "%.2f", (t3 - t2) / points * 1e6)) µs/point, "
          + "\(String(format: "%.0f", points / (t3 - t2))) points/s), total \(String(format: "%.3f", t3 - t0)) s")
    print("classes: \(summary.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
case "zgeev":
    let function = try problem.compile()
    let evaluator = BatchEvaluator(function)
    let count = n * n
    var inputs = [Double](repeating: 0, count: 2 * count)
    for j in 0..<n { for i in 0..<n { inputs[2 * (j * n + i)] = xa.value(i); inputs[2 * (j * n + i) + 1] = ya.value(j) } }
    var rowMajor = [Double](repeating: 0, count: 72 * count)
    let te0 = now()
    evaluator.evaluateBatch(inputs: inputs, count: count, stride: 2, into: &rowMajor)
    let te1 = now()
    // zgeev wants column-major.
    var columnMajor = [Double](repeating: 0, count: 72 * count)
    for k in 0..<count { for r in 0..<6 { for c in 0..<6 {
        columnMajor[72 * k + 2 * (c * 6 + r)] = rowMajor[72 * k + 2 * (r * 6 + c)]
        columnMajor[72 * k + 2 * (c * 6 + r) + 1] = rowMajor[72 * k + 2 * (r * 6 + c) + 1]
    } } }
    var values = [Double](repeating: 0, count: 12 * count)
    var best = Double.infinity
    for _ in 0..<3 { best = min(best, kk_zgeev_loop(columnMajor, count, 6, &values)) }
    print("zgeev alone on \(count) matrices (best of 3): \(String(format: "%.3f", best)) s, \(String(format: "%.2f", best / Double(count) * 1e6)) µs/point; batched native evaluation of the matrices \(String(format: "%.3f", te1 - te0)) s")
default:
    fatalError("mode is scan or zgeev")
}
