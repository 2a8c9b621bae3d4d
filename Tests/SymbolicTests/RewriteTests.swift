import Testing
@testable import Symbolic

/// Rules, matching and the rewrite combinators. Each expected value is worked out by hand.
@Suite struct RewriteTests {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")
    let xw = Wildcard("x"), rest = Wildcard.sequence("rest")

    var pythagoras: Rule {
        Rule(Expr.pow(Expr.sin(xw.expr), 2) + Expr.pow(Expr.cos(xw.expr), 2) + rest.expr,
             1 + rest.expr, name: "sin²+cos²")
    }

    @Test func sequenceWildcardInsideALargerSum() {
        // 3 + z + sin²(x+y) + cos²(x+y) = 4 + z.
        let e = 3 + z + Expr.pow(Expr.sin(x + y), 2) + Expr.pow(Expr.cos(x + y), 2)
        #expect(pythagoras.apply(e) == 4 + z)
        #expect(pythagoras.match(e)?[rest] == 3 + z)
        // With nothing left over, rest__ is 0.
        #expect(pythagoras.apply(Expr.pow(Expr.sin(x), 2) + Expr.pow(Expr.cos(x), 2)) == 1)
        // Different arguments do not match: sin²x + cos²y stays.
        #expect(pythagoras.apply(Expr.pow(Expr.sin(x), 2) + Expr.pow(Expr.cos(y), 2)) == nil)
        // Inside a function, reached by a walk: exp(sin²z + cos²z + y) = exp(1 + y).
        let inner = Expr.exp(Expr.pow(Expr.sin(z), 2) + Expr.pow(Expr.cos(z), 2) + y)
        #expect(inner.replacingAll([pythagoras]) == Expr.exp(1 + y))
    }

    @Test func typedWildcards() {
        let c = Wildcard("c", .number, default: 1)
        let g = Symbol.function("G"), h = Symbol.function("H")
        let rule = Rule(c.expr * g(xw.expr), c.expr * h(xw.expr), name: "G→H")
        // 3 G(y) → 3 H(y): the number wildcard takes the coefficient.
        #expect(rule.match(3 * g(y))?[c] == 3)
        #expect(rule.apply(3 * g(y)) == 3 * h(y))
        // G(y) alone: the optional coefficient is 1.
        #expect(rule.match(g(y))?[c] == 1)
        // y·G(y): y is not a number, so there is no match.
        #expect(rule.match(y * g(y)) == nil)

        let n = Wildcard("n", .integer)
        let powRule = Rule(Expr.pow(xw.expr, n.expr), name: "power") { b in
            // x^n → n·x^(n−1): a closure right side.
            b[n]! * Expr.pow(b[self.xw]!, b[n]! - 1)
        }
        #expect(powRule.apply(Expr.pow(y, 3)) == 3 * Expr.pow(y, 2))
        // y^(1/2) has a non-integer exponent: no match.
        #expect(powRule.apply(Expr.sqrt(y)) == nil)

        let k = Wildcard("k", .freeOf(Symbol("x")))
        let linear = Rule(k.expr * x, k.expr, name: "coefficient of x")
        #expect(linear.apply(5 * x) == 5)
        #expect(linear.apply(y * x) == y)
        #expect(linear.apply(Expr.pow(x, 2) * x) == nil)  // x·x² is the single factor x³, which is not x
        let s = Wildcard("s", .symbol)
        #expect(Rule(Expr.sin(s.expr), 0).apply(Expr.sin(y)) == 0)
        #expect(Rule(Expr.sin(s.expr), 0).apply(Expr.sin(y + 1)) == nil)
        let p = Wildcard("p", .positive)
        #expect(Rule(Expr.log(p.expr), 7).apply(Expr.log(Expr.symbol("q", [.positive]))) == 7)
        #expect(Rule(Expr.log(p.expr), 7).apply(Expr.log(y)) == nil)
    }

    @Test func sequenceWildcardInProducts() {
        let others = Wildcard.sequence("others")
        let rule = Rule(Expr.sin(xw.expr) * others.expr, others.expr * Expr.cos(xw.expr))
        // 3 y sin(z) → 3 y cos(z): others__ takes 3y, coefficient included.
        #expect(rule.apply(3 * y * Expr.sin(z)) == 3 * y * Expr.cos(z))
        #expect(rule.match(Expr.sin(z))?[others] == 1)
    }

    @Test func conditions() {
        let n = Wildcard("n", .integer)
        let rule = Rule(Expr.pow(xw.expr, n.expr), 0, where: { ($0[n]?.intValue ?? 0) > 2 })
        #expect(rule.apply(Expr.pow(y, 3)) == 0)
        #expect(rule.apply(Expr.pow(y, 2)) == nil)
    }

    @Test func normalOrderingOnAnOperatorWord() throws {
        let a = Expr.symbol(Symbol("a", commutation: .operator(space: 0)))
        let ad = Expr.symbol(Symbol("a†", commutation: .operator(space: 0)))
        let commute = Rule(a * ad, ad * a + 1, name: "[a, a†] = 1")
        // a a† a† = (a† a + 1) a† = a† a a† + a† = a†(a† a + 1) + a† = a†² a + 2 a†.
        let normal = try Fixpoint(Postwalk(commute.rewriter))(a * ad * ad)
        #expect(normal == Expr.pow(ad, 2) * a + 2 * ad)
        // The context stays around the rewritten sub-word: 3x a a† b = 3x a† a b + 3x b.
        let b = Expr.symbol(Symbol("b", commutation: .operator(space: 0)))
        #expect(commute.apply(3 * x * a * ad * b) == 3 * x * ad * a * b + 3 * x * b)
        // a† a is already normal ordered.
        #expect(commute.apply(ad * a) == nil)
        // a⁴ a†⁴ = Σ_k C(4,k)² k! a†^(4−k) a^(4−k) (Wick's theorem for one mode):
        // a†⁴a⁴ + 16 a†³a³ + 72 a†²a² + 96 a†a + 24.
        let wick = Expr.pow(ad, 4) * Expr.pow(a, 4) + 16 * Expr.pow(ad, 3) * Expr.pow(a, 3)
            + 72 * Expr.pow(ad, 2) * Expr.pow(a, 2) + 96 * ad * a + 24
        #expect(try Fixpoint(Postwalk(commute.rewriter))(Expr.pow(a, 4) * Expr.pow(ad, 4)) == wick)
    }

    @Test func grassmannFactorsMatchWithTheirSign() {
        let psi = Expr.symbol(Symbol("psi", commutation: .grassmann))
        let chi = Expr.symbol(Symbol("chi", commutation: .grassmann))
        let eta = Expr.symbol(Symbol("eta", commutation: .grassmann))
        let w = Expr.symbol("w")
        let contract = Rule(psi * chi, w, name: "ψχ → w")
        // χ η ψ = ψ χ η (ψ passes two odd factors), so it becomes w η.
        #expect(contract.apply(chi * eta * psi) == w * eta)
        // χ ψ = −ψ χ → −w; 2x ψ χ → 2x w.
        #expect(contract.apply(chi * psi) == -w)
        #expect(contract.apply(2 * x * psi * chi) == 2 * x * w)
    }

    @Test func fixpointDetectsCyclesAndLimits() throws {
        let toY = Rule(x, y, name: "x→y"), toX = Rule(y, x, name: "y→x")
        let cycling = Fixpoint(Postwalk(Chain([toY.rewriter, toX.rewriter], stopOnMatch: true)))
        #expect(throws: RewriteError.self) { try cycling(x) }
        do {
            _ = try cycling(x + 1)
            Issue.record("a cycling rule set reached a fixed point")
        } catch let RewriteError.cycle(period, _) {
            // x+1 → y+1 → x+1: period 2.
            #expect(period == 2)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        // x → x + 1 never repeats an expression: the iteration limit stops it.
        let growing = Fixpoint(Postwalk(Rule(x, x + 1).rewriter), limit: 20)
        #expect(throws: RewriteError.self) { try growing(x) }
        // A terminating set: nil when nothing applies, the fixed point otherwise.
        #expect(try Fixpoint(Postwalk(toY.rewriter))(z) == nil)
        #expect(try Fixpoint(Postwalk(toY.rewriter))(x + z) == y + z)
    }

    @Test func postwalkAndPrewalkDiffer() throws {
        let f = Symbol.function("F"), g = Symbol.function("G"), h = Symbol.function("H"), k = Symbol.function("K")
        let outer = Rule(f(g(xw.expr)), h(xw.expr)), inner = Rule(g(xw.expr), k(xw.expr))
        let both = Chain([outer.rewriter, inner.rewriter], stopOnMatch: true)
        // Top-down: F(G(y)) becomes H(y) before G(y) is visited.
        #expect(try Prewalk(both)(f(g(y))) == h(y))
        // Bottom-up: G(y) becomes K(y) first, and then F(K(y)) no longer matches.
        #expect(try Postwalk(both)(f(g(y))) == f(k(y)))
    }

    @Test func chainInSequenceAndIfThen() throws {
        let toY = Rule(x, y), toZ = Rule(y, z)
        // In sequence: x → y → z; stopping at the first match: x → y.
        #expect(try Chain([toY.rewriter, toZ.rewriter])(x) == z)
        #expect(try Chain([toY.rewriter, toZ.rewriter], stopOnMatch: true)(x) == y)
        #expect(try IfThen({ $0.isAdd }, toY.rewriter)(x) == nil)
    }
}
