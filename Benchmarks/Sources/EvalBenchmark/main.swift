// Evaluation benchmark (issue 5, benchmark a): the 36 complex entries of the 6×6 stability
// matrix A2 of paper 003 (Appendix A) at N parameter points (10 real parameters), one core.
//
// Usage: EvalBenchmark [N] [native|tape|all]   (default N = 1000000, all)
// Two workloads: "full" writes all N·72 output doubles into one array (576 MB for N = 10⁶:
// bound by memory bandwidth), "chunked" evaluates the same N points 1024 at a time into one
// reused buffer (the way a scan consumes them; bound by arithmetic and call overhead).
// Prints one JSON object per measurement. The same workload for sympy.lambdify and
// symengine.Lambdify is in Benchmarks/peers/eval_*.py; Benchmarks/run-eval.sh runs them
// side by side under /usr/bin/time -v.
import KeldyshNumerics
import Symbolic
#if canImport(Glibc)
import Glibc
#endif

@inline(never) func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func report(_ workload: String, _ fields: [(String, String)]) {
    let body = fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
    print("{\"system\": \"keldyshkit\", \"workload\": \"\(workload)\", \(body)}")
}

/// SplitMix64, the point generator (the peers draw the same distribution with numpy).
struct SplitMix {
    var state: UInt64
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return lo + (hi - lo) * Double((z ^ (z >> 31)) >> 11) * 0x1p-53
    }
}

let arguments = CommandLine.arguments
let n = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let mode = arguments.count > 2 ? arguments[2] : "all"

// A2 as printed in paper 003, Appendix A, with ⟨T^z⟩ = (γ↑ − γ↓)/(2γ_t).
let omegaC = Symbol("ω_c", .real), kappa = Symbol("κ", .positive)
let lambda = Symbol("λ", .real), eta = Symbol("η", .real), etaP = Symbol("η'", .real)
let omegaZ = Symbol("ω_z", .real), omegaZP = Symbol("ω'_z", .real), gammaT = Symbol("γ_t", .positive)
let gammaUp = Symbol("γ_↑", .positive), gammaDown = Symbol("γ_↓", .positive)
let parameters = [omegaC, kappa, lambda, eta, etaP, omegaZ, omegaZP, gammaT, gammaUp, gammaDown]

let t0 = now()
let i = Expr.i
let (wc, k, l, e, ep) = (omegaC.expr, kappa.expr, lambda.expr, eta.expr, etaP.expr)
let (wz, wzp, gt) = (omegaZ.expr, omegaZP.expr, gammaT.expr)
let tz = (gammaUp.expr - gammaDown.expr) / (2 * gt)
let a2 = Matrix([
    [-i * wc - k / 2, 0, -i * l, -i * l, -i * e, 0],
    [0, i * wc - k / 2, i * l, i * l, 0, i * e],
    [-i * l, -i * l, -i * wz, 0, -i * ep, 0],
    [i * l, i * l, 0, i * wz, 0, i * ep],
    [2 * i * e * tz, 0, 2 * i * ep * tz, 0, -i * wzp - gt / 2, 0],
    [0, -2 * i * e * tz, 0, -2 * i * ep * tz, 0, i * wzp - gt / 2],
])
let function = try CompiledFunction(a2, parameters: parameters)
let lowering = now() - t0
report("lower", [("seconds", "\(lowering)"), ("operations", "\(function.tape.operationCount)"),
                 ("inputs", "\(function.inputCount)"), ("outputs", "\(function.outputCount)")])

var rng = SplitMix(state: 2024)
let width = 2 * function.outputCount
var inputs = [Double](repeating: 0, count: n * 10)
for p in 0..<n {
    for (j, s) in parameters.enumerated() {
        inputs[p * 10 + j] = s.info.assumptions.contains(.positive) ? rng.uniform(0.05, 2) : rng.uniform(-2, 2)
    }
}
var out = [Double](repeating: 0, count: n * width)
let chunk = 1024
var chunkOut = [Double](repeating: 0, count: chunk * width)
var chunkChecksum = 0.0

@MainActor func time(_ label: String, repeats: Int, _ body: () -> Void) {
    var best = Double.infinity
    for _ in 0..<repeats {
        let s = now()
        body()
        best = min(best, now() - s)
    }
    var checksum = chunkChecksum
    if !label.hasSuffix("chunked") { for v in out { checksum += v } }
    report(label, [("n", "\(n)"), ("seconds", "\(best)"), ("points_per_second", "\(Double(n) / best)"),
                   ("checksum", "\(checksum)")])
}

if mode == "native" || mode == "all" {
    guard let standard = NativeCompiler.standard() else {
        print("{\"system\": \"keldyshkit\", \"error\": \"no C compiler\"}")
        exit(1)
    }
    // A fresh cache directory, so the first load measures the C compiler.
    let cache = "/tmp/keldyshkit-evalbench-\(getpid())"
    let compiler = NativeCompiler(compilerPath: standard.compilerPath, cacheDirectory: cache, flags: standard.flags)
    let c0 = now()
    let native = try NativeEvaluator(function, compiler: compiler)
    let compile = now() - c0
    let c1 = now()
    let cached = try NativeEvaluator(function, compiler: compiler)
    let load = now() - c1
    report("jit", [("compile_seconds", "\(compile)"), ("cached_load_seconds", "\(load)"),
                   ("cached", "\(cached.wasCached)"), ("compiler", "\"\(standard.compilerPath)\"")])
    time("native-full", repeats: 7) {
        inputs.withUnsafeBufferPointer { ip in
            out.withUnsafeMutableBufferPointer { op in
                native.evaluateBatch(inputs: ip.baseAddress!, count: n, stride: 10, into: op.baseAddress!)
            }
        }
    }
    time("native-chunked", repeats: 7) {
        chunkChecksum = 0
        inputs.withUnsafeBufferPointer { ip in
            chunkOut.withUnsafeMutableBufferPointer { op in
                var start = 0
                while start < n {
                    let m = min(chunk, n - start)
                    native.evaluateBatch(inputs: ip.baseAddress! + start * 10, count: m, stride: 10, into: op.baseAddress!)
                    chunkChecksum += op[0] + op[m * width - 1]
                    start += m
                }
            }
        }
    }
}
if mode == "tape" || mode == "all" {
    let tape = TapeEvaluator(function)
    time("tape-full", repeats: 3) {
        inputs.withUnsafeBufferPointer { ip in
            out.withUnsafeMutableBufferPointer { op in
                tape.evaluateBatch(inputs: ip.baseAddress!, count: n, stride: 10, into: op.baseAddress!)
            }
        }
    }
}
