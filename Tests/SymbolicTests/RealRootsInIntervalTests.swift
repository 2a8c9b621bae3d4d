import Testing
import ArbitraryPrecision
@testable import Symbolic

@Suite struct RealRootsInIntervalTests {
    /// (x − 1)(x − 2)(x − 3)(x + 5)(3x − 2)(x² − 2): roots −5, −√2, 2/3, 1, √2, 2, 3 (by hand).
    let f: UnivariatePolynomial = {
        var p = UnivariatePolynomial.one
        for factor in [[-1, 1], [-2, 1], [-3, 1], [5, 1], [-2, 3], [-2, 0, 1]] { p = p * UnivariatePolynomial(factor) }
        return p
    }()

    @Test func isolationConfinedToAnInterval() {
        let sturm = SturmSequence(f.squareFreePart)
        // [3/2, 5/2] holds only 2 (√2 ≈ 1.414 is outside); [0, 10] holds 2/3, 1, √2, 2, 3.
        // Isolating intervals may stick out of the requested interval (documented); after
        // refinement to 2^-40 exactly the roots inside must remain, and none may be missing.
        func inside(_ roots: [RealRoot], _ a: BigRational, _ b: BigRational) -> [RealRoot] {
            roots.map { $0.refined(toBits: 40) }.filter { $0.upper >= a && $0.lower <= b }
        }
        let one = inside(sturm.realRoots(in: BigRational(3, 2), BigRational(5, 2)), BigRational(3, 2), BigRational(5, 2))
        #expect(one.count == 1)
        #expect(one.allSatisfy { $0.lower <= 2 && 2 <= $0.upper })
        let five = inside(sturm.realRoots(in: BigRational(0), BigRational(10)), 0, 10)
        // Second method: the whole-axis isolation, filtered to the roots in [0, 10].
        let all = inside(f.realRoots(), 0, 10)
        #expect(five.count == 5 && all.count == 5)
        for (a, b) in zip(five, all) { #expect(a.lower <= b.upper && b.lower <= a.upper) }
    }

    @Test func rationalRootOfOneRootOnly() {
        let sturm = SturmSequence(f.squareFreePart)
        let roots = sturm.realRoots(in: BigRational(-10), BigRational(10))
        // Second method: `rationalRoots()`, the search over the whole axis.
        let expected = f.rationalRoots()
        #expect(expected == [BigRational(-5), BigRational(2, 3), 1, 2, 3])
        let found = roots.compactMap { $0.rationalRoot() }
        #expect(found == expected)
        // ±√2 are roots too but not rational.
        #expect(roots.count == 7)
    }
}
