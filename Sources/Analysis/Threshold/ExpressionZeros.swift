import ArbitraryPrecision
import Symbolic
import KeldyshNumerics

/// A zero of a rational function of one parameter, found exactly: a real root of its
/// numerator N (the fraction cancelled, so no root of the denominator D is one), isolated by
/// Sturm sequences of N's square-free factors.
public struct ExactZero: Sendable {
    public var parameter: String
    public var digits: Int
    public var value: String
    /// An isolating interval [lower, upper] (lower = upper for a rational zero).
    public var lower: BigRational
    public var upper: BigRational
    /// The multiplicity of the root of N; f changes sign across it when it is odd.
    public var multiplicity: Int
    public var proof: [String]
    public var changesSign: Bool { multiplicity % 2 == 1 }
}

/// The zeros of `e` (every other parameter substituted) in [lower, upper].
///
/// When e is a rational function of the parameter over ℚ (`.auto`, `.resultant`), every zero
/// is found exactly, with its multiplicity, and the real roots of the denominator (poles) are
/// named in the notes, never reported as zeros; an expression identically 0 is an error that
/// says so. Otherwise (`.auto` with a note, or `.bracket`) the expression is sampled and every
/// sign change bracketed at two working precisions; a sign change where |f| does not shrink
/// with the bracket is a pole or a jump and is reported as such, not as a zero. Zeros without a
/// sign change cannot be found that way, which the notes say.
func expressionZeros(_ e: Expr, text: String, parameter: Symbol, lower: BigRational, upper: BigRational, digits: Int,
                     method: ThresholdMethod) throws -> ThresholdOutcome {
    let free = e.freeSymbols.filter { !$0.info.isFunction && $0 != parameter }
    guard free.isEmpty else { throw AnalysisError.unassigned(free.map(\.name)) }
    var notes: [String] = []
    if method != .bracket {
        if let (n, d) = realRationalFunction(e, in: parameter) {
            return try exactZeros(n, d, text: text, parameter: parameter, lower: lower, upper: upper, digits: digits)
        }
        if method == .resultant {
            throw AnalysisError.numerical("\(text) is not a rational function of \(parameter.name) with rational coefficients; the exact route does not apply (use --method bracket)")
        }
        notes.append("\(text) is not a rational function of \(parameter.name) over ℚ: its sign changes are bracketed numerically (not certified)")
    }
    let (zeros, more) = try bracketedSignChanges(e, text: text, parameter: parameter, lower: lower, upper: upper, digits: digits)
    return ThresholdOutcome(result: .bracketed(zeros), notes: notes + more)
}

/// N/D over ℚ with gcd 1 when `e` is a rational function of `p` with rational coefficients.
func realRationalFunction(_ e: Expr, in p: Symbol) -> (UnivariatePolynomial, UnivariatePolynomial)? {
    guard let rf = try? RationalFunction(e, generators: [Expr.symbol(p)]) else { return nil }
    guard rf.generators.isEmpty || rf.generators == [Expr.symbol(p)] else { return nil }
    let (n, d) = rf.cancelled()
    func univariate(_ q: Polynomial) -> UnivariatePolynomial? {
        if q.isZero { return .zero }
        guard q.domain != .gaussianRationals else { return nil }
        if q.generators.isEmpty { return UnivariatePolynomial([q.evaluate([]).re]) }
        return UnivariatePolynomial(q, variable: 0)
    }
    guard let nu = univariate(n), let du = univariate(d), !du.isZero else { return nil }
    return (nu, du)
}

func exactZeros(_ n: UnivariatePolynomial, _ d: UnivariatePolynomial, text: String, parameter: Symbol,
                lower: BigRational, upper: BigRational, digits: Int) throws -> ThresholdOutcome {
    let name = parameter.name
    guard !n.isZero else {
        throw AnalysisError.noCrossing("\(text) is identically 0 (as a function of \(name)): every point is a zero and none can be singled out")
    }
    var notes: [String] = []
    // Poles: real roots of the denominator in the interval (no zero of f, since N/D is cancelled).
    if d.degree >= 1 {
        let poles = SturmSequence(squareFreePartOf: d).realRoots(in: lower, upper).filter {
            $0.isExact ? ($0.lower >= lower && $0.lower <= upper) : !($0.upper < lower) && !(upper < $0.lower)
        }
        for pole in poles {
            let (v, _, q) = try refinedValue(pole, digits: min(digits, 20))
            notes.append("\(text) has a pole at \(name) = \(q.map { "\($0)" } ?? v) (a root of its denominator): not a zero")
        }
    }
    var out: [ExactZero] = []
    if n.degree >= 1 {
        for (factor, multiplicity) in n.squareFreeFactorization().factors {
            let sturm = SturmSequence(factor)
            for root0 in sturm.realRoots(in: lower, upper) {
                var root = root0
                while !root.isExact && root.lower < lower && root.upper > lower { root = root.refined(toWidth: root.width / 4) }
                while !root.isExact && root.lower < upper && root.upper > upper { root = root.refined(toWidth: root.width / 4) }
                if root.isExact ? (root.lower < lower || root.lower > upper) : (root.lower < lower || root.upper > upper) { continue }
                let (value, fine, exact) = try refinedValue(root, digits: digits)
                var proof = ["\(text) = N(\(name))/D(\(name)) with N, D coprime over ℚ (N of degree \(n.degree), D of degree \(d.degree))"]
                if let q = exact {
                    proof.append("\(name) = \(q) is an exact rational root of N of multiplicity \(multiplicity)")
                } else {
                    proof.append("N has a root of multiplicity \(multiplicity) in [\(fine.lower.decimal), \(fine.upper.decimal)], the only root of its square-free factor there (Sturm sequence)")
                }
                proof.append(multiplicity % 2 == 1 ? "\(text) changes sign across it"
                             : "\(text) vanishes there without changing sign (even multiplicity)")
                out.append(ExactZero(parameter: name, digits: digits, value: value, lower: exact ?? fine.lower,
                                     upper: exact ?? fine.upper, multiplicity: multiplicity, proof: proof))
            }
        }
    }
    guard !out.isEmpty else {
        throw AnalysisError.noCrossing("\(text) has no zero for \(name) in [\(lower.decimal), \(upper.decimal)] (exact: its numerator has no real root there)"
                                       + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")))
    }
    return ThresholdOutcome(result: .exact(out.sorted { $0.lower < $1.lower }), notes: notes)
}

/// Sampling and bracketing of a real expression's sign changes, each checked for being a zero.
func bracketedSignChanges(_ e: Expr, text: String, parameter: Symbol, lower: BigRational, upper: BigRational,
                          digits: Int, samples: Int = bracketingSamples) throws -> ([BracketedZero], [String]) {
    let name = parameter.name
    let f = try expressionFunction(e, parameter: parameter)
    let points = (0...samples).map { lower + (upper - lower) * BigRational(BigInt($0), BigInt(samples)) }
    let p = BigFloat.bits(forDigits: 40)
    var values: [BigFloat] = []
    for x in points { values.append(try f(BigFloat(x, precision: p), 30)) }
    var scale = BigFloat(0, precision: 64)
    for v in values where v.isFinite && BigFloat.abs(v) > scale { scale = BigFloat.abs(v).rounded(toPrecision: 64) }
    var notes = ["bracketing: \(text) was sampled at \(samples + 1) points, spacing \((upper - lower) / BigRational(BigInt(samples))); pairs of sign changes closer than that, and zeros where it does not change sign, are not seen"]
    var out: [BracketedZero] = []
    var poles: [String] = []
    var infinite: [String] = []
    var previous: Int?
    for k in values.indices {
        let v = values[k]
        guard v.isFinite else { infinite.append("\(name) = \(points[k].decimalShort)"); previous = nil; continue }
        if v.isZero { continue }
        if let i = previous, values[i].sign != v.sign {
            let z = try bracketedZero(parameter: name, lower: points[i], upper: points[k], digits: digits, what: text, f)
            // At a zero |f| shrinks with the bracket; at a pole it grows.
            let small = BigFloat.pow(BigFloat(10, precision: 64), -(digits / 2 + 2)) * (scale > BigFloat(1, precision: 64) ? scale : BigFloat(1, precision: 64))
            if BigFloat.abs(z.fLower) <= small && BigFloat.abs(z.fUpper) <= small {
                var zero = z
                zero.isZero = true
                out.append(zero)
            } else {
                poles.append("a sign change at \(name) ≈ \(z.value) where |\(text)| grows as the bracket shrinks, a pole or a jump (|\(text)| = \(BigFloat.abs(z.fLower).toString(digits: 3)) and \(BigFloat.abs(z.fUpper).toString(digits: 3)) at the ends of the final bracket)")
            }
        }
        previous = k
    }
    if !infinite.isEmpty { poles.append("\(text) is not finite at " + infinite.joined(separator: ", ")) }
    if !poles.isEmpty {
        notes.append("not zeros: " + poles.joined(separator: "; "))
    }
    guard !out.isEmpty else {
        throw AnalysisError.noCrossing("\(text) has no sign change with |\(text)| → 0 between the \(samples + 1) sample points of \(name) in [\(lower.decimal), \(upper.decimal)]"
                                       + (poles.isEmpty ? "" : "; not zeros: " + poles.joined(separator: "; ")))
    }
    return (out, notes)
}
