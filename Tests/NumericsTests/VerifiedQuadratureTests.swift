import Testing
import ArbitraryPrecision
@testable import KeldyshNumerics

/// Verified quadrature: the rational Gauss–Legendre rules' exact defects, enclosures of two
/// integrals known in closed form (values from MPFR at 512 bits, an independent code path), a
/// rule with a deliberately wrong weight whose error the bound must still cover, and refusals
/// after bounded work.
@Suite struct VerifiedQuadratureTests {
    struct Refused: Error {}

    static func tenToMinus(_ k: Int) -> BigRational { BigRational(.one, BigInt(10).power(k)) }

    /// |v − center| ≤ radius, exactly.
    static func contains(_ b: ComplexBall, _ v: BigRational) -> Bool {
        let d = GaussianRational(v) - b.center
        return d.re * d.re + d.im * d.im <= b.radius * b.radius
    }

    // 1/(1 + x²) exactly at rational points.
    static func lorentzian(_ x: BigRational) -> ComplexBall { ComplexBall(1 / (1 + x * x)) }

    /// |1/(1 + z²)| on |z − c| ≤ r (c real): |1 + z²| = |z − i||z + i| and both factors are
    /// at least |c ∓ i| − r = √(c² + 1) − r (triangle inequality), bounded below by a floor
    /// square root; the disk must stay off ±i.
    static func lorentzianBound(_ c: BigRational, _ r: BigRational) throws -> BigRational {
        let gap = RationalBounds.sqrtBelow(c * c + 1) - r
        guard gap.signum > 0 else { throw Refused() }
        return 1 / (gap * gap)
    }

    static func exponential(_ x: BigRational) throws -> ComplexBall {
        guard let v = ComplexBall.exp(ComplexBall(x), bits: 128) else { throw Refused() }
        return v
    }

    /// |e^z| = e^{Re z} ≤ e^{c + r} on the disk.
    static func exponentialBound(_ c: BigRational, _ r: BigRational) throws -> BigRational {
        guard let m = RationalBounds.expAbove(c + r) else { throw Refused() }
        return m
    }

    static let eMinusOne = (BigFloat.e(precision: 512) - BigFloat(1, precision: 512)).toBigRational()!

    // Gauss–Legendre integrates t^k exactly for k < 2n (textbook), so the defects of the
    // rounded rule are rounding only: below 2^−120 at 128 bits; the rule is symmetric, so the
    // odd ones are exactly 0, and all weights are positive, so W = Σw = 2 − δ₀. The 2-point
    // nodes are ±1/√3 (t² = 1/3 to the rounding).
    @Test func gaussLegendreDefectsAreRoundingOnly() throws {
        let small = BigRational(.one, BigInt.one << 120)
        for n in [2, 5, 8, 24] {
            let rule = try RationalQuadratureRule.gaussLegendre(points: n, bits: 128)
            #expect(rule.defects.count == 2 * n)
            for (k, d) in rule.defects.enumerated() {
                if k % 2 == 1 { #expect(d.isZero, "n = \(n): odd defect δ_\(k) = \(d)") }
                #expect(d.abs < small, "n = \(n): δ_\(k) not rounding-sized")
            }
            #expect(rule.weights.allSatisfy { $0.signum > 0 })
            #expect(rule.absoluteWeightSum == 2 - rule.defects[0])
        }
        let two = try RationalQuadratureRule.gaussLegendre(points: 2, bits: 128)
        #expect((two.nodes[1] * two.nodes[1] - BigRational(1, 3)).abs < small)
        #expect(two.nodes[0] == -two.nodes[1])
    }

    // ∫_{−1}^{1} dx/(1 + x²) = 2 arctan 1 = π/2 (π from MPFR at 512 bits; its 2^−512 error is
    // far below the radius). The disk of ratio 2 around [−1, 1] holds the poles ±i, so the
    // interval must be split.
    @Test func lorentzianEnclosesHalfPi() throws {
        let halfPi = BigFloat.pi(precision: 512).toBigRational()! / 2
        let result = try VerifiedQuadrature.integrate(
            from: -1, to: 1, tolerance: Self.tenToMinus(28), bits: 128,
            value: Self.lorentzian, diskBound: Self.lorentzianBound)
        #expect(Self.contains(result.value, halfPi), "π/2 not in \(result.value)")
        #expect(result.value.radius < Self.tenToMinus(25))
        #expect(result.truncation <= Self.tenToMinus(28))
        #expect(result.panels.count > 1)
        #expect(result.evaluations == result.panels.reduce(0) { $0 + $1.points })
        print("1/(1+x²): \(result.panels.count) panels, \(result.evaluations) evaluations, \(result.diskBounds) disk bounds, radius \(result.value.radius.toDouble())")
    }

    // ∫_0^1 e^x dx = e − 1 (e from MPFR at 512 bits).
    @Test func exponentialEnclosesEMinusOne() throws {
        let result = try VerifiedQuadrature.integrate(
            from: 0, to: 1, tolerance: Self.tenToMinus(28), bits: 128,
            value: Self.exponential, diskBound: Self.exponentialBound)
        #expect(Self.contains(result.value, Self.eMinusOne), "e − 1 not in \(result.value)")
        #expect(result.value.radius < Self.tenToMinus(25))
        print("e^x: \(result.panels.count) panels, \(result.evaluations) evaluations, \(result.diskBounds) disk bounds, radius \(result.value.radius.toDouble())")
    }

    // One weight of the 24-point rule moved by 10⁻¹²: δ₀ = −10⁻¹² up to the rounding (δ₀ of the
    // unperturbed rule is < 2^−120), the sum for ∫_0^1 e^x misses e − 1 by about ½·10⁻¹²·e^{t}
    // (checked: more than 10⁻¹³), and the enclosure still holds e − 1 because the defects enter
    // the bound. The disk (radius 2, ρ = 4) makes the Gauss tail ρ^−48 ≈ 10⁻²⁹ negligible: the
    // unperturbed rule's bound on the same disk is below 10⁻²⁰, so the perturbed bound's
    // ≥ 10⁻¹² comes from the defects alone.
    @Test func perturbedWeightIsCoveredByTheDefects() throws {
        let gauss = try RationalQuadratureRule.gaussLegendre(points: 24, bits: 128)
        var weights = gauss.weights
        weights[3] += Self.tenToMinus(12)
        let rule = try RationalQuadratureRule(nodes: gauss.nodes, weights: weights)
        #expect((rule.defects[0] + Self.tenToMinus(12)).abs < BigRational(.one, BigInt.one << 120))
        #expect(rule.defects[1].abs > Self.tenToMinus(14))
        func enclose(_ rule: RationalQuadratureRule) throws -> PanelEnclosure {
            try VerifiedQuadrature.panel(
                center: BigRational(1, 2), halfWidth: BigRational(1, 2), diskRadius: 2, rule: rule, bits: 128,
                value: Self.exponential, diskBound: Self.exponentialBound)
        }
        let honest = try enclose(gauss)
        #expect(honest.truncation < Self.tenToMinus(20))
        #expect(Self.contains(honest.value, Self.eMinusOne), "e − 1 not in \(honest.value)")
        let panel = try enclose(rule)
        #expect(Self.contains(panel.value, Self.eMinusOne), "e − 1 not in \(panel.value)")
        #expect((panel.value.center.re - Self.eMinusOne).abs > Self.tenToMinus(13))
        #expect(panel.value.radius >= Self.tenToMinus(12))
        #expect(panel.truncation >= Self.tenToMinus(12))
    }

    // A disk bound that always throws: refused after at most 2·limit − 1 disk bounds and no
    // point evaluation, by the panel budget or by the depth limit.
    @Test func noDiskBoundIsRefusedAfterBoundedWork() {
        for (panels, depth) in [(16, 40), (256, 3)] {
            var disks = 0, points = 0
            #expect(throws: VerifiedQuadratureError.self) {
                _ = try VerifiedQuadrature.integrate(
                    from: 0, to: 1, tolerance: Self.tenToMinus(10), bits: 64,
                    maximumPanels: panels, maximumDepth: depth,
                    value: { x in points += 1; return ComplexBall(x) },
                    diskBound: { _, _ in disks += 1; throw Refused() })
            }
            #expect(points == 0)
            #expect(disks <= 2 * panels - 1 && disks <= (1 << (depth + 1)) - 1)
            #expect(disks > 0)
        }
    }

    // 10⁻⁶⁰ is out of reach at 64 bits (the defects alone are ~2^−64 ≈ 5·10⁻²⁰ of M): refused,
    // with no point evaluated. A depth-limited run names the unreachable tolerance.
    @Test func unreachableToleranceIsRefused() {
        var points = 0
        #expect(throws: VerifiedQuadratureError.self) {
            _ = try VerifiedQuadrature.integrate(
                from: 0, to: 1, tolerance: Self.tenToMinus(60), bits: 64, maximumPanels: 64,
                value: { x in points += 1; return try Self.exponential(x) }, diskBound: Self.exponentialBound)
        }
        do {
            _ = try VerifiedQuadrature.integrate(
                from: 0, to: 1, tolerance: Self.tenToMinus(60), bits: 64, maximumDepth: 2,
                value: { x in points += 1; return try Self.exponential(x) }, diskBound: Self.exponentialBound)
            Issue.record("an unreachable tolerance was accepted")
        } catch VerifiedQuadratureError.toleranceUnreachable {
        } catch {
            Issue.record("wrong refusal: \(error)")
        }
        #expect(points == 0)
    }

    // Bad arguments are refused before any work.
    @Test func badArgumentsAreRefused() {
        #expect(throws: VerifiedQuadratureError.self) {
            _ = try RationalQuadratureRule(nodes: [0, BigRational(3, 2)], weights: [1, 1])
        }
        #expect(throws: VerifiedQuadratureError.self) {
            _ = try RationalQuadratureRule.gaussLegendre(points: 100_000, bits: 128)
        }
        #expect(throws: VerifiedQuadratureError.self) {
            _ = try VerifiedQuadrature.integrate(from: 1, to: 0, tolerance: 1, bits: 64,
                                                 value: Self.lorentzian, diskBound: Self.lorentzianBound)
        }
        #expect(throws: VerifiedQuadratureError.self) {
            _ = try VerifiedQuadrature.integrate(from: 0, to: 1, tolerance: 1, bits: 64, ratio: 1,
                                                 value: Self.lorentzian, diskBound: Self.lorentzianBound)
        }
    }
}
