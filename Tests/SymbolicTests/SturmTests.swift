import Testing
import ArbitraryPrecision
@testable import Symbolic

/// Sturm sequences, real-root isolation and refinement. Expected roots are known by
/// construction (polynomials built as products of their linear factors), and √2 is
/// compared with its published decimal expansion.
@Suite struct SturmTests {
    func q(_ p: Int, _ d: Int = 1) -> BigRational { BigRational(BigInt(p), BigInt(d)) }
    /// ∏ (x − rᵢ).
    func fromRoots(_ roots: [BigRational]) -> UnivariatePolynomial {
        roots.reduce(UnivariatePolynomial.one) { $0 * UnivariatePolynomial([-$1, .one]) }
    }

    @Test func countsOnIntervals() {
        // Roots −3, −1/2, 0, 2, 7/3, 5.
        let p = fromRoots([q(-3), q(-1, 2), q(0), q(2), q(7, 3), q(5)])
        let s = SturmSequence(p)
        #expect(s.realRootCount == 6)
        #expect(s.countRoots(in: q(-10), q(10)) == 6)
        #expect(s.countRoots(in: q(-3), q(0)) == 2)          // (−3, 0] holds −1/2 and 0
        #expect(s.countRoots(in: q(-4), q(-3)) == 1)         // −3 at the right end counts
        #expect(s.countRoots(in: q(2), q(7, 3)) == 1)        // 7/3 only
        #expect(s.countRoots(in: q(21, 10), q(23, 10)) == 0)
        // x² + 1 has no real root; (x² − 2)(x² + 1) has two, ±√2 in (1, 2] and (−2, −1].
        let x2p1 = UnivariatePolynomial([1, 0, 1])
        #expect(SturmSequence(x2p1).realRootCount == 0)
        let f = UnivariatePolynomial([-2, 0, 1]) * x2p1
        #expect(SturmSequence(f).countRoots(in: q(1), q(2)) == 1)
        #expect(SturmSequence(f).countRoots(in: q(-2), q(-1)) == 1)
        // Multiple roots count once: (x − 1)³ (x + 1)².
        let m = UnivariatePolynomial([-1, 1]).power(3) * UnivariatePolynomial([1, 1]).power(2)
        #expect(SturmSequence(m).realRootCount == 2)
    }

    @Test func isolationOfKnownRoots() {
        // (x² − 2)(x − 1/3)(x + 5): roots −5, −√2, 1/3, √2.
        let p = UnivariatePolynomial([-2, 0, 1]) * fromRoots([q(1, 3), q(-5)])
        let roots = p.realRoots()
        #expect(roots.count == 4)
        let s2 = BigRational(2)
        // Each interval contains its root: exact endpoints, or a sign change of x² − 2 / linear factor.
        #expect(roots[0].isExact ? roots[0].lower == q(-5) : (roots[0].lower < q(-5) && q(-5) < roots[0].upper))
        #expect(roots[1].upper <= 0 && (roots[1].lower * roots[1].lower - s2).signum * (roots[1].upper * roots[1].upper - s2).signum < 0)
        #expect(roots[2].isExact ? roots[2].lower == q(1, 3) : (roots[2].lower < q(1, 3) && q(1, 3) < roots[2].upper))
        #expect(roots[3].lower >= 0 && (roots[3].lower * roots[3].lower - s2).signum * (roots[3].upper * roots[3].upper - s2).signum < 0)
        // Disjoint and increasing.
        for i in 0..<3 { #expect(roots[i].upper <= roots[i + 1].lower) }
        // Rational roots found exactly: −5 and 1/3.
        #expect(p.rationalRoots() == [q(-5), q(1, 3)])
    }

    @Test func sqrtTwoToHundredDigits() {
        // √2 = 1.41421356237309504880168872420969807856967187537694807317667973799073247846210703885038753432764157…
        // (OEIS A002193).
        let digits = "14142135623730950488016887242096980785696718753769480731766797379907324784621070388503875343276415727"
        let p = UnivariatePolynomial([-2, 0, 1]) * fromRoots([q(1, 3), q(-5)])
        let root = p.realRoots()[3].refined(toWidth: BigRational(BigInt(1), BigInt(10).power(105)))
        let scale = BigRational(BigInt(10).power(100))
        let lo = (root.lower * scale).floor, hi = (root.upper * scale).floor
        #expect(lo == hi)
        #expect(lo.description == String(digits.prefix(101)))
        #expect(root.width <= BigRational(BigInt(1), BigInt(10).power(105)))
    }

    @Test func refinementTo1700BitsKeepsASignChange() {
        // Roots of x³ − 2 (∛2) and of 3x² − 1 (1/√3) refined to 2^−1700: the final interval
        // must still bracket the root, checked by evaluating the defining polynomial exactly.
        for (p, index) in [(UnivariatePolynomial([-2, 0, 0, 1]), 0), (UnivariatePolynomial([-1, 0, 3]), 1)] {
            let r = p.realRoots()[index].refined(toBits: 1700)
            #expect(r.width <= BigRational(BigInt(1), BigInt(1) << 1700))
            #expect(p.evaluate(r.lower).signum * p.evaluate(r.upper).signum < 0)
        }
    }
}
