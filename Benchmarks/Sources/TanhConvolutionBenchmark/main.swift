import ArbitraryPrecision
import ComplexModule
import Foundation
import KeldyshNumerics

// ∫dν R(ν) tanh(β(ν − μ)/2) for a degree-4 denominator, paper 000's self-energy shape:
// R = −1/((ν − 0.3 + 0.75i)(ν − ω − 0.25i)((ν − 0.4)² + 0.09)), ω = 0.7, β = 10, μ = 0.5 (the
// integrand of Benchmarks/peers/tanh_convolution_mpmath.py bench). Times per call, median of 5
// rounds of thread CPU time: the Double closed form from Q's coefficients (Aberth + Newton), from the known poles,
// and the MPFR closed form at 53 bits. Prints the values, which must agree with mpmath's.
// Usage: TanhConvolutionBenchmark [REPEATS]
let repeats = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 20000
typealias C = Complex<Double>
let poles: [(z: C, order: Int)] = [(C(0.3, -0.75), 1), (C(0.7, 0.25), 1), (C(0.4, 0.3), 1), (C(0.4, -0.3), 1)]
var q: [C] = [C(1, 0)]
for (z, _) in poles {
    var next = [C](repeating: .zero, count: q.count + 1)
    for (k, a) in q.enumerated() { next[k + 1] += a; next[k] -= z * a }
    q = next
}
let p = [C(-1, 0)]
let bigP = p.map { BigComplex($0, precision: 53) }, bigQ = q.map { BigComplex($0, precision: 53) }
let beta = 10.0, mu = 0.5

/// CPU time of this thread in ns: the machine is shared, and wall time would count the
/// other processes' turns on the core.
func cpuNanoseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
}

func time(_ label: String, _ n: Int, _ body: () throws -> C) rethrows {
    let value = try body()
    var rounds: [Double] = []
    var sink = C.zero
    for _ in 0..<5 {
        let start = cpuNanoseconds()
        for _ in 0..<n { sink += try body() }
        rounds.append((cpuNanoseconds() - start) / Double(n))
    }
    rounds.sort()
    print(String(format: "%@: %.0f ns/call  value %.15g%+.15gi  (sink %.3g)", label, rounds[2], value.real, value.imaginary, sink.real))
}
try time("double, from Q", repeats) { try TanhConvolution.integrate(numerator: p, denominator: q, beta: beta, mu: mu) }
try time("double, from the poles", repeats) { try TanhConvolution.integrate(numerator: p, poles: poles, beta: beta, mu: mu) }
try time("MPFR 53 bits, from Q", max(1, repeats / 50)) {
    try TanhConvolution.integrate(numerator: bigP, denominator: bigQ, beta: BigFloat(beta, precision: 53), mu: BigFloat(mu, precision: 53), bits: 53).toComplexDouble()
}
