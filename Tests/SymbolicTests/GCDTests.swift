import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// Multivariate polynomial GCDs. Inputs are products of factors chosen by hand, so the gcd
/// is known; every result is also checked by the kernel's own division (independent of
/// the GCD code): the gcd divides both inputs exactly and the cofactors have gcd 1.
@Suite struct GCDTests {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")
    var gens: [Expr] { [x, y, z] }
    func p(_ e: Expr) -> Polynomial { try! Polynomial(e, generators: gens) }

    /// gcd(a, b) == expected, a and b divisible by it, cofactors coprime.
    func check(_ a: Expr, _ b: Expr, _ expected: Expr, sourceLocation: SourceLocation = #_sourceLocation) {
        let pa = p(a), pb = p(b)
        let (g, ca, cb) = Polynomial.cofactors(pa, pb)
        #expect(g == p(expected), "gcd \(g)", sourceLocation: sourceLocation)
        #expect(pa.exactlyDivided(by: g) == ca, sourceLocation: sourceLocation)
        #expect(pb.exactlyDivided(by: g) == cb, sourceLocation: sourceLocation)
        #expect(Polynomial.gcd(ca, cb) == Polynomial(1, generators: gens), sourceLocation: sourceLocation)
    }

    @Test func multivariateCommonFactor() {
        // (x + y + 1) is the only common factor of the two products.
        let c = x + y + 1
        check(c * (x * x * y - 3 * z + 2), c * (x - y * z + 5), c)
        // A common factor to a power, and a second common factor.
        let d = x * z - y + 7
        check(Expr.pow(c, 3) * d * (x - 1), Expr.pow(c, 2) * d * (y + z), Expr.pow(c, 2) * d)
    }

    @Test func largeCoefficients() {
        // Coefficients far beyond 64 bits in the common factor and the cofactors.
        let big = Expr.number(BigInt("123456789012345678901234567890")!)
        let big2 = Expr.number(BigInt("98765432109876543210987654321")!)
        let c = big * x * x * y + big2 * z - 1
        check(c * Expr.pow(x + 2 * y, 2) * (big2 * x + 1), c * Expr.pow(x + 2 * y, 3) * (z - big), c * Expr.pow(x + 2 * y, 2))
    }

    @Test func trivialGCD() {
        // No common factor: (x + 1)(y − 2) and (x − 1)(y + 2).
        check((x + 1) * (y - 2), (x - 1) * (y + 2), 1)
        // Coprime univariate polynomials of high degree: x^20 − 1 and x^7 + 2.
        check(Expr.pow(x, 20) - 1, Expr.pow(x, 7) + 2, 1)
    }

    @Test func contentIsRemoved() {
        // 6(x+1)²(y+3) and 10(x+1)(y+3)z: over ℚ the gcd is primitive, (x+1)(y+3).
        let a = 6 * Expr.pow(x + 1, 2) * (y + 3), b = 10 * (x + 1) * (y + 3) * z
        check(a, b, (x + 1) * (y + 3))
        // Content of a: 6 (its primitive part has coprime coefficients).
        #expect(p(a).content == BigRational(6))
        // Rational coefficients: gcd(x/2 + 1/3, (3x + 2)(y − 1)) = 3x + 2.
        check(x / 2 + Expr.rational(1, 3), (3 * x + 2) * (y - 1), 3 * x + 2)
        // gcd with zero is the normal form of the other input.
        #expect(Polynomial.gcd(p(-4 * x - 6), p(0)) == p(2 * x + 3))
    }

    @Test func univariateKnownFactors() {
        // (x−1)³(x+2)(x²+1) and (x−1)(x+2)²(x−5): gcd (x−1)(x+2).
        let a = Expr.pow(x - 1, 3) * (x + 2) * (x * x + 1)
        let b = (x - 1) * Expr.pow(x + 2, 2) * (x - 5)
        check(a, b, (x - 1) * (x + 2))
    }

    @Test func gaussianCoefficients() {
        // Over ℚ(i): (ω − ω₀)² + κ² = (ω − ω₀ − iκ)(ω − ω₀ + iκ), so its gcd with
        // (ω − ω₀ − iκ)(ω + 1) is ω − ω₀ − iκ (up to a unit; the normal form keeps the
        // real coefficients real and the first real one positive).
        let w = Expr.symbol("ω"), w0 = Expr.symbol("ω₀"), k = Expr.symbol("κ")
        let g = [w, w0, k]
        let a = try! Polynomial(Expr.pow(w - w0, 2) + k * k, generators: g)
        let b = try! Polynomial((w - w0 - Expr.i * k) * (w + 1), generators: g)
        let (h, ca, cb) = Polynomial.cofactors(a, b)
        let factor = try! Polynomial(w - w0 - Expr.i * k, generators: g)
        let other = try! Polynomial(w - w0 + Expr.i * k, generators: g)
        // Associates: h/factor is a unit.
        let unit = h.exactlyDivided(by: factor)
        #expect(unit != nil && unit!.totalDegree == 0 && unit!.terms[0].coefficient.norm == 1)
        #expect(a.exactlyDivided(by: h) == ca && b.exactlyDivided(by: h) == cb)
        #expect(Polynomial.gcd(ca, cb).totalDegree == 0)
        // The other conjugate factor is coprime to b.
        #expect(Polynomial.gcd(other, b).totalDegree == 0)
    }

    @Test func heuristicAgreesWithPRS() {
        // Random products a·c, b·c: the heuristic GCD and the primitive PRS (second method)
        // must give the same normalised gcd, a multiple of c.
        var rng = SplitMix64(seed: 31)
        func random() -> Expr {
            var s = Expr.zero
            for _ in 0..<4 {
                s = s + Expr.integer(rng.nextSigned(50)) * Expr.pow(x, .integer(rng.next(3))) * Expr.pow(y, .integer(rng.next(3))) * Expr.pow(z, .integer(rng.next(2)))
            }
            return s + 1
        }
        for _ in 0..<8 {
            let a = random(), b = random(), c = random()
            let pa = p(a * c), pb = p(b * c)
            let vars = Polynomial.usedVariables([pa, pb])
            let (h, _, _) = RecursiveGCD.integerCofactors(pa.integerRecursive(vars), pb.integerRecursive(vars))
            let prs = RecursiveGCD.prs(pa.integerRecursive(vars), pb.integerRecursive(vars))
            #expect(h == prs)
            let g = Polynomial.gcd(pa, pb)
            #expect(g.exactlyDivided(by: p(c)) != nil)
        }
    }
}
