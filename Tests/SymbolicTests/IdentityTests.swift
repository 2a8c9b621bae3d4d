import Testing
import ArbitraryPrecision
@testable import Symbolic

/// Identities checked at random points in MPFR at 60 or more digits. The identities are
/// textbook ones; the negative controls show that the check can fail.
@Suite struct IdentityTests {
    let x = Expr.symbol("x"), y = Expr.symbol("y")

    @Test func hyperbolicTangent() throws {
        // tanh x = (e^{2x} − 1)/(e^{2x} + 1) for complex x.
        let e2x = Expr.exp(2 * x)
        let r = try Expr.numericallyEqual(Expr.tanh(x), (e2x - 1) / (e2x + 1), digits: 60, seed: 1)
        #expect(r.equal, "max relative difference \(r.maxRelativeDifference.toDouble())")
    }

    @Test func doubleAngle() throws {
        // sin 2x = 2 sin x cos x; the difference itself evaluates to 0 against its own scale.
        let r = try Expr.numericallyEqual(Expr.sin(2 * x), 2 * Expr.sin(x) * Expr.cos(x), digits: 80, seed: 2)
        #expect(r.equal)
        let d = try Expr.numericallyEqual(Expr.sin(2 * x) - 2 * Expr.sin(x) * Expr.cos(x), 0, digits: 70, seed: 3)
        #expect(d.equal)
    }

    @Test func expandedProducts() throws {
        // (x + y)(x − y) = x² − y² and (1 + x)³ = 1 + 3x + 3x² + x³, built with core constructors only.
        let r1 = try Expr.numericallyEqual((x + y) * (x - y), Expr.pow(x, 2) - Expr.pow(y, 2), digits: 60, seed: 4)
        #expect(r1.equal)
        let r2 = try Expr.numericallyEqual(Expr.pow(1 + x, 3), 1 + 3 * x + 3 * Expr.pow(x, 2) + Expr.pow(x, 3),
                                           digits: 100, seed: 5)
        #expect(r2.equal)
    }

    @Test func assumptionsShapeThePoints() throws {
        // log(p q) = log p + log q holds for positive p, q (points drawn positive).
        let p = Expr.symbol("p", [.positive]), q = Expr.symbol("q", [.positive])
        #expect(try Expr.numericallyEqual(Expr.log(p * q), Expr.log(p) + Expr.log(q), digits: 60, seed: 6).equal)
        // |r|² = r² for real r.
        let r = Expr.symbol("r", [.real])
        #expect(try Expr.numericallyEqual(Expr.pow(Expr.abs(r), 2), Expr.pow(r, 2), digits: 60, seed: 7).equal)
    }

    @Test func negativeControls() throws {
        // sin 2x ≠ 2 sin x, and (x + y)² ≠ x² + y²: the difference is of order 1.
        let a = try Expr.numericallyEqual(Expr.sin(2 * x), 2 * Expr.sin(x), digits: 60, seed: 8)
        #expect(!a.equal)
        #expect(a.maxRelativeDifference.toDouble() > 1e-3)
        let b = try Expr.numericallyEqual(Expr.pow(x + y, 2), Expr.pow(x, 2) + Expr.pow(y, 2), digits: 60, seed: 9)
        #expect(!b.equal)
        // A perturbation at the 10⁻⁴⁰ level passes at 30 digits and fails at 60.
        let tiny = Expr.pow(10, -40)
        #expect(try Expr.numericallyEqual(Expr.exp(x), Expr.exp(x) * (1 + tiny), digits: 30, seed: 10).equal)
        #expect(try !Expr.numericallyEqual(Expr.exp(x), Expr.exp(x) * (1 + tiny), digits: 60, seed: 10).equal)
    }
}
