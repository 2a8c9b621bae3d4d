import Testing
import ComplexModule
@testable import KeldyshNumerics

@Suite("Aberth–Ehrlich polynomial roots")
struct PolynomialRootFinderTests {
    /// Monic coefficients (lowest first) of Π (z − r_k), expanded by hand-checked recursion.
    func monic(_ roots: [Complex<Double>]) -> [Complex<Double>] {
        var c: [Complex<Double>] = [Complex(1, 0)]
        for r in roots {
            var next = [Complex<Double>](repeating: .zero, count: c.count + 1)
            for k in 0..<c.count { next[k + 1] += c[k]; next[k] -= r * c[k] }
            c = next
        }
        return c
    }

    func matches(_ found: [Complex<Double>], _ expected: [Complex<Double>], tolerance: Double) -> Bool {
        var left = expected
        for z in found {
            guard let k = left.indices.min(by: { (left[$0] - z).length < (left[$1] - z).length }),
                  (left[k] - z).length <= tolerance else { return false }
            left.remove(at: k)
        }
        return left.isEmpty
    }

    @Test func rootsOfAKnownSexticColdAndWarm() {
        // Roots chosen by hand: a conjugate pair, a real pair, two complex ones off the axis.
        let roots = [Complex(0.1, 1.0), Complex(0.1, -1.0), Complex(-0.5, 0), Complex(2, 0),
                     Complex(-0.03, 1.2), Complex(1, -3)]
        var finder = PolynomialRootFinder(degree: 6)
        let c = monic(roots)
        #expect(c.withUnsafeBufferPointer { finder.solve($0.baseAddress!) })
        #expect(matches(finder.roots, roots, tolerance: 1e-13))
        // Warm start from those roots on a slightly moved polynomial: same answer, few sweeps.
        let moved = roots.map { $0 + Complex(1e-3, 2e-3) }
        let c2 = monic(moved)
        #expect(c2.withUnsafeBufferPointer { finder.solve($0.baseAddress!) })
        #expect(matches(finder.roots, moved, tolerance: 1e-13))
        #expect(finder.lastSweeps <= 4)
    }

    @Test func aTripleRootIsReportedAsNotSettledOrAccurateToItsConditioning() {
        // (z − 1)³ (z + 2): the triple root is only determined to ~ε^(1/3) ≈ 6e-6; either the
        // iteration settles there or it says it did not (the caller then uses zgeev).
        let roots = [Complex(1.0, 0), Complex(1.0, 0), Complex(1.0, 0), Complex(-2.0, 0)]
        var finder = PolynomialRootFinder(degree: 4)
        let c = monic(roots)
        if c.withUnsafeBufferPointer({ finder.solve($0.baseAddress!) }) {
            #expect(matches(finder.roots, roots, tolerance: 1e-4))
        }
    }
}
