import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// `Expr.expand()`: commuting expressions through polynomials, operator words and
/// Grassmann products by ordered distribution. Commuting results are checked by exact
/// evaluation at rational points (the core's number arithmetic, a route independent of the
/// polynomial kernel); operator and Grassmann results against products written by hand.
@Suite struct ExpandTests {
    let x = Expr.symbol("x")
    let y = Expr.symbol("y")
    let z = Expr.symbol("z")

    /// Replaces symbols by numbers, rebuilding canonically so the result folds to a number.
    func substitute(_ e: Expr, _ values: [Expr: Expr]) -> Expr {
        if let v = values[e] { return v }
        return e.mapChildren { substitute($0, values) }
    }

    @Test func agreesWithTheUnexpandedFormAtRationalPoints() {
        let exprs: [Expr] = [
            Expr.pow(x + 2 * y, 3) * (x - y / 3 + 1) + Expr.pow(y + 1, 2) * (x + Expr.i),
            Expr.pow(x + y + z + 1, 6) * (x - z),
            Expr.pow(Expr.rational(1, 2) * x - Expr.i * y, 4) - Expr.pow(x * y + 1, 3),
            (x + 1) * (x - 1) * (Expr.pow(x, 2) + 1) * z,
            Expr.pow(x + Expr.sqrt(y), 3) * Expr.exp(z),
            Expr.pow(x + 1, -2) * (x + 2) * (y + 1),
        ]
        var rng = SplitMix64(seed: 7)
        for e in exprs {
            let expanded = e.expand()
            #expect(expanded.isExpanded)
            for _ in 0..<3 {
                // Positive points so sqrt(y) is a rational square: y = (p/q)².
                let r = { Expr.rational(Int(rng.next() % 19) + 1, Int(rng.next() % 7) + 1) }
                let sy = r()
                let point: [Expr: Expr] = [x: r(), y: Expr.pow(sy, 2), z: r()]
                let lhs = substitute(e, point), rhs = substitute(expanded, point)
                #expect(lhs == rhs, "\(e) at \(point)")
            }
        }
    }

    @Test func commutingExpansionIsTheCanonicalSum() {
        // (x + 1)² = x² + 2x + 1, built independently with the core constructors.
        #expect(Expr.pow(x + 1, 2).expand() == Expr.pow(x, 2) + 2 * x + 1)
        // (x + y)(x − y) = x² − y².
        #expect(((x + y) * (x - y)).expand() == Expr.pow(x, 2) - Expr.pow(y, 2))
        // The directly built sum equals Expr.add of Expr.mul terms term by term.
        let p = try! Polynomial(Expr.pow(1 + x + y + z, 5))
        let viaCore = Expr.add(p.terms.map { t in
            Expr.mul([Expr.number(t.coefficient)] + t.exponents.enumerated().map { Expr.pow(p.generators[$0.offset], .integer($0.element)) })
        })
        #expect(p.toExpr() == viaCore)
        #expect(p.termCount == 56) // C(5 + 3, 3)
    }

    @Test func nonPolynomialPartsAreGenerators() {
        // exp of a square is not expanded inside (no recursion into functions).
        let inner = Expr.exp(Expr.pow(x + 1, 2))
        #expect(inner.expand() == inner)
        // (x+1)⁻²(x + 2) = x (x+1)⁻² + 2 (x+1)⁻²: the negative power is a generator.
        let d = Expr.pow(x + 1, -2)
        #expect((d * (x + 2)).expand() == x * d + 2 * d)
        // (√x + 1)(√x − 1) = x − 1: (x^(1/2))² folds back to x.
        #expect(((Expr.sqrt(x) + 1) * (Expr.sqrt(x) - 1)).expand() == x - 1)
        // Generators found: x^(1/2) and exp(y) in (√x + exp(y))².
        let p = try! Polynomial(Expr.pow(Expr.sqrt(x) + Expr.exp(y), 2))
        #expect(Set(p.generators) == [Expr.sqrt(x), Expr.exp(y)])
        #expect(p.termCount == 3)
    }

    @Test func operatorWordsKeepTheirOrder() {
        let a = Expr.symbol(Symbol("a", commutation: .operator(space: 0)))
        let b = Expr.symbol(Symbol("b", commutation: .operator(space: 0)))
        let c = Expr.symbol(Symbol("c", commutation: .operator(space: 0)))
        // a(b + c) = ab + ac, never ba.
        let e = (a * (b + c)).expand()
        #expect(e == a * b + a * c)
        #expect(e != b * a + c * a)
        // (a + b)² = a² + ab + ba + b² with ab ≠ ba.
        #expect(Expr.pow(a + b, 2).expand() == Expr.pow(a, 2) + a * b + b * a + Expr.pow(b, 2))
        // a(b + c)a = aba + aca.
        #expect((a * (b + c) * a).expand() == a * b * a + a * c * a)
        // Commuting factors are expanded by polynomials and multiply every word:
        // (x + 1)² a = x² a + 2x a + a.
        #expect((Expr.pow(x + 1, 2) * a).expand() == Expr.pow(x, 2) * a + 2 * x * a + a)
        #expect(Polynomial.isConvertible(a * b) == false)
        #expect(throws: PolynomialConversionError.self) { try Polynomial(a + x) }
    }

    @Test func grassmannProductsKeepSigns() {
        let psi = Expr.symbol(Symbol("ψ", commutation: .grassmann))
        let chi = Expr.symbol(Symbol("χ", commutation: .grassmann))
        // (ψ + χ)(ψ − χ) = ψψ − ψχ + χψ − χχ = 0 − ψχ − ψχ − 0 = −2ψχ.
        #expect(((psi + chi) * (psi - chi)).expand() == -2 * psi * chi)
        // (1 + ψχ)² = 1 + 2ψχ since (ψχ)² = 0.
        #expect(Expr.pow(1 + psi * chi, 2).expand() == 1 + 2 * psi * chi)
        // (x + ψ)(y + χ) = xy + xχ + ψy + ψχ.
        #expect(((x + psi) * (y + chi)).expand() == x * y + x * chi + y * psi + psi * chi)
    }

    @Test func expandedSumsAreReturnedUnchanged() {
        let big = Expr.pow(1 + x + y + z, 8).expand()
        #expect(big.isExpanded)
        #expect(big.expand() == big)
        #expect(big.children.count == 165) // C(8 + 3, 3)
    }
}

