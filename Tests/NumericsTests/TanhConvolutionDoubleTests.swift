import Testing
import ArbitraryPrecision
import ComplexModule
@testable import KeldyshNumerics

/// The Double tanh convolution on paper 000's self-energy integrands (A53–A58: a retarded
/// Green's function G^R_ψ(ω − ν) = 1/(ω − ν + 0.25i) times a G-type factor 1/(ν − 0.3 + 0.75i),
/// T_F = 0.1 so β = 10, μ = ±0.5) against two independent methods:
/// * mpmath.quad at 30 digits (Benchmarks/peers/tanh_convolution_mpmath.py reference, run
///   2026-12-06; the interval split at μ, the poles' real parts and ±1, ±3, ±10, ±50), pasted;
/// * the MPFR closed form (TanhConvolution at 200 bits: its own root polish, BigComplex ψ).
@Suite struct TanhConvolutionDoubleTests {
    typealias C = Complex<Double>

    /// One integrand: R(ν) = factor/Π(ν − z)^m, β, μ and the mpmath value.
    struct Case {
        let poles: [(z: C, order: Int)]
        let factor: Double
        let beta: Double
        let mu: Double
        let mpmath: C
    }

    static func simple(_ mu: Double, _ omega: Double, _ re: Double, _ im: Double) -> Case {
        Case(poles: [(C(0.3, -0.75), 1), (C(omega, 0.25), 1)], factor: -1, beta: 10, mu: mu, mpmath: C(re, im))
    }

    // The values printed by the script (25 digits; the literals round them to Double).
    static let cases: [Case] = [
        simple(0.5, -3, -0.5302762352612073848603186, -1.220272612991044126208235),
        simple(0.5, 0, 2.602686851768152501205902, -0.03385991052403035222879594),
        simple(0.5, 0.7, -1.131157872823541233838977, 1.238411911061511327195837),
        simple(0.5, 20, 0.317468573503164286557636, -0.1490045493491334540186891),
        simple(-0.5, -3, -0.3467107221372169244363896, -0.5090528208468577980208128),
        simple(-0.5, 0, -3.031970448519084786724598, 2.302936837767018724288596),
        simple(-0.5, 0.7, -3.66233186790306843139962, -1.667115545468389704905724),
        simple(-0.5, 20, 0.2843885050256740457530168, -0.2542957692738298530487925),
        // (G^R)²-type: a double pole at 0.3 − 0.75i.
        Case(poles: [(C(0.3, -0.75), 2), (C(0.7, 0.25), 1)], factor: -1, beta: 10, mu: 0.5,
             mpmath: C(-1.18834062083679596573124, 0.06971763503155122895573877)),
        // Degree 4: times the Lorentzian 1/((ν − 0.4)² + 0.09) (the benchmark's integrand).
        Case(poles: [(C(0.3, -0.75), 1), (C(0.7, 0.25), 1), (C(0.4, 0.3), 1), (C(0.4, -0.3), 1)], factor: -1, beta: 10, mu: 0.5,
             mpmath: C(-1.772428797797428978821072, 4.699470967600377684652039)),
    ]

    /// Π(ν − z)^m multiplied out, lowest degree first.
    static func expanded(_ poles: [(z: C, order: Int)]) -> [C] {
        var q: [C] = [C(1, 0)]
        for (z, m) in poles {
            for _ in 0..<m {
                var next = [C](repeating: .zero, count: q.count + 1)
                for (k, a) in q.enumerated() {
                    next[k + 1] += a
                    next[k] -= z * a
                }
                q = next
            }
        }
        return q
    }

    func relative(_ x: C, _ y: C) -> Double { (x - y).length / y.length }

    @Test func fromCoefficientsAgainstMpmath() throws {
        for (n, c) in Self.cases.enumerated() {
            let r = try TanhConvolution.integrate(numerator: [C(c.factor, 0)], denominator: Self.expanded(c.poles), beta: c.beta, mu: c.mu)
            #expect(relative(r, c.mpmath) < 1e-13, "case \(n): \(r) vs \(c.mpmath)")
        }
    }

    @Test func fromPolesAgainstMpmath() throws {
        for (n, c) in Self.cases.enumerated() {
            let r = try TanhConvolution.integrate(numerator: [C(c.factor, 0)], poles: c.poles, beta: c.beta, mu: c.mu)
            #expect(relative(r, c.mpmath) < 1e-13, "case \(n): \(r) vs \(c.mpmath)")
        }
    }

    @Test func againstTheMPFRClosedForm() throws {
        // Also a numerator of degree 1 and poles on both sides with unequal weights (the MPFR
        // suite's complexPolesOnBothSides case) and β, μ away from the paper's.
        var all = Self.cases.map { ($0.poles, [C($0.factor, 0)], $0.beta, $0.mu) }
        all.append(([(C(0.3, 0.7), 1), (C(-1.2, -0.5), 1), (C(2, 0.1), 1)], [C(1, 2), C(1, 0)], 1.3, 0.2))
        all.append(([(C(0.5, 0.6), 2), (C(-0.7, -0.9), 1), (C(3, -0.02), 1)], [C(0.5, -1), C(0, 1), C(2, 0)], 40, -1.5))
        for (n, (poles, p, beta, mu)) in all.enumerated() {
            let q = Self.expanded(poles)
            let r = try TanhConvolution.integrate(numerator: p, denominator: q, beta: beta, mu: mu)
            let big = { (c: C) in BigComplex(c, precision: 200) }
            let reference = try TanhConvolution.integrate(numerator: p.map(big), denominator: q.map(big),
                                                          beta: BigFloat(beta, precision: 200), mu: BigFloat(mu, precision: 200), bits: 200).toComplexDouble()
            #expect(relative(r, reference) < 1e-12, "case \(n): \(r) vs \(reference)")
        }
    }

    @Test func twoDoublePolesFromQAsFromThePoles() throws {
        // Aberth does not settle beside two double roots (linear convergence); the clusters and
        // the Newton polish must still find them: the root-finding path against the path given
        // the poles (which finds none).
        let poles: [(z: C, order: Int)] = [(C(0.5, 0.6), 2), (C(-0.7, -0.9), 1), (C(3, -0.02), 2)]
        let p = [C(0.5, -1), C(0, 1), C(2, 0)]
        let fromQ = try TanhConvolution.integrate(numerator: p, denominator: Self.expanded(poles), beta: 40, mu: -1.5)
        let fromPoles = try TanhConvolution.integrate(numerator: p, poles: poles, beta: 40, mu: -1.5)
        #expect(relative(fromQ, fromPoles) < 1e-10, "\(fromQ) vs \(fromPoles)")
    }

    @Test func partialFractionsOfTheDoublePole() throws {
        // 1/((ν − z)²(ν − w)) by hand: the 1/(ν − z)² coefficient is 1/(z − w), the 1/(ν − z)
        // one −1/(z − w)², the residue at w 1/(w − z)².
        let z = C(0.3, -0.75), w = C(0.7, 0.25)
        let terms = try TanhConvolution.partialFractions(numerator: [C(1, 0)], denominator: Self.expanded([(z, 2), (w, 1)]))
        let double = try #require(terms.first { $0.double != .zero })
        let single = try #require(terms.first { $0.double == .zero })
        #expect(relative(double.pole, z) < 1e-14 && relative(single.pole, w) < 1e-14)
        #expect(relative(double.double, 1 / (z - w)) < 1e-13)
        #expect(relative(double.simple, -1 / ((z - w) * (z - w))) < 1e-13)
        #expect(relative(single.simple, 1 / ((w - z) * (w - z))) < 1e-13)
    }

    @Test func plainRationalIntegrals() throws {
        // ∫ dω/((ω − 0.4)² + 0.25²) = π/0.25 (the Lorentzian's area).
        let lorentzian = try TanhConvolution.rationalIntegral(numerator: [C(1, 0)], denominator: [C(0.2225, 0), C(-0.8, 0), C(1, 0)])
        #expect(relative(lorentzian, C(4 * Double.pi, 0)) < 1e-14)
        // ∫ dν/((ν − a)(ν − b)), Im a < 0 < Im b: closing above, 2πi/(b − a).
        let a = C(0.3, -0.75), b = C(0.7, 0.25)
        let direct = try TanhConvolution.rationalIntegral(numerator: [C(1, 0)], denominator: Self.expanded([(a, 1), (b, 1)]))
        #expect(relative(direct, C(0, 2 * Double.pi) / (b - a)) < 1e-14)
        // ∫ dν/(ν − z)²(ν − w) with z, w above and below: closing above picks the residue at z,
        // −1/(z − w)² (as in the partial fractions above).
        let z = C(0.3, 0.75), w = C(0.7, -0.25)
        let double = try TanhConvolution.rationalIntegral(numerator: [C(1, 0)], denominator: Self.expanded([(z, 2), (w, 1)]))
        #expect(relative(double, C(0, 2 * Double.pi) * (-1 / ((z - w) * (z - w)))) < 1e-13)
    }

    @Test func refusals() {
        let one = [C(1, 0)]
        // ω/(ω² + 1) falls off like 1/ω.
        #expect(throws: TanhConvolution.Failure.divergent(numeratorDegree: 1, denominatorDegree: 2)) {
            try TanhConvolution.integrate(numerator: [.zero, C(1, 0)], denominator: [C(1, 0), .zero, C(1, 0)], beta: 1, mu: 0)
        }
        #expect(throws: TanhConvolution.Failure.divergent(numeratorDegree: 0, denominatorDegree: 1)) {
            try TanhConvolution.rationalIntegral(numerator: one, denominator: [C(0, 1), C(1, 0)])
        }
        // Partial fractions whose residues do not sum to zero: R ~ 1/ω.
        #expect(throws: TanhConvolution.Failure.divergent(numeratorDegree: 1, denominatorDegree: 2)) {
            try TanhConvolution.integrate(partialFractions: [.init(pole: C(0, 1), simple: C(1, 0)), .init(pole: C(0, -1), simple: C(1, 0))], beta: 1, mu: 0)
        }
        // 1/(ω² − 1): poles ±1 on the axis.
        #expect(throws: TanhConvolution.Failure.self) {
            try TanhConvolution.integrate(numerator: one, denominator: [C(-1, 0), .zero, C(1, 0)], beta: 1, mu: 0)
        }
        #expect(throws: TanhConvolution.Failure.poleOnTheRealAxis("1.0")) {
            try TanhConvolution.integrate(numerator: one, poles: [(C(1, 0), 1), (C(0, 1), 1)], beta: 1, mu: 0)
        }
        // 1/((ω − i)³(ω + i)) = 1/(ω⁴ − 2iω³ − 2iω − 1): a triple pole.
        #expect(throws: TanhConvolution.Failure.highOrderPole(3)) {
            try TanhConvolution.integrate(numerator: one, denominator: [C(-1, 0), C(0, -2), .zero, C(0, -2), C(1, 0)], beta: 1, mu: 0)
        }
        #expect(throws: TanhConvolution.Failure.highOrderPole(3)) {
            try TanhConvolution.integrate(numerator: one, poles: [(C(0, 1), 3), (C(0, -1), 1)], beta: 1, mu: 0)
        }
        // Roots that cannot be found: a non-finite coefficient; a pole listed twice.
        #expect(throws: TanhConvolution.Failure.self) {
            try TanhConvolution.integrate(numerator: one, denominator: [C(.nan, 0), .zero, C(1, 0)], beta: 1, mu: 0)
        }
        #expect(throws: TanhConvolution.Failure.self) {
            try TanhConvolution.integrate(numerator: one, poles: [(C(0, 1), 1), (C(0, 1), 1)], beta: 1, mu: 0)
        }
    }
}
