import ArbitraryPrecision
import KeldyshNumerics
import Symbolic
import Testing
import TestSupport

/// `BallTapeEvaluator`: the output balls of a tape hold the function at every point of the input
/// box, checked against MPFREvaluator — an independent code path (plain MPFR registers, no
/// radii) — at 512 bits, at the box's centre, its corners and random interior points; the radii
/// are not absurd; exact inputs give MPFR's value to 2^−240; and refusals are failures, not crashes.
@Suite struct BallTapeEvaluatorTests {
    let x = Symbol("x", .real), y = Symbol("y", .positive), z = Symbol("z")

    /// The expressions of CompileTests (every lowering path), plus the step functions and a
    /// Kronecker delta, which CompileTests leaves to other suites.
    var expressions: [Expr] {
        LoweringPathExpressions.make(x, y, z)
            + [Expr.theta(x.expr) * Expr.atan(x.expr) + Expr.tan(x.expr) * Expr.tanh(y.expr) + Expr.kroneckerDelta(x.expr, Expr.integer(0)) * y.expr]
    }

    var parameters: [Symbol] { [x, y, z] }

    /// x, y, Re z, Im z: the tape's four real inputs (as CompileTests draws them).
    func randomCenters(_ rng: inout SplitMix64) -> [Double] {
        [rng.uniform(-1.4, 1.4), rng.uniform(0.1, 3), rng.uniform(-2, 2), rng.uniform(-2, 2)]
    }

    static let reference = 512

    /// MPFR's values at a point (exact inputs at 512 bits).
    static func mpfr(_ evaluator: MPFREvaluator, _ point: [BigFloat]) -> [BigComplex] {
        let zero = BigFloat(0, precision: reference)
        return evaluator.evaluate([BigComplex(point[0], zero), BigComplex(point[1], zero), BigComplex(point[2], point[3])])
    }

    /// Sample points of the box: every corner and `interior` random points, exactly (a Double
    /// center plus a multiple of a Double radius is exact at 512 bits).
    static func samples(_ centers: [Double], _ radii: [Double], interior: Int, _ rng: inout SplitMix64) -> [[BigFloat]] {
        let n = centers.count
        func point(_ t: [Double]) -> [BigFloat] {
            (0..<n).map { BigFloat(centers[$0], precision: reference) + BigFloat(radii[$0], precision: reference) * BigFloat(t[$0], precision: reference) }
        }
        var out: [[BigFloat]] = [point([Double](repeating: 0, count: n))]
        if radii.allSatisfy({ $0 == 0 }) { return out }
        for mask in 0..<(1 << n) { out.append(point((0..<n).map { mask & (1 << $0) != 0 ? 1 : -1 })) }
        for _ in 0..<interior { out.append(point((0..<n).map { _ in rng.uniform(-1, 1) })) }
        return out
    }

    @Test func outputBallsHoldMPFRAtPointsOfTheInputBox() throws {
        let f = try CompiledFunction(expressions, parameters: parameters)
        let balls = BallTapeEvaluator(f, precision: 256)
        let mpfr = MPFREvaluator(f, precision: Self.reference)
        var rng = SplitMix64(seed: 7101)
        var refused = 0
        for relative in [0.0, 1e-12, 1e-4] {
            for _ in 0..<24 {
                let centers = randomCenters(&rng)
                let radii = centers.map { relative * Swift.abs($0) }
                let inputs = zip(centers, radii).map { RealBall($0, radius: $1, precision: 256) }
                let out: [(re: RealBall, im: RealBall)]
                do { out = try balls.evaluate(inputs) } catch {
                    // Only a box meeting a cut may be refused (log x, x^(3/2) at x < 0 are on
                    // the line Im = 0 exactly and are not), and never an exact point.
                    #expect(relative > 0 && error.reason.contains("cut"), "\(error) at \(centers) ± \(radii)")
                    refused += 1
                    continue
                }
                let points = Self.samples(centers, radii, interior: 8, &rng)
                var spread = [Double](repeating: 0, count: 2 * out.count)
                for p in points {
                    let values = Self.mpfr(mpfr, p)
                    for (k, v) in values.enumerated() {
                        #expect(out[k].re.contains(v.re), "output \(k) re: \(v.re) not in \(out[k].re) at \(p) in \(centers) ± \(radii)")
                        #expect(out[k].im.contains(v.im), "output \(k) im: \(v.im) not in \(out[k].im) at \(p) in \(centers) ± \(radii)")
                        spread[2 * k] = Swift.max(spread[2 * k], distance(v.re, out[k].re.center))
                        spread[2 * k + 1] = Swift.max(spread[2 * k + 1], distance(v.im, out[k].im.center))
                    }
                }
                // Not absurd: at most 128 times the spread seen at the samples (the mean-value
                // bounds add |∂f|·r per input; 900 boxes gave at most 85), plus 10^−60 of the
                // value for the roundings at 256 bits (2^−256 ≈ 10^−77 per operation, a few
                // hundred operations). Outputs 2 and 5 hold conj(z)·z and sin z·cos z̄, whose
                // imaginary parts cancel exactly between terms that interval arithmetic
                // bounds separately (the dependency problem): their radius is the terms'
                // spread, not the sum's — 2048 there (900 boxes gave at most 1257, at Re z ≈ 0.007).
                for (k, o) in out.enumerated() {
                    for (part, s) in [(o.re, spread[2 * k]), (o.im, spread[2 * k + 1])] {
                        let scale = Swift.max(1, Swift.abs(part.center.toDouble()))
                        let factor: Double = k == 2 || k == 5 ? 2048 : 128
                        #expect(part.radius <= factor * s + 1e-60 * scale, "output \(k): radius \(part.radius), spread \(s) at \(centers) ± \(radii) \(part.center)")
                    }
                }
            }
        }
        // A cut is met by few random boxes of relative width 10^−4 (z's box must straddle Im z = 0).
        #expect(refused <= 2, "\(refused) boxes refused")
    }

    @Test func exactInputsGiveMPFRsValueTo2ToMinus240() throws {
        let f = try CompiledFunction(expressions, parameters: parameters)
        let balls = BallTapeEvaluator(f, precision: 256)
        let mpfr = MPFREvaluator(f, precision: Self.reference)
        var rng = SplitMix64(seed: 7102)
        let bound = BigFloat(1, precision: 64) / BigFloat.pow(BigFloat(2, precision: 64), 240)
        for _ in 0..<30 {
            let centers = randomCenters(&rng)
            let out = try balls.evaluate(centers.map { RealBall($0, precision: 256) })
            let values = Self.mpfr(mpfr, centers.map { BigFloat($0, precision: Self.reference) })
            for (k, v) in values.enumerated() {
                // Relative to max(1, |value|): the expressions are sums of O(1) terms.
                for (part, want) in [(out[k].re, v.re), (out[k].im, v.im)] {
                    let scale = BigFloat.abs(want) > BigFloat(1, precision: 64) ? BigFloat.abs(want) : BigFloat(1, precision: 64)
                    #expect(BigFloat.abs(part.center - want) <= bound * scale, "output \(k) at \(centers)")
                    #expect(BigFloat(part.radius, precision: 64) <= bound * scale, "output \(k) radius \(part.radius)")
                }
            }
        }
    }

    /// Identities known by hand hold in the balls of exact and of wide inputs.
    @Test func handIdentitiesLieInTheBalls() throws {
        let (x, y) = (x.expr, y.expr)
        let identities: [(Expr, BigFloat)] = [
            (Expr.pow(Expr.sin(x), .two) + Expr.pow(Expr.cos(x), .two), BigFloat(1, precision: 64)),   // sin² + cos² = 1
            (Expr.tanh(x) - Expr.sinh(x) / Expr.cosh(x), BigFloat(0, precision: 64)),                 // tanh = sinh/cosh
            (Expr.pow(Expr.cosh(x), .two) - Expr.pow(Expr.sinh(x), .two), BigFloat(1, precision: 64)), // cosh² − sinh² = 1
            (4 * Expr.atan(Expr.integer(1)), BigFloat.pi(precision: 600)),                             // atan 1 = π/4
            (Expr.exp(Expr.log(y)) / y, BigFloat(1, precision: 64)),                                  // e^(log y) = y
            (Expr.pow(y, x) * Expr.pow(y, -x), BigFloat(1, precision: 64)),                            // y^x y^(−x) = 1
            (Expr.sqrt(y) * Expr.sqrt(y) / y, BigFloat(1, precision: 64)),                             // (√y)² = y
            (Expr.tan(x) * Expr.cos(x) - Expr.sin(x), BigFloat(0, precision: 64)),                     // tan = sin/cos
        ]
        for (e, want) in identities {
            let f = try CompiledFunction(e, parameters: [self.x, self.y])
            let balls = BallTapeEvaluator(f, precision: 200)
            for (cx, cy, r) in [(0.7, 1.3, 0.0), (-1.1, 0.4, 1e-9), (0.3, 2.5, 1e-3)] {
                let out = try balls.evaluate([RealBall(cx, radius: r, precision: 200), RealBall(cy, radius: r, precision: 200)])
                #expect(out[0].re.contains(want), "\(e): \(out[0].re) against \(want)")
            }
        }
        // log(−1) = iπ: x real and negative is on the line Im = 0 exactly, where atan2(0, x) = π.
        let f = try CompiledFunction(Expr.log(x), parameters: [self.x])
        for r in [0.0, 1e-6] {
            let out = try BallTapeEvaluator(f, precision: 200).evaluate([RealBall(-1, radius: r, precision: 200)])
            #expect(out[0].re.contains(BigFloat(0, precision: 64)) && out[0].im.contains(BigFloat.pi(precision: 600)))
        }
    }

    @Test func refusalsAreFailuresNamingTheInstruction() throws {
        let (x, y) = (x.expr, y.expr)
        // (expression, refusing operation, x ball, y ball)
        let cases: [(Expr, TapeOp, (Double, Double), (Double, Double))] = [
            (1 / (x + 1), .div, (-1, 0.25), (1, 0)),            // the divisor [−0.25, 0.25] holds 0
            (Expr.log(y), .log, (0, 0), (0.5, 0.5)),            // log over [0, 1] reaches 0
            (Expr.theta(x), .theta, (0, 1e-3), (1, 0)),         // θ over [−10⁻³, 10⁻³] jumps
            (Expr.sign(x), .sign, (1e-3, 2e-3), (1, 0)),        // sign over [−10⁻³, 3·10⁻³]
            (Expr.sqrt(y), .sqrt, (0, 0), (0.1, 1)),            // √ over [−0.9, 1.1]
            (Expr.tan(x), .tan, (1.5707963, 1e-3), (1, 0)),     // tan with π/2 in the ball
            (Expr.kroneckerDelta(x, Expr.integer(0)), .isZero, (0, 1e-9), (1, 0)),
            (Expr.pow(y, x), .pow, (0.5, 0), (0.5, 0.6)),       // y^x with y's ball reaching below 0
        ]
        for (e, op, bx, by) in cases {
            let f = try CompiledFunction(e, parameters: [self.x, self.y])
            let balls = BallTapeEvaluator(f, precision: 128)
            let inputs = [RealBall(bx.0, radius: bx.1, precision: 128), RealBall(by.0, radius: by.1, precision: 128)]
            do {
                _ = try balls.evaluate(inputs)
                Issue.record("\(e) at \(inputs) was not refused")
            } catch {
                #expect(error.op == op, "\(e): \(error)")
            }
        }
        // Complex z with its box across the negative real axis: log z is refused (atan2), √z too.
        let z = Symbol("z")
        for (e, op) in [(Expr.log(z.expr), TapeOp.atan2), (Expr.sqrt(z.expr), TapeOp.complexSqrt)] {
            let f = try CompiledFunction(e, parameters: [z])
            do {
                _ = try BallTapeEvaluator(f, precision: 128).evaluate([RealBall(-1, precision: 128), RealBall(0, radius: 1e-6, precision: 128)])
                Issue.record("\(e) across the cut was not refused")
            } catch {
                #expect(error.op == op)
            }
        }
        // Bad inputs: a wrong count, a NaN center, a negative radius.
        let f = try CompiledFunction(x + 1, parameters: [self.x])
        let balls = BallTapeEvaluator(f, precision: 128)
        #expect(throws: BallTapeFailure.self) { try balls.evaluate([]) }
        #expect(throws: BallTapeFailure.self) { try balls.evaluate([RealBall(.nan, precision: 128)]) }
        #expect(throws: BallTapeFailure.self) { try balls.evaluate([RealBall(1, radius: -1, precision: 128)]) }
        #expect(throws: BallTapeFailure.self) { try balls.evaluate([RealBall(1, radius: .infinity, precision: 128)]) }
    }
}
