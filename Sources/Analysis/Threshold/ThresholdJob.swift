import ArbitraryPrecision
import Symbolic

/// How a threshold is found: by exact elimination (`resultant`: the crossing resultant R(P),
/// Sturm isolation of its real roots, exact Routh counts or MPFR eigenvalues on both sides),
/// by MPFR bracketing of max Re λ at two working precisions (`bracket`), or the first and,
/// when it cannot apply (entries not polynomial in P, say), the second (`auto`).
public enum ThresholdMethod: String, Sendable, CaseIterable {
    case auto, resultant, bracket
}

/// The route that produced a threshold.
public enum ThresholdRoute: String, Sendable {
    case resultant, bracket
}

/// Which eigenvalues cross the imaginary axis at a threshold: one real eigenvalue through 0,
/// or a complex-conjugate pair through ±iω.
public enum CrossingKind: String, Sendable {
    case real, complex
}

/// What `keldysh threshold` asks: where a real function of one parameter P changes sign in
/// [lower, upper], to `digits` significant digits.
public struct ThresholdRequest: Sendable {
    public enum Target: Sendable {
        /// The largest real part of the eigenvalues of a stability matrix with one free parameter.
        case stability(StabilityProblem)
        /// The real part of an expression in one parameter (every other parameter substituted);
        /// `text` names it in messages.
        case expression(Expr, text: String, parameter: Symbol)
    }

    public var target: Target
    public var lower: BigRational
    public var upper: BigRational
    public var digits: Int
    public var method: ThresholdMethod

    public init(target: Target, lower: BigRational, upper: BigRational, digits: Int, method: ThresholdMethod = .auto) {
        self.target = target
        self.lower = lower
        self.upper = upper
        self.digits = digits
        self.method = method
    }
}

/// A threshold as found: certified crossings of the resultant route, or the zero of the
/// bracketing route.
public enum ThresholdResult: Sendable {
    case certified([CertifiedThreshold])
    case bracketed(BracketedZero)
}

/// The result and what the user should know about how it was obtained (a fallback taken).
public struct ThresholdOutcome: Sendable {
    public var result: ThresholdResult
    public var notes: [String]
}

/// The threshold job: chooses the route, falls back from the resultant route to bracketing
/// under `.auto` when elimination does not apply (a `.numerical` failure), and says so in the
/// outcome's notes. A search that finds no crossing is an error (`.noCrossing`), never an
/// empty result.
public func findThreshold(_ request: ThresholdRequest) throws -> ThresholdOutcome {
    let (lo, hi, digits) = (request.lower, request.upper, request.digits)
    switch request.target {
    case let .expression(e, text, parameter):
        let z = try bracketedZero(parameter: parameter.name, lower: lo, upper: hi, digits: digits, what: text,
                                  try expressionFunction(e, parameter: parameter))
        return ThresholdOutcome(result: .bracketed(z), notes: [])
    case let .stability(problem):
        var notes: [String] = []
        if request.method != .bracket {
            do {
                return ThresholdOutcome(result: .certified(try certifiedThresholds(problem, lower: lo, upper: hi, digits: digits)),
                                        notes: [])
            } catch let e as AnalysisError {
                guard request.method == .auto, case .numerical = e else { throw e }
                notes.append("resultant route unavailable (\(e)); using MPFR bracketing")
            }
        }
        let z = try bracketedZero(parameter: problem.free[0].name, lower: lo, upper: hi, digits: digits, what: "max Re λ",
                                  try maxRealPartFunction(problem))
        return ThresholdOutcome(result: .bracketed(z), notes: notes)
    }
}
