// Benchmark of issue 13 (condensation threshold), in process: the same h_c as
// Benchmarks/run-condensation.sh (paper 000's open Tavis–Cummings model, first-order reading,
// 6 digits asked) through `findCondensationThreshold`, the job `keldysh threshold` calls. The
// first call runs cold (read, parse, derive, split Σ into fractions, compile, then the numbers);
// then `repeats` calls with the in-process memo of the derived model (CondensationModel.load,
// emptied by AnalysisCache.clear) warm, which are the numbers only — the counterpart of the
// Python peer's in-process time, whose equations are typed in by hand. Last, `repeats` times
// CondensationModel.load alone with the memo cleared before each (the derivation only).
// CPU time is CLOCK_PROCESS_CPUTIME_ID (the machine is shared), wall is CLOCK_MONOTONIC.
//
//   CondensationBenchmark [repeats]      prints h_c, the first call, best/median of the warm repeats and of the cold loads
import Foundation
import Analysis
import Derivations

let repeats = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1])!) : 20
let modelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../derivations/000-open-tavis-cummings/model.kd").standardized.path

var options = CondensationOptions(model: modelPath, vary: "h", interval: "0:8")
options.settings = ["g=1", "eps0=0", "w0=0", "gamma=0.75", "kappa=0.25", "muB=-0.5", "TF=0.1", "xi=0", "Omega=2.5"]
options.reading = .firstOrder
options.digits = 6

func clock(_ id: clockid_t) -> Double {
    var t = timespec()
    clock_gettime(id, &t)
    return Double(t.tv_sec) + 1e-9 * Double(t.tv_nsec)
}

/// `body`'s result with its CPU and wall time.
func timed<T>(_ body: () throws -> T) rethrows -> (T, cpu: Double, wall: Double) {
    let c0 = clock(CLOCK_PROCESS_CPUTIME_ID), w0 = clock(CLOCK_MONOTONIC)
    let r = try body()
    return (r, clock(CLOCK_PROCESS_CPUTIME_ID) - c0, clock(CLOCK_MONOTONIC) - w0)
}

func ms(_ t: Double) -> String { String(format: "%.3f ms", t * 1e3) }

/// Best and median of `samples`, in ms.
func summary(_ samples: [Double]) -> String {
    let s = samples.sorted()
    return "best \(ms(s[0])), median \(ms(s[s.count / 2]))"
}

let (first, firstCPU, firstWall) = try timed { try findCondensationThreshold(options) }
// The same line `keldysh threshold` prints first (h_c to the digits both node rules share).
let headline = render(first, json: false).split(separator: "\n")[0]
print(headline)
print("first call (cold: model file to h_c): cpu \(ms(firstCPU)), wall \(ms(firstWall))")

var cpus: [Double] = [], walls: [Double] = []
for _ in 0..<repeats {
    let (o, c, w) = try timed { try findCondensationThreshold(options) }
    precondition(o.threshold.value == first.threshold.value && o.threshold.digits == first.threshold.digits,
                 "repeat gave \(o.threshold.value) (\(o.threshold.digits) digits), first \(first.threshold.value)")
    cpus.append(c)
    walls.append(w)
}
print("\(repeats) repeats, memo warm (numbers only): cpu: \(summary(cpus)); wall: \(summary(walls))")

var loadCPUs: [Double] = [], loadWalls: [Double] = []
for _ in 0..<repeats {
    AnalysisCache.clear()
    let (_, c, w) = try timed { try CondensationModel.load(path: modelPath) }
    loadCPUs.append(c)
    loadWalls.append(w)
}
print("CondensationModel.load alone, memo cleared before each of \(repeats): cpu: \(summary(loadCPUs)); wall: \(summary(loadWalls))")
