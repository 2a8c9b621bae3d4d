import ArbitraryPrecision
import ComplexModule
import RealModule

/// Why an expression has no numeric value at the given point.
public enum EvaluationError: Error, Sendable, CustomStringConvertible, Equatable {
    case unboundSymbol(String)
    /// Operators and Grassmann numbers have no numeric value.
    case notANumber(String)
    case userFunction(String)
    case integral
    case diracDeltaAtZero
    case nonRealArgument(String)
    case nonIntegerSumLimit
    case tooManyTerms(Int)
    /// An integral's quadrature failed: it did not reach a usable accuracy within its budget, or
    /// the integrand cannot be integrated numerically (a δ of the integration variable).
    case quadrature(String)
    case infinity
    case undefined
    case notFinite

    public var description: String {
        switch self {
        case .unboundSymbol(let s): return "no value given for symbol '\(s)'"
        case .notANumber(let s): return "'\(s)' is an operator or Grassmann symbol and has no numeric value"
        case .userFunction(let f): return "function '\(f)' has no numeric definition"
        case .integral: return "an integral cannot be evaluated at a point: numeric quadrature is in the Numerics layer"
        case .diracDeltaAtZero: return "δ(0) has no finite value"
        case .nonRealArgument(let f): return "\(f) needs a real argument"
        case .nonIntegerSumLimit: return "a finite sum or product needs integer limits"
        case .tooManyTerms(let n): return "a finite sum or product with \(n) terms is too long to evaluate term by term"
        case .quadrature(let reason): return "quadrature: \(reason)"
        case .infinity: return "∞ has no finite value"
        case .undefined: return "the expression is undefined (0^(−1) or similar)"
        case .notFinite: return "the value is not finite (division by zero or overflow)"
        }
    }
}

/// Evaluation at a point, a check rather than the compiled fast path of the Numerics layer.
///
/// Conventions: θ(0) = 1/2 (the symmetric value, which makes θ(x) + θ(−x) = 1 hold
/// everywhere); δ(x) is 0 for x ≠ 0 and an error at 0; δ_ij is 1 or 0; sign(z) = z/|z| (0 at
/// 0); powers and logarithms take the principal branch. Finite sums and products are
/// iterated when their limits evaluate to integers (at most 10⁷ terms); integrals and user
/// functions throw (a numeric identity check supplies both: `IdentitySample`).
extension Expr {
    public func evaluate(_ values: [Symbol: Complex<Double>]) throws(EvaluationError) -> Complex<Double> {
        var ev = PointEvaluator<Complex<Double>>(values: values, precision: 53)
        return try ev.value(self)
    }

    /// Evaluation in MPFR with `precision` bits (see `BigFloat.bits(forDigits:)`).
    public func evaluate(_ values: [Symbol: BigComplex], precision: Int) throws(EvaluationError) -> BigComplex {
        var ev = PointEvaluator<BigComplex>(values: values.mapValues {
            BigComplex($0.re.rounded(toPrecision: precision), $0.im.rounded(toPrecision: precision))
        }, precision: precision)
        return try ev.value(self)
    }
}

struct PointEvaluator<T: EvaluationScalar> {
    let values: [Symbol: T]
    let precision: Int
    /// The seed of the random smooth functions that stand for user functions; nil: they throw.
    let functionSeed: UInt64?
    /// Quadrature for integral nodes; nil: they throw.
    let integrals: (any IntegralEvaluator)?
    var memo: [Expr: T] = [:]
    var bound: [T] = []
    /// Largest |term| met in any sum (and ∫|f| of any integral), a scale for judging cancellation.
    var largestTerm: Double = 0
    var functions: [Symbol: RandomSmoothFunction.Prepared<T>] = [:]
    /// Integral bodies checked for a δ of a bound variable.
    var deltaFree: [Expr: Bool] = [:]

    init(values: [Symbol: T], precision: Int, functionSeed: UInt64? = nil, integrals: (any IntegralEvaluator)? = nil) {
        self.values = values
        self.precision = precision
        self.functionSeed = functionSeed
        self.integrals = integrals
    }

    mutating func value(_ e: Expr) throws(EvaluationError) -> T {
        let v = try eval(e)
        guard v.isFiniteValue else { throw .notFinite }
        return v
    }

    private func exact(_ q: GaussianRational) -> T { T.exact(q, precision: precision) }
    private func int(_ n: Int) -> T { exact(GaussianRational(BigRational(n))) }

    mutating func eval(_ e: Expr) throws(EvaluationError) -> T {
        let cacheable = !e.flags.contains(.hasBound)
        if cacheable, let v = memo[e] { return v }
        let v = try compute(e)
        if cacheable { memo[e] = v }
        return v
    }

    private mutating func compute(_ e: Expr) throws(EvaluationError) -> T {
        switch e.kind {
        case .integer, .number:
            return exact(e.numberValue!)
        case .symbol:
            let s = e.symbol!
            if let c = s.info.constant {
                switch c {
                case .pi: return T.pi(precision: precision)
                case .infinity: throw .infinity
                case .undefined: throw .undefined
                }
            }
            if e == Expr.undefined { throw .undefined }
            if s.info.commutation != .commuting { throw .notANumber(s.name) }
            guard let v = values[s] else { throw .unboundSymbol(s.name) }
            return v
        case .bound:
            let i = e.boundIndex!
            guard i < bound.count else { throw .unboundSymbol("bound variable #\(i)") }
            return bound[bound.count - 1 - i]
        case .add:
            var total = int(0)
            for t in e.children {
                let v = try eval(t)
                largestTerm = Swift.max(largestTerm, v.magnitudeEstimate)
                total = total + v
            }
            return total
        case .mul:
            var product = int(1)
            for f in e.children { product = product * (try eval(f)) }
            return product
        case .pow:
            let (b, x) = (e.children[0], e.children[1])
            let base = try eval(b)
            if let n = x.intValue { return T.power(base, n) }
            if x == .half { return T.squareRoot(base) }
            return T.power(base, try eval(x))
        case .function:
            return try function(e)
        case .binder:
            return try binder(e)
        }
    }

    private mutating func real(_ v: T, _ name: String) throws(EvaluationError) -> Double {
        guard let r = v.realValue else { throw .nonRealArgument(name) }
        return r
    }

    private mutating func function(_ e: Expr) throws(EvaluationError) -> T {
        guard let b = e.builtin else { return try userFunction(e, orders: nil) }
        if b == .derivative {
            var base = e
            while base.builtin == .derivative { base = base.children[0] }
            if base.kind == .function && base.builtin == nil { return try userFunction(base, orders: e) }
            throw .userFunction("derivative of \(base.head?.name ?? "a function")")
        }
        if b == .kdelta {
            let (i, j) = (try eval(e.children[0]), try eval(e.children[1]))
            return (i - j).isZeroValue ? int(1) : int(0)
        }
        let x = try eval(e.children[0])
        switch b {
        case .exp: return T.exp(x)
        case .log: return T.log(x)
        case .sin: return T.sin(x)
        case .cos: return T.cos(x)
        case .tan: return T.tan(x)
        case .sinh: return T.sinh(x)
        case .cosh: return T.cosh(x)
        case .tanh: return T.tanh(x)
        case .atan: return T.atan(x)
        case .conj: return x.conjugateValue
        case .re: return x.realPart
        case .im: return x.imaginaryPart
        case .abs: return x.modulus
        case .sign: return x.isZeroValue ? int(0) : x / x.modulus
        case .theta:
            let r = try real(x, "θ")
            return r > 0 ? int(1) : (r < 0 ? int(0) : exact(GaussianRational(BigRational(BigInt(1), BigInt(2)))))
        case .delta:
            if x.isZeroValue { throw .diracDeltaAtZero }
            return int(0)
        case .kdelta, .derivative:
            return int(0)  // handled above
        }
    }

    /// A user function F(a₁, …, a_m), or the slot derivative `derivative` of one, as the random
    /// smooth function of `functionSeed` (see `RandomSmoothFunction`). A function declared real (or
    /// positive) is real-valued only on real arguments — its application is flagged real whatever the
    /// arguments, while derivatives treat it as holomorphic — so at a complex argument it has no
    /// consistent value and throws; an integer-valued function has no smooth stand-in.
    private mutating func userFunction(_ application: Expr, orders derivative: Expr?) throws(EvaluationError) -> T {
        let head = application.head!
        if head.info.commutation != .commuting { throw .notANumber(head.name) }
        guard let seed = functionSeed, !head.info.assumptions.contains(.integer) else { throw .userFunction(head.name) }
        let arity = application.children.count
        var args: [T] = []
        for a in application.children {
            let v = try eval(a)
            if head.info.assumptions.contains(.real), v.realValue == nil { throw .nonRealArgument(head.name) }
            args.append(v)
        }
        var orders = Array(repeating: 0, count: arity)
        var d = derivative
        while let node = d, node.builtin == .derivative {
            guard let slot = node.children[1].intValue, (1...arity).contains(slot) else { throw .userFunction(head.name) }
            orders[slot - 1] += 1
            d = node.children[0]
        }
        if functions[head]?.arity != arity {
            functions[head] = RandomSmoothFunction.Prepared(RandomSmoothFunction(head, arity: arity, seed: seed), precision: precision)
        }
        return functions[head]!.value(args, orders: orders)
    }

    private mutating func binder(_ e: Expr) throws(EvaluationError) -> T {
        guard let kind = e.binderKind, let (body, lower, upper) = e.binderParts else { return int(0) }
        if kind == .integral { return try integral(body, lower, upper) }
        let lo = try integer(try eval(lower)), hi = try integer(try eval(upper))
        if hi < lo { return kind == .sum ? int(0) : int(1) }
        guard hi - lo < 10_000_000 else { throw .tooManyTerms(hi - lo + 1) }
        var acc = kind == .sum ? int(0) : int(1)
        for k in lo...hi {
            bound.append(int(k))
            defer { bound.removeLast() }
            let v = try eval(body)
            acc = kind == .sum ? acc + v : acc * v
        }
        return acc
    }

    /// ∫ body over [lower, upper] by the `integrals` evaluator: the body evaluated at each node
    /// with the node as the innermost bound variable. Sums met inside the integrand do not set the
    /// scale (an integrand value is not a term of the result); ∫|f| does.
    private mutating func integral(_ body: Expr, _ lower: Expr, _ upper: Expr) throws(EvaluationError) -> T {
        guard let rule = integrals else { throw .integral }
        if !isDeltaFree(body) {
            throw .quadrature("the integrand has a Dirac δ of the integration variable, which quadrature cannot see: integrate it symbolically first")
        }
        let (a, b) = (try limit(lower), try limit(upper))
        let outer = largestTerm
        let (v, magnitude) = try rule.integrate({ (x: BigFloat) throws(EvaluationError) -> BigComplex in
            bound.append(T.from(BigComplex(x)))
            defer { bound.removeLast() }
            return try value(body).bigComplexValue
        }, from: a, to: b, precision: precision)
        largestTerm = Swift.max(outer, magnitude.toDouble())
        return T.from(v)
    }

    /// An integration limit: ±∞ or a real value.
    private mutating func limit(_ e: Expr) throws(EvaluationError) -> BigFloat {
        if e == .infinity { return BigFloat(Double.infinity, precision: precision) }
        if e == Expr.neg(.infinity) { return BigFloat(-Double.infinity, precision: precision) }
        let v = try eval(e)
        guard v.realValue != nil else { throw .nonRealArgument("an integration limit") }
        return v.bigComplexValue.re
    }

    /// Whether no δ (or δ derivative) inside `body` has a bound variable in its argument.
    private mutating func isDeltaFree(_ body: Expr) -> Bool {
        if !body.flags.contains(.hasBound) || body.kind == .bound { return true }
        if let known = deltaFree[body] { return known }
        var free = !(body.builtin == .delta)
        if free { for c in body.children where !isDeltaFree(c) { free = false; break } }
        deltaFree[body] = free
        return free
    }

    private func integer(_ v: T) throws(EvaluationError) -> Int {
        guard let r = v.realValue, r.isFinite, Swift.abs(r) < 1e15, r == r.rounded() else { throw .nonIntegerSumLimit }
        return Int(r)
    }
}
