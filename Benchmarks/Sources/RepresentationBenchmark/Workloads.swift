// The six workloads of issue 2, generic over the representation so both run the same code.
#if canImport(Glibc)
import Glibc
#endif
import CHeapStats

@inline(never) func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Bytes the process has allocated and not freed (malloc arenas and mmapped blocks), after
/// returning free pages to the system; unlike RSS it does not count freed-but-cached memory.
func liveHeapBytes() -> Int { Int(heapstats_live_bytes()) }

func report(_ system: String, _ workload: String, _ n: Int, _ seconds: Double, _ extra: String = "") {
    print("{\"system\": \"\(system)\", \"workload\": \"\(workload)\", \"n\": \(n), \"seconds\": \(seconds)\(extra)}")
}

/// The symbols of one generator: x, y, z and w0…w63, with a suffix so runs can use fresh ones.
struct Symbols<R: Representation>: Sendable {
    let x, y, z: R.E
    let ws: [R.E]
    init(suffix: String) {
        x = R.symbol("x" + suffix); y = R.symbol("y" + suffix); z = R.symbol("z" + suffix)
        ws = (0..<64).map { R.symbol("w\($0)" + suffix) }
    }
}

/// Term k of the sum: c_k x^a y^b z^c sin(w_j + m), as in Benchmarks/Sources/CoreBenchmark.
@inline(__always)
func term<R: Representation>(_: R.Type, _ s: Symbols<R>, _ k: Int) -> R.E {
    R.mul([R.integer(k % 97 + 1), R.pow(s.x, R.integer(k % 7)),
           R.pow(s.y, R.integer((k / 7) % 7)), R.pow(s.z, R.integer((k / 49) % 7)),
           R.sin(R.add(s.ws[(k / 343) % 64], R.integer(k / 21952)))])
}

func buildSum<R: Representation>(_ r: R.Type, _ s: Symbols<R>, _ n: Int) -> R.E {
    var terms: [R.E] = []
    terms.reserveCapacity(n)
    for k in 0..<n { terms.append(term(r, s, k)) }
    return R.add(terms)
}

final class TermBox<E>: @unchecked Sendable { var terms: [E] = [] }
final class ThreadBody: @unchecked Sendable { let run: () -> Void; init(_ run: @escaping () -> Void) { self.run = run } }

/// Runs the bodies on their own POSIX threads and waits for all of them.
func onThreads(_ bodies: [ThreadBody]) {
    var threads: [pthread_t] = []
    for b in bodies {
        var t = pthread_t()
        let arg = Unmanaged.passRetained(b).toOpaque()
        let rc = pthread_create(&t, nil, { p in
            let body = Unmanaged<ThreadBody>.fromOpaque(p!).takeRetainedValue()
            body.run()
            return nil
        }, arg)
        precondition(rc == 0, "pthread_create failed")
        threads.append(t)
    }
    for t in threads { pthread_join(t, nil) }
}

func runWorkloads<R: Representation>(_ r: R.Type, n: Int) {
    let sys = R.name
    let s = Symbols<R>(suffix: "")
    let heap0 = liveHeapBytes(), nodes0 = R.nodeCount, live0 = R.liveNodeCount

    // (1) Construction: n distinct terms, collected into one sum.
    var t0 = now()
    var big: R.E? = buildSum(r, s, n)
    var t1 = now()
    let dag = R.dagSize(big!)
    let heap1 = liveHeapBytes(), nodes1 = R.nodeCount
    let created = nodes1 - nodes0, live = R.liveNodeCount - live0
    report(sys, "construct-sum", n, t1 - t0,
           ", \"terms\": \(R.childCount(big!)), \"dag_nodes\": \(dag), \"nodes_created\": \(created)"
           + ", \"nodes_live\": \(live), \"heap_bytes\": \(heap1 - heap0)"
           + ", \"bytes_per_live_node\": \((heap1 - heap0) / max(live, 1))"
           + ", \"bytes_per_dag_node\": \((heap1 - heap0) / max(dag, 1))")

    // (2) Rebuilding the identical expression: every node is an intern hit.
    t0 = now()
    var again: R.E? = buildSum(r, s, n)
    t1 = now()
    report(sys, "rebuild-identical", n, t1 - t0,
           ", \"same\": \(again! == big!), \"nodes_created\": \(R.nodeCount - nodes1)")
    again = nil

    // (3) Hashing every term into a set.
    t0 = now()
    var set = Set<R.E>()
    set.reserveCapacity(R.childCount(big!))
    R.forEachChild(big!) { set.insert($0) }
    t1 = now()
    report(sys, "hash-terms", R.childCount(big!), t1 - t0, ", \"distinct\": \(set.count)")
    set = []

    // (4) Full DAG traversal (distinct nodes) and tree size.
    t0 = now()
    let dag2 = R.dagSize(big!)
    t1 = now()
    let tree = R.treeSize(big!)
    let t2 = now()
    report(sys, "dag-count", n, t1 - t0, ", \"dag_nodes\": \(dag2)")
    report(sys, "tree-size", n, t2 - t1, ", \"tree_nodes\": \(tree)")

    // (5) Simultaneous substitution x -> y + 1, memoised bottom-up rebuild.
    let heap5 = liveHeapBytes(), nodes5 = R.nodeCount
    t0 = now()
    var sub: R.E? = R.substitute(big!, [s.x: R.add(s.y, R.integer(1))])
    t1 = now()
    let heap5b = liveHeapBytes()
    report(sys, "substitute", n, t1 - t0,
           ", \"terms_after\": \(R.childCount(sub!)), \"dag_nodes_after\": \(R.dagSize(sub!))"
           + ", \"nodes_created\": \(R.nodeCount - nodes5), \"heap_bytes\": \(heap5b - heap5)")
    sub = nil
    report(sys, "drop-substituted", n, 0,
           ", \"heap_bytes_kept\": \(liveHeapBytes() - heap5), \"live_nodes\": \(R.liveNodeCount)")

    // (6) Construction of n fresh terms on one thread, then on two threads (one lock).
    let s1 = Symbols<R>(suffix: "_1")
    t0 = now()
    let box = TermBox<R.E>()
    for k in 0..<n { box.terms.append(term(r, s1, k)) }
    t1 = now()
    var one: R.E? = R.add(box.terms)
    report(sys, "construct-terms-1-thread", n, t1 - t0, ", \"terms\": \(R.childCount(one!))")

    let s2 = Symbols<R>(suffix: "_2")
    let boxes = [TermBox<R.E>(), TermBox<R.E>()]
    t0 = now()
    onThreads((0..<2).map { i in
        ThreadBody {
            let b = boxes[i]
            b.terms.reserveCapacity(n / 2 + 1)
            for k in stride(from: i, to: n, by: 2) { b.terms.append(term(r, s2, k)) }
        }
    })
    t1 = now()
    var two: R.E? = R.add(boxes[0].terms + boxes[1].terms)
    report(sys, "construct-terms-2-threads", n, t1 - t0,
           ", \"terms\": \(R.childCount(two!)), \"same_as_1_thread_shape\": \(R.dagSize(two!) == R.dagSize(one!))")

    // Dropping every expression: only a representation that can free nodes gives memory back.
    big = nil
    box.terms = []
    boxes[0].terms = []
    boxes[1].terms = []
    one = nil
    two = nil
    let heapEnd = liveHeapBytes()
    report(sys, "drop-all", n, 0,
           ", \"heap_bytes_kept\": \(heapEnd - heap0), \"live_nodes\": \(R.liveNodeCount), \"nodes_interned\": \(R.nodeCount)")
}
