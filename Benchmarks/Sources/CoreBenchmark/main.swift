// Micro-benchmark of the expression core: construction, hashing/equality and
// substitution on large expressions (10^5 to 10^6 nodes).
//
// Usage: CoreBenchmark N   (number of terms; prints one JSON object per workload)
// The same workloads in SymEngine and SymPy are in Benchmarks/peers/core_peers.py;
// Benchmarks/run-core.sh runs all of them side by side under /usr/bin/time -v.
import Symbolic
#if canImport(Glibc)
import Glibc
#endif

@inline(never) func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func report(_ name: String, _ n: Int, _ seconds: Double, _ extra: String = "") {
    print("{\"system\": \"keldyshkit\", \"workload\": \"\(name)\", \"n\": \(n), \"seconds\": \(seconds)\(extra)}")
}

let n = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")
let ws = (0..<64).map { Expr.symbol("w\($0)") }

// Workload 1: a sum of n distinct terms c_k x^a y^b z^c sin(w_j), built term by term
// from scratch and collected once (the shape of a large derived self-energy).
func buildSum(_ n: Int) -> Expr {
    var terms: [Expr] = []
    terms.reserveCapacity(n)
    for k in 0..<n {
        let t = Expr.mul([Expr.integer(k % 97 + 1), Expr.pow(x, Expr.integer(k % 7)),
                          Expr.pow(y, Expr.integer((k / 7) % 7)), Expr.pow(z, Expr.integer((k / 49) % 7)),
                          Expr.sin(ws[(k / 343) % 64] + Expr.integer(k / 21952))])
        terms.append(t)
    }
    return Expr.add(terms)
}

var t0 = now()
let big = buildSum(n)
var t1 = now()
report("construct-sum", n, t1 - t0, ", \"dag_nodes\": \(big.dagSize)")

// Workload 2: building the same expression again finds every node in the arena;
// equality of the two results is then one integer comparison.
t0 = now()
let again = buildSum(n)
t1 = now()
let t2 = now()
let equal = again == big
let t3 = now()
report("rebuild-identical", n, t1 - t0, ", \"equal\": \(equal), \"compare_seconds\": \(t3 - t2)")

// Workload 3: hashing every term into a set (hash of an Expr is O(1)).
t0 = now()
var set = Set<Expr>()
for c in big.children { set.insert(c) }
t1 = now()
report("hash-terms", big.children.count, t1 - t0, ", \"distinct\": \(set.count)")

// Workload 4: simultaneous substitution x -> y + 1, z -> 2 x over the whole sum.
t0 = now()
let substituted = big.substitute([x: y + 1, z: 2 * x])
t1 = now()
report("substitute", n, t1 - t0, ", \"terms_after\": \(substituted.children.count)")

print("{\"system\": \"keldyshkit\", \"workload\": \"arena\", \"nodes\": \(ExprArena.nodeCount), \"approx_bytes\": \(ExprArena.approximateBytes)}")
