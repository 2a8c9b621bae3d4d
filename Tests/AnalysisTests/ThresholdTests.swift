import Testing
import Derivations
import TestSupport
import ArbitraryPrecision
import Symbolic
@testable import Analysis
import KeldyshNumerics
import ComplexModule

@Suite("Certified thresholds of the 003 stability matrix")
struct ThresholdTests {
    let model: Paper003
    init() throws { model = try Paper003() }

    @Test func dickeCriticalCouplingAppendixB() throws {
        // Appendix B of 003: for η = η' = 0 the normal state becomes unstable at
        // λ_c = √(ω_z(ω_c² + κ²/4)/(4ω_c)); at ω_c = ω_z = 1, κ = 3/50: λ_c² = (1 + 9/10000)/4.
        var values = model.figure4Values
        values[model.eta] = 0
        values[model.eta2] = 0
        values[model.up] = Expr.rational(3, 10)
        values[model.down] = Expr.rational(7, 10)
        let problem = try StabilityProblem(matrix: model.a2, free: [model.lambda], values: values)
        let found = try certifiedThresholds(problem, lower: BigRational(3, 10), upper: BigRational(7, 10), digits: 50)
        #expect(found.count == 1)
        let t = try #require(found.first)
        let p = BigFloat.bits(forDigits: 80)
        let exact = BigFloat.sqrt(BigFloat(BigRational(BigInt(10009), BigInt(40000)), precision: p))
        #expect(t.value == exact.toString(digits: 50))
        #expect(t.crossing == .real)
        #expect(t.direction == 1)  // unstable above λ_c
        #expect(BigFloat(t.lower, precision: p) <= exact && exact <= BigFloat(t.upper, precision: p))
    }

    @Test func tavisCummingsCriticalLossIsExact() throws {
        // Appendix B: with λ = η' = 0 at resonance and full inversion (γ↑ = γ_t = 1), lasing
        // needs κ < κ_c = 4η²/γ_t = 1/25 (η = 1/10). The (a, T) block's eigenvalues
        // −(κ+γ_t)/4 ± √((κ−γ_t)²/16 + η²) cross zero exactly at κγ_t/4 = η², the same
        // value, so the threshold is the rational root 1/25 of R(κ).
        let m = model.a2
        let idx = [0, 1, 4, 5]
        let block = Matrix(rows: 4, columns: 4) { i, j in m[idx[i], idx[j]] }
        var values = model.figure4Values
        values.removeValue(forKey: model.kappa)
        values[model.lambda] = 0
        values[model.eta2] = 0
        values[model.up] = 1
        values[model.down] = 0
        let problem = try StabilityProblem(matrix: block, free: [model.kappa], values: values)
        let found = try certifiedThresholds(problem, lower: BigRational(1, 100), upper: BigRational(1, 10), digits: 30)
        let t = try #require(found.first)
        #expect(found.count == 1)
        #expect(t.lower == BigRational(1, 25) && t.upper == BigRational(1, 25))
        #expect(t.direction == -1)  // unstable below κ_c
        #expect(t.crossing == .complex)
    }

    @Test func resultantAndBracketRoutesAgree() throws {
        // Two methods for the lasing threshold γ↑ at λ = 1/5 (Fig. 4 parameters): exact
        // elimination with Sturm isolation vs MPFR bisection on the largest real part.
        var values = model.figure4Values
        values[model.lambda] = Expr.rational(1, 5)
        let problem = try StabilityProblem(matrix: model.a2, free: [model.up], values: values)
        let exact = try certifiedThresholds(problem, lower: BigRational(1, 2), upper: BigRational(1), digits: 25)
        let numeric = try bracketedZero(parameter: "γ↑", lower: BigRational(1, 2), upper: BigRational(1), digits: 25,
                                        what: "max Re λ", try maxRealPartFunction(problem))
        #expect(exact.count == 1)
        #expect(exact.first?.value == numeric.value)
        #expect(exact.first?.crossing == .complex)
        // The frequency (Aberth on the integer characteristic polynomial) against LAPACK: |Im|
        // of the rightmost zgeev eigenvalue of A2 at the unstable end of the bracket.
        let t = try #require(exact.first)
        let sub: [Symbol: Expr] = [model.up: Expr.number(t.upper)]
        var m = DenseMatrix<Complex<Double>>(rows: 6, columns: 6, repeating: .zero)
        for i in 0..<6 { for j in 0..<6 {
            let z = try #require(problem.matrix[i, j].substitute(sub).numberValue)
            m[i, j] = Complex(z.re.toDouble(), z.im.toDouble())
        } }
        var solver = try ComplexEigenSolver(order: 6)
        var eigenvalues: [Complex<Double>] = []
        try solver.eigenvalues(of: m, into: &eigenvalues)
        let rightmost = try #require(eigenvalues.max { $0.real < $1.real })
        #expect(abs(t.frequency - abs(rightmost.imaginary)) < 1e-9)
        #expect(abs(t.frequency - 1.17734958453) < 1e-9)
    }

    @Test func userExpressionZero() throws {
        // Eq. (5) of 003 as an expression: γ↑/γ_t − (κγ_t/(16η²) + 1)/2 = 0 at γ_t = 1,
        // κ = 3/50, η = 1/10 gives γ↑ = (3/8 + 1)/2 = 11/16 = 0.6875 exactly.
        let ctx = ParameterContext(symbols: model.symbols)
        let e = try ctx.parse("γ↑ - (3/50/(16*(1/10)^2) + 1)/2", what: "test")
        let z = try bracketedZero(parameter: "γ↑", lower: BigRational(1, 2), upper: BigRational(1), digits: 40,
                                  what: "the expression", try expressionFunction(e, parameter: model.up))
        #expect(z.value == BigFloat(BigRational(11, 16), precision: 200).toString(digits: 40))
    }

    @Test func noCrossingIsAnError() throws {
        // Below the Dicke coupling and with weak pumping the normal state is stable
        // throughout (Fig. 4: white for γ↑ < 1/2, λ < 0.45).
        var values = model.figure4Values
        values[model.lambda] = Expr.rational(1, 10)
        let problem = try StabilityProblem(matrix: model.a2, free: [model.up], values: values)
        #expect(throws: AnalysisError.self) {
            _ = try certifiedThresholds(problem, lower: BigRational(1, 10), upper: BigRational(2, 5), digits: 20)
        }
    }

    @Test func compileFailuresKeepTheirCause() throws {
        // A user function has no numeric value: the compiler's error travels inside the
        // analysis error, not only as its text.
        let f = Symbol.function("F", [.real])
        do {
            _ = try expressionFunction(Expr.apply(f, [Expr.symbol(model.up)]), parameter: model.up)
            Issue.record("F(γ↑) compiled")
        } catch let AnalysisError.numerical(message, cause) {
            #expect(message.hasPrefix("cannot compile"))
            #expect(cause?.error as? CompileError == .userFunction("F"))
        }
    }
}
