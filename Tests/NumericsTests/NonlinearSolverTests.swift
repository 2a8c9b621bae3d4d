import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import Testing
import TestSupport

@Suite("Nonlinear systems")
struct NonlinearSolverTests {
    /// Powell's badly scaled function, Moré, Garbow & Hillstrom, ACM TOMS 7 (1981) 17–41,
    /// problem 3: start (0, 1), root (1.098159…e−5, 9.106146…).
    func powell(_ x: [Double]) -> [Double] {
        [1e4 * x[0] * x[1] - 1, exp(-x[0]) + exp(-x[1]) - 1.0001]
    }

    @Test func powellBadlyScaledWithFiniteDifferences() {
        let r = solveDogleg(powell, from: [0, 1])
        #expect(r.converged, "\(r.stop)")
        #expect(r.residualNorm <= 1e-10)
        #expect(abs(r.x[0] - 1.098159e-5) < 1e-11 && abs(r.x[1] - 9.106146) < 1e-6)
    }

    @Test func powellBadlyScaledWithAnalyticJacobian() {
        let r = solveDogleg(powell, jacobian: { x in
            DenseMatrix([[1e4 * x[1], 1e4 * x[0]], [-exp(-x[0]), -exp(-x[1])]])
        }, from: [0, 1])
        #expect(r.converged, "\(r.stop)")
        #expect(abs(r.x[0] - 1.098159e-5) < 1e-11 && abs(r.x[1] - 9.106146) < 1e-6)
        #expect(r.jacobianEvaluations >= 2)
    }

    @Test func rosenbrockAsSystem() {
        // MGH problem 1: F = (10(x₂ − x₁²), 1 − x₁), start (−1.2, 1), unique root (1, 1).
        let r = solveDogleg({ x in [10 * (x[1] - x[0] * x[0]), 1 - x[0]] }, from: [-1.2, 1])
        #expect(r.converged, "\(r.stop)")
        #expect(abs(r.x[0] - 1) < 1e-10 && abs(r.x[1] - 1) < 1e-10)
    }

    @Test func inconsistentLinearSystemReportsSingularJacobian() {
        // x + y = 1 and x + y = 3 have no solution; J = [[1,1],[1,1]] is singular
        // everywhere and min ‖F‖ = √2 (at x + y = 2, by symmetry of the two residuals).
        let r = solveDogleg({ x in [x[0] + x[1] - 1, x[0] + x[1] - 3] }, from: [0, 0])
        #expect(!r.converged)
        guard case let .singularJacobian(condition) = r.stop else {
            Issue.record("expected singular Jacobian, got \(r.stop)"); return
        }
        #expect(condition > 1e12)
        #expect(abs(r.residualNorm - 2.0.squareRoot()) < 1e-8)
    }

    @Test func stallAtSingularPointReportsSingularJacobian() {
        // F = (x₁² + 1, x₂ − 1) has no root; ‖F‖ is smallest at x₁ = 0, where
        // ∂F₁/∂x₁ = 2x₁ vanishes. The solver must not claim success.
        let r = solveDogleg({ x in [x[0] * x[0] + 1, x[1] - 1] }, from: [1.5, 0])
        #expect(!r.converged)
        guard case .singularJacobian = r.stop else { Issue.record("expected singular Jacobian, got \(r.stop)"); return }
        #expect(abs(r.residualNorm - 1) < 1e-6)
    }

    @Test func polishRootTo80Digits() throws {
        // x² + y² = 4, x·y = 1: x = (√6 + √2)/2, y = (√6 − √2)/2, since
        // x² + y² = (8 + 8)/4 = 4 and x·y = (6 − 2)/4 = 1 (worked by hand).
        let seed = solveDogleg({ v in [v[0] * v[0] + v[1] * v[1] - 4, v[0] * v[1] - 1] }, from: [2, 0.5])
        #expect(seed.converged)
        let p = BigFloat.bits(forDigits: 100)
        let four = BigFloat(4, precision: p), one = BigFloat(1, precision: p)
        let r = newtonPolish({ v in [v[0] * v[0] + v[1] * v[1] - four, v[0] * v[1] - one] }, from: seed.x, digits: 80)
        #expect(r.stop == .converged)
        let s6 = BigFloat.sqrt(BigFloat(6, precision: p)), s2 = BigFloat.sqrt(BigFloat(2, precision: p))
        let half = BigFloat(0.5, precision: p)
        #expect(distance(r.x[0], (s6 + s2) * half) < 1e-80)
        #expect(distance(r.x[1], (s6 - s2) * half) < 1e-80)
        #expect(r.residualNorm.toDouble() < 1e-80)
        #expect(r.lastStepNorm.toDouble() < 1e-40)
    }

    @Test func polishWithAnalyticJacobian() throws {
        // cos x = x (Dottie number, OEIS A003957) as a 1-equation system with J = −sin x − 1.
        let r = newtonPolish({ v in [BigFloat.cos(v[0]) - v[0]] }, jacobian: { v in
            DenseMatrix([[-BigFloat.sin(v[0]) - BigFloat(1, precision: v[0].precision)]])
        }, from: [0.74], digits: 90)
        #expect(r.stop == .converged)
        #expect(distance(r.x[0], big(dottie, digits: 110)) < 1e-90)
    }

    @Test func polishReportsSingularJacobian() {
        // F = (x + y, 2x + 2y): J has rank 1, elimination meets an exact zero pivot.
        let r = newtonPolish({ v in [v[0] + v[1], v[0] + v[0] + v[1] + v[1]] }, jacobian: { v in
            let p = v[0].precision
            return DenseMatrix([[BigFloat(1, precision: p), BigFloat(1, precision: p)],
                                [BigFloat(2, precision: p), BigFloat(2, precision: p)]])
        }, from: [1.0, 2.0], digits: 30)
        #expect(r.stop == .singularJacobian)
        #expect(abs(r.residualNorm.toDouble() - 3 * 5.0.squareRoot()) < 1e-20)  // ‖(3, 6)‖
    }
}
