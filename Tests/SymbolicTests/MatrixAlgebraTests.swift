import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// Construction, arithmetic, Kronecker products, blocks and printing of `Matrix`.
@Suite struct MatrixAlgebraTests {
    let a = Expr.symbol("a"), b = Expr.symbol("b"), c = Expr.symbol("c"), d = Expr.symbol("d")
    let e = Expr.symbol("e"), f = Expr.symbol("f"), g = Expr.symbol("g"), h = Expr.symbol("h")

    @Test func constructionAndAccess() {
        let m: Matrix = [[a, b, c], [d, e, f]]
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m[1, 0] == d)
        #expect(m.row(0) == [a, b, c])
        #expect(m.column(2) == [c, f])
        #expect(Matrix.identity(2) == [[1, 0], [0, 1]])
        #expect(Matrix.zero(1, 2) == [[0, 0]])
        #expect(Matrix.diagonal([a, b]) == [[a, 0], [0, b]])
        #expect(Matrix(validating: [[a, b], [c]]) == nil)
    }

    @Test func productOfTwoSymbolic2x2() {
        // Row-by-column by hand: [[a,b],[c,d]]·[[e,f],[g,h]] = [[ae+bg, af+bh],[ce+dg, cf+dh]].
        let p = Matrix([[a, b], [c, d]]) * Matrix([[e, f], [g, h]])
        #expect(p == [[a * e + b * g, a * f + b * h], [c * e + d * g, c * f + d * h]])
        // A 2×3 times a 3×1 gives a 2×1 (hand: [1·1+2·0+3·(−1), 4·1+5·0+6·(−1)] = [−2, −2]).
        let q = Matrix([[1, 2, 3], [4, 5, 6]]) * Matrix.column([1, 0, -1])
        #expect(q == Matrix.column([-2, -2]))
    }

    @Test func productKeepsOperatorOrder() {
        // For operators the product must be A_ik·B_kj, never B_kj·A_ik: [[x]]·[[y]] = [[x y]] ≠ [[y x]].
        let x = Expr.symbol(Symbol("X", commutation: .operator(space: 0)))
        let y = Expr.symbol(Symbol("Y", commutation: .operator(space: 0)))
        #expect((Matrix([[x]]) * Matrix([[y]]))[0, 0] == x * y)
        #expect((Matrix([[x]]) * Matrix([[y]]))[0, 0] != y * x)
    }

    @Test func sumsDifferencesAndScalars() {
        let m: Matrix = [[a, b], [c, d]]
        #expect(m + m == 2 * m)
        #expect(m - m == Matrix.zero(2, 2))
        #expect(e * m == [[e * a, e * b], [e * c, e * d]])
        #expect(-m == [[-a, -b], [-c, -d]])
    }

    @Test func kroneckerOfPauliMatrices() {
        // σ_x ⊗ σ_z = [[0·σ_z, 1·σ_z], [1·σ_z, 0·σ_z]], written out by hand.
        let sx: Matrix = [[0, 1], [1, 0]], sz: Matrix = [[1, 0], [0, -1]]
        #expect(kronecker(sx, sz) == [[0, 0, 1, 0], [0, 0, 0, -1], [1, 0, 0, 0], [0, -1, 0, 0]])
        // σ_z ⊗ σ_x = diag(σ_x, −σ_x): the Kronecker product does not commute.
        #expect(kronecker(sz, sx) == [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, -1], [0, 0, -1, 0]])
        // Mixed-product property (A⊗B)(C⊗D) = AC ⊗ BD with σ_x² = σ_z² = 1: (σ_x⊗σ_z)² = 1.
        #expect(kronecker(sx, sz) * kronecker(sx, sz) == Matrix.identity(4))
        // Shape of a rectangular product: (2×1) ⊗ (1×3) is 2×3 with entries u_i v_j.
        let k = kronecker(Matrix.column([a, b]), Matrix([[c, d, e]]))
        #expect(k == [[a * c, a * d, a * e], [b * c, b * d, b * e]])
    }

    @Test func transposeAdjointAndTraceIdentities() {
        let m: Matrix = [[a, b], [c, d]], n: Matrix = [[e, f], [g, h]]
        // (MN)ᵀ = NᵀMᵀ, and both sides are the same canonical sums of products.
        #expect((m * n).transpose == n.transpose * m.transpose)
        // tr(MN) = tr(NM) = Σ_ik M_ik N_ki.
        #expect((m * n).trace == (n * m).trace)
        #expect(m.trace == a + d)
        // (MN)† = N†M†; for real symbols the adjoint is the transpose.
        #expect((m * n).adjoint == n.adjoint * m.adjoint)
        let x = Expr.symbol("x", .real)
        #expect(Matrix([[x, Expr.i * x], [0, 1]]).adjoint == [[x, 0], [-Expr.i * x, 1]])
        #expect(m.adjoint[0, 1] == Expr.conj(c))
        // tr(A⊗B) = tr A · tr B: checked at random exact points (the right side is an unexpanded product).
        var rng = SplitMix64(seed: 11)
        let lhs = kronecker(m, n).trace, rhs = m.trace * n.trace
        for _ in 0..<5 {
            var point: [Expr: GaussianRational] = [:]
            for s in [a, b, c, d, e, f, g, h] { point[s] = rng.gaussian() }
            #expect(MatrixExact.value(lhs, at: point) == MatrixExact.value(rhs, at: point))
        }
    }

    @Test func nambuKeldyshBlocksRoundTrip() {
        // The 4×4 layout of paper 000 Eq. A14: Keldysh blocks [[R, K], [0, A]] of 2×2 Nambu blocks.
        func nambu(_ name: String) -> Matrix {
            Matrix(rows: 2, columns: 2) { i, j in Expr.symbol("G^\(name)_\(["b", "a"][i])\(["b", "a"][j])") }
        }
        let r = nambu("R"), k = nambu("K"), adv = nambu("A")
        let g = Matrix.block([[r, k], [Matrix.zero(2, 2), adv]])
        #expect(g.rows == 4 && g.columns == 4)
        // Entry (1, 2) is (G^K)_ab, entry (2, 3) is (G^A)_ba, the lower-left block is zero (A14).
        #expect(g[1, 2] == Expr.symbol("G^K_ab"))
        #expect(g[2, 3] == Expr.symbol("G^A_ba"))
        #expect(g.block(1, 0, size: 2) == Matrix.zero(2, 2))
        #expect(g.subMatrix(rows: 0..<2, cols: 2..<4) == k)
        #expect(g.block(1, 1, size: 2) == adv)
        // The same layout as a sum of Kronecker products with Keldysh unit matrices.
        let e11: Matrix = [[1, 0], [0, 0]], e12: Matrix = [[0, 1], [0, 0]], e22: Matrix = [[0, 0], [0, 1]]
        #expect(kronecker(e11, r) + kronecker(e12, k) + kronecker(e22, adv) == g)
        #expect(throws: MatrixError.self) { try Matrix.checkedBlock([[r, k], [Matrix.zero(1, 2), adv]]) }
    }

    @Test func minorsAndPowers() {
        let m: Matrix = [[a, b, c], [d, e, f], [g, h, 1]]
        #expect(m.minor(1, 0) == [[b, c], [h, 1]])
        // [[1,1],[0,1]]^n = [[1,n],[0,1]] (induction by hand).
        #expect(Matrix([[1, 1], [0, 1]]).power(5) == [[1, 5], [0, 1]])
        #expect(m.power(0) == Matrix.identity(3))
    }

    @Test func printing() {
        let m: Matrix = [[1, Expr.rational(1, 2)], [a, 0]]
        #expect(m.description == "[[1, (1/2)], [a, 0]]")
        let latex = Matrix([[1, 2], [3, 4]]).latex { Matrix.structuralText($0) }
        #expect(latex == "\\begin{bmatrix}\n  1 & 2 \\\\\n  3 & 4\n\\end{bmatrix}")
    }
}
