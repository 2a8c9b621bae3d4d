import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// Inverses (adjugate, Cayley–Hamilton, block closed forms, Schur complements) and solves,
/// checked against hand formulas, paper 000, and M·M⁻¹ = 1 at random exact points.
@Suite struct MatrixInverseTests {
    // Paper 000, Eqs. A10–A11 in frequency space: i∂_{t'} acting on ψ(t') = ∫dω/2π e^{−iωt'} ψ(ω)
    // (Fourier convention A12–A13) gives ω.
    let omega = Expr.symbol("ω", .real), omega0 = Expr.symbol("ω₀", .real), kappa = Expr.symbol("κ", .positive)
    let fPsi = Symbol.function("F_Ψ")

    var photonInverseGreen: Matrix {
        // [[0, (G⁻¹)^A], [(G⁻¹)^R, (G⁻¹)^K]] = [[0, ω − ω₀ − iκ], [ω − ω₀ + iκ, 2iκ F_Ψ(ω)]].
        [[0, omega - omega0 - Expr.i * kappa], [omega - omega0 + Expr.i * kappa, 2 * Expr.i * kappa * fPsi(omega)]]
    }

    @Test func photonKeldyshMatrixOfPaper000() throws {
        let g = try photonInverseGreen.inverse()
        // A19: G^{R/A} = 1/(ω − ω₀ ± iκ) in positions (0,1) and (1,0) of A18, and 0 at (1,1).
        // These come out syntactically: the adjugate entry cancels against one factor of det = −(ω−ω₀−iκ)(ω−ω₀+iκ).
        let gR = Expr.pow(omega - omega0 + Expr.i * kappa, -1)
        let gA = Expr.pow(omega - omega0 - Expr.i * kappa, -1)
        #expect(g[0, 1] == gR)
        #expect(g[1, 0] == gA)
        #expect(g[1, 1] == 0)
        // The Keldysh identity G^K = −G^R (G⁻¹)^K G^A, syntactically.
        #expect(g[0, 0] == -gR * (2 * Expr.i * kappa * fPsi(omega)) * gA)
        // A20: G^K = −2iκ F_Ψ(ω)/((ω − ω₀)² + κ²), at random exact points (ω, ω₀ real, κ > 0, F_Ψ complex).
        let gK = -2 * Expr.i * kappa * fPsi(omega) / (Expr.pow(omega - omega0, 2) + Expr.pow(kappa, 2))
        let expected: Matrix = [[gK, gR], [gA, 0]]
        var rng = SplitMix64(seed: 2000)
        for _ in 0..<10 {
            let point: [Expr: GaussianRational] = [
                omega: GaussianRational(rng.rational()), omega0: GaussianRational(rng.rational()),
                kappa: GaussianRational(rng.rational(positive: true)), fPsi(omega): rng.gaussian(),
            ]
            let got = MatrixExact.values(g, at: point), want = MatrixExact.values(expected, at: point)
            #expect(got != nil && got == want)
        }
        // The block route (1×1 blocks, zero upper-left block: closed form) gives the same matrix.
        #expect(try photonInverseGreen.inverse(blockSize: 1) == g)
    }

    @Test func nambuKeldysh4x4WithZeroBlock() throws {
        // A 4×4 Keldysh matrix of 2×2 Nambu blocks [[0, P^A], [P^R, P^K]] with generic symbolic
        // blocks: the closed form [[−(P^R)⁻¹ P^K (P^A)⁻¹, (P^R)⁻¹], [(P^A)⁻¹, 0]] must satisfy M·M⁻¹ = 1.
        func block(_ name: String) -> Matrix {
            Matrix(rows: 2, columns: 2) { i, j in Expr.symbol("\(name)\(i)\(j)") }
        }
        let pA = block("A"), pR = block("R"), pK = block("K")
        let m = Matrix.block([[Matrix.zero(2, 2), pA], [pR, pK]])
        let inv = try m.inverse(blockSize: 2)
        #expect(inv.block(1, 1, size: 2) == Matrix.zero(2, 2))
        let symbols = pA.entries + pR.entries + pK.entries
        var rng = SplitMix64(seed: 4)
        for _ in 0..<5 {
            var point: [Expr: GaussianRational] = [:]
            for s in symbols { point[s] = rng.gaussian() }
            let mv = MatrixExact.values(m, at: point)!, iv = MatrixExact.values(inv, at: point)!
            #expect(MatrixExact.product(mv, iv, 4) == MatrixExact.identity(4))
            #expect(MatrixExact.product(iv, mv, 4) == MatrixExact.identity(4))
        }
    }

    @Test func schurComplementRoutes() throws {
        // Generic 4×4 with exact random entries: the Schur-complement inverse (A invertible),
        // the other complement (A singular, D invertible) and the plain adjugate all agree.
        var rng = SplitMix64(seed: 77)
        let m = Matrix(rows: 4, columns: 4) { _, _ in Expr.number(rng.gaussian()) }
        let plain = try m.inverse()
        #expect(m * plain == Matrix.identity(4))
        #expect(try m.inverse(blockSize: 2) == plain)
        #expect(try m.inverse(blockSize: 1) == plain)
        #expect(try m.inverse(blockSize: 3) == plain)
        // Upper-left block [[1, 1], [1, 1]] is singular, the lower-right one is not.
        let s: Matrix = [[1, 1, 2, 0], [1, 1, 0, 3], [1, 0, 1, 1], [0, 1, 1, 2]]
        let si = try s.inverse(blockSize: 2)
        #expect(s * si == Matrix.identity(4))
        #expect(si == (try s.inverse()))
    }

    @Test func generic3x3InverseTimesMatrixIsIdentity() throws {
        let x = (0..<9).map { Expr.symbol("m\($0 / 3)\($0 % 3)") }
        let m = Matrix(rows: 3, columns: 3, entries: x)
        let inv = try m.inverse()
        let products = [m * inv, inv * m]
        var rng = SplitMix64(seed: 33)
        for _ in 0..<6 {
            var point: [Expr: GaussianRational] = [:]
            for s in x { point[s] = rng.gaussian() }
            for p in products { #expect(MatrixExact.values(p, at: point) == MatrixExact.identity(3)) }
        }
        // Hand formula for 2×2: [[a,b],[c,d]]⁻¹ = [[d, −b], [−c, a]] / (ad − bc).
        let a = Expr.symbol("a"), b = Expr.symbol("b"), c = Expr.symbol("c"), d = Expr.symbol("d")
        let det = a * d - b * c
        #expect(try Matrix([[a, b], [c, d]]).inverse() == [[d / det, -b / det], [-c / det, a / det]])
    }

    @Test func cayleyHamiltonInverseFor5x5() throws {
        // n = 5 uses adj(A) = (−1)^{n−1}(A^{n−1} + p₁A^{n−2} + … + p_{n−1}); check A·A⁻¹ = 1 exactly.
        var rng = SplitMix64(seed: 55)
        let m = Matrix(rows: 5, columns: 5) { _, _ in Expr.number(rng.gaussian()) }
        let inv = try m.inverse()
        #expect(m * inv == Matrix.identity(5))
        #expect(inv * m == Matrix.identity(5))
        // And the adjugate agrees with cofactors computed one by one.
        let adj = try m.adjugate()
        for (i, j) in [(0, 0), (1, 3), (4, 2)] {
            let cof = try m.minor(j, i).determinant()
            #expect(adj[i, j] == ((i + j) % 2 == 0 ? cof : -cof))
        }
    }

    @Test func singularMatricesThrow() {
        #expect(throws: MatrixError.singular(block: nil)) { try Matrix([[1, 2], [2, 4]]).inverse() }
        // A symbolic matrix with equal rows: det = xy − yx is the zero expression canonically.
        let x = Expr.symbol("x"), y = Expr.symbol("y")
        #expect(throws: MatrixError.singular(block: nil)) { try Matrix([[x, y], [x, y]]).inverse() }
        // Zero upper-left block with a singular off-diagonal block.
        let m = Matrix.block([[Matrix.zero(2, 2), [[1, 1], [1, 1]]], [Matrix.identity(2), Matrix.identity(2)]])
        #expect(throws: MatrixError.singular(block: "B (top right)")) { try m.inverse(blockSize: 2) }
        #expect(throws: MatrixError.singular(block: nil)) { try m.inverse() }
        #expect(throws: MatrixError.notSquare(rows: 1, columns: 2)) { try Matrix([[x, y]]).inverse() }
    }

    @Test func solveLinearSystem() throws {
        // 2x + y = 5, x − y = 1 → x = 2, y = 1 (by hand).
        #expect(try Matrix([[2, 1], [1, -1]]).solve([5, 1]) == [2, 1])
        // Symbolic: [[a, 0], [0, b]] x = [c, d] → x = [c/a, d/b].
        let a = Expr.symbol("a"), b = Expr.symbol("b"), c = Expr.symbol("c"), d = Expr.symbol("d")
        #expect(try Matrix([[a, 0], [0, b]]).solve([c, d]) == [c / a, d / b])
        #expect(throws: MatrixError.self) { try Matrix([[1, 1], [1, 1]]).solve([1, 2]) }
    }
}
