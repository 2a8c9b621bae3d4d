import ArbitraryPrecision
import ComplexModule
import Foundation
import KeldyshNumerics
import Symbolic
import Testing
@testable import Analysis
@testable import Derivations

/// Σ[G₀]'s closed forms enclosed in balls (`BallTanhConvolution`), the second brick of a
/// certified threshold (docs/condensation.md, "Not built yet"): each piece of paper 000's
/// derived Σ at Fig. 2's point, from its coefficients taken as exact inputs.
@Suite("Paper 000: Σ[G0] enclosed in balls")
struct BallSelfEnergyTests {
    /// Fig. 2's point as given (decimals: T_F = 0.1 is 1/10, not the Double 0.1).
    static let decimals = ["g": "1", "eps0": "0", "w0": "0", "gamma": "0.75", "kappa": "0.25", "muB": "-0.5",
                           "TF": "0.1", "xi": "0.3", "Omega": "2.5", "h": "0.7", "muS": "-0.4"]

    /// Each entry's ball holds the reference: |reference − center| ≤ radius (+ the reference's
    /// own ~2⁻⁵⁰⁰), and the radius is below `bound`.
    static func expectHolds(_ reference: [BigComplex], _ entries: [ComplexBall], radiusBelow bound: Double, _ at: String) {
        for k in 0..<6 {
            let distance = ComplexBall.l1((ComplexBall(reference[k]) - entries[k]).center).toDouble()
            let radius = entries[k].radius.toDouble()
            #expect(distance <= radius + 1e-140, "entry \(k) at \(at): center off by \(distance), radius \(radius)")
            #expect(radius < bound, "entry \(k) at \(at): radius \(radius)")
        }
    }

    /// Each decimal as a ball: its 256-bit MPFR value with a radius of that rounding (≤ 2⁻²⁵⁶|x|).
    static func parameterBalls(_ p: CondensationProblem) -> [RealBall] {
        p.parameters.map { s in
            let x = BigFloat(decimals[s.name]!, precision: 256)!
            return RealBall(x, radius: x.isZero ? 0 : abs(x.toDouble()) * 0x1p-250)
        }
    }

    /// The coefficients at 256 bits by `MPFREvaluator`, taken as exact dyadic inputs; the reference
    /// is the MPFR closed form (`PreciseClosedForm`, poles by the quadratic formula, ψ by
    /// `BigComplex.digamma`) at 512 bits on the same inputs. The ball must hold it, and be
    /// narrow (the ball arithmetic's own rounding at 200 bits, ~10⁻⁵⁰ of the entries).
    @Test("each entry of Σ holds the 512-bit closed form, with a radius below 1e-45 of the entries", arguments: [0.7, -3.0, 41.5])
    func selfEnergyEnclosure(at w: Double) throws {
        let c = try CondensationModel.load(path: CondensationThresholdTests.model)
        let p = c.problem
        let point = CondensationThresholdTests.point
        let evaluator = MPFREvaluator(p.sigma, precision: 256)
        let inputs = [BigComplex(BigFloat(w, precision: 256))] + p.parameters.map { BigComplex(BigFloat(point[$0.name]!, precision: 256)) }
        let o = evaluator.evaluate(inputs)
        let reference = try PreciseClosedForm(precision: 512).integrate(p.pieces, count: 6) { o[$0] }
        func ball(_ k: Int) -> ComplexBall { ComplexBall(o[k]) }
        var entries = [ComplexBall](repeating: ComplexBall(BigRational.zero), count: 6)
        for piece in p.pieces {
            let v = try BallTanhConvolution.integrate(numerator: piece.numerator.map(ball),
                                                      factors: piece.denominator.map { $0.range.map(ball) },
                                                      tanh: piece.tanh.map { (ball($0.slope), ball($0.offset)) }, bits: 200)
            entries[piece.entry] = entries[piece.entry] + v
        }
        let scale = reference.map { $0.toComplexDouble().length }.max()!
        Self.expectHolds(reference, entries, radiusBelow: 1e-45 * scale, "ω = \(w)")
    }

    @Test("a double pole (kappa = Omega, xi = w0) is refused, not approximated")
    func doublePoleRefused() throws {
        let c = try CondensationModel.load(path: CondensationThresholdTests.model)
        let p = c.problem
        let point = CondensationThresholdTests.point.merging(["Omega": 0.25, "xi": 0]) { $1 }
        let o = MPFREvaluator(p.sigma, precision: 256).evaluate(
            [BigComplex(BigFloat(0.7, precision: 256))] + p.parameters.map { BigComplex(BigFloat(point[$0.name]!, precision: 256)) })
        func ball(_ k: Int) -> ComplexBall { ComplexBall(o[k]) }
        var refusals = 0
        for piece in p.pieces {
            do {
                _ = try BallTanhConvolution.integrate(numerator: piece.numerator.map(ball), factors: piece.denominator.map { $0.range.map(ball) },
                                                      tanh: piece.tanh.map { (ball($0.slope), ball($0.offset)) }, bits: 120)
            } catch {
                refusals += 1
                #expect(error.reason.contains("coincide") || error.reason.contains("discriminant"), "\(error.reason)")
            }
        }
        #expect(refusals > 0)
    }

    /// From the parameters as given (decimals: T_F = 0.1 is a ball around 1/10, not the Double
    /// 0.1) through Σ's coefficient tape in balls to the closed forms: the entries hold the
    /// 512-bit MPFR evaluation (MPFREvaluator, then PreciseClosedForm) at the decimal values.
    @Test("Σ[G0] enclosed from the parameters (ball tape, then ball closed forms) holds the 512-bit MPFR Σ", arguments: [0.7, -3.0])
    func selfEnergyFromParameters(at w: Double) throws {
        let c = try CondensationModel.load(path: CondensationThresholdTests.model)
        let p = c.problem
        let balls = Self.parameterBalls(p)
        let entries = try BallSelfEnergy(p, bits: 200).entries(at: RealBall(w, precision: 256), parameters: balls)
        let inputs = [BigComplex(BigFloat(w, precision: 512))] + p.parameters.map { BigComplex(BigFloat(Self.decimals[$0.name]!, precision: 512)!) }
        let o = MPFREvaluator(p.sigma, precision: 512).evaluate(inputs)
        let reference = try PreciseClosedForm(precision: 512).integrate(p.pieces, count: 6) { o[$0] }
        let scale = reference.map { $0.toComplexDouble().length }.max()!
        // The input radii (2⁻²⁵⁰ relative) carried through: far below the Double digits.
        Self.expectHolds(reference, entries, radiusBelow: 1e-40 * scale, "ω = \(w)")
    }


    /// Off the axis: Σ at ω = 0.7 + 0.1i (inside the strip |Im ω| < κ = 0.25 where the photon's
    /// poles keep their side) holds the 512-bit MPFR closed form of the same coefficients with ω
    /// complex; it agrees with the real axis by Cauchy–Riemann (Σ(ω + iε) ≈ Σ(ω) + iεΣ′(ω), Σ′ by
    /// a central difference of the real-axis Σ: a second, independent route); and past
    /// Im ω = κ, where a photon pole crosses the axis, it is still the continuation (the mean
    /// value property on a circle of radius 0.3).
    @Test("Σ[G0] continued off the axis: holds MPFR at 0.7 + 0.1i, obeys Cauchy–Riemann, continues past Im ω = κ")
    func selfEnergyOffTheAxis() throws {
        let c = try CondensationModel.load(path: CondensationThresholdTests.model)
        let p = c.problem
        let balls = Self.parameterBalls(p)
        let sigma = BallSelfEnergy(p, bits: 200)
        let entries = try sigma.entries(at: (RealBall(0.7, precision: 256), RealBall(0.1, precision: 256)), parameters: balls)
        // The reference: the same coefficients with ω complex (substituted and compiled here), by MPFR.
        let f = p.sigma, zeta = Symbol("zeta")
        let g = try CompiledFunction(f.expressions.map { $0.substitute([f.parameters[0]: Expr.symbol(zeta)]) },
                                     parameters: [zeta] + Array(f.parameters.dropFirst()))
        let w = BigComplex(BigFloat(0.7, precision: 512), BigFloat(0.1, precision: 512))
        let o = MPFREvaluator(g, precision: 512).evaluate([w] + p.parameters.map { BigComplex(BigFloat(Self.decimals[$0.name]!, precision: 512)!) })
        let reference = try PreciseClosedForm(precision: 512).integrate(p.pieces, count: 6) { o[$0] }
        Self.expectHolds(reference, entries, radiusBelow: 1e-40, "ω = 0.7 + 0.1i")
        // Cauchy–Riemann against the real axis (the real-axis tape, in Double-sized steps).
        let eps = 1e-3, h = 1e-3
        func real(_ x: Double) throws -> [Complex<Double>] {
            try sigma.entries(at: RealBall(x, precision: 256), parameters: balls).map { Complex(($0.center.re).toDouble(), ($0.center.im).toDouble()) }
        }
        let at = try real(0.7), plus = try real(0.7 + h), minus = try real(0.7 - h)
        let off = try sigma.entries(at: (RealBall(0.7, precision: 256), RealBall(eps, precision: 256)), parameters: balls)
        for k in 0..<6 {
            let derivative = (plus[k] - minus[k]) * Complex(1 / (2 * h), 0)
            let predicted = at[k] + Complex(0, eps) * derivative
            let value = Complex((off[k].center.re).toDouble(), (off[k].center.im).toDouble())
            // The remainder is ε²Σ″/2 + O(εh²): ~10⁻⁶ here.
            #expect((value - predicted).length < 1e-5, "entry \(k): \(value) against \(predicted)")
        }
        // Past Im ω = κ a photon pole crosses the axis; the translated formula keeps its side
        // (the continuation, not the closed form of that ω). Check: the mean value over the
        // circle |ω − 0.7| = 0.3 (trapezoidal in θ, exponentially accurate for a function
        // analytic on a wider disk) is Σ(0.7) from the real-axis path (the old closed forms, the
        // real tape): it holds only if the values on the circle are the analytic continuation.
        let n = 64, rho = 0.3
        var mean = [Complex<Double>](repeating: .zero, count: 6)
        for j in 0..<n {
            let theta = 2 * Double.pi * Double(j) / Double(n)
            let e = try sigma.entries(at: (RealBall(0.7 + rho * cos(theta), precision: 256), RealBall(rho * sin(theta), precision: 256)), parameters: balls)
            for k in 0..<6 { mean[k] += Complex(e[k].center.re.toDouble(), e[k].center.im.toDouble()) * Complex(1 / Double(n), 0) }
        }
        for k in 0..<6 {
            // The trapezoidal error ~(0.3/0.58)^64 (the 48-point run at ρ = 0.35 missed by 4e-11).
            #expect((mean[k] - at[k]).length < 1e-13 * max(1, at[k].length), "entry \(k): mean over the circle \(mean[k]), Σ(0.7) \(at[k])")
        }
        // One disk straddling the axis past κ (a quadrature's error bound needs these): it holds
        // the axis value at its centre.
        let disk = try sigma.entries(inDisk: BigRational(7) / BigRational(10), radius: BigRational(3) / BigRational(10), parameters: balls)
        for k in 0..<6 {
            let d = ComplexBall.l1((disk[k] - ComplexBall(BigComplex(BigFloat(at[k].real, precision: 256), BigFloat(at[k].imaginary, precision: 256)))).center).toDouble()
            #expect(d <= disk[k].radius.toDouble() + 1e-12, "entry \(k): disk \(disk[k]) misses Σ(0.7)")
        }
    }

    /// K₁^R(0)'s loop density in balls (first-order): on the axis its centre is the Double
    /// route's density (CondensationNumerics.greens, then the loop's tape in Double: other code
    /// for the blocks and the closed forms) to 10⁻¹² of its size, with a radius far below that;
    /// off the axis it obeys Cauchy–Riemann against the axis.
    @Test("the loop density in balls: the Double route's on the axis, Cauchy–Riemann off it")
    func loopDensity() throws {
        let c = try CondensationModel.load(path: CondensationThresholdTests.model)
        let p = c.problem
        let balls = Self.parameterBalls(p)
        let density = try BallLoopDensity(p, bits: 200)
        let (_, double) = try CondensationThresholdTests.numerics(Self.decimals.mapValues { Double($0)! })
        let loop = TapeEvaluator(p.loop)
        func doubleDensity(_ nu: Double) throws -> Complex<Double> {
            let g = try double.greens(at: nu, .firstOrder).entries
            let v = [Complex(nu, 0), Complex(0, 0)] + p.parameters.map { Complex(Self.decimals[$0.name].flatMap(Double.init)!, 0) } + g + g
            return loop.evaluate(v)[0]
        }
        func center(_ b: ComplexBall) -> Complex<Double> { Complex(b.center.re.toDouble(), b.center.im.toDouble()) }
        for nu in [0.7, -3.0] {
            let b = try density.density(at: (RealBall(nu, precision: 256), RealBall(0, precision: 256)), parameters: balls, reading: .firstOrder)
            let d = try doubleDensity(nu)
            #expect((center(b) - d).length < 1e-12 * d.length, "ν = \(nu): balls \(center(b)), Double \(d)")
            #expect(b.radius.toDouble() < 1e-40 * d.length, "ν = \(nu): radius \(b.radius.toDouble())")
        }
        let eps = 1e-3, h = 1e-3
        func onAxis(_ x: Double) throws -> Complex<Double> {
            center(try density.density(at: (RealBall(x, precision: 256), RealBall(0, precision: 256)), parameters: balls, reading: .firstOrder))
        }
        let off = center(try density.density(at: (RealBall(0.7, precision: 256), RealBall(eps, precision: 256)), parameters: balls, reading: .firstOrder))
        let predicted = try onAxis(0.7) + Complex(0, eps) * (try onAxis(0.7 + h) - onAxis(0.7 - h)) * Complex(1 / (2 * h), 0)
        #expect((off - predicted).length < 1e-5 * max(1, off.length), "off the axis \(off), predicted \(predicted)")
    }

    /// The continuation off the axis refuses formulas that are not visibly analytic in the
    /// frequency (a branch cut could be crossed): by hand, log ν, √ν, |ν| and atan ν are refused,
    /// tanh(ν)/(ν + i) and exp(ν)·ν⁻² pass.
    @Test("frequency continuation: branch cuts and non-analytic functions refused, analytic formulas pass")
    func continuationRefusesBranchCuts() throws {
        let nu = Symbol("nu", .real), g = Symbol("g", .real)
        func compiles(_ e: Expr) -> Bool {
            guard let f = try? CompiledFunction(e, parameters: [nu, g]) else { return false }
            return (try? FrequencyContinuation.continued(f)) != nil
        }
        let x = Expr.symbol(nu)
        #expect(!compiles(Expr.log(x) * Expr.symbol(g)))
        #expect(!compiles(Expr.sqrt(x + 2)))
        #expect(!compiles(Expr.abs(x)))
        #expect(!compiles(Expr.atan(x)))
        #expect(compiles(Expr.tanh(x) / (x + Expr.i)))
        #expect(compiles(Expr.exp(x) * Expr.pow(x, Expr.integer(-2)) + Expr.sqrt(Expr.symbol(g))))
    }
}
