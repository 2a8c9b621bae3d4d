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
    /// Which crossings to report (stability target): where stability changes (default), or
    /// every crossing of a kind.
    public var crossing: CrossingSelection = .max
    /// Report every root of R in the interval: every crossing of any kind and the roots where
    /// nothing crosses, each with what happens there.
    public var all = false

    public init(target: Target, lower: BigRational, upper: BigRational, digits: Int, method: ThresholdMethod = .auto) {
        self.target = target
        self.lower = lower
        self.upper = upper
        self.digits = digits
        self.method = method
    }
}

/// A threshold as found: certified crossings of the resultant route, the zeros of the
/// bracketing route, or the exact zeros of a rational expression.
public enum ThresholdResult: Sendable {
    case certified([CertifiedThreshold])
    case bracketed([BracketedZero])
    case exact([ExactZero])
}

/// The result and what the user should know about how it was obtained (a fallback taken).
public struct ThresholdOutcome: Sendable {
    public var result: ThresholdResult
    public var notes: [String]
}

/// The threshold job: chooses the route, falls back from the resultant route to bracketing
/// under `.auto` when elimination does not apply (a `.numerical` failure), and says so in the
/// outcome's notes. A search that finds no crossing is an error (`.noCrossing`), never an
/// empty result; roots the search proved but was not asked for are named in the notes.
public func findThreshold(_ request: ThresholdRequest) throws -> ThresholdOutcome {
    let (lo, hi, digits) = (request.lower, request.upper, request.digits)
    guard digits >= 1 else { throw AnalysisError.badRange("\(digits)", reason: "digits must be positive") }
    guard digits <= 10_000 else { throw AnalysisError.badRange("\(digits)", reason: "at most 10000 digits") }
    guard lo < hi else { throw AnalysisError.badRange("\(lo):\(hi)", reason: "the range is empty") }
    switch request.target {
    case let .expression(e, text, parameter):
        return try expressionZeros(e, text: text, parameter: parameter, lower: lo, upper: hi, digits: digits,
                                   method: request.method)
    case let .stability(problem):
        if request.all && request.crossing != .max {
            throw AnalysisError.badAssignment("--all", reason: "--all lists every root of every kind; it does not combine with --crossing")
        }
        let selection: CrossingSelection = request.all ? .any : request.crossing
        var notes: [String] = []
        if request.method != .bracket {
            do {
                let search = try thresholdCrossings(problem, lower: lo, upper: hi, digits: digits, selection: selection)
                if let g = search.removed { notes.append(g.summary) }
                notes += search.marginal
                var found = search.selected
                if request.all {
                    found = (found + search.others).sorted { $0.lower < $1.lower }
                } else if !search.others.isEmpty {
                    let name = problem.free[0].name
                    notes.append("R(\(name)) has \(search.others.count) more root\(search.others.count == 1 ? "" : "s") in the interval, not reported above: "
                                 + search.others.map { "\(name) = \($0.value): \($0.role)" }.joined(separator: "; ")
                                 + " (--all lists them)")
                }
                guard !found.isEmpty else {
                    throw noCrossingError(search, problem: problem, lower: lo, upper: hi, selection: selection)
                }
                return ThresholdOutcome(result: .certified(found), notes: notes)
            } catch let e as AnalysisError {
                guard request.method == .auto, case .numerical = e else { throw e }
                notes.append("resultant route unavailable (\(e)); using MPFR bracketing")
            }
        }
        do {
            let (zeros, more) = try bracketedCrossings(problem, lower: lo, upper: hi, digits: digits, selection: selection)
            return ThresholdOutcome(result: .bracketed(zeros), notes: notes + more)
        } catch AnalysisError.noCrossing(let message) where !notes.isEmpty {
            // The error is all the user sees: it must say why the exact route was not taken.
            throw AnalysisError.noCrossing(message + "; " + notes.joined(separator: "; "))
        }
    }
}
