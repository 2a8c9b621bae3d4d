import ArbitraryPrecision
import Foundation

// ψ and ψ′ of complex arguments at D digits (issue 13: "the 50-digit digamma at least 10×
// faster than mpmath's"). The points are the poles a self-energy convolution needs —
// ½ + i(ω − ε ± iγ)/(2πT)-type arguments — spread over the half-planes and magnitudes:
// 64 points z_k = (k mod 8 − 3.3) + i(k/8 − 3.7)·1.9, each evaluated `repeats` times.
// Prints one line: function, digits, microseconds per call (median of 5 rounds), and a
// checksum (the sum of Re ψ, to 30 digits) that the Python peers print too.
let args = CommandLine.arguments
let function = args.count > 1 ? args[1] : "digamma"
let digits = args.count > 2 ? Int(args[2])! : 50
let repeats = args.count > 3 ? Int(args[3])! : 20
let bits = BigFloat.bits(forDigits: digits)
let points: [BigComplex] = (0..<64).map { k in
    let re = String(format: "%.1f", Double(k % 8) - 3.3)
    let im = String(format: "%.2f", (Double(k / 8) - 3.7) * 1.9)
    return BigComplex(BigFloat(re, precision: bits)!, BigFloat(im, precision: bits)!)
}
func evaluate(_ z: BigComplex) -> BigComplex {
    (function == "trigamma" ? BigComplex.trigamma(z, precision: bits) : BigComplex.digamma(z, precision: bits))!
}
var checksum = BigFloat(0, precision: bits)
for z in points { checksum = checksum + evaluate(z).re }
var rounds: [Double] = []
for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<repeats { for z in points { _ = evaluate(z) } }
    let ns = Double(DispatchTime.now().uptimeNanoseconds - start)
    rounds.append(ns / Double(repeats * points.count) / 1000)
}
rounds.sort()
print("keldyshkit \(function) \(digits) digits: \(String(format: "%.2f", rounds[2])) us/call  checksum \(checksum.toString(digits: 30))")
