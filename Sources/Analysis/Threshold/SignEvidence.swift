import ArbitraryPrecision
import Symbolic
import KeldyshNumerics
import ComplexModule

/// The sign of the largest real part of the eigenvalues at one parameter value, as proved
/// by an MPFR eigenvalue computation: positive when some eigenvalue has Re − error > 0,
/// negative when every eigenvalue has Re + error < 0, else undecided (0).
///
/// When p(s; P) has real coefficients at the point, the sign comes instead from the exact
/// number of eigenvalues in the right half-plane (Routh–Hurwitz over ℚ, `unstableCount`);
/// then `digits` is 0 and `maxReal`, `error` are nil.
public struct SignEvidence: Sendable {
    public var at: BigRational
    public var digits: Int
    public var maxReal: BigFloat?
    public var error: BigFloat?
    public var sign: Int
    /// Eigenvalues with Re > 0, exactly (Routh–Hurwitz), when that route applied.
    public var unstableCount: Int? = nil
    /// The same split into real and non-real eigenvalues, when known.
    public var counts: UnstableCounts? = nil
    /// The count comes from verified inclusion disks of the roots of p (`maxReal`: the
    /// rightmost disk's centre, `error`: its radius).
    public var disks = false
    /// The counts are of r = q/h(−s²) (Routh) plus the roots of the axis factor h (Sturm).
    public var axisSplit = false

    var proofLine: String {
        let line = body
        guard let m = counts?.marginal, m > 0 else { return line }
        return line + "; \(m) more on the imaginary axis (±i√x for the roots x > 0 of h, Sturm sequences) → max Re λ \(sign > 0 ? "> 0" : "= 0")"
    }

    private var signText: String { sign > 0 ? "+" : sign < 0 ? "−" : "0" }

    private var body: String {
        if axisSplit, let c = counts {
            return "= \(at.decimal): \(c.total) eigenvalue\(c.total == 1 ? "" : "s") with Re λ > 0, \(c.real) real and \(c.complex) non-real (Routh array and Sturm sequences of r(s), Sturm sequences of h(x), over ℚ, exact) → sign \(signText)"
        }
        if disks, let c = counts {
            return "= \(at.decimal): \(c.total) eigenvalue\(c.total == 1 ? "" : "s") with Re λ > 0 (verified inclusion disks of the roots of p at \(digits) digits; the rightmost has Re λ = \(maxReal!.toString(digits: 6)) ± \(error!.toString(digits: 2))) → sign \(signText)"
        }
        if let c = unstableCount, let split = counts, split.total > 0 {
            return "= \(at.decimal): \(c) eigenvalue\(c == 1 ? "" : "s") with Re λ > 0, \(split.real) real and \(split.complex) non-real (Routh array and Sturm sequences of p(s) over ℚ, exact) → sign \(signText)"
        }
        if let c = unstableCount {
            return "= \(at.decimal): \(c) eigenvalue\(c == 1 ? "" : "s") with Re λ > 0 (Routh array of p(s) over ℚ, exact) → sign \(signText)"
        }
        return "= \(at.decimal): max Re λ = \(maxReal!.toString(digits: 6)) ± \(error!.toString(digits: 2)) (\(digits)-digit MPFR eigenvalues) → sign \(signText)"
    }
}

/// The sign of max Re λ at `value`: exact by Routh–Hurwitz when p has real coefficients
/// there and the array is regular (one piece of evidence), else MPFR eigenvalues at each
/// of `digits` (the caller requires them to agree).
func signEvidence(_ problem: StabilityProblem, _ elimination: CrossingPolynomial, at value: BigRational,
                  digits: [Int]) throws -> [SignEvidence] {
    if let c = elimination.unstableCount(at: value) {
        return [SignEvidence(at: value, digits: 0, maxReal: nil, error: nil, sign: c > 0 ? 1 : -1, unstableCount: c)]
    }
    return try digits.map { try maxRealPartSign(problem, at: value, digits: $0) }
}

/// The stability matrix at an exact rational parameter value, entry by entry (one
/// substitution memo for all entries); each must reduce to a Gaussian rational.
func exactEntries(_ problem: StabilityProblem, at value: BigRational) throws -> [GaussianRational] {
    let entries = Expr.substitute(problem.matrix.entries, [problem.free[0]: Expr.number(value)])
    return try entries.enumerated().map { k, e in
        guard let z = e.numberValue else {
            let (i, j) = k.quotientAndRemainder(dividingBy: problem.order)
            throw AnalysisError.numerical("entry (\(i + 1), \(j + 1)) is not rational at \(problem.free[0].name) = \(value): \(e)")
        }
        return z
    }
}

/// The same as an MPFR matrix.
func exactMatrix(_ problem: StabilityProblem, at value: BigRational, precision: Int) throws -> DenseMatrix<BigComplex> {
    let n = problem.order
    let z = try exactEntries(problem, at: value)
    var m = DenseMatrix<BigComplex>(rows: n, columns: n, repeating: BigComplex(BigFloat(0, precision: precision)))
    for i in 0..<n { for j in 0..<n { m[i, j] = BigComplex(z[i * n + j], precision: precision) } }
    return m
}

/// Proves the sign of the largest real part at `value` with `digits`-digit eigenvalues.
public func maxRealPartSign(_ problem: StabilityProblem, at value: BigRational, digits: Int) throws -> SignEvidence {
    let p = BigFloat.bits(forDigits: digits) + 32
    let m = try exactMatrix(problem, at: value, precision: p)
    let result: PreciseEigenResult
    do { result = try preciseEigenvalues(of: m, digits: digits) } catch {
        throw AnalysisError.numerical("MPFR eigenvalues at \(problem.free[0].name) = \(value): \(error)", cause: .init(error))
    }
    var best = result.eigenvalues[0]
    var anyPositive = false, allNegative = true
    for e in result.eigenvalues {
        if e.value.re > best.value.re { best = e }
        if e.value.re - e.errorEstimate > BigFloat(0, precision: p) { anyPositive = true }
        if !(e.value.re + e.errorEstimate < BigFloat(0, precision: p)) { allNegative = false }
    }
    let sign = anyPositive ? 1 : (allNegative ? -1 : 0)
    return SignEvidence(at: value, digits: digits, maxReal: best.value.re, error: best.errorEstimate, sign: sign)
}

extension BigRational {
    var decimal: String { BigFloat(self, precision: 200).toString(digits: 20) }
}
