import ComplexModule
import KeldyshNumerics
import RealModule
import Testing
import TestSupport

@Suite("LAPACK eigenvalues")
struct LapackEigenTests {
    @Test func realCompanionOfKnownRoots() throws {
        // (x−1)(x−2)(x−3)(x+4) = x⁴ − 2x³ − 13x² + 38x − 24, expanded by hand.
        let c = companion([-24.0, 38, -13, -2], zero: 0, one: 1, negate: -)
        let ev = try c.eigen(vectors: true)
        let expected: [Complex<Double>] = [1, 2, 3, -4].map { Complex($0, 0) }
        #expect(spectrumDistance(ev.values, expected) < 1e-12)
        #expect(try #require(ev.relativeResidual) < 1e-14)
    }

    @Test func complexCompanionOfKnownRoots() throws {
        // (x − i)(x − (2+i)) = x² − (2+2i)x + (−1+2i), expanded by hand.
        let c = companion([Complex(-1.0, 2), Complex(-2.0, -2)], zero: .zero, one: .one, negate: { -$0 })
        let ev = try c.eigen()
        #expect(spectrumDistance(ev.values, [Complex(0, 1), Complex(2, 1)]) < 1e-13)
        #expect(ev.vectors == nil && ev.relativeResidual == nil)
    }

    @Test func dampedRotation() throws {
        // [[−γ, ω], [−ω, −γ]] = −γI + ωJ with J² = −I: spectrum −γ ± iω.
        let g = 0.25, w = 3.5
        let expected = [Complex(-g, w), Complex(-g, -w)]
        let real = try DenseMatrix([[-g, w], [-w, -g]]).eigen(vectors: true)
        #expect(spectrumDistance(real.values, expected) < 1e-14)
        #expect(try #require(real.relativeResidual) < 1e-15)
        let complex = try DenseMatrix([[Complex(-g, 0), Complex(w, 0)], [Complex(-w, 0), Complex(-g, 0)]]).eigen(vectors: true)
        #expect(spectrumDistance(complex.values, expected) < 1e-14)
        #expect(try #require(complex.relativeResidual) < 1e-15)
    }

    @Test func sixBySixWithKnownSpectrum() throws {
        let (a, d, bound) = similarityTestMatrix()
        var solver = try ComplexEigenSolver(order: 6, vectors: true)
        let ev = try solver.decompose(a)
        #expect(spectrumDistance(ev.values, d) < bound)
        #expect(try #require(ev.relativeResidual) < 1e-14)
        // The same solver, reused on a shifted matrix (A + 2I has spectrum D + 2), gives the shifted spectrum.
        var shifted = a
        for i in 0..<6 { shifted[i, i] += 2 }
        var values = [Complex<Double>]()
        try solver.eigenvalues(of: shifted, into: &values)
        #expect(spectrumDistance(values, d.map { $0 + 2 }) < bound)
    }

    @Test func nonFiniteInputIsRejected() throws {
        let m = DenseMatrix([[1.0, .nan], [0, 1]])
        #expect(throws: NumericsError.self) { try m.eigen() }
    }
}

/// A = V·D·V⁻¹ with V = L·U, L and U unit triangular with small integers, so
/// det V = 1 and V⁻¹ = U⁻¹L⁻¹ is an integer matrix; every entry of A is then
/// a Gaussian integer, exact in Double, and the spectrum is exactly D.
/// Also returns the Bauer–Fike bound κ∞(V)·n·ε·‖A‖∞ (backward error n·ε·‖A‖
/// of a backward-stable eigensolver, amplified by the eigenvector condition).
func similarityTestMatrix() -> (DenseMatrix<Complex<Double>>, [Complex<Double>], bound: Double) {
    let n = 6
    let lower: [[Int]] = [[1, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0], [-1, 1, 1, 0, 0, 0],
                          [0, 3, -2, 1, 0, 0], [1, 0, 1, -1, 1, 0], [2, -1, 0, 1, 2, 1]]
    let upper: [[Int]] = [[1, 1, 0, -2, 1, 0], [0, 1, 2, 0, -1, 1], [0, 0, 1, 1, 0, 2],
                          [0, 0, 0, 1, -1, 0], [0, 0, 0, 0, 1, 3], [0, 0, 0, 0, 0, 1]]
    let d: [Complex<Double>] = [Complex(1, 1), Complex(-2, 0), Complex(0, 3),
                                Complex(-1, -2), Complex(4, -1), Complex(2, 2)]
    func multiply(_ x: [[Int]], _ y: [[Int]]) -> [[Int]] {
        (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0) { $0 + x[i][$1] * y[$1][j] } } }
    }
    /// Inverse of a unit lower-triangular integer matrix by forward substitution (stays integer).
    func invertUnitLower(_ l: [[Int]]) -> [[Int]] {
        var inv = (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
        for j in 0..<n { for i in (j + 1)..<n {
            inv[i][j] = -(j..<i).reduce(0) { $0 + l[i][$1] * inv[$1][j] }
        } }
        return inv
    }
    func transpose(_ x: [[Int]]) -> [[Int]] { (0..<n).map { i in (0..<n).map { x[$0][i] } } }
    let v = multiply(lower, upper)
    let vInverse = multiply(transpose(invertUnitLower(transpose(upper))), invertUnitLower(lower))
    precondition(multiply(v, vInverse) == (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } })
    var rows = [[Complex<Double>]]()
    for i in 0..<n {
        rows.append((0..<n).map { j in
            (0..<n).reduce(Complex<Double>.zero) { $0 + Complex(Double(v[i][$1] * vInverse[$1][j]), 0) * d[$1] }
        })
    }
    func normInf(_ x: [[Int]]) -> Double { Double(x.map { $0.reduce(0) { $0 + abs($1) } }.max()!) }
    let normA = rows.map { $0.reduce(0.0) { $0 + $1.length } }.max()!
    let bound = normInf(v) * normInf(vInverse) * Double(n) * Double.ulpOfOne * normA
    return (DenseMatrix(rows), d, bound)
}
