import Testing
import TestSupport
import ArbitraryPrecision
@testable import Symbolic

/// Parses checked against trees built by hand with the core constructors; the expected
/// value of each is the usual mathematical reading of the text, written next to it.
@Suite struct ParseTests {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")

    func parse(_ s: String, _ context: ParseContext = .init()) throws -> Expr {
        try parseExpr(s, context: context)
    }

    @Test func precedenceAndAssociativity() throws {
        // -x^2 is −(x²), not (−x)².
        #expect(try parse("-x^2") == Expr.neg(Expr.pow(x, 2)))
        // ^ is right-associative: 2^(3^2) = 2^9 = 512.
        #expect(try parse("2^3^2") == 512)
        #expect(try parse("2**3**2") == 512)
        // / is left-associative: (a/b)/c = a/(b·c).
        let (a, b, c) = (Expr.symbol("a"), Expr.symbol("b"), Expr.symbol("c"))
        #expect(try parse("a/b/c") == a * Expr.pow(b * c, -1))
        #expect(try parse("x - y - z") == x + Expr.neg(y) + Expr.neg(z))
        #expect(try parse("x^-1") == Expr.pow(x, -1))
        #expect(try parse("2*x^2 + 3*x*y") == 2 * Expr.pow(x, 2) + 3 * x * y)
        #expect(try parse("--x") == x)
    }

    @Test func implicitMultiplication() throws {
        #expect(try parse("2 x") == 2 * x)
        #expect(try parse("2x") == 2 * x)
        #expect(try parse("x y z") == x * y * z)
        let (a, b, c, d) = (Expr.symbol("a"), Expr.symbol("b"), Expr.symbol("c"), Expr.symbol("d"))
        #expect(try parse("(a+b)(c+d)") == (a + b) * (c + d))
        // Juxtaposition has the precedence of *: 1/2 x is x/2.
        #expect(try parse("1/2 x") == x / 2)
        // An undeclared name applies only when '(' touches it; with a space it multiplies.
        #expect(try parse("g (x + y)") == Expr.symbol("g") * (x + y))
        #expect(try parse("g(x + y)") == Symbol.function("g")(x + y))
        // The Dicke coupling of paper 003, with a, a† operators and S± declared operators
        // of another space; λ/√N · (a + a†)(S+ + S-), factors kept in order.
        var context = ParseContext()
        let op = context.declare("a", commutation: .operator(space: 0))
        let opDag = context.declare("a†", commutation: .operator(space: 0))
        let sPlus = context.declare("S+", commutation: .operator(space: 1))
        let sMinus = context.declare("S-", commutation: .operator(space: 1))
        let lambda = Expr.symbol("lambda"), n = Expr.symbol("N")
        let expected = lambda * Expr.pow(n, Expr.rational(-1, 2))
            * (op.expr + opDag.expr) * (sPlus.expr + sMinus.expr)
        #expect(try parse("lambda/sqrt(N) (a + a†)(S+ + S-)", context) == expected)
        // S+ is munched whole, so S+S- is the product S+·S-, not S + S - ...
        #expect(try parse("S+S-", context) == sPlus.expr * sMinus.expr)
    }

    @Test func numbers() throws {
        // Decimals are exact: 0.06 = 6/100 = 3/50.
        #expect(try parse("0.06") == Expr.rational(3, 50))
        #expect(try parse("1.5e-3") == Expr.rational(3, 2000))
        #expect(try parse(".25") == Expr.rational(1, 4))
        // `2e` with no exponent digits is 2·e.
        #expect(try parse("2e") == 2 * Expr.symbol("e"))
        #expect(try parse("123456789012345678901234567890")
                == Expr.number(BigInt("123456789012345678901234567890")!))
        #expect(try parse("I^2") == -1)
        #expect(try parse("i") == Expr.i)
        #expect(try parse("(1 + 2I)/5") == Expr.number(GaussianRational(BigRational(1, 5), BigRational(2, 5))))
        #expect(try parse("pi") == Expr.pi)
        #expect(try parse("π") == Expr.pi)
        #expect(try parse("oo") == Expr.infinity)
        #expect(try parse("-∞") == Expr.neg(Expr.infinity))
        // i is a symbol when the context declares one (an index).
        var context = ParseContext()
        let index = context.declare("i", .integer)
        #expect(try parse("i + I", context) == index.expr + Expr.i)
    }

    @Test func namesWithGreekPrimesSubscriptsAndDaggers() throws {
        for name in ["ω", "κ", "γ", "λ", "η", "wz'", "ω'_z", "F_b", "gamma_up", "ω_c", "a†", "x2"] {
            #expect(try parse(name) == Expr.symbol(name), "name \(name)")
        }
        #expect(try parse("ω'_z - ω_c") == Expr.symbol("ω'_z") - Expr.symbol("ω_c"))
        var context = ParseContext()
        let t = context.declare("T+_i", commutation: .operator(space: 2))
        #expect(try parse("2T+_i", context) == 2 * t.expr)
    }

    @Test func builtinsAndFunctions() throws {
        #expect(try parse("sqrt(x)") == Expr.pow(x, .half))
        #expect(try parse("exp(x) sin(y)") == Expr.exp(x) * Expr.sin(y))
        #expect(try parse("θ(x) + theta(y)") == Expr.theta(x) + Expr.theta(y))
        #expect(try parse("δ(x)") == Expr.diracDelta(x))
        #expect(try parse("kdelta(m, n)") == Expr.kroneckerDelta(Expr.symbol("m"), Expr.symbol("n")))
        #expect(try parse("conj(x) abs(y) re(z)") == Expr.conj(x) * Expr.abs(y) * Expr.re(z))
        #expect(try parse("f(x, y)") == Symbol.function("f")(x, y))
        // sin is odd: sin(-x) = -sin(x) at construction.
        #expect(try parse("sin(-x)") == Expr.neg(Expr.sin(x)))
        // A declared function applies even with a space.
        var context = ParseContext()
        let fb = context.declareFunction("F_b", .real)
        #expect(try parse("F_b (x)", context) == fb(x))
    }

    @Test func declarationsCarryMeaning() throws {
        var context = ParseContext()
        let p = context.declare("p", .positive)
        // √(p²) = p only because p is declared positive.
        #expect(try parse("sqrt(p^2)", context) == p.expr)
        #expect(try parse("sqrt(x^2)") != x)
        // Grassmann: ψ1ψ2 = −ψ2ψ1 and ψ1ψ1 = 0.
        let psi1 = context.declare("ψ1", commutation: .grassmann)
        let psi2 = context.declare("ψ2", commutation: .grassmann)
        #expect(try parse("ψ1 ψ2 + ψ2 ψ1", context) == 0)
        #expect(try parse("ψ1 ψ1", context) == 0)
        #expect(try parse("ψ2 ψ1", context) == Expr.neg(psi1.expr * psi2.expr))
        // Operators keep their order: a a† ≠ a† a.
        context.declare("a", commutation: .operator(space: 0))
        context.declare("a†", commutation: .operator(space: 0))
        #expect(try parse("a a†", context) != parse("a† a", context))
        #expect(try parse("a a - a^2", context) == 0)
    }

    @Test func binders() throws {
        let w = Symbol("w", .real), k = Symbol("k", .integer)
        let expectedIntegral = Expr.integral(Expr.exp(Expr.neg(Expr.pow(w.expr, 2))), w,
                                             from: Expr.neg(.infinity), to: .infinity)
        #expect(try parse("integral(exp(-w^2), w, -oo, oo)") == expectedIntegral)
        // Up to renaming: the same integral over ν.
        #expect(try parse("integral(exp(-ν^2), ν, -oo, oo)") == expectedIntegral)
        let n = Expr.symbol("N")
        #expect(try parse("sum(k^2, k, 1, N)") == Expr.sum(Expr.pow(k.expr, 2), k, from: 1, to: n))
        // An annotation declares the variable's assumptions.
        let wp = Symbol("w", .positive)
        #expect(try parse("integral(f(w), w:positive, 0, oo)")
                == Expr.integral(Symbol.function("f")(wp.expr), wp, from: 0, to: .infinity))
        // The bound variable shadows the imaginary unit inside the body.
        let i = Symbol("i", .integer)
        #expect(try parse("sum(i x, i, 0, 3)") == Expr.sum(i.expr * x, i, from: 0, to: 3))
    }

    @Test func undeclaredNamesCanBeRefused() throws {
        var context = ParseContext(allowUndeclared: false)
        context.declare("x")
        #expect(try parse("2 x", context) == 2 * x)
        #expect(throws: ParseError(line: 1, column: 5, message: "undeclared name 'y'")) {
            try parseExpr("x + y", context: context)
        }
    }

    @Test func errorPositions() {
        // Columns are 1-based, counted in characters; each expected position counted by hand.
        let cases: [(String, ParseError)] = [
            ("(x + 1", ParseError(line: 1, column: 7, message: "expected ')' to close '(' opened at 1:1")),
            ("f(x, (y", ParseError(line: 1, column: 8, message: "expected ')' to close '(' opened at 1:6")),
            ("x + * y", ParseError(line: 1, column: 5, message: "expected an expression, found '*'")),
            ("ω $ y", ParseError(line: 1, column: 3, message: "unexpected character '$'")),
            ("2.5.3", ParseError(line: 1, column: 4, message: "malformed number: unexpected '.'")),
            ("x +\n  y)", ParseError(line: 2, column: 4, message: "unmatched ')'")),
            ("1/0", ParseError(line: 1, column: 2, message: "division by zero")),
            ("exp + 1", ParseError(line: 1, column: 1, message: "'exp' is a function; write exp(...)")),
            ("sum(k, 2, 1, N)", ParseError(line: 1, column: 8, message: "the variable of 'sum' must be a name")),
            ("sin(x, y)", ParseError(line: 1, column: 9, message: "'sin' takes 1 argument, got 2")),
            ("", ParseError(line: 1, column: 1, message: "expected an expression")),
            ("x +", ParseError(line: 1, column: 4, message: "expected an expression at the end of the input")),
            ("κ ω (", ParseError(line: 1, column: 6, message: "expected an expression at the end of the input")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "input \(text.debugDescription)") { try parseExpr(text) }
        }
        #expect(ParseError(line: 1, column: 7, message: "expected ')'").description == "1:7: expected ')'")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)
        #expect(throws: ParseError.self) { try parseExpr(deep) }
        let minus = String(repeating: "-", count: 5000) + "x"
        #expect(throws: ParseError.self) { try parseExpr(minus) }
        let tower = Array(repeating: "x", count: 5000).joined(separator: "^")
        #expect(throws: ParseError.self) { try parseExpr(tower) }
        // Moderate nesting is fine: 50 parentheses around x is x.
        #expect(try parse(String(repeating: "(", count: 50) + "x" + String(repeating: ")", count: 50)) == x)
    }

    @Test func hugeExactPowersAreRefused() {
        // The core computes 10^99999 exactly (100000 digits); raising that to 10^5 would need
        // 10^10 digits, which the parser refuses before the core tries.
        #expect(throws: ParseError.self) { try parseExpr("(10^99999)^100000") }
    }
}
