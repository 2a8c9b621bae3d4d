import Foundation
import Testing
import ArbitraryPrecision
@testable import KeldyshNumerics

/// `ComplexFloatBall` (MPFR centers, Double radii): every operation's ball holds the value that
/// MPFR computes at 512 bits (BigComplex, an independent code path) at its exact center and at
/// points on the boundary and inside of wide input balls, radii are not vacuous, and divisors,
/// √, log and ψ refuse balls where they are not analytic.
@Suite struct ComplexFloatBallTests {
    typealias Ball = ComplexFloatBall
    static let precision = 200

    /// |v − center| ≤ radius + slack, exactly.
    static func contains(_ b: Ball, _ v: GaussianRational, slack: BigRational = .zero) -> Bool {
        guard let c = b.complexBall else { return false }
        let d = v - c.center
        let r = c.radius + slack
        return d.re * d.re + d.im * d.im <= r * r
    }

    static func exact(_ x: Double) -> BigRational { BigRational(exactly: x) }

    static func ball(_ c: GaussianRational, radius: Double = 0) -> Ball {
        Ball(ComplexBall(c, radius: exact(radius)), precision: precision)!
    }

    static func value(_ z: BigComplex) -> GaussianRational {
        GaussianRational(z.re.toBigRational()!, z.im.toBigRational()!)
    }

    static func big(_ z: GaussianRational) -> BigComplex { BigComplex(z, precision: 512) }

    static func randomPoint(_ rng: inout SplitMix64) -> GaussianRational {
        let size = pow(10, rng.uniform(-3, 3)), angle = rng.uniform(-Double.pi, Double.pi)
        return GaussianRational(exact(size * cos(angle)), exact(size * sin(angle)))
    }

    /// Points of the ball |z − c| ≤ r: 8 on the circle (exact rational parametrisation) and 4
    /// random inside.
    static func points(_ c: GaussianRational, _ r: Double, _ rng: inout SplitMix64) -> [GaussianRational] {
        let circle: [(BigRational, BigRational)] = [(1, 0), (0, 1), (-1, 0), (0, -1),
                                                    (BigRational(4, 5), BigRational(3, 5)), (BigRational(-4, 5), BigRational(3, 5)),
                                                    (BigRational(4, 5), BigRational(-3, 5)), (BigRational(-4, 5), BigRational(-3, 5))]
        let q = exact(r)
        var out = circle.map { c + GaussianRational(q * $0.0, q * $0.1) }
        while out.count < 12 {
            let (u, v) = (rng.uniform(-1, 1), rng.uniform(-1, 1))
            if u * u + v * v <= 1 { out.append(c + GaussianRational(q * exact(u), q * exact(v))) }
        }
        return out
    }

    // +, −, ×, ÷: the 512-bit MPFR value of the operation at the exact centers lies in the ball
    // of exact inputs, with a radius of a few units of 2^−200 (the roundings alone); at 12
    // points of wide inputs (radius 10⁻⁶…10⁻² relative) the values lie in the wide result.
    @Test func arithmeticEncloses() throws {
        var rng = SplitMix64(seed: 4242)
        let slack = BigRational(1, BigInt.one << 480)
        for _ in 0..<40 {
            let a = Self.randomPoint(&rng), b = Self.randomPoint(&rng)
            let ops: [(String, (Ball, Ball) -> Ball?, (BigComplex, BigComplex) -> BigComplex)] = [
                ("+", { $0 + $1 }, { $0 + $1 }), ("-", { $0 - $1 }, { $0 - $1 }), ("*", { $0 * $1 }, { $0 * $1 }),
                ("/", { $0.divided(by: $1) }, { $0 / $1 }),
            ]
            for (name, f, g) in ops {
                let exactOut = try #require(f(Self.ball(a), Self.ball(b)))
                let v = Self.value(g(Self.big(a), Self.big(b)))
                #expect(Self.contains(exactOut, v, slack: slack), "\(a) \(name) \(b)")
                let size = ComplexBall.l1(v).toDouble()
                #expect(exactOut.radius <= 8 * (size + 1) * 0x1p-200, "\(name) radius \(exactOut.radius) at |v| \(size)")
                let ra = ComplexBall.l1(a).toDouble() * pow(10, rng.uniform(-6, -2))
                let rb = ComplexBall.l1(b).toDouble() * pow(10, rng.uniform(-6, -2))
                let wide = try #require(f(Self.ball(a, radius: ra), Self.ball(b, radius: rb)), "\(name) refused")
                let pa = Self.points(a, ra, &rng), pb = Self.points(b, rb, &rng)
                for (x, y) in zip(pa, pb) {
                    #expect(Self.contains(wide, Self.value(g(Self.big(x), Self.big(y))), slack: slack), "\(name) at \(x), \(y) outside \(wide)")
                }
            }
        }
    }

    // Products of several factors (`product`, the residues' majorant radius) against MPFR at
    // 512 bits at the corners/boundary points of each factor; Horner (`evaluate`) likewise.
    @Test func productAndHornerEnclose() throws {
        var rng = SplitMix64(seed: 77)
        let slack = BigRational(1, BigInt.one << 480)
        for _ in 0..<20 {
            let centers = (0..<4).map { _ in Self.randomPoint(&rng) }
            let radii = centers.map { ComplexBall.l1($0).toDouble() * pow(10, rng.uniform(-6, -2)) }
            let balls = zip(centers, radii).map { Self.ball($0, radius: $1) }
            let out = try #require(Ball.product(balls))
            let pts = zip(centers, radii).map { Self.points($0, $1, &rng) }
            for k in 0..<12 {
                var v = Self.big(GaussianRational.one)
                for f in pts { v = v * Self.big(f[k]) }
                #expect(Self.contains(out, Self.value(v), slack: slack))
            }
            // Horner: coefficients balls[0...2] at z = balls[3].
            let h = Ball.evaluate(Array(balls.prefix(3)), at: balls[3])
            for k in 0..<12 {
                let z = Self.big(pts[3][k])
                let v = Self.big(pts[0][k]) + Self.big(pts[1][k]) * z + Self.big(pts[2][k]) * z * z
                #expect(Self.contains(h, Self.value(v), slack: slack))
            }
        }
    }

    // √, log, 1/z, ψ, ψ′: exact centers and wide balls against MPFR at 512 bits (BigComplex's
    // own sqrt, log, digamma, trigamma), centers drawn in each function's domain as in
    // `ComplexBallFunctionTests.center`; the radius at most a small factor above `ComplexBall`'s
    // own (the exact-rational implementation of the same bounds).
    @Test(arguments: 0..<5) func functionsEnclose(_ index: Int) throws {
        let names = ["sqrt", "log", "reciprocal", "digamma", "trigamma"]
        let fast: [(Ball) -> Ball?] = [Ball.sqrt, Ball.log, { $0.reciprocal }, { Ball.digamma($0, bits: 200) }, { Ball.trigamma($0, bits: 200) }]
        let slow: [(ComplexBall) -> ComplexBall?] = [{ ComplexBall.sqrt($0, bits: 200) }, { ComplexBall.log($0, bits: 200) },
                                                     { $0.reciprocal(bits: 200) }, { ComplexBall.digamma($0, bits: 200) },
                                                     { ComplexBall.trigamma($0, bits: 200) }]
        func reference(_ z: GaussianRational) -> GaussianRational? {
            let x = Self.big(z)
            switch index {
            case 0: return Self.value(BigComplex.sqrt(x))
            case 1: return Self.value(BigComplex.log(x))
            case 2: return Self.value(BigComplex(BigFloat(1, precision: 512)) / x)
            case 3: return BigComplex.digamma(x, precision: 512).map(Self.value)
            default: return BigComplex.trigamma(x, precision: 512).map(Self.value)
            }
        }
        let tableIndex = [3, 2, 5, 0, 1][index]
        var rng = SplitMix64(seed: 500 + UInt64(index))
        let slack = BigRational(1, BigInt.one << 400)
        for _ in 0..<10 {
            let c = ComplexBallFunctionTests.center(tableIndex, &rng)
            let point = try #require(fast[index](Self.ball(c)), "\(names[index]) refused \(c)")
            let v = try #require(reference(c))
            #expect(Self.contains(point, v, slack: slack), "\(names[index])(\(c)) = \(v) outside \(point)")
            #expect(point.radius <= (1 + ComplexBall.l1(v).toDouble()) * 0x1p-190, "\(names[index]) radius \(point.radius)")
            let r = ComplexBall.l1(c).toDouble() * pow(10, rng.uniform(-6, -2))
            let wide = try #require(fast[index](Self.ball(c, radius: r)), "\(names[index]) refused the wide ball")
            for p in Self.points(c, r, &rng) {
                let v = try #require(reference(p))
                #expect(Self.contains(wide, v, slack: slack), "\(names[index]): f(\(p)) outside \(wide)")
            }
            let old = try #require(slow[index](ComplexBall(c, radius: Self.exact(r))))
            #expect(wide.radius <= 1.01 * old.radius.toDouble(), "\(names[index]): radius \(wide.radius) above ComplexBall's \(old.radius.toDouble())")
        }
    }

    // Refusals where the function is not analytic on the ball or a divisor may vanish.
    @Test func refusals() {
        func b(_ re: Double, _ im: Double, _ r: Double = 0) -> Ball {
            Self.ball(GaussianRational(Self.exact(re), Self.exact(im)), radius: r)
        }
        #expect(b(0.001, 0.001, 0.002).reciprocal == nil)
        #expect(Ball.zero(precision: 100).reciprocal == nil)
        #expect(b(1, 0).divided(by: b(0, 0.5, 0.6)) == nil)
        #expect(b(1, 0).divided(by: b(0, 0.5, 0.4)) != nil)
        #expect(!b(0.3, 0.4, 0.5).excludesZero)
        #expect(b(0.3, 0.4, 0.49).excludesZero)
        for f in [Ball.log, Ball.sqrt] {
            #expect(f(b(-1, 0.001, 0.01)) == nil)
            #expect(f(b(0.001, 0, 0.01)) == nil)
            #expect(f(b(-2, 0)) == nil)
            #expect(f(b(0, 0)) == nil)
            #expect(f(b(-1, -1e-30)) != nil)
        }
        for f in [Ball.digamma, Ball.trigamma] {
            #expect(f(b(-0.999, 0, 0.01), 100) == nil)
            #expect(f(b(0.001, 0, 0.01), 100) == nil)
            #expect(f(b(-2.5, 0), 100) == nil)
            #expect(f(b(0.25, 0.1, 0.3), 100) == nil)
            #expect(f(b(0.5, 15900, 15.9), 100) != nil)
            #expect(f(b(0, 3), 100) == nil)
        }
    }

    // Arb's 80-digit ψ, ψ′, log, √, 1/z (Benchmarks/peers/ball_reference.py, the table of
    // `ComplexBallFunctionTests`) lie in the balls of the exact decimal points.
    @Test func arbValuesLieInTheBalls() throws {
        let tables: [([BallReference.Reference], (Ball) -> Ball?)] = [
            (BallReference.digamma, { Ball.digamma($0, bits: 200) }), (BallReference.trigamma, { Ball.trigamma($0, bits: 200) }),
            (BallReference.log, Ball.log), (BallReference.sqrt, Ball.sqrt), (BallReference.reciprocal, { $0.reciprocal }),
        ]
        for (table, f) in tables {
            for (re, im, valueRe, valueIm) in table {
                let z = try #require(Ball(ComplexBall(GaussianRational(BigRational(re)!, BigRational(im)!)), precision: 208))
                let out = try #require(f(z), "refused \(re) + \(im)i")
                let v = GaussianRational(BigRational(valueRe)!, BigRational(valueIm)!)
                #expect(Self.contains(out, v, slack: ComplexBall.l1(v) * BigRational(1, BigInt(10).power(78))), "\(re) + \(im)i")
            }
        }
    }
}

/// The conversions and ψ's memo of centers.
@Suite struct ComplexFloatBallConversionTests {
    typealias Ball = ComplexFloatBall

    // The disk of a rectangle re × im holds its four corners (exact rationals: the disk's
    // radius from above must reach √(r_re² + r_im²)), also for radii far below Double's normal
    // range's square root (1e-170: squares that underflow).
    @Test func rectangleCornersLieInTheDisk() throws {
        var rng = SplitMix64(seed: 31)
        for scale in [1e-2, 1e-60, 1e-170] {
            for _ in 0..<10 {
                let x = BigFloat(rng.uniform(-3, 3), precision: 256), y = BigFloat(rng.uniform(-3, 3), precision: 256)
                let rx = scale * rng.uniform(0, 1), ry = scale * rng.uniform(0, 1)
                let disk = try #require(Ball(re: RealBall(x, radius: rx), im: RealBall(y, radius: ry), precision: 200))
                let c = try #require(disk.complexBall)
                let old = try #require(RealBall.complexBall(re: RealBall(x, radius: rx), im: RealBall(y, radius: ry)))
                for (sx, sy) in [(1.0, 1.0), (1, -1), (-1, 1), (-1, -1)] {
                    let corner = GaussianRational(x.toBigRational()! + BigRational(exactly: sx * rx), y.toBigRational()! + BigRational(exactly: sy * ry))
                    for ball in [c, old] {
                        let d = corner - ball.center
                        #expect(d.re * d.re + d.im * d.im <= ball.radius * ball.radius, "corner outside at scale \(scale)")
                    }
                }
                // Not vacuous: within a relative 2^−40 of the exact √(r_re² + r_im²) (plus roundings).
                #expect(disk.radius <= (rx * rx + ry * ry).squareRoot() * (1 + 0x1p-40) + 0x1p-190, "radius \(disk.radius)")
            }
        }
        #expect(Ball(re: RealBall(BigFloat(1, precision: 64), radius: .infinity), im: RealBall(BigFloat(0, precision: 64)), precision: 100) == nil)
    }

    // ψ at one center with two radii: the second call takes the memoized center value and must
    // still hold MPFR's ψ (512 bits) at the boundary points of its own, wider ball; a third at
    // the exact center gives the center's ball back.
    @Test func memoizedCentersKeepTheirRadii() throws {
        let c = GaussianRational(BigRational(17, 10), BigRational(4, 5))
        for (order, reference) in [(0, { (z: BigComplex) in BigComplex.digamma(z, precision: 512) }),
                                   (1, { (z: BigComplex) in BigComplex.trigamma(z, precision: 512) })] {
            let f: (Ball) -> Ball? = { order == 0 ? Ball.digamma($0, bits: 200) : Ball.trigamma($0, bits: 200) }
            let narrow = try #require(f(Ball(ComplexBall(c, radius: BigRational(1, 1_000_000)), precision: 208)!))
            let wide = try #require(f(Ball(ComplexBall(c, radius: BigRational(1, 100)), precision: 208)!))
            let point = try #require(f(Ball(ComplexBall(c), precision: 208)!))
            #expect(wide.radius > narrow.radius && narrow.radius > point.radius)
            for (u, v) in [(BigRational(1), BigRational(0)), (0, 1), (-1, 0), (0, -1), (BigRational(3, 5), BigRational(-4, 5))] {
                let p = c + GaussianRational(u / 100, v / 100)
                let value = try #require(reference(BigComplex(p, precision: 512)))
                #expect(ComplexFloatBallTests.contains(wide, ComplexFloatBallTests.value(value)), "ψ^(\(order)) at \(p)")
            }
        }
    }
}
