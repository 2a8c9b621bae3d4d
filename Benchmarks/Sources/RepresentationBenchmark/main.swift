#if canImport(Glibc)
import Glibc
#endif
// Issue 2: the expression representation. The arena of the core (Expr = 32-bit id into a
// global append-only store) against reference-counted hash-consed nodes, on the same
// workloads, each variant in its own process (Benchmarks/run-representation.sh).
//
// Usage: RepresentationBenchmark arena|rc|rc-weak N
let args = CommandLine.arguments
guard args.count == 3, let n = Int(args[2]), n > 0, ["arena", "rc", "rc-weak"].contains(args[1]) else {
    print("usage: RepresentationBenchmark arena|rc|rc-weak N")
    exit(2)
}
if args[1] == "arena" { runWorkloads(Arena.self, n: n) } else { runWorkloads(RefCounted.self, n: n) }
