import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import Testing
@testable import Derivations

/// Paper 000's compiled G₀⁻¹(ω) (the 16 entries of `CondensationProblem.kernel`) run over balls:
/// the output balls hold MPFREvaluator's values at 512 bits (an independent code path) at the
/// centre and at points of the input box, the first brick of a certified threshold (issue 13).
@Suite("Paper 000: G0^-1 enclosed by ball evaluation")
struct BallKernelTests {
    /// The benchmark point of the threshold work (ξ = 0).
    static let point: [String: Double] = ["g": 1, "eps0": 0, "w0": 0, "gamma": 0.75, "kappa": 0.25, "muB": -0.5,
                                          "TF": 0.1, "xi": 0, "Omega": 2.5, "h": 0.7, "muS": -0.4]

    @Test("G0^-1's ball outputs hold MPFR's values at exact points and in boxes of width 1e-9")
    func kernelBallsHoldMPFR() throws {
        let c = try CondensationModel.load(path: CondensationThresholdTests.model)
        let kernel = c.problem.kernel
        let parameters = try c.problem.parameters.map { p in try #require(Self.point[p.name], "parameter \(p.name)") }
        #expect(kernel.inputCount == 1 + parameters.count && kernel.outputCount == 16)
        let balls = BallTapeEvaluator(kernel, precision: 256)
        let mpfr = MPFREvaluator(kernel, precision: 512)
        var rng = SplitMix64(seed: 7201)
        for omega in [-1.3, 0, 0.45, 2.2] {
            let centers = [omega] + parameters
            for width in [0.0, 1e-9] {
                let out = try balls.evaluate(centers.map { RealBall($0, radius: width, precision: 256) })
                // The centre, then random corners and random interior points of the 12-dimensional
                // box, each coordinate c + width·t exact at 512 bits.
                var offsets: [[Double]] = [centers.map { _ in 0 }]
                if width > 0 {
                    for k in 0..<32 {
                        offsets.append(centers.map { _ in k < 16 ? (rng.next() % 2 == 0 ? -1 : 1) : rng.uniform(-1, 1) })
                    }
                }
                for t in offsets {
                    let p = zip(centers, t).map { BigFloat($0, precision: 512) + BigFloat(width, precision: 512) * BigFloat($1, precision: 512) }
                    let values = mpfr.evaluate(p)
                    for (k, v) in values.enumerated() {
                        #expect(out[k].re.contains(v.re) && out[k].im.contains(v.im), "entry \(k) at ω = \(omega), width \(width)")
                    }
                }
                for o in out {
                    // Exact inputs: roundings only (the entries are O(1), about 30 operations).
                    if width == 0 { #expect(o.re.radius <= 1e-70 && o.im.radius <= 1e-70) }
                    // G₀⁻¹ is affine in ω with O(1) coefficients: radius a small multiple of 10^−9.
                    else { #expect(o.re.radius <= 1e-7 && o.im.radius <= 1e-7) }
                }
            }
        }
    }
}
