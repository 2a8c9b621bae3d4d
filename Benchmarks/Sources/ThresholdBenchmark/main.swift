// Benchmark of issue 6 (threshold): the whole path from the model file of paper 003 to a
// certified D-digit γ↑ at λ = 0.2 (ω_c = ω_z = ω'_z = 1, γ↓ = 1 − γ↑, η = η' = 0.1,
// κ = 0.06): read and derive the model, linearise, substitute, eliminate, isolate, prove
// the sign change, refine. The first call runs cold; then `repeats` calls with the
// in-process memo of derived models and resultants (AnalysisCache, keyed by the model text
// and the fixed parameters) and `repeats` calls with the memo cleared before each (the whole
// derivation and elimination every time).
//
//   ThresholdBenchmark D [repeats]      prints first-call time, best and median of both kinds of repeats, and the phases
import Foundation
import Analysis
import ArbitraryPrecision
import Symbolic
import Algebra
import Derivations

let arguments = CommandLine.arguments
let digits = arguments.count > 1 ? Int(arguments[1])! : 50
let repeats = arguments.count > 2 ? Int(arguments[2])! : 20
let modelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../derivations/003-spintronic-dicke/model.kd").standardized.path
let settings = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50", "lambda=1/5"]

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + 1e-9 * Double(t.tv_nsec)
}

/// One whole run; returns the value and the times of its phases.
func run() throws -> (String, [(String, Double)]) {
    let t0 = now()
    let input = try ModelInput.load(path: modelPath, needMatrix: true)
    let t1 = now()
    let ctx = input.parameters
    let p = try ctx.symbol(named: "gup")
    let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [p], values: try ctx.assignments(settings))
    let t2 = now()
    let ts = try certifiedThresholds(problem, lower: BigRational(1, 2), upper: BigRational(1), digits: digits)
    let t3 = now()
    guard ts.count == 1 else { throw AnalysisError.numerical("expected one threshold in [1/2, 1], found \(ts.count)") }
    return (ts[0].value, [("model file → A2", t1 - t0), ("substitute", t2 - t1), ("certified threshold", t3 - t2), ("total", t3 - t0)])
}

func ms(_ t: Double) -> String { String(format: "%.3f ms", t * 1e3) }

let (value, first) = try run()
print("threshold D=\(digits): first call \(ms(first.last!.1)) [" + first.dropLast().map { "\($0.0) \(ms($0.1))" }.joined(separator: ", ") + "]")
for cached in [true, false] {
    var totals: [Double] = []
    var phases: [[Double]] = []
    for _ in 0..<repeats {
        if !cached { AnalysisCache.clear() }
        let (v, ph) = try run()
        precondition(v == value, "repeat gave \(v), first \(value)")
        totals.append(ph.last!.1)
        phases.append(ph.map(\.1))
    }
    let order = totals.indices.sorted { totals[$0] < totals[$1] }
    let median = order[order.count / 2]
    print("\(repeats) repeats \(cached ? "with the memo" : "memo cleared each time"): best \(ms(totals[order[0]])), median \(ms(totals[median])) [median run: "
          + zip(first.dropLast().map(\.0), phases[median]).map { "\($0) \(ms($1))" }.joined(separator: ", ") + "]")
}
print("value \(value)")

/// Where the memo-cleared path spends its time, finer than `run()`: the same steps through
/// the public API, each timed on its own (medians of `repeats`).
func phases() throws -> [(String, Double)] {
    AnalysisCache.clear()
    let text = try String(contentsOfFile: modelPath, encoding: .utf8)
    let t0 = now()
    let model = try Model.parse(text, file: modelPath)
    let t1 = now()
    let mf = try model.derive(linearize: false)
    let t2 = now()
    // A fresh model: the algebra of the first one has its canonical words cached by now.
    let model2 = try Model.parse(text, file: modelPath)
    let t2a = now()
    _ = try model2.derive(linearize: true)
    let t3 = now()
    AnalysisCache.clear()
    let t3a = now()
    _ = try String(contentsOfFile: modelPath, encoding: .utf8)
    let t3b = now()
    let input = try ModelInput.load(path: modelPath, needMatrix: true)
    let t3c = now()
    let ctx = input.parameters
    let p = try ctx.symbol(named: "gup")
    let t4 = now()
    let values = try ctx.assignments(settings)
    let t5 = now()
    let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [p], values: values)
    let t6 = now()
    _ = try CrossingPolynomial.cached(problem: problem)
    let t7 = now()
    _ = try certifiedThresholds(problem, lower: BigRational(1, 2), upper: BigRational(1), digits: digits)
    let t8 = now()
    _ = mf
    return [("parse", t1 - t0), ("mean field", t2 - t1), ("mean field + linearise", t3 - t2a), ("read file", t3b - t3a),
            ("ModelInput.load (read, parse, derive)", t3c - t3b), ("parse --set", t5 - t4),
            ("substitute", t6 - t5), ("crossing polynomial", t7 - t6), ("isolate + prove + refine", t8 - t7)]
}
var table: [[Double]] = []
for _ in 0..<repeats { table.append(try phases().map(\.1)) }
let names = try phases().map(\.0)
print("phases (medians): " + names.indices.map { k in
    let v = table.map { $0[k] }.sorted()
    return "\(names[k]) \(ms(v[v.count / 2]))"
}.joined(separator: ", "))

// Issue 14: every crossing over λ ∈ [0, 1] at γ↑ = 0.9 (`threshold --all`: the SR eigenvalue
// at λ_c and the lasing pair leaving Re λ > 0, kinds, directions and ω proven to D digits) and
// the steady states at (γ↑, λ) = (0.3, 0.7) (`steady`, 30 digits, Krawczyk proofs and
// spectra), each through the job the CLI calls, memo cleared before every call.
func timed<T>(_ count: Int, _ body: () throws -> T) rethrows -> (T, Double, Double) {
    var ts: [Double] = []
    var last: T? = nil
    for _ in 0..<count {
        AnalysisCache.clear()
        let t0 = now()
        last = try body()
        ts.append(now() - t0)
    }
    ts.sort()
    return (last!, ts[0], ts[ts.count / 2])
}
let fig4 = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]
var all = ThresholdOptions(model: modelPath, vary: "lambda", interval: "0:1")
all.settings = fig4 + ["gup=9/10"]
all.digits = digits
all.all = true
let (crossings, allBest, allMedian) = try timed(repeats) { try threshold(all) }
guard case .certified(let found) = crossings.result else { fatalError("threshold --all: \(crossings.result)") }
print("threshold --all lambda in [0, 1] at gup = 0.9, D=\(digits): best \(ms(allBest)), median \(ms(allMedian)); "
      + found.map { "\($0.crossing) at \($0.value.prefix(22))… ω \(($0.frequencyDigits ?? "?").prefix(12))…" }.joined(separator: "; "))
var st = SteadyOptions(model: modelPath)
st.settings = fig4 + ["gup=3/10", "lambda=7/10"]
st.digits = 30
let (states, stBest, stMedian) = try timed(max(3, repeats / 4)) { try steady(st) }
print("steady at (0.3, 0.7), 30 digits: \(states.states.count) states, best \(ms(stBest)), median \(ms(stMedian))")
