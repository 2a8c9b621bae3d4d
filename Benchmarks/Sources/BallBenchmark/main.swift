// The cost of the certificate's bricks (issue 13, docs/condensation.md "Not built yet"): at Fig. 2's
// point (first-order, ξ = 0.3, h = 0.7, μ_S = −0.4), Σ[G₀] enclosed (`BallSelfEnergy`) and K₁^R's
// loop density enclosed (`BallLoopDensity`) at real and complex ν, at 200 bits. CPU time
// (CLOCK_PROCESS_CPUTIME_ID), best and median of `repeats`.
//
//   BallBenchmark [repeats]
import Foundation
import Analysis
import ArbitraryPrecision
import Derivations
import KeldyshNumerics

let repeats = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1])!) : 10
let modelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../derivations/000-open-tavis-cummings/model.kd").standardized.path
let decimals = ["g": "1", "eps0": "0", "w0": "0", "gamma": "0.75", "kappa": "0.25", "muB": "-0.5",
                "TF": "0.1", "xi": "0.3", "Omega": "2.5", "h": "0.7", "muS": "-0.4"]

func cpu() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + 1e-9 * Double(t.tv_nsec)
}

func measure(_ label: String, _ body: (Int) throws -> Void) rethrows {
    var samples: [Double] = []
    for k in 0..<repeats {
        let t0 = cpu()
        try body(k)
        samples.append(cpu() - t0)
    }
    samples.sort()
    print(String(format: "%@: best %.2f ms, median %.2f ms", label, samples[0] * 1e3, samples[samples.count / 2] * 1e3))
}

let problem = try CondensationModel.load(path: modelPath).problem
let balls = problem.parameters.map { s -> RealBall in
    let x = BigFloat(decimals[s.name]!, precision: 256)!
    return RealBall(x, radius: x.isZero ? 0 : abs(x.toDouble()) * 0x1p-250)
}
let bits = CommandLine.arguments.count > 2 ? max(64, Int(CommandLine.arguments[2])!) : 200
let sigma = BallSelfEnergy(problem, bits: bits)
let density = try BallLoopDensity(problem, bits: bits)
let axis = RealBall(0, precision: 256)

print("Fig. 2's point, \(bits) bits, \(repeats) repeats")
try measure("Sigma[G0] enclosed at nu = 0.7") { _ in _ = try sigma.entries(at: RealBall(0.7, precision: 256), parameters: balls) }
try measure("Sigma[G0] enclosed at nu = 0.7 + 0.1i (with the no-crossing proof)") { _ in
    _ = try sigma.entries(at: (RealBall(0.7, precision: 256), RealBall(0.1, precision: 256)), parameters: balls)
}
try measure("loop density enclosed at nu = 0.7 (first-order)") { _ in
    _ = try density.density(at: (RealBall(0.7, precision: 256), axis), parameters: balls, reading: .firstOrder)
}
try measure("loop density enclosed on the disk |nu - 0.7| <= 0.1 (first-order)") { _ in
    _ = try density.density(inDisk: BigRational(7, 10), radius: BigRational(1, 10), parameters: balls, reading: .firstOrder)
}
try measure("loop density enclosed at nu = 0.7 + 0.1i (first-order)") { _ in
    _ = try density.density(at: (RealBall(0.7, precision: 256), RealBall(0.1, precision: 256)), parameters: balls, reading: .firstOrder)
}
// A new point each repeat, as a quadrature's nodes are (ψ's memo of centers only helps where
// the poles do not move with ν).
try measure("loop density enclosed at nu = 0.7 + (k+1)/997, a new point each repeat (first-order)") { k in
    let nu = RealBall(BigFloat(BigRational(7, 10) + BigRational(BigInt(k + 1), BigInt(997)), precision: 256), radius: 0)
    _ = try density.density(at: (nu, axis), parameters: balls, reading: .firstOrder)
}
try measure("loop density enclosed on the disk |nu - c_k| <= 0.1, c_k = 0.7 + (k+1)/997 (first-order)") { k in
    _ = try density.density(inDisk: BigRational(7, 10) + BigRational(BigInt(k + 1), BigInt(997)), radius: BigRational(1, 10), parameters: balls, reading: .firstOrder)
}
// The enclosures' widths (a faster route must not buy its speed with wider balls).
let atPoint = try density.density(at: (RealBall(0.7, precision: 256), axis), parameters: balls, reading: .firstOrder)
let onDisk = try density.density(inDisk: BigRational(7, 10), radius: BigRational(1, 10), parameters: balls, reading: .firstOrder)
let sigmaAt = try sigma.entries(at: RealBall(0.7, precision: 256), parameters: balls)
print(String(format: "radii: density at 0.7 %.3e, on the disk %.3e, Sigma entries at 0.7 max %.3e",
             atPoint.radius.toDouble(), onDisk.radius.toDouble(), sigmaAt.map { $0.radius.toDouble() }.max()!))
