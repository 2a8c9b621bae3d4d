import ArbitraryPrecision
import PropertyBased
@testable import Symbolic

/// Random expression trees over a fixed set of declared symbols, for property tests of the
/// printers. Every kind of node the core builds appears: assumptions, big and Gaussian
/// numbers, rational powers, builtins, user functions, Grassmann products, operator words
/// (including names the lexer must munch whole, `S+`), binders.
enum RandomExpr {
    static let x = Symbol("x"), y = Symbol("y"), p = Symbol("p", .positive), r = Symbol("r", .real)
    static let n = Symbol("n", .integer), omegaZ = Symbol("ω'_z", .real), gammaUp = Symbol("gamma_up", .positive)
    static let kappa = Symbol("κ", .positive)
    static let psi = [Symbol("ψ1", commutation: .grassmann), Symbol("ψ2", commutation: .grassmann),
                      Symbol("ψ3", commutation: .grassmann)]
    static let ops = [Symbol("a", commutation: .operator(space: 0)), Symbol("a†", commutation: .operator(space: 0)),
                      Symbol("S+", commutation: .operator(space: 1)), Symbol("S-", commutation: .operator(space: 1)),
                      Symbol("T+_i", commutation: .operator(space: 2))]
    static let f = Symbol.function("f"), fb = Symbol.function("F_b", .real)
    static let commuting = [x, y, p, r, n, omegaZ, gammaUp, kappa]

    static let context = ParseContext(commuting + psi + ops + [f, fb], allowUndeclared: false)

    static let generator = Generator<Expr, Shrink.None<Expr>> { rng in
        var g = Builder(rng: rng)
        let e = g.expr(depth: Int(g.next() % 4) + 1)
        rng = g.rng
        return e
    }

    struct Builder {
        var rng: any SeededRandomNumberGenerator
        mutating func next() -> UInt64 { rng.next() }
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
        mutating func small(_ lo: Int, _ hi: Int) -> Int { lo + Int(next() % UInt64(hi - lo + 1)) }

        mutating func number() -> Expr {
            switch next() % 6 {
            case 0: return .integer(small(-5, 5))
            case 1: return .rational(small(-7, 7), small(1, 9))
            case 2: return .number(BigInt("123456789012345678901234567890")! * BigInt(small(-3, 3)))
            case 3: return .number(GaussianRational(BigRational(BigInt(small(-4, 4)), BigInt(small(1, 5))),
                                                    BigRational(BigInt(small(-4, 4)), BigInt(small(1, 5)))))
            case 4: return pick([Expr.pi, Expr.i, Expr.infinity])
            default: return .pow(.integer(small(2, 7)), pick([Expr.half, Expr.rational(1, 3), Expr.rational(-1, 2)]))
            }
        }

        mutating func leaf() -> Expr {
            next() % 3 == 0 ? number() : .symbol(pick(RandomExpr.commuting))
        }

        mutating func exponent() -> Expr {
            switch next() % 5 {
            case 0: return .integer(small(-3, 4))
            case 1: return pick([Expr.half, Expr.rational(-1, 2), Expr.rational(1, 3), Expr.rational(3, 2),
                                 Expr.rational(-2, 5)])
            case 2: return .symbol(pick(RandomExpr.commuting))
            case 3: return .neg(.symbol(pick(RandomExpr.commuting)))
            default: return leaf()
            }
        }

        mutating func expr(depth: Int) -> Expr {
            if depth == 0 { return leaf() }
            let d = depth - 1
            switch next() % 12 {
            case 0: return leaf()
            case 1, 2: return .add((0..<small(2, 4)).map { _ in expr(depth: d) })
            case 3, 4: return .mul((0..<small(2, 3)).map { _ in expr(depth: d) })
            case 5: return .pow(expr(depth: d), exponent())
            case 6:
                let b = pick(Builtin.allCases)
                return .apply(.builtin(b), b == .kdelta ? [leaf(), leaf()] : [expr(depth: d)])
            case 7:
                return next() % 2 == 0 ? RandomExpr.f(expr(depth: d), leaf()) : RandomExpr.fb(expr(depth: d))
            case 8:
                var factors = [expr(depth: 0)]
                for _ in 0..<small(1, 3) { factors.append(.symbol(pick(RandomExpr.psi))) }
                return .mul(factors)
            case 9:
                var factors = [leaf()]
                for _ in 0..<small(1, 4) {
                    switch next() % 3 {
                    case 0: factors.append(.symbol(pick(RandomExpr.ops)))
                    case 1: factors.append(.pow(.symbol(pick(RandomExpr.ops)), .integer(small(2, 3))))
                    default: factors.append(.add(.symbol(pick(RandomExpr.ops)), .symbol(pick(RandomExpr.ops))))
                    }
                }
                return .mul(factors)
            default:
                let integral = next() % 2 == 0
                let variable = integral ? Symbol("w", pick([Assumptions.real, .real, .positive]))
                                        : Symbol("k", pick([Assumptions.integer, .integer, [.integer, .positive]]))
                let v = Expr.symbol(variable)
                let body = pick([v * expr(depth: d), .pow(v, .two) + expr(depth: d),
                                 Expr.exp(.neg(v) * leaf()), RandomExpr.fb(v) * expr(depth: d)])
                let lower = pick([Expr.zero, .neg(.infinity), .one, leaf()])
                let upper = pick([Expr.infinity, .symbol(RandomExpr.n), leaf()])
                return integral ? .integral(body, variable, from: lower, to: upper)
                                : .sum(body, variable, from: lower, to: upper)
            }
        }
    }
}
