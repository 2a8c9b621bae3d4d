import Testing
import TestSupport
import ArbitraryPrecision
import ComplexModule
import CLapack
@testable import Symbolic

/// The characteristic polynomial of the 6×6 stability matrix A2 of paper 003 (Appendix A,
/// x = (δa, δa*, δS⁻, δS⁺, δT⁻, δT⁺)), checked against eigenvalues computed by LAPACK
/// `zgeev` from the same matrix evaluated at random parameter points: an independent
/// numerical route (Hessenberg QR) against the division-free Berkowitz recursion.
@Suite struct MatrixStabilityA2Tests {
    let omegaC = Expr.symbol("ω_c", .real), kappa = Expr.symbol("κ", .positive)
    let lambda = Expr.symbol("λ", .real), eta = Expr.symbol("η", .real), etaP = Expr.symbol("η'", .real)
    let omegaZ = Expr.symbol("ω_z", .real), omegaZP = Expr.symbol("ω'_z", .real)
    let gammaT = Expr.symbol("γ_t", .positive), tz = Expr.symbol("⟨T^z⟩", .real)
    let gammaUp = Expr.symbol("γ_↑", .positive), gammaDown = Expr.symbol("γ_↓", .positive)

    /// A2 transcribed from the paper, with ⟨T^z⟩ given as an expression.
    func stabilityMatrix(tz t: Expr) -> Matrix {
        let i = Expr.i
        return [
            [-i * omegaC - kappa / 2, 0, -i * lambda, -i * lambda, -i * eta, 0],
            [0, i * omegaC - kappa / 2, i * lambda, i * lambda, 0, i * eta],
            [-i * lambda, -i * lambda, -i * omegaZ, 0, -i * etaP, 0],
            [i * lambda, i * lambda, 0, i * omegaZ, 0, i * etaP],
            [2 * i * eta * t, 0, 2 * i * etaP * t, 0, -i * omegaZP - gammaT / 2, 0],
            [0, -2 * i * eta * t, 0, -2 * i * etaP * t, 0, i * omegaZP - gammaT / 2],
        ]
    }

    /// Eigenvalues of a complex n×n matrix (row-major) by LAPACK zgeev.
    static func eigenvalues(_ m: [Complex<Double>], _ n: Int) -> [Complex<Double>] {
        let zero = kk_complex_double(re: 0, im: 0)
        // zgeev wants column-major storage.
        var a = [kk_complex_double](repeating: zero, count: n * n)
        for i in 0..<n { for j in 0..<n { a[i + j * n] = kk_complex_double(re: m[i * n + j].real, im: m[i * n + j].imaginary) } }
        var w = [kk_complex_double](repeating: zero, count: n)
        var vl = [kk_complex_double](repeating: zero, count: 1), vr = vl
        var nn = Int32(n), lda = Int32(n), ldv: Int32 = 1, lwork = Int32(64 * n), info: Int32 = 0
        var work = [kk_complex_double](repeating: zero, count: Int(lwork))
        var rwork = [Double](repeating: 0, count: 2 * n)
        var jobvl = CChar(UInt8(ascii: "N")), jobvr = CChar(UInt8(ascii: "N"))
        zgeev_(&jobvl, &jobvr, &nn, &a, &lda, &w, &vl, &ldv, &vr, &ldv, &work, &lwork, &rwork, &info, 1, 1)
        precondition(info == 0, "zgeev failed with info = \(info)")
        return w.map { Complex($0.re, $0.im) }
    }

    static func complex(_ q: GaussianRational) -> Complex<Double> { Complex(q.re.toDouble(), q.im.toDouble()) }

    func check(tz t: Expr, extraSymbols: [Expr], seed: UInt64) throws {
        let a = stabilityMatrix(tz: t)
        let p = try a.characteristicPolynomial(in: Symbol("s"))
        #expect(p.degree == 6)
        // tr A2 = 2(−κ/2) + 2(−γ_t/2) = −κ − γ_t (the ±iω terms cancel): c₅ = κ + γ_t exactly.
        #expect(p.coefficients[5] == kappa + gammaT)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<8 {
            var point: [Expr: GaussianRational] = [:]
            for s in [omegaC, omegaZ, omegaZP] { point[s] = GaussianRational(rng.rational(positive: true) / 16) }
            for s in [kappa, gammaT] { point[s] = GaussianRational(rng.rational(positive: true) / 32) }
            for s in [lambda, eta, etaP] { point[s] = GaussianRational(rng.rational() / 64) }
            for s in extraSymbols { point[s] = GaussianRational(rng.rational(positive: true) / 32) }
            if extraSymbols.isEmpty { point[tz] = GaussianRational(rng.rational() / 97) }

            let exactCoefficients = p.coefficients.map { MatrixExact.value($0, at: point)! }
            // For real parameters A2 = P·conj(A2)·P with P swapping (δa, δa*), (δS⁻, δS⁺), (δT⁻, δT⁺),
            // so the characteristic polynomial has real coefficients: exactly zero imaginary parts.
            #expect(exactCoefficients.allSatisfy { $0.isReal })
            let c = exactCoefficients.map(Self.complex)
            let entries = MatrixExact.values(a, at: point)!.map(Self.complex)
            let roots = Self.eigenvalues(entries, 6)
            for z in roots {
                var value = Complex<Double>.zero, scale = 0.0, power = Complex<Double>.one
                for ck in c {
                    value = value + ck * power
                    scale += ck.length * power.length
                    power = power * z
                }
                #expect(value.length <= 1e-10 * scale, "p(\(z)) = \(value), scale \(scale)")
            }
            // Σλ = −c₅ and ∏λ = (−1)⁶ c₀ for the monic polynomial.
            let sum = roots.reduce(Complex<Double>.zero, +), product = roots.reduce(Complex<Double>.one, *)
            let sumScale = roots.reduce(0.0) { $0 + $1.length }, productScale = roots.reduce(1.0) { $0 * $1.length }
            #expect((sum + c[5]).length <= 1e-12 * max(sumScale, 1e-300))
            #expect((product - c[0]).length <= 1e-10 * max(productScale, 1e-300))
        }
    }

    @Test func characteristicPolynomialWithSymbolicTz() throws {
        try check(tz: tz, extraSymbols: [], seed: 3003)
    }

    @Test func characteristicPolynomialWithNormalStateTz() throws {
        // ⟨T^z⟩ = (γ↑ − γ↓)/(2γ_t) in the normal state (paper 003, Appendix A).
        try check(tz: (gammaUp - gammaDown) / (2 * gammaT), extraSymbols: [gammaUp, gammaDown], seed: 3004)
    }

    @Test func lapackSanityOnKnownSpectrum() {
        // zgeev on the upper-triangular [[1, 5], [0, 2i]] must return its diagonal {1, 2i}.
        let roots = Self.eigenvalues([Complex(1, 0), Complex(5, 0), .zero, Complex(0, 2)], 2)
        let sorted = roots.sorted { $0.imaginary < $1.imaginary }
        #expect((sorted[0] - Complex(1, 0)).length < 1e-14 && (sorted[1] - Complex(0, 2)).length < 1e-14)
    }
}
