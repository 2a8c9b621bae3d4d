import ArbitraryPrecision
import Symbolic
import KeldyshNumerics
import ComplexModule

/// A threshold: where the largest real part of the stability matrix's eigenvalues crosses
/// zero as one parameter varies.
public struct CertifiedThreshold: Sendable {
    public var parameter: String
    public var digits: Int
    /// The value rounded to `digits` significant digits (scientific notation).
    public var value: String
    /// A bracket [lower, upper] that contains the crossing and no other root of R(P).
    public var lower: BigRational
    public var upper: BigRational
    /// How the crossing was found and proved.
    public var method: ThresholdRoute
    /// Which eigenvalues cross the imaginary axis.
    public var crossing: CrossingKind
    /// |Im| of the eigenvalue crossing (its frequency), from the unstable side.
    public var frequency: Double
    /// +1: unstable above the threshold; −1: unstable below.
    public var direction: Int
    /// The proof, line by line.
    public var proof: [String]
    /// Signs of the largest real part on both sides, at two working precisions.
    public var evidence: [SignEvidence]
    /// Degree of R(P) (resultant route).
    public var resultantDegree: Int?
}

/// The thresholds of `problem` (one free parameter, every other parameter an exact
/// rational) in [lower, upper]: real roots of the crossing resultant R(P), isolated by
/// Sturm sequences, kept where the largest real part provably changes sign across the
/// isolating interval (MPFR eigenvalues at two precisions), refined to `digits`.
public func certifiedThresholds(_ problem: StabilityProblem, lower: BigRational, upper: BigRational,
                                digits: Int) throws -> [CertifiedThreshold] {
    guard digits >= 1 else { throw AnalysisError.badRange("\(digits)", reason: "digits must be positive") }
    guard lower < upper else { throw AnalysisError.badRange("\(lower):\(upper)", reason: "the range is empty") }
    let name = problem.free[0].name
    let elimination = try CrossingPolynomial.cached(problem: problem)
    let r = elimination.resultant
    // Only the roots in [lower, upper] are isolated (and tested for rationality).
    let allRoots = elimination.realRoots(in: lower, upper)
    let sturm = elimination.sturm
    var out: [CertifiedThreshold] = []
    // Check precisions for the MPFR sign proof: the isolating interval is first shrunk to
    // 2^-40 relative width, where |max Re| ~ 1e-12·slope, far above 30-digit rounding. Exact
    // Routh counts need no shrinking: any interval with one root of R will do.
    let checkDigits = [30, 60]
    let exactCounts = elimination.scaledCharacteristic != nil
    // Roots that refinement lands on exactly (dyadic rationals), for the second loop.
    var exactRoots = allRoots.filter(\.isExact)
    for root0 in allRoots where !root0.isExact {
        var root = root0
        // Shrink until the interval lies inside (lower, upper) or outside it.
        while !root.isExact && root.lower < lower && root.upper > lower { root = root.refined(toWidth: root.width / 4) }
        while !root.isExact && root.lower < upper && root.upper > upper { root = root.refined(toWidth: root.width / 4) }
        guard root.lower >= lower && root.upper <= upper else { continue }
        if root.isExact {
            // A rational root: bracket it by a small interval with no other root.
            exactRoots.append(root)  // handled below through a neighbourhood check
            continue
        }
        let scale = max(root.upper.abs, root.lower.abs, BigRational(1, 1 << 20))
        var narrow = root
        let target = scale * BigRational(1, 1 << 40)
        if !exactCounts && narrow.width > target { narrow = narrow.refined(toWidth: target) }
        if narrow.isExact { exactRoots.append(narrow); continue }
        let lowSide = try signEvidence(problem, elimination, at: narrow.lower, digits: checkDigits)
        let highSide = try signEvidence(problem, elimination, at: narrow.upper, digits: checkDigits)
        let evidence = lowSide + highSide
        let lowSign = lowSide[0].sign, highSign = highSide[0].sign
        guard lowSide.allSatisfy({ $0.sign == lowSign }), highSide.allSatisfy({ $0.sign == highSign }),
              lowSign != 0, lowSign == -highSign else { continue }
        let signs = [(lowSign, highSign)]
        // Refine to the requested digits and check that both ends round alike.
        let log2of10 = 3.321928094887362
        var bits = Int((Double(digits + 2) * log2of10).rounded(.up)) + max(0, -(scale.log2Floor))
        var fine = narrow.refined(toBits: bits)
        var value = ""
        for _ in 0..<8 {
            let prec = BigFloat.bits(forDigits: digits + 30)
            let lo = BigFloat(fine.lower, precision: prec).toString(digits: digits)
            let hi = BigFloat(fine.upper, precision: prec).toString(digits: digits)
            if lo == hi { value = lo; break }
            bits += 16
            fine = fine.refined(toBits: bits)
        }
        guard !value.isEmpty else {
            throw AnalysisError.noCrossing("the crossing near \(fine.lower.decimal) sits on a rounding boundary at \(digits) digits")
        }
        // A rational root is reported exactly (R's rational roots come from its integer
        // coefficients, no floating point).
        var (lo, hi) = (fine.lower, fine.upper)
        if let q = fine.rationalRoot() {
            (lo, hi) = (q, q)
            value = BigFloat(q, precision: BigFloat.bits(forDigits: digits + 30)).toString(digits: digits)
        }
        let unstableSide = signs[0].1 > 0 ? fine.upper : fine.lower
        let (crossing, frequency) = try crossingType(problem, elimination, at: unstableSide, evidence: lowSide + highSide)
        let sturmCount = sturm.countRoots(in: fine.lower, fine.upper)
        var proof = [
            "p(s; \(name)) = det(s − A(\(name))), degree \(problem.order) in s",
            "R(\(name)) = \(elimination.form) has degree \(r.degree); every \(name) where an eigenvalue is on the imaginary axis is a real root of R",
            "R has exactly one real root in [\(fine.lower.decimal), \(fine.upper.decimal)] (Sturm sequence: \(sturmCount) root)",
            "it has exactly one root in the wider interval [\(narrow.lower.decimal), \(narrow.upper.decimal)], where max Re λ changes sign:",
        ]
        for e in evidence {
            proof.append("  \(name) " + e.proofLine)
        }
        proof.append("max Re λ is continuous in \(name) and vanishes only at roots of R, so it crosses zero at this root and nowhere else in the interval")
        if lo == hi { proof.append("\(name) = \(lo) is a rational root of R (exact)") }
        out.append(CertifiedThreshold(parameter: name, digits: digits, value: value, lower: lo, upper: hi,
                                      method: .resultant, crossing: crossing, frequency: frequency,
                                      direction: signs[0].1 > 0 ? 1 : -1, proof: proof, evidence: evidence,
                                      resultantDegree: r.degree))
    }
    for root in exactRoots where root.lower > lower && root.lower < upper {
        // An exact rational root: check the sign on both sides at a small distance.
        let q = root.lower
        let h = max(q.abs, BigRational(1)) * BigRational(1, 1 << 40)
        guard sturm.countRoots(in: q - h, q + h) == 1 else { continue }
        let lowSide = try signEvidence(problem, elimination, at: q - h, digits: checkDigits)
        let highSide = try signEvidence(problem, elimination, at: q + h, digits: checkDigits)
        let evidence = lowSide + highSide
        let sign = highSide[0].sign
        guard sign != 0, highSide.allSatisfy({ $0.sign == sign }), lowSide.allSatisfy({ $0.sign == -sign }) else { continue }
        let prec = BigFloat.bits(forDigits: digits + 30)
        let side: BigRational = sign > 0 ? q + h : q - h
        let (crossing, frequency) = try crossingType(problem, elimination, at: side, evidence: lowSide + highSide)
        out.append(CertifiedThreshold(parameter: name, digits: digits, value: BigFloat(q, precision: prec).toString(digits: digits),
                                      lower: q, upper: q, method: .resultant, crossing: crossing, frequency: frequency,
                                      direction: sign, proof: ["\(name) = \(q) is an exact rational root of R (degree \(r.degree)); max Re λ changes sign across it"],
                                      evidence: evidence, resultantDegree: r.degree))
    }
    guard !out.isEmpty else {
        throw AnalysisError.noCrossing("the largest real part of the eigenvalues does not change sign for \(name) in [\(lower.decimal), \(upper.decimal)] (R(\(name)) has \(elimination.sturm.realRootCount) real roots in all)")
    }
    return out.sorted { $0.lower < $1.lower }
}

/// Whether the eigenvalue that crosses is real or a complex pair, and its frequency, from
/// the unstable side. With exact Routh counts on both sides the type is exact (the count
/// changes by 1 for a real eigenvalue, by 2 for a conjugate pair of a real polynomial); the
/// frequency is informational: |Im| of the rightmost root of p(s) at `value` in double
/// precision (Aberth on the integer characteristic polynomial when there is one, else
/// LAPACK eigenvalues of the matrix).
func crossingType(_ problem: StabilityProblem, _ elimination: CrossingPolynomial, at value: BigRational,
                  evidence: [SignEvidence]) throws -> (CrossingKind, Double) {
    let best = try rightmostEigenvalue(problem, elimination, at: value)
    let counts = evidence.compactMap(\.unstableCount)
    if counts.count == 2 {
        let jump = abs(counts[0] - counts[1])
        if jump == 1 { return (.real, 0) }
        if jump == 2 { return (.complex, abs(best.imaginary)) }
    }
    return abs(best.imaginary) < 1e-9 ? (.real, 0) : (.complex, abs(best.imaginary))
}

func rightmostEigenvalue(_ problem: StabilityProblem, _ elimination: CrossingPolynomial, at value: BigRational) throws -> Complex<Double> {
    if let q = elimination.scaledCharacteristic, q.count >= 2, q.last == [BigInt.one] {
        // det(t − d·A) = Σ q_k(value) t^k, monic; s = t/d.
        let x = value.toDouble()
        var coefficients = q.map { c -> Complex<Double> in
            var h = 0.0
            for a in c.reversed() { h = h * x + a.toDouble() }
            return Complex(h, 0)
        }
        var finder = PolynomialRootFinder(degree: q.count - 1)
        let settled = coefficients.withUnsafeMutableBufferPointer { finder.solve($0.baseAddress!) }
        if settled {
            let d = elimination.scale.toDouble()
            let t = finder.roots.max { $0.real < $1.real }!
            return Complex(t.real / d, t.imaginary / d)
        }
    }
    let n = problem.order
    let z = try exactEntries(problem, at: value)
    var m = DenseMatrix<Complex<Double>>(rows: n, columns: n, repeating: .zero)
    for i in 0..<n { for j in 0..<n { m[i, j] = Complex(z[i * n + j].re.toDouble(), z[i * n + j].im.toDouble()) } }
    var solver = try ComplexEigenSolver(order: n)
    var values: [Complex<Double>] = []
    try solver.eigenvalues(of: m, into: &values)
    return values.max { $0.real < $1.real }!
}

extension BigRational {
    /// ⌊log2 |q|⌋ for q ≠ 0 (approximate: from bit widths).
    var log2Floor: Int { numerator.magnitude.bitWidth - denominator.bitWidth }
}
