import Foundation
import Testing
import ArbitraryPrecision
@testable import KeldyshNumerics

/// The ball functions (ψ, ψ′, log, √, exp, 1/z, tanh, coth): Arb's values lie in the balls of
/// exact points, wide balls contain the function at points inside and on their boundary
/// (computed pointwise by MPFR, BigComplex/BigFloat at 320 bits, an independent code path)
/// without being absurdly wide, and the functions refuse balls where they are not analytic.
@Suite struct ComplexBallFunctionTests {
    typealias BallFunction = @Sendable (ComplexBall, Int) -> ComplexBall?

    static let functions: [(name: String, f: BallFunction, table: [BallReference.Reference])] = [
        ("digamma", ComplexBall.digamma, BallReference.digamma),
        ("trigamma", ComplexBall.trigamma, BallReference.trigamma),
        ("log", ComplexBall.log, BallReference.log),
        ("sqrt", ComplexBall.sqrt, BallReference.sqrt),
        ("exp", ComplexBall.exp, BallReference.exp),
        ("reciprocal", { z, bits in z.reciprocal(bits: bits) }, BallReference.reciprocal),
        ("tanh", { ComplexBall.tanh(real: $0, bits: $1) }, BallReference.tanh),
        ("coth", { ComplexBall.coth(real: $0, bits: $1) }, BallReference.coth),
    ]

    static func rational(_ s: String) -> BigRational { BigRational(s)! }

    /// |v − center| ≤ radius + slack, exactly.
    static func contains(_ b: ComplexBall, _ v: GaussianRational, slack: BigRational) -> Bool {
        let d = v - b.center
        let r = b.radius + slack
        return d.re * d.re + d.im * d.im <= r * r
    }

    // Arb's 80-digit midpoints (Benchmarks/peers/ball_reference.py) lie in the 200-bit balls of
    // the exact decimal points, up to the printing (half a unit of the 80th digit), and the
    // radii are below 1e−45 of the value.
    @Test(arguments: 0..<8) func arbValuesLieInTheBalls(_ index: Int) {
        let (name, f, table) = Self.functions[index]
        for (re, im, valueRe, valueIm) in table {
            let z = ComplexBall(GaussianRational(Self.rational(re), Self.rational(im)))
            guard let ball = f(z, 200) else {
                Issue.record("\(name)(\(re) + \(im)i) refused")
                continue
            }
            let v = GaussianRational(Self.rational(valueRe), Self.rational(valueIm))
            let size = ComplexBall.l1(v)
            #expect(Self.contains(ball, v, slack: size * BigRational(1, BigInt(10).power(78))),
                    "\(name)(\(re) + \(im)i) = \(valueRe) + \(valueIm)i not in \(ball)")
            // (log 1 = 0 exactly: there the radius is compared with 1.)
            let scale = size.isZero ? BigRational.one : size
            #expect(ball.radius <= scale * BigRational(1, BigInt(10).power(45)), "\(name)(\(re) + \(im)i) radius \(ball)")
        }
    }

    /// The point values of each function by MPFR (320 bits) for the wide-ball checks.
    static func pointValue(_ index: Int, _ p: GaussianRational) -> GaussianRational? {
        let z = BigComplex(p, precision: 320)
        let v: BigComplex?
        switch index {
        case 0: v = BigComplex.digamma(z, precision: 320)
        case 1: v = BigComplex.trigamma(z, precision: 320)
        case 2: v = BigComplex.log(z)
        case 3: v = BigComplex.sqrt(z)
        case 4: v = BigComplex.exp(z)
        case 5: v = BigComplex(BigFloat(1, precision: 320)) / z
        case 6: v = BigComplex(BigFloat.tanh(z.re))
        default: v = BigComplex(BigFloat(1, precision: 320) / BigFloat.tanh(z.re))
        }
        guard let v, let re = v.re.toBigRational(), let im = v.im.toBigRational() else { return nil }
        return GaussianRational(re, im)
    }

    /// Random centers in each function's domain, kept clear of its poles and cuts by more than
    /// the largest radius (1% of |c|).
    static func center(_ index: Int, _ rng: inout SplitMix64) -> GaussianRational {
        func exact(_ x: Double) -> BigRational { BigRational(exactly: x) }
        func polar(_ size: Double, _ angle: Double) -> GaussianRational {
            GaussianRational(exact(size * cos(angle)), exact(size * sin(angle)))
        }
        let sign: Double = rng.next(2) == 0 ? 1 : -1
        switch index {
        case 0, 1: // Re ≥ ½ as in the closed forms, |Im| from 10⁻² to 10⁴.
            return GaussianRational(exact(0.5 + rng.uniform(0, 5)), exact(sign * pow(10, rng.uniform(-2, 4))))
        case 2, 3: // |c| from 10⁻³ to 10³, at least 0.1 rad from the cut.
            return polar(pow(10, rng.uniform(-3, 3)), rng.uniform(-Double.pi + 0.1, Double.pi - 0.1))
        case 4: return GaussianRational(exact(rng.uniform(-20, 20)), exact(rng.uniform(-50, 50)))
        case 5: return polar(pow(10, rng.uniform(-3, 3)), rng.uniform(-Double.pi, Double.pi))
        case 6: return GaussianRational(exact(rng.uniform(-30, 30)))
        default: return GaussianRational(exact(sign * pow(10, rng.uniform(-1.3, 1.5))))
        }
    }

    /// How much wider than the largest change |f(p) − f(c)| over the boundary points the radius
    /// may be: the ratio of each propagation bound to sup|f′|·r (see the bounds' comments) —
    /// ψ: 1/m² + min(1/x, π/(2m)) against |ψ′| ≈ 1/|w| for large |w| (π/2), ψ′: 2/m³ + 2/m² against
    /// |ψ″| ≈ 1/|w|² (2), 1/z: max(|re|, |im|) ≥ |c|/√2 (2), tanh: min(1, 4e^{−2y})/sech²y ≤ 25/16;
    /// plus the growth of |f′| across a ball of radius 1% of |c| and the boundary sampling.
    static let widthFactor: [Double] = [2.5, 3, 1.5, 1.5, 1.5, 2.5, 2, 1.5]

    // Random balls of radius 10⁻⁶…10⁻² relative (SplitMix64, seeded): f at 8 boundary points
    // (exactly on the circle, rational parametrisation) and 4 random interior points lies in
    // the output ball; real intervals (tanh, coth) are sampled at both ends and inside.
    @Test(arguments: 0..<8) func wideBallsContainTheirPoints(_ index: Int) throws {
        var rng = SplitMix64(seed: 1000 + UInt64(index))
        let isReal = index >= 6
        let f = Self.functions[index].f, name = Self.functions[index].name
        let circle: [(BigRational, BigRational)] = [(1, 0), (0, 1), (-1, 0), (0, -1),
                                                    (BigRational(4, 5), BigRational(3, 5)), (BigRational(-4, 5), BigRational(3, 5)),
                                                    (BigRational(4, 5), BigRational(-3, 5)), (BigRational(-4, 5), BigRational(-3, 5))]
        for _ in 0..<10 {
            let c = Self.center(index, &rng)
            let size = ComplexBall.l1(c)
            let r = ComplexBall.roundUp(size * BigRational(exactly: pow(10, rng.uniform(-6, -2))))
            let ball = ComplexBall(c, radius: r)
            let out = try #require(f(ball, 200), "\(name) refused \(ball)")
            var points: [GaussianRational] = []
            if isReal {
                points = [c + GaussianRational(r), c - GaussianRational(r)]
                for _ in 0..<4 { points.append(c + GaussianRational(r * BigRational(exactly: rng.uniform(-1, 1)))) }
            } else {
                points = circle.map { c + GaussianRational(r * $0.0, r * $0.1) }
                while points.count < 12 {
                    let (u, v) = (rng.uniform(-1, 1), rng.uniform(-1, 1))
                    if u * u + v * v <= 1 { points.append(c + GaussianRational(r * BigRational(exactly: u), r * BigRational(exactly: v))) }
                }
            }
            let atCenter = try #require(Self.pointValue(index, c))
            var change = BigRational.zero
            for p in points {
                let v = try #require(Self.pointValue(index, p))
                let slack = (1 + ComplexBall.l1(v)) / BigRational(BigInt.one << 240)
                #expect(Self.contains(out, v, slack: slack), "\(name): f(\(p)) outside \(out) of \(ball)")
                change = Swift.max(change, ComplexBall.l1(v - atCenter))
            }
            // |·| ≤ re + im ≤ √2|·|: the l1 change is at least the modulus change.
            let allowed = BigRational(exactly: Self.widthFactor[index]) * change
                + (1 + ComplexBall.l1(atCenter)) / BigRational(BigInt.one << 190)
            #expect(out.radius <= allowed, "\(name): radius \(out.radius.toDouble()) vs change \(change.toDouble()) at \(ball)")
        }
    }

    // Balls on which the function is not analytic are refused, never approximated.
    @Test func refusals() {
        func ball(_ re: String, _ im: String, _ r: String = "0") -> ComplexBall {
            ComplexBall(GaussianRational(Self.rational(re), Self.rational(im)), radius: Self.rational(r))
        }
        // 1/z and division: the divisor holds 0.
        #expect(ball("0.001", "0.001", "0.002").reciprocal(bits: 100) == nil)
        #expect(ComplexBall.zero.reciprocal(bits: 100) == nil)
        #expect(ball("1", "0").divided(by: ball("0", "0.5", "0.6"), bits: 100) == nil)
        #expect(ball("1", "0").divided(by: ball("0", "0.5", "0.4"), bits: 100) != nil)
        // log and √ across the cut (−∞, 0], at 0, and exactly on it.
        for f in [ComplexBall.log, ComplexBall.sqrt] {
            #expect(f(ball("-1", "0.001", "0.01"), 100) == nil)
            #expect(f(ball("0.001", "0", "0.01"), 100) == nil)
            #expect(f(ball("-2", "0"), 100) == nil)
            #expect(f(ball("0", "0"), 100) == nil)
            // Just off the cut, below it: allowed (Im log ≈ −π).
            #expect(f(ball("-1", "-1e-30"), 100) != nil)
        }
        // ψ, ψ′ at balls reaching Re ≤ 0: near the poles 0, −1, and the reflection region.
        for f in [ComplexBall.digamma, ComplexBall.trigamma] {
            #expect(f(ball("-0.999", "0", "0.01"), 100) == nil)
            #expect(f(ball("0.001", "0", "0.01"), 100) == nil)
            #expect(f(ball("-2.5", "0"), 100) == nil)
            #expect(f(ball("0.25", "0.1", "0.3"), 100) == nil)
            // Reaching Re < 0 far from the real axis is allowed (½ + 15900i ± 15.9).
            #expect(f(ball("0.5", "15900", "15.9"), 100) != nil)
            #expect(f(ball("0", "3"), 100) == nil)
        }
        // coth over an interval holding 0; tanh and coth of a non-real center; e^z beyond 2^20.
        #expect(ComplexBall.coth(real: ball("0.01", "0", "0.02"), bits: 100) == nil)
        #expect(ComplexBall.tanh(real: ball("1", "1"), bits: 100) == nil)
        #expect(ComplexBall.coth(real: ball("1", "1"), bits: 100) == nil)
        #expect(ComplexBall.exp(ball("2e6", "0"), bits: 100) == nil)
    }

    // ψ(1) = −γ and ψ′(1) = π²/6 at 1000 bits (Arb's 320 digits, ball_reference.py): the plan
    // of shift and Stirling terms scales with the precision.
    @Test func highPrecision() throws {
        let psi = try #require(ComplexBall.digamma(ComplexBall.one, bits: 1000))
        let psi1 = try #require(ComplexBall.trigamma(ComplexBall.one, bits: 1000))
        let printing = BigRational(1, BigInt(10).power(319))
        #expect(Self.contains(psi, GaussianRational(Self.rational(BallReference.digammaOne320)), slack: printing))
        #expect(Self.contains(psi1, GaussianRational(Self.rational(BallReference.trigammaOne320)), slack: printing))
        #expect(psi.radius < BigRational(1, BigInt(10).power(290)))
        #expect(psi1.radius < BigRational(1, BigInt(10).power(290)))
    }
}

/// The running error bound of `RunningErrorComplex` at 24 bits, where rounding errors are large
/// enough to see: random chains of +, −, ×, scaling and reciprocals on inputs that carry declared
/// errors, redone in exact rationals from the perturbed inputs (the independent reference), stay
/// within the bound, and the median bound is within 2^12 of the actual error (not vacuous).
@Suite struct RunningErrorComplexTests {
    @Test func boundCoversExactArithmetic() throws {
        let p = 24
        var rng = SplitMix64(seed: 99)
        func random() -> (RunningErrorComplex, GaussianRational) {
            let re = BigRational(BigInt(rng.nextSigned(1 << 20)), BigInt(1 << 10))
            let im = BigRational(BigInt(rng.nextSigned(1 << 20)), BigInt(1 << 10))
            // Exact at 24 bits: 21-bit numerators over powers of two. Half the inputs carry a
            // declared error E (up to 2^12 units), and the exact value sits at distance E from
            // the midpoint (direction ±(3 + 4i)/5), so the propagation terms are exercised.
            let e = rng.next(2) == 0 ? 0 : 1 << rng.next(13)
            let sign = BigRational(rng.next(2) == 0 ? 1 : -1)
            let offset = GaussianRational(sign * BigRational(BigInt(3 * e), BigInt(5)), sign * BigRational(BigInt(4 * e), BigInt(5))) * GaussianRational(BigRational(.one, BigInt.one << p))
            return (RunningErrorComplex(re: BigFloat(re, precision: p), im: BigFloat(im, precision: p), error: Double(e)),
                    GaussianRational(re, im) + offset)
        }
        var ratios: [Double] = []
        for _ in 0..<200 {
            var (x, exact) = random()
            for _ in 0..<12 {
                let (y, ey) = random()
                switch rng.next(5) {
                case 0: x = x + y; exact = exact + ey
                case 1: x = x - y; exact = exact - ey
                case 2: x = x * y; exact = exact * ey
                case 3:
                    let c = BigRational(BigInt(rng.nextSigned(1000)), 7)
                    let cf = BigFloat(c, precision: p)
                    x = x.scaled(by: cf, error: 2 * RunningErrorComplex.magnitude(cf)); exact = exact * GaussianRational(c)
                default:
                    guard let r = x.reciprocal, !exact.isZero else { continue }
                    x = r; exact = GaussianRational.one / exact
                }
            }
            let ball = try #require(x.ball(precision: p))
            let d = exact - ball.center
            #expect(d.re * d.re + d.im * d.im <= ball.radius * ball.radius, "bound \(x.error) too small")
            let actual = ComplexBall.l1(d).toDouble() * Double(1 << p)
            if actual > 0 { ratios.append(x.error / actual) }
        }
        ratios.sort()
        #expect(ratios.count > 100)
        #expect(ratios[ratios.count / 2] < 4096, "median bound/actual \(ratios[ratios.count / 2])")
        // Reciprocals of inputs of size ¼…4 with declared errors up to 2^8 units (the exact
        // value again at that distance): the propagation term matters.
        for _ in 0..<300 {
            let (x, exact) = random()
            let mid = GaussianRational(x.re.toBigRational()!, x.im.toBigRational()!)
            let exactSmall = (mid + (exact - mid) * GaussianRational(16)) * GaussianRational(BigRational(1, 256))
            let small = RunningErrorComplex(re: BigFloat(mid.re / 256, precision: p), im: BigFloat(mid.im / 256, precision: p),
                                            error: x.error / 16)
            guard let r = small.reciprocal, !exactSmall.isZero else { continue }
            let ball = try #require(r.ball(precision: p))
            let d = GaussianRational.one / exactSmall - ball.center
            #expect(d.re * d.re + d.im * d.im <= ball.radius * ball.radius, "1/\(exactSmall): bound \(r.error)")
        }
    }
}
