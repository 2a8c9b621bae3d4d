import ArbitraryPrecision
import Symbolic
import KeldyshNumerics

/// A zero of a real function of one parameter by MPFR bracketing (Illinois), computed at
/// two working precisions: the value is reported only when both brackets round to the same
/// `digits` digits, and each bracket carries its proven sign change.
public struct BracketedZero: Sendable {
    public var parameter: String
    public var digits: Int
    public var value: String
    public var lower: BigFloat
    public var upper: BigFloat
    public var fLower: BigFloat
    public var fUpper: BigFloat
    /// The working precisions (decimal digits) of the two runs and their results.
    public var runs: [(digits: Int, value: String)]
    public var proof: [String]
    /// For a stability crossing: the kind, direction (+1: the count of unstable eigenvalues
    /// of that kind grows with P) and the counts on both sides, when known.
    public var kind: CrossingKind? = nil
    public var direction: Int? = nil
    public var counts: (below: UnstableCounts, above: UnstableCounts)? = nil
    /// For an expression: the sign change is a zero (|f| small at both ends of the final
    /// bracket) rather than a pole; nil when not checked.
    public var isZero: Bool? = nil
}

/// Brackets a sign change of f in [lower, upper] at two evaluation precisions.
/// `f(x, digits)` evaluates at about `digits` decimal digits.
public func bracketedZero(parameter: String, lower: BigRational, upper: BigRational, digits: Int,
                          what: String, _ f: (BigFloat, Int) throws -> BigFloat) throws -> BracketedZero {
    guard digits >= 1 else { throw AnalysisError.badRange("\(digits)", reason: "digits must be positive") }
    var runs: [(digits: Int, value: String)] = []
    var last: BracketResult<BigFloat>?
    var proof: [String] = []
    for extra in [15, 40] {
        let working = digits + extra
        let p = BigFloat.bits(forDigits: digits + 10)
        let r: BracketResult<BigFloat>
        do {
            r = try preciseBracket(in: BigFloat(lower, precision: p), BigFloat(upper, precision: p), digits: digits + 2) { x in
                try f(x, working)
            }
        } catch let e as NumericsError {
            if case .noSignChange = e {
                throw AnalysisError.noCrossing("\(what) does not change sign between \(parameter) = \(lower.decimal) and \(upper.decimal): \(e)")
            }
            throw AnalysisError.numerical("\(what): \(e)", cause: .init(e))
        }
        let v = r.root.toString(digits: digits)
        runs.append((working, v))
        if r.stop == .exactZero {
            proof.append("\(working)-digit evaluation: f(\(r.lower.toString(digits: digits + 3))) = 0 (the evaluated max Re λ rounds to exactly zero there), \(r.iterations) iterations")
            runs[runs.count - 1] = (working, r.root.toString(digits: digits))
            last = r
            continue
        }
        // The two ends with as many digits as it takes to tell them apart (the bracket is
        // often far narrower than the digits asked for).
        var shown = digits + 3
        while r.lower.toString(digits: shown) == r.upper.toString(digits: shown) && shown < working { shown += 1 }
        proof.append("\(working)-digit evaluation: f(\(r.lower.toString(digits: shown))) = \(r.fLower.toString(digits: 3)), f(\(r.upper.toString(digits: shown))) = \(r.fUpper.toString(digits: 3)) — opposite signs, \(r.iterations) iterations")
        last = r
    }
    guard runs[0].value == runs[1].value, let r = last else {
        throw AnalysisError.numerical("the two working precisions disagree at \(digits) digits: \(runs[0].value) vs \(runs[1].value)")
    }
    let lo = r.lower.toString(digits: digits), hi = r.upper.toString(digits: digits)
    guard lo == hi else {
        throw AnalysisError.numerical("the bracket [\(r.lower), \(r.upper)] does not fix \(digits) digits")
    }
    return BracketedZero(parameter: parameter, digits: digits, value: runs[1].value, lower: r.lower, upper: r.upper,
                         fLower: r.fLower, fUpper: r.fUpper, runs: runs, proof: proof)
}

/// The largest real part of the eigenvalues of `problem`'s matrix (one free parameter,
/// entries any expressions) as a function for `bracketedZero`: entries by the MPFR
/// evaluator, eigenvalues by MPFR Hessenberg QR with refinement.
public func maxRealPartFunction(_ problem: StabilityProblem) throws -> (BigFloat, Int) throws -> BigFloat {
    let eigenvalues = try eigenvalueFunction(problem)
    return { x, digits in try eigenvalues(x, digits).map(\.value.re).max { $0 < $1 }! }
}

/// A user expression of one free parameter as a function for `bracketedZero` (its real part).
public func expressionFunction(_ e: Expr, parameter: Symbol) throws -> (BigFloat, Int) throws -> BigFloat {
    let free = e.freeSymbols.filter { !$0.info.isFunction && $0 != parameter }
    guard free.isEmpty else { throw AnalysisError.unassigned(free.map(\.name)) }
    let function: CompiledFunction
    do { function = try CompiledFunction(e, parameters: [parameter], assumeRealParameters: true) } catch {
        throw AnalysisError.numerical("cannot compile \(e): \(error)", cause: .init(error))
    }
    var evaluators: [Int: MPFREvaluator] = [:]
    return { x, digits in
        let bits = BigFloat.bits(forDigits: digits) + 32
        let ev: MPFREvaluator
        if let c = evaluators[bits] { ev = c } else { ev = MPFREvaluator(function, precision: bits); evaluators[bits] = ev }
        return ev.evaluate([x.rounded(toPrecision: bits)])[0].re
    }
}
