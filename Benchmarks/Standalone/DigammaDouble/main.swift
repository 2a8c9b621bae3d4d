// The Double complex digamma (`ComplexPolygamma.digamma`) per call, built outside SwiftPM's
// Benchmarks package by Benchmarks/run-digamma-double.sh: module `New` is the working tree's
// ComplexPolygamma.swift, module `Old` the same file at an earlier commit, both compiled with
// `-O` against swift-numerics, called across the module boundary as KeldyshKit's callers do.
// Point sets: the condensation's arguments ½ + a + i·1.59·x (β/2π ≈ 1.59, |x| from 10⁻² to
// 10⁴ log-spaced and −10⁴…10⁴ evenly, a = 0, ¼, 1, 2.5, 5, 10, 20), split at |w| = 10 (where
// the recurrence starts), and PolygammaBenchmark's 64 points (half of them reflected).
// Thread CPU time, best of 3×7 rounds, old and new interleaved; prints ns per call and the
// checksum Σ Re ψ + Σ Im ψ that Benchmarks/peers/digamma_scipy.py prints for the same points.
import Foundation
import ComplexModule
import Old
import New

func cpuNanoseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
}

let xs: [Double] = (0..<200).map { k in Foundation.pow(10.0, -2.0 + 6.0 * Double(k) / 199.0) }
let even: [Double] = (0...200).map { k in -1e4 + 100.0 * Double(k) }
let spread: [Double] = [0.0] + xs + xs.map { -$0 } + even
let offsets: [Double] = [0, 0.25, 1, 2.5, 5, 10, 20]
let condensation: [Complex<Double>] = offsets.flatMap { a in spread.map { x in Complex(0.5 + a, 1.59 * x) } }
let benchmark64: [Complex<Double>] = (0..<64).map { k in
    let re: Double = Double(k % 8) - 3.3, im: Double = (Double(k / 8) - 3.7) * 1.9
    return Complex(re, im)
}
let sets: [(String, [Complex<Double>])] = [
    ("condensation region, all", condensation),
    ("condensation region, modulus < 10", condensation.filter { $0.lengthSquared < 100 }),
    ("condensation region, modulus >= 10", condensation.filter { $0.lengthSquared >= 100 }),
    ("PolygammaBenchmark's 64 points", benchmark64),
]

@inline(never)
func nanosecondsPerCall(_ f: (Complex<Double>) -> Complex<Double>, _ zs: [Complex<Double>]) -> Double {
    let repeats = max(1, 400_000 / zs.count)
    var best = Double.infinity, sink = Complex<Double>.zero
    for _ in 0..<7 {
        let start = cpuNanoseconds()
        for _ in 0..<repeats { for z in zs { sink += f(z) } }
        best = min(best, (cpuNanoseconds() - start) / Double(repeats * zs.count))
    }
    if sink.real.isNaN { print("NaN") }
    return best
}

print("| points | count | old (ns/call) | new (ns/call) | speed-up | checksum (new) |")
print("|---|---|---|---|---|---|")
for (name, zs) in sets {
    var old = Double.infinity, new = Double.infinity
    for _ in 0..<3 {
        old = min(old, nanosecondsPerCall(Old.ComplexPolygamma.digamma, zs))
        new = min(new, nanosecondsPerCall(New.ComplexPolygamma.digamma, zs))
    }
    let checksum = zs.reduce(0.0) { let v = New.ComplexPolygamma.digamma($1); return $0 + v.real + v.imaginary }
    print("| \(name) | \(zs.count) | \(String(format: "%.1f", old)) | \(String(format: "%.1f", new)) | \(String(format: "%.2f", old / new))× | \(String(format: "%.12e", checksum)) |")
}
