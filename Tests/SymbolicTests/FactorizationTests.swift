import Testing
import Foundation
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// Factorisation over ℚ (univariate Zassenhaus, multivariate evaluation + Hensel lifting).
/// Expected factor lists were computed independently with SymPy 1.14 `factor_list` (the
/// command is quoted above each case) or by hand where noted; factors are compared in
/// `Polynomial.normalForm`, so SymPy's signs and ours agree.
@Suite struct FactorizationTests {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")

    func parse(_ s: String) -> Expr { try! parseExpr(s) }

    /// The factorisation of `input` has exactly the factors `expected` (text, multiplicity)
    /// with the constant `constant` (SymPy's, for SymPy's signs of the factors: the factors
    /// are compared in normal form and the constant adjusted by the normalising units), and
    /// re-multiplies to the input.
    func check(_ input: String, constant: BigRational, _ expected: [(String, Int)],
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let e = parse(input)
        let all = expected.map { parse($0.0) } + [e]
        let ps = try Polynomial.from(all)
        let p = ps.last!
        let result = try p.factorization()
        #expect(result.irreducible, sourceLocation: sourceLocation)
        let want = zip(ps.dropLast(), expected).map { ($0.0.normalForm().primitive, $0.1.1) }
        let units = zip(ps.dropLast(), expected).reduce(GaussianRational(constant)) { $0 * $1.0.normalForm().coefficient.power($1.1.1) }
        #expect(result.constant == units, "constant \(result.constant)", sourceLocation: sourceLocation)
        #expect(result.factors.count == want.count, "factors \(result.factors.map { "\($0.factor)^\($0.multiplicity)" })",
                sourceLocation: sourceLocation)
        for (f, m) in want {
            #expect(result.factors.contains { $0.factor == f && $0.multiplicity == m }, "missing \(f)^\(m)",
                    sourceLocation: sourceLocation)
        }
        #expect(result.product(generators: p.generators) == p, sourceLocation: sourceLocation)
    }

    // factor_list(x**4-1) → (1, [(x - 1, 1), (x + 1, 1), (x**2 + 1, 1)])
    @Test func quarticOverQ() throws {
        try check("x^4 - 1", constant: 1, [("x - 1", 1), ("x + 1", 1), ("x^2 + 1", 1)])
    }

    // factor_list(x**12-1) and factor_list(x**30-1): the cyclotomic polynomials Φ_d, d | n.
    @Test func cyclotomic() throws {
        try check("x^12 - 1", constant: 1, [("x - 1", 1), ("x + 1", 1), ("x^2 - x + 1", 1), ("x^2 + 1", 1),
                                             ("x^2 + x + 1", 1), ("x^4 - x^2 + 1", 1)])
        try check("x^30 - 1", constant: 1, [("x - 1", 1), ("x + 1", 1), ("x^2 - x + 1", 1), ("x^2 + x + 1", 1),
                                             ("x^4 - x^3 + x^2 - x + 1", 1), ("x^4 + x^3 + x^2 + x + 1", 1),
                                             ("x^8 - x^7 + x^5 - x^4 + x^3 - x + 1", 1),
                                             ("x^8 + x^7 - x^5 - x^4 - x^3 + x + 1", 1)])
    }

    // The Swinnerton–Dyer polynomial of √2, √3, √5: irreducible, with ≥ 4 factors mod every
    // prime (factor_list → (1, [(x**8 - 40*x**6 + 352*x**4 - 960*x**2 + 576, 1)])).
    @Test func swinnertonDyer() throws {
        try check("x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576", constant: 1, [("x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576", 1)])
        // Minimal polynomials of √2, √3 and √2 + √3 (by hand; SymPy agrees).
        try check("(x^2 - 2)*(x^2 - 3)*(x^4 - 10*x^2 + 1)", constant: 1, [("x^2 - 2", 1), ("x^2 - 3", 1), ("x^4 - 10*x^2 + 1", 1)])
    }

    // Coefficients of 19–20 digits: the modular factors must be lifted far beyond p.
    @Test func largeCoefficientsNeedLifting() throws {
        let a = "x^5 + 1234567890123456789*x^2 - 987654321987654321"
        let b = "x^5 - 1111111111111111111*x + 31415926535897932384"
        try check("(\(a))*(\(b))", constant: 1, [(a, 1), (b, 1)])
    }

    @Test func repeatedFactorsAndContent() throws {
        // By hand: 12x³ − 12x = 12·x·(x − 1)(x + 1); (2x + 2)²/... constant 4·3.
        try check("12*x^3 - 12*x", constant: 12, [("x", 1), ("x - 1", 1), ("x + 1", 1)])
        try check("(2*x + 2)^2*(x - 1/3)", constant: BigRational(4, 3), [("x + 1", 2), ("3*x - 1", 1)])
    }

    // factor_list((x**2+y**2)*(x-y)**3*(2*x+3*y*z-1)) → [(x - y, 3), (2*x + 3*y*z - 1, 1), (x**2 + y**2, 1)]
    @Test func trivariateProduct() throws {
        try check("(x^2 + y^2)*(x - y)^3*(2*x + 3*y*z - 1)", constant: 1,
                  [("x - y", 3), ("2*x + 3*y*z - 1", 1), ("x^2 + y^2", 1)])
    }

    // factor_list(x**4+y**4) → irreducible; factor_list(x**4+4*y**4) →
    // [(x**2 - 2*x*y + 2*y**2, 1), (x**2 + 2*x*y + 2*y**2, 1)] (Sophie Germain).
    @Test func bivariateQuartics() throws {
        try check("x^4 + y^4", constant: 1, [("x^4 + y^4", 1)])
        try check("x^4 + 4*y^4", constant: 1, [("x^2 - 2*x*y + 2*y^2", 1), ("x^2 + 2*x*y + 2*y^2", 1)])
    }

    // Leading coefficients that are polynomials in every variable:
    // factor_list(expand((3*x**2*y + 2*y**2*z - 5*z**3 + 7)*(2*x*y*z**2 - 9*x**3 + 4*y)*(5*x*y-3*z+2)**2))
    // → (-1, [(5*x*y - 3*z + 2, 2), (3*x**2*y + 2*y**2*z - 5*z**3 + 7, 1), (9*x**3 - 2*x*y*z**2 - 4*y, 1)])
    @Test func nonMonicInEveryVariable() throws {
        let e = "(3*x^2*y + 2*y^2*z - 5*z^3 + 7)*(2*x*y*z^2 - 9*x^3 + 4*y)*(5*x*y - 3*z + 2)^2"
        try check(e, constant: -1, [("5*x*y - 3*z + 2", 2), ("3*x^2*y + 2*y^2*z - 5*z^3 + 7", 1),
                                    ("9*x^3 - 2*x*y*z^2 - 4*y", 1)])
    }

    // The physics case: det(s − A2) of paper 003 (Appendix A) with the T block decoupled
    // (η = η' = 0), from the library's characteristic polynomial. SymPy on the same matrix:
    // factor_list → (1/16, [(γ_t² + 4γ_t s + 4ω'_z² + 4s², 1),
    //   (κ²ω_z² + κ²s² + 4κω_z²s + 4κs³ − 16λ²ω_cω_z + 4ω_c²ω_z² + 4ω_c²s² + 4ω_z²s² + 4s⁴, 1)]).
    @Test func characteristicPolynomialOfA2() throws {
        let i = Expr.i
        let wc = Expr.symbol("wc"), k = Expr.symbol("k"), l = Expr.symbol("l"), wz = Expr.symbol("wz")
        let wzp = Expr.symbol("wzp"), gt = Expr.symbol("gt"), s = Expr.symbol("s")
        let a: Matrix = [
            [-i * wc - k / 2, 0, -i * l, -i * l, 0, 0],
            [0, i * wc - k / 2, i * l, i * l, 0, 0],
            [-i * l, -i * l, -i * wz, 0, 0, 0],
            [i * l, i * l, 0, i * wz, 0, 0],
            [0, 0, 0, 0, -i * wzp - gt / 2, 0],
            [0, 0, 0, 0, 0, i * wzp - gt / 2],
        ]
        let p = try a.characteristicPolynomial(in: Symbol("s"))
        let e = Expr.add(p.coefficients.enumerated().map { $0.element * Expr.pow(s, .integer($0.offset)) })
        let text = e.description
        try check(text, constant: BigRational(1, 16), [
            ("gt^2 + 4*gt*s + 4*wzp^2 + 4*s^2", 1),
            ("k^2*wz^2 + k^2*s^2 + 4*k*wz^2*s + 4*k*s^3 - 16*l^2*wc*wz + 4*wc^2*wz^2 + 4*wc^2*s^2 + 4*wz^2*s^2 + 4*s^4", 1),
        ])
    }

    // Property: random products of random factors re-multiply to the input (the expected
    // value is the input itself), and every factor found has positive degree.
    @Test func productOfFactorsIsTheInput() throws {
        var rng = SplitMix64(seed: 14)
        let vars = [x, y, z]
        for _ in 0..<(ProcessInfo.processInfo.environment["FACTOR_ROUNDS"].flatMap { Int($0) } ?? 12) {
            var product = Expr.one
            for _ in 0..<(1 + rng.next(3)) {
                var terms: [Expr] = []
                for _ in 0..<(1 + rng.next(4)) {
                    var t = Expr.integer(rng.nextSigned(6))
                    for v in vars { t = t * Expr.pow(v, .integer(rng.next(3))) }
                    terms.append(t)
                }
                product = product * Expr.pow(Expr.add(terms), .integer(1 + rng.next(2)))
            }
            let p = try Polynomial(product.expand(), generators: vars)
            let f = try p.factorization()
            #expect(f.product(generators: vars) == p)
            #expect(f.factors.allSatisfy { $0.factor.totalDegree > 0 })
        }
    }

    // A rational function with common factors: SymPy factor → (x − y)(x + 2y)²/((x + y)²(3x − y)).
    @Test func rationalFunction() throws {
        let e = parse("(x^4 + 4*x^3*y + 3*x^2*y^2 - 4*x*y^3 - 4*y^4)/(3*x^4 + 8*x^3*y + 6*x^2*y^2 - y^4)")
        let f = try e.factorization()
        #expect(f.irreducible)
        let expected = parse("(x - y)*(x + 2*y)^2/((x + y)^2*(3*x - y))")
        #expect((f.expr - expected).cancel() == .zero)
        #expect(f.numerator.factors.count == 2 && f.denominator.factors.count == 2)
    }

    @Test func refusals() throws {
        let a = Expr.symbol(Symbol("a", commutation: .operator(space: 0)))
        #expect(throws: FactorizationError.self) { try (a * a + a).factorization() }
        // Degree over the limit, refused before any work.
        let big = try Polynomial(Expr.pow(x, .integer(FactorizationLimits.maximumDegree + 1)) + 1, generators: [x])
        #expect(throws: FactorizationError.self) { try big.factorization() }
    }

    // Gaussian coefficients: only the square-free decomposition, flagged. By hand:
    // (x + i)²(x − 1) has square-free parts x − 1 and (x + i)².
    @Test func gaussianCoefficientsAreSquareFreeOnly() throws {
        let f = try parse("(x + I)^2*(x - 1)").expand().factorization()
        #expect(!f.irreducible)
        #expect(f.numerator.factors.map(\.multiplicity).sorted() == [1, 2])
    }
}

/// The recombination fallback, driven directly: an evaluation point whose image splits a
/// true factor. F = (x² − y)(x + y) at y = 4 has the image (x − 2)(x + 2)(x + 4): x² − y
/// splits there (by hand), so lifting all three images cannot close, and the two-factor
/// lifts over subsets must recover x² − y and x + y.
@Suite struct FactorizationRecombinationTests {
    @Test func extraneousImageFactorsAreRecombined() throws {
        let x = Expr.symbol("x"), y = Expr.symbol("y")
        let F = try Polynomial((x * x - y) * (x + y), generators: [x, y])
        let m = MultivariateFactorization(F, x: 0, ys: [1])
        let image = MultivariateFactorization.Image(point: [4], factors: [
            UnivariatePolynomial([-2, 1]), UnivariatePolynomial([2, 1]), UnivariatePolynomial([4, 1]),
        ])
        #expect(m.liftAll(image) == nil)
        let found = try m.recombine(image)
        let want = [try Polynomial(x * x - y, generators: [x, y]), try Polynomial(x + y, generators: [x, y])]
        #expect(found.count == 2)
        for w in want { #expect(found.contains(w)) }
    }
}

/// The recombination bound, checked before each subset size (by hand: C(32, 1…6) sum to
/// 1 149 016 ≤ 2²² = 4 194 304; adding C(32, 7) = 3 365 856 exceeds it).
@Suite struct FactorizationLimitTests {
    @Test func subsetBoundIsCheckedPerSize() throws {
        var tested = 0
        for s in 1...6 { try FactorizationLimits.checkSubsets(tested: &tested, remaining: 32, size: s, degree: 64) }
        #expect(tested == 1_149_016)
        #expect(throws: FactorizationError.self) {
            try FactorizationLimits.checkSubsets(tested: &tested, remaining: 32, size: 7, degree: 64)
        }
    }
}
