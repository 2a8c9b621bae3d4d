import ArbitraryPrecision
import Symbolic

/// A complex value while lowering: its real and imaginary operand.
struct ComplexOperand: Hashable {
    var re: RealOperand
    var im: RealOperand
    var isReal: Bool { im.isZero }
    static let zero = ComplexOperand(re: .zero, im: .zero)
    static let one = ComplexOperand(re: .one, im: .zero)
}

/// Lowers expressions to a tape. The expression DAG is walked once per distinct node
/// (hash-consing makes structurally equal subexpressions the same node, so this memo is
/// common-subexpression elimination); integer powers become multiplication chains that
/// share their intermediate powers; complex arithmetic is split into real operations
/// whose exactly-zero parts fold away.
struct ExprLowering {
    var builder: TapeBuilder
    private let parameters: [Symbol: ComplexOperand]
    private var memo: [Expr: ComplexOperand] = [:]
    private var powerMemo: [PowerKey: ComplexOperand] = [:]

    private struct PowerKey: Hashable { var base: ComplexOperand; var n: Int }

    /// `realParameters[k]`: parameter k takes one real input (else two: real, imaginary).
    init(parameters: [Symbol], realParameters: [Bool]) throws(CompileError) {
        var map: [Symbol: ComplexOperand] = [:]
        var next = 0
        let b = TapeBuilder(inputCount: realParameters.reduce(0) { $0 + ($1 ? 1 : 2) })
        for (s, real) in zip(parameters, realParameters) {
            guard map[s] == nil else { throw .duplicateParameter(s.name) }
            if real {
                map[s] = ComplexOperand(re: b.input(next), im: .zero)
                next += 1
            } else {
                map[s] = ComplexOperand(re: b.input(next), im: b.input(next + 1))
                next += 2
            }
        }
        builder = b
        self.parameters = map
    }

    mutating func lower(_ e: Expr) throws(CompileError) -> ComplexOperand {
        if let v = memo[e] { return v }
        let v = try compute(e)
        memo[e] = v
        return v
    }

    private mutating func compute(_ e: Expr) throws(CompileError) -> ComplexOperand {
        switch e.kind {
        case .integer, .number:
            let q = e.numberValue!
            return ComplexOperand(re: .constant(q.re), im: .constant(q.im))
        case .symbol:
            let s = e.symbol!
            if let c = s.info.constant {
                switch c {
                case .pi: return ComplexOperand(re: .register(builder.register(for: .pi)), im: .zero)
                case .infinity: throw .unsupported("∞")
                case .undefined: throw .unsupported("undefined (0^(−1) or similar)")
                }
            }
            if e == Expr.undefined { throw .unsupported("an undefined value (0^(−1) or similar)") }
            if s.info.commutation != .commuting { throw .notANumber(s.name) }
            guard let v = parameters[s] else { throw .unboundSymbol(s.name) }
            return v
        case .add:
            var total = ComplexOperand.zero
            for t in e.children { total = add(total, try lower(t)) }
            return total
        case .mul:
            return try product(e.children)
        case .pow:
            return try power(e.children[0], e.children[1])
        case .function:
            return try function(e)
        case .bound, .binder:
            throw .unsupported("sums, products and integrals over a bound variable")
        }
    }

    // MARK: Complex arithmetic on split parts

    mutating func add(_ x: ComplexOperand, _ y: ComplexOperand) -> ComplexOperand {
        ComplexOperand(re: builder.add(x.re, y.re), im: builder.add(x.im, y.im))
    }

    mutating func sub(_ x: ComplexOperand, _ y: ComplexOperand) -> ComplexOperand {
        ComplexOperand(re: builder.sub(x.re, y.re), im: builder.sub(x.im, y.im))
    }

    mutating func mul(_ x: ComplexOperand, _ y: ComplexOperand) -> ComplexOperand {
        let re = builder.sub(builder.mul(x.re, y.re), builder.mul(x.im, y.im))
        let im = builder.add(builder.mul(x.re, y.im), builder.mul(x.im, y.re))
        return ComplexOperand(re: re, im: im)
    }

    /// x / y = x·conj(y) / |y|² (the textbook formula, as numpy's complex division for
    /// moderate magnitudes).
    mutating func div(_ x: ComplexOperand, _ y: ComplexOperand) -> ComplexOperand {
        if y.isReal { return ComplexOperand(re: builder.div(x.re, y.re), im: builder.div(x.im, y.re)) }
        let norm = builder.add(builder.mul(y.re, y.re), builder.mul(y.im, y.im))
        let re = builder.add(builder.mul(x.re, y.re), builder.mul(x.im, y.im))
        let im = builder.sub(builder.mul(x.im, y.re), builder.mul(x.re, y.im))
        return ComplexOperand(re: builder.div(re, norm), im: builder.div(im, norm))
    }

    mutating func scale(_ x: ComplexOperand, _ r: RealOperand) -> ComplexOperand {
        ComplexOperand(re: builder.mul(x.re, r), im: builder.mul(x.im, r))
    }

    /// A product with negative integer powers gathered into one denominator.
    private mutating func product(_ factors: Expr.Children) throws(CompileError) -> ComplexOperand {
        var numerator = ComplexOperand.one
        var denominator = ComplexOperand.one
        for f in factors {
            let (b, x) = f.asPower
            if let n = x.intValue, n < 0 {
                denominator = mul(denominator, try integerPower(try lower(b), -n))
            } else {
                numerator = mul(numerator, try lower(f))
            }
        }
        return denominator == .one ? numerator : div(numerator, denominator)
    }

    /// x^n for n ≥ 1 by repeated squaring; every intermediate power is shared.
    mutating func integerPower(_ x: ComplexOperand, _ n: Int) throws(CompileError) -> ComplexOperand {
        precondition(n >= 1)
        if n == 1 { return x }
        let key = PowerKey(base: x, n: n)
        if let v = powerMemo[key] { return v }
        let v: ComplexOperand
        if n % 2 == 0 {
            let h = try integerPower(x, n / 2)
            v = mul(h, h)
        } else {
            v = mul(try integerPower(x, n - 1), x)
        }
        powerMemo[key] = v
        return v
    }

    private mutating func power(_ b: Expr, _ x: Expr) throws(CompileError) -> ComplexOperand {
        let base = try lower(b)
        if let n = x.intValue {
            if n == 0 { return .one }
            let p = try integerPower(base, Swift.abs(n))
            return n > 0 ? p : div(.one, p)
        }
        if let q = x.rationalValue, q.denominator == BigInt(2), let p = q.numerator.asInt {
            let root = squareRoot(base, nonnegative: b.isNonnegative)
            let r = try integerPower(root, Swift.abs(p))
            return p > 0 ? r : div(.one, r)
        }
        let exponent = try lower(x)
        if base.isReal && exponent.isReal && b.isPositive {
            return ComplexOperand(re: builder.binary(.pow, base.re, exponent.re), im: .zero)
        }
        // Principal branch: z^w = exp(w log z).
        return exp(mul(exponent, log(base, positive: b.isPositive)))
    }

    mutating func squareRoot(_ z: ComplexOperand, nonnegative: Bool) -> ComplexOperand {
        if z.isReal && nonnegative { return ComplexOperand(re: builder.unary(.sqrt, z.re), im: .zero) }
        let r = builder.emit(.complexSqrt, z.re, z.im)
        return ComplexOperand(re: .register(r), im: .register(r + 1))
    }

    mutating func exp(_ z: ComplexOperand) -> ComplexOperand {
        let m = builder.unary(.exp, z.re)
        if z.isReal { return ComplexOperand(re: m, im: .zero) }
        return ComplexOperand(re: builder.mul(m, builder.unary(.cos, z.im)),
                              im: builder.mul(m, builder.unary(.sin, z.im)))
    }

    mutating func log(_ z: ComplexOperand, positive: Bool) -> ComplexOperand {
        if z.isReal && positive { return ComplexOperand(re: builder.unary(.log, z.re), im: .zero) }
        let modulus = z.isReal ? builder.unary(.abs, z.re) : builder.binary(.hypot, z.re, z.im)
        return ComplexOperand(re: builder.unary(.log, modulus), im: builder.binary(.atan2, z.im, z.re))
    }

    // MARK: Functions

    private mutating func function(_ e: Expr) throws(CompileError) -> ComplexOperand {
        guard let b = e.builtin else {
            let head = e.head!
            if head.info.commutation != .commuting { throw .notANumber(head.name) }
            throw .userFunction(head.name)
        }
        switch b {
        case .derivative:
            throw .userFunction("derivative of \(e.children[0].head?.name ?? "a function")")
        case .delta:
            throw .unsupported("the Dirac δ")
        case .kdelta:
            let d = sub(try lower(e.children[0]), try lower(e.children[1]))
            let re = builder.unary(.isZero, d.re)
            return ComplexOperand(re: d.isReal ? re : builder.mul(re, builder.unary(.isZero, d.im)), im: .zero)
        default:
            break
        }
        let argument = e.children[0]
        let z = try lower(argument)
        switch b {
        case .exp: return exp(z)
        case .log: return log(z, positive: argument.isPositive)
        case .sin, .cos, .sinh, .cosh:
            return trigonometric(b, z)
        case .tan:
            if z.isReal { return ComplexOperand(re: builder.unary(.tan, z.re), im: .zero) }
            return div(trigonometric(.sin, z), trigonometric(.cos, z))
        case .tanh:
            if z.isReal { return ComplexOperand(re: builder.unary(.tanh, z.re), im: .zero) }
            return complexTanh(z)
        case .atan:
            if z.isReal { return ComplexOperand(re: builder.unary(.atan, z.re), im: .zero) }
            // atan z = (i/2)(log(1 − iz) − log(1 + iz)).
            let iz = ComplexOperand(re: builder.neg(z.im), im: z.re)
            let d = sub(log(sub(.one, iz), positive: false), log(add(.one, iz), positive: false))
            let half = RealOperand.constant(BigRational(BigInt(1), BigInt(2)))
            return ComplexOperand(re: builder.mul(builder.neg(d.im), half), im: builder.mul(d.re, half))
        case .conj: return ComplexOperand(re: z.re, im: builder.neg(z.im))
        case .re: return ComplexOperand(re: z.re, im: .zero)
        case .im: return ComplexOperand(re: z.im, im: .zero)
        case .abs:
            return ComplexOperand(re: z.isReal ? builder.unary(.abs, z.re) : builder.binary(.hypot, z.re, z.im),
                                  im: .zero)
        case .sign:
            if z.isReal { return ComplexOperand(re: builder.unary(.sign, z.re), im: .zero) }
            return div(z, ComplexOperand(re: builder.binary(.hypot, z.re, z.im), im: .zero))
        case .theta:
            // The reference evaluator needs a real argument; the real part is used here.
            return ComplexOperand(re: builder.unary(.theta, z.re), im: .zero)
        case .delta, .kdelta, .derivative:
            preconditionFailure("handled above")
        }
    }

    /// tanh(a + iy) = (tanh 2a + i q sin 2y)/(1 + q cos 2y), q = sech 2a = 2e/(1 + e²),
    /// e = exp(−2|a|): bounded pieces only. sinh z/cosh z overflows for |a| beyond ~700 (Double)
    /// and a ball's radius overflows there too, although tanh is within 2e of ±1; this form
    /// keeps the continuation of a distribution tanh(β(ν − μ)/2) evaluable far along the axis.
    private mutating func complexTanh(_ z: ComplexOperand) -> ComplexOperand {
        let two = RealOperand.constant(BigRational(2))
        let a2 = builder.mul(two, z.re), y2 = builder.mul(two, z.im)
        let e = builder.unary(.exp, builder.neg(builder.mul(two, builder.unary(.abs, z.re))))
        let q = builder.div(builder.mul(two, e), builder.add(.one, builder.mul(e, e)))
        let d = builder.add(.one, builder.mul(q, builder.unary(.cos, y2)))
        return ComplexOperand(re: builder.div(builder.unary(.tanh, a2), d),
                              im: builder.div(builder.mul(q, builder.unary(.sin, y2)), d))
    }

    private mutating func trigonometric(_ b: Builtin, _ z: ComplexOperand) -> ComplexOperand {
        let op: TapeOp = b == .sin ? .sin : b == .cos ? .cos : b == .sinh ? .sinh : .cosh
        if z.isReal { return ComplexOperand(re: builder.unary(op, z.re), im: .zero) }
        let (a, y) = (z.re, z.im)
        switch b {
        case .sin: // sin a cosh y + i cos a sinh y
            return ComplexOperand(re: builder.mul(builder.unary(.sin, a), builder.unary(.cosh, y)),
                                  im: builder.mul(builder.unary(.cos, a), builder.unary(.sinh, y)))
        case .cos: // cos a cosh y − i sin a sinh y
            return ComplexOperand(re: builder.mul(builder.unary(.cos, a), builder.unary(.cosh, y)),
                                  im: builder.neg(builder.mul(builder.unary(.sin, a), builder.unary(.sinh, y))))
        case .sinh: // sinh a cos y + i cosh a sin y
            return ComplexOperand(re: builder.mul(builder.unary(.sinh, a), builder.unary(.cos, y)),
                                  im: builder.mul(builder.unary(.cosh, a), builder.unary(.sin, y)))
        default: // cosh a cos y + i sinh a sin y
            return ComplexOperand(re: builder.mul(builder.unary(.cosh, a), builder.unary(.cos, y)),
                                  im: builder.mul(builder.unary(.sinh, a), builder.unary(.sin, y)))
        }
    }
}
