// The classic expand benchmark: expand(f·(f + 1)) with f = (1 + x + y + z + t)^n.
//
// Usage: ExpandBenchmark <mode> <n>
//   expand     Expr → expand() → Expr, the whole pipeline, in a fresh process (cold arena)
//   breakdown  the same pipeline step by step: Expr → Polynomial (with the power),
//              the product, Polynomial → Expr
//   kernel     polynomial arithmetic only: powering, then the product by the heap and
//              by dense accumulation
// Each line printed is `key value`; times are wall-clock seconds of one run.
import Symbolic
#if canImport(Glibc)
import Glibc
#endif

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    return (value, seconds(clock.now - start))
}

let args = CommandLine.arguments
guard args.count == 3, let n = Int(args[2]), n >= 0 else {
    print("usage: ExpandBenchmark expand|breakdown|kernel <n>")
    exit(2)
}
let mode = args[1]
let vars = ["x", "y", "z", "t"].map { Expr.symbol($0) }
let f = Expr.pow(Expr.add([1] + vars), .integer(n))
let input = f * (f + 1)

switch mode {
case "expand":
    let (result, t) = timed { input.expand() }
    print("terms \(result.kind == .add ? result.children.count : 1)")
    print("time \(t)")
case "breakdown":
    let (fp, tConvert) = timed { try! Polynomial(f, generators: vars) }
    let one = Polynomial(1, generators: vars)
    let (g, tMul) = timed { fp * (fp + one) }
    let (result, tBack) = timed { g.toExpr() }
    print("terms \(result.children.count)")
    print("expr_to_poly_with_power \(tConvert)")
    print("multiply \(tMul)")
    print("poly_to_expr \(tBack)")
    print("arena_nodes \(ExprArena.nodeCount)")
case "kernel":
    let base = Polynomial.sum(vars.map { Polynomial.generator(vars.firstIndex(of: $0)!, of: vars) }
                              + [Polynomial(1, generators: vars)], generators: vars)
    let (fp, tPow) = timed { base.power(n) }
    let fp1 = fp + Polynomial(1, generators: vars)
    let (gh, tHeap) = timed { fp.multiplied(by: fp1, method: .heap) }
    let (gd, tDense) = timed { fp.multiplied(by: fp1, method: .dense) }
    precondition(gh == gd, "heap and dense products differ")
    print("terms \(gh.termCount)")
    print("power \(tPow)")
    print("multiply_heap \(tHeap)")
    print("multiply_dense \(tDense)")
default:
    print("unknown mode \(mode)")
    exit(2)
}
