import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import Symbolic
import Testing
import TestSupport

/// `ParametricEigenvalueSolver`: LAPACK start, Newton on the characteristic polynomial in MPFR.
@Suite("Parametric eigenvalues")
struct ParametricEigenvalueTests {
    let a = Symbol("a", .real), b = Symbol("b", .real)

    @Test func symmetricTwoByTwo() throws {
        // [[a, b], [b, a]] has eigenvalues a ± b; at a = 1/3, b = √2 (rounded to the working
        // precision, so the exact answer is a + b for those inputs) the rightmost is a + b.
        let m = Matrix([[a.expr, b.expr], [b.expr, a.expr]])
        let solver = try ParametricEigenvalueSolver(m, parameters: [a, b], digits: 60)
        let p = solver.precision
        let av = BigFloat(1, precision: p) / BigFloat(3, precision: p), bv = BigFloat.sqrt(BigFloat(2, precision: p))
        let r = try solver.rightmostEigenvalue(at: [av, bv])
        let exact = BigComplex(av + bv, BigFloat(0, precision: p))
        #expect(r.meetsRequestedDigits && r.errorBound.toDouble() < 1e-60)
        #expect(distance(r.value, exact) <= r.errorBound.toDouble())
        let left = try solver.eigenvalue(near: Complex(-2, 0), at: [av, bv])
        #expect(distance(left.value, BigComplex(av - bv, BigFloat(0, precision: p))) <= left.errorBound.toDouble())
    }

    @Test func stabilityMatrixOfPaper003() throws {
        // A2 of paper 003 (Appendix A) at ω_c = ω_z = ω'_z = 1, κ = 0.06, λ = 0.2, η = η' = 0.1,
        // γ_t = 1, γ↑ = 0.8, γ↓ = 0.2. Reference: python-flint 0.9 acb_mat(A2).eig() at 50 digits
        // (rigorous balls of radius < 1e-48): rightmost pair 0.00633608537053236607790942047598855935838818190…
        // ± 1.17529536011819597708511411480218539445308374445…i; mpmath mp.eig at 60 digits agrees.
        let names = ["ω_c", "κ", "λ", "η", "η'", "ω_z", "ω'_z", "γ_t", "γ_↑", "γ_↓"]
        let s = names.map { Symbol($0, .real) }
        let (wc, k, l, e, ep, wz, wzp, gt) = (s[0].expr, s[1].expr, s[2].expr, s[3].expr, s[4].expr, s[5].expr, s[6].expr, s[7].expr)
        let i = Expr.i
        let tz = (s[8].expr - s[9].expr) / (2 * gt)
        let a2 = Matrix([
            [-i * wc - k / 2, 0, -i * l, -i * l, -i * e, 0],
            [0, i * wc - k / 2, i * l, i * l, 0, i * e],
            [-i * l, -i * l, -i * wz, 0, -i * ep, 0],
            [i * l, i * l, 0, i * wz, 0, i * ep],
            [2 * i * e * tz, 0, 2 * i * ep * tz, 0, -i * wzp - gt / 2, 0],
            [0, -2 * i * e * tz, 0, -2 * i * ep * tz, 0, i * wzp - gt / 2],
        ])
        let solver = try ParametricEigenvalueSolver(a2, parameters: s, digits: 50)
        let values = ["1", "0.06", "0.2", "0.1", "0.1", "1", "1", "1", "0.8", "0.2"].map { BigFloat($0, precision: solver.precision)! }
        let r = try solver.rightmostEigenvalue(at: values)
        let flint = BigComplex(big("0.006336085370532366077909420475988559358388181909", digits: 60),
                               big("1.175295360118195977085114114802185394453083744452", digits: 60))
        #expect(r.meetsRequestedDigits && r.errorBound.toDouble() < 1e-50)
        #expect(distance(r.value, flint) < 2e-48)
        // Second method: the MPFR Hessenberg QR on the same matrix evaluated in MPFR.
        let entries = MPFREvaluator(try CompiledFunction(a2, parameters: s), precision: solver.precision).evaluate(values)
        let qr = try preciseEigenvalues(of: DenseMatrix((0..<6).map { r in (0..<6).map { entries[6 * r + $0] } }), digits: 50)
        let nearest = qr.eigenvalues.map { distance($0.value, r.value) }.min()!
        #expect(nearest < 1e-50)
    }

    @Test func defectiveEigenvalueIsAnErrorNotAValue() throws {
        // [[a, 1], [0, a]] is a Jordan block: p(z) = (z − a)², p′ vanishes at the eigenvalue.
        let solver = try ParametricEigenvalueSolver(Matrix([[a.expr, 1], [0, a.expr]]), parameters: [a], digits: 30)
        #expect(throws: NumericsError.self) {
            try solver.rightmostEigenvalue(at: [BigFloat(0.5, precision: solver.precision)])
        }
    }
}
