import Testing
import ArbitraryPrecision
@testable import Symbolic

/// `cancel` as the normaliser of matrix inverses: the photon Keldysh matrix of paper 000
/// and rational-entry matrices whose inverses were worked out by hand.
@Suite struct RationalFunctionKeldyshTests {
    let omega = Expr.symbol("ω", .real), omega0 = Expr.symbol("ω₀", .real), kappa = Expr.symbol("κ", .positive)
    let fPsi = Symbol.function("F_Ψ")

    @Test func photonKeldyshInverseIsA18ToA20Symbolically() throws {
        // Paper 000, A10–A11: G⁻¹ = [[0, ω − ω₀ − iκ], [ω − ω₀ + iκ, 2iκ F_Ψ(ω)]].
        let inverseGreen: Matrix = [[0, omega - omega0 - Expr.i * kappa],
                                    [omega - omega0 + Expr.i * kappa, 2 * Expr.i * kappa * fPsi(omega)]]
        // A18–A20: G = [[G^K, G^R], [G^A, 0]], G^R = 1/(ω − ω₀ + iκ), G^A = 1/(ω − ω₀ − iκ),
        // G^K = −2iκ F_Ψ(ω)/((ω − ω₀)² + κ²).
        let gR = 1 / (omega - omega0 + Expr.i * kappa), gA = 1 / (omega - omega0 - Expr.i * kappa)
        let gK = -2 * Expr.i * kappa * fPsi(omega) / (Expr.pow(omega - omega0, 2) + Expr.pow(kappa, 2))
        let expected: Matrix = [[gK, gR], [gA, 0]]
        let g = try inverseGreen.inverse(normalize: Matrix.cancelNormalize)
        for i in 0..<2 { for j in 0..<2 { #expect(g[i, j] == expected[i, j].cancel()) } }
        // The default inverse (polynomial entries: expand), brought to normal form entrywise,
        // and the block route agree exactly.
        #expect(try inverseGreen.inverse().map { $0.cancel() } == g)
        #expect(try inverseGreen.inverse(blockSize: 1).map { $0.cancel() } == g)
        // The normal form of G^R is 1/(ω − ω₀ + iκ) itself, and G^K's denominator is
        // (ω − ω₀)² + κ² expanded.
        #expect(g[0, 1] == Expr.pow(omega - omega0 + Expr.i * kappa, -1))
        #expect(g[0, 0].denominator == (Expr.pow(omega - omega0, 2) + Expr.pow(kappa, 2)).expand())
    }

    @Test func rationalEntriesUseCancelByDefault() throws {
        let x = Expr.symbol("x")
        // [[1/(x−1), 1/(x+1)], [1, 1]]: det = 2/(x² − 1), so the inverse is
        // (x² − 1)/2 · [[1, −1/(x+1)], [−1, 1/(x−1)]] = [[(x²−1)/2, −(x−1)/2], [−(x²−1)/2, (x+1)/2]].
        let m: Matrix = [[1 / (x - 1), 1 / (x + 1)], [1, 1]]
        let expected: Matrix = [[(x * x - 1) / 2, -(x - 1) / 2], [-(x * x - 1) / 2, (x + 1) / 2]]
        #expect(try m.inverse() == expected.map { $0.cancel() })
        // Solving m·v = (1, 0) gives the first column.
        #expect(try m.solve([1, 0]) == [expected[0, 0].cancel(), expected[1, 0].cancel()])
        // [[1/(x−1), 1/(x²−1)], [x+1, 1]] has det 1/(x−1) − (x+1)/(x²−1) = 0: cancel proves
        // it singular (expand would keep (x−1)⁻¹ and (x²−1)⁻¹ as unrelated generators).
        let singular: Matrix = [[1 / (x - 1), 1 / (x * x - 1)], [x + 1, 1]]
        #expect(throws: MatrixError.singular(block: nil)) { try singular.inverse() }
    }
}
