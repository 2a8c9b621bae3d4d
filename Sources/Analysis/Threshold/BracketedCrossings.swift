import ArbitraryPrecision
import Symbolic
import KeldyshNumerics

/// The number of samples of the bracketing route's first pass.
public let bracketingSamples = 64

/// The eigenvalues of `problem`'s matrix (one free parameter) at a point, in MPFR with error
/// estimates, for the bracketing route.
func eigenvalueFunction(_ problem: StabilityProblem) throws -> (BigFloat, Int) throws -> [PreciseEigenvalue] {
    let function = try problem.compile()
    let n = problem.order
    var evaluators: [Int: MPFREvaluator] = [:]
    return { x, digits in
        let bits = BigFloat.bits(forDigits: digits) + 32
        let ev: MPFREvaluator
        if let e = evaluators[bits] { ev = e } else { ev = MPFREvaluator(function, precision: bits); evaluators[bits] = ev }
        let entries = ev.evaluate([x.rounded(toPrecision: bits)])
        var m = DenseMatrix<BigComplex>(rows: n, columns: n, repeating: entries[0])
        for i in 0..<n { for j in 0..<n { m[i, j] = entries[i * n + j] } }
        do { return try preciseEigenvalues(of: m, digits: digits).eigenvalues } catch {
            throw AnalysisError.numerical("MPFR eigenvalues at \(problem.free[0].name) = \(x.toString(digits: 12)): \(error)",
                                          cause: .init(error))
        }
    }
}

/// Unstable counts from MPFR eigenvalues with error estimates; nil when an eigenvalue's real
/// part is within its error of 0 (undecided). An eigenvalue is real when |Im| is within its
/// error of 0.
func sampledCounts(_ eigenvalues: [PreciseEigenvalue]) -> UnstableCounts? {
    var real = 0, complex = 0
    for e in eigenvalues {
        let re = e.value.re, err = e.errorEstimate
        if BigFloat.abs(re) <= err { return nil }
        guard re.sign > 0 else { continue }
        if BigFloat.abs(e.value.im) <= err { real += 1 } else { complex += 1 }
    }
    return UnstableCounts(real: real, complex: complex)
}

/// The bracketing route of a stability threshold (entries not polynomial in P, or
/// `--method bracket`): the eigenvalues are sampled at `samples` + 1 equally spaced points
/// (MPFR, 30 digits); every interval between neighbouring samples where the unstable counts
/// of the kind asked for change is bracketed — max Re λ by `bracketedZero` (Illinois at two
/// working precisions), a crossing of a kind by bisection on the count — and each value is
/// reported only to the digits both working precisions agree on. Two crossings closer than
/// the sample spacing that undo each other leave the counts unchanged and are missed; the
/// notes say so, with the spacing.
func bracketedCrossings(_ problem: StabilityProblem, lower: BigRational, upper: BigRational, digits: Int,
                        selection: CrossingSelection, samples: Int = bracketingSamples) throws -> ([BracketedZero], [String]) {
    try bracketedCrossings(try eigenvalueFunction(problem), name: problem.free[0].name, lower: lower, upper: upper,
                           digits: digits, selection: selection, samples: samples) { try maxRealPartFunction(problem) }
}

/// The same for any eigenvalue function of the parameter (a steady state followed along it,
/// `followedThreshold`); `maxReal` gives max Re λ for the Illinois bracketing.
func bracketedCrossings(_ eigen: @escaping (BigFloat, Int) throws -> [PreciseEigenvalue], name: String,
                        lower: BigRational, upper: BigRational, digits: Int, selection: CrossingSelection,
                        samples: Int = bracketingSamples,
                        maxReal: () throws -> (BigFloat, Int) throws -> BigFloat) throws -> ([BracketedZero], [String]) {
    let points = (0...samples).map { lower + (upper - lower) * BigRational(BigInt($0), BigInt(samples)) }
    let p = BigFloat.bits(forDigits: 40)
    var counts: [UnstableCounts?] = []
    for x in points { counts.append(sampledCounts(try eigen(BigFloat(x, precision: p), 30))) }
    let decided = counts.indices.filter { counts[$0] != nil }
    guard decided.count >= 2 else {
        throw AnalysisError.noCrossing("an eigenvalue has Re λ = 0 within the evaluation error at \(samples + 1 - decided.count) of \(samples + 1) sample points of \(name) in [\(lower.decimal), \(upper.decimal)] (an eigenvalue on the imaginary axis for every \(name)? a zero mode of a conserved quantity or symmetry): no sign change can be proven by bracketing; the resultant route (entries polynomial in \(name)) removes eigenvalues that do not depend on \(name)")
    }
    var notes = ["bracketing: the eigenvalues were sampled at \(samples + 1) points, spacing \((upper - lower) / BigRational(BigInt(samples))); crossings closer together than that which undo each other are not seen"]
    let undecided = counts.count - decided.count
    if undecided > 0 {
        notes.append("at \(undecided) sample point(s) an eigenvalue's real part was within the evaluation error of 0; those points were skipped")
    }
    var out: [BracketedZero] = []
    for (i, j) in zip(decided, decided.dropFirst()) {
        let a = counts[i]!, b = counts[j]!
        let (x0, x1) = (points[i], points[j])
        switch selection {
        case .max:
            guard (a.total == 0) != (b.total == 0) else { continue }
            var z = try bracketedZero(parameter: name, lower: x0, upper: x1, digits: digits, what: "max Re λ",
                                      try maxReal())
            z.kind = (b.real != a.real) ? .real : .complex
            z.direction = b.total > 0 ? 1 : -1
            z.counts = (a, b)
            out.append(z)
        case .real, .complex, .any:
            if (selection == .real || selection == .any) && a.real != b.real {
                out.append(try countBisection(eigen, name: name, x0, x1, digits: digits, kind: .real, left: a))
            }
            if (selection == .complex || selection == .any) && a.complex != b.complex {
                out.append(try countBisection(eigen, name: name, x0, x1, digits: digits, kind: .complex, left: a))
            }
        }
    }
    guard !out.isEmpty else {
        let what: String
        switch selection {
        case .max: what = "max Re λ does not change sign"
        case .real: what = "the number of unstable real eigenvalues does not change"
        case .complex: what = "the number of unstable complex pairs does not change"
        case .any: what = "the number of unstable eigenvalues does not change"
        }
        let seen = decided.map { "\(points[$0].decimalShort): \(counts[$0]!)" }
        throw AnalysisError.noCrossing("\(what) between the \(decided.count) sample points of \(name) in [\(lower.decimal), \(upper.decimal)] (unstable eigenvalues: \(seen.first!) … \(seen.last!)); crossings closer together than the spacing \((upper - lower) / BigRational(BigInt(samples))) that undo each other would not be seen")
    }
    return (out, notes)
}

/// Bisection on "the count of `kind` equals its value at x0" between two samples where it
/// changes, at two working precisions; the value is reported where both agree.
func countBisection(_ eigen: (BigFloat, Int) throws -> [PreciseEigenvalue], name: String, _ x0: BigRational,
                    _ x1: BigRational, digits: Int, kind: CrossingKind, left: UnstableCounts) throws -> BracketedZero {
    var runs: [(digits: Int, value: String)] = []
    var proof: [String] = []
    var last: (BigFloat, BigFloat, UnstableCounts, UnstableCounts)?
    func key(_ c: UnstableCounts) -> Int { kind == .real ? c.real : c.complex }
    for extra in [15, 40] {
        let working = digits + extra
        let p = BigFloat.bits(forDigits: working + 10)
        var a = BigFloat(x0, precision: p), b = BigFloat(x1, precision: p)
        var ca = left
        guard var cb = sampledCounts(try eigen(b, working)) else {
            throw AnalysisError.numerical("an eigenvalue's real part is undecided at \(name) = \(x1.decimal)")
        }
        let tolerance = BigFloat.pow(BigFloat(10, precision: p), -(digits + 3)) * (BigFloat.abs(a) > BigFloat.abs(b) ? BigFloat.abs(a) : BigFloat.abs(b))
        var iterations = 0
        while b - a > tolerance && iterations < 20 * (digits + 10) {
            iterations += 1
            let m = (a + b) / BigFloat(2, precision: p)
            guard let cm = sampledCounts(try eigen(m, working)) else {
                // An eigenvalue on the axis to working precision: the crossing is here.
                a = m; b = m; break
            }
            if key(cm) == key(ca) { a = m; ca = cm } else { b = m; cb = cm }
        }
        let v = ((a + b) / BigFloat(2, precision: p)).toString(digits: digits)
        runs.append((working, v))
        proof.append("\(working)-digit eigenvalues: \(kind == .real ? "real" : "non-real") unstable eigenvalues \(key(ca)) at \(name) = \(a.toString(digits: digits + 3)) and \(key(cb)) at \(b.toString(digits: digits + 3)), \(iterations) bisections")
        last = (a, b, ca, cb)
    }
    guard runs[0].value == runs[1].value, let (a, b, ca, cb) = last else {
        throw AnalysisError.numerical("the two working precisions disagree at \(digits) digits: \(runs[0].value) vs \(runs[1].value)")
    }
    guard a.toString(digits: digits) == b.toString(digits: digits) else {
        throw AnalysisError.numerical("the bracket [\(a), \(b)] does not fix \(digits) digits")
    }
    let zero = BigFloat(0, precision: 64)
    var z = BracketedZero(parameter: name, digits: digits, value: runs[1].value, lower: a, upper: b, fLower: zero, fUpper: zero,
                          runs: runs, proof: proof)
    z.kind = kind
    z.direction = key(cb) > key(ca) ? 1 : -1
    z.counts = (ca, cb)
    return z
}

extension BigRational {
    var decimalShort: String { BigFloat(self, precision: 64).toString(digits: 6) }
}
