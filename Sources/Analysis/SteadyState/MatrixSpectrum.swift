import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// The spectrum of a stability matrix at a point where every entry is an exact Gaussian
/// rational (the model's `steady` point at rational settings): the characteristic polynomial
/// det(s − A) exactly (Berkowitz over ℚ(i)), and its roots in verified inclusion disks to
/// `digits` digits (`verifiedRoots`), so each printed digit holds for the exact eigenvalue.
public struct MatrixSpectrum: Sendable {
    /// Coefficients of det(s − A), lowest degree first (monic).
    public var characteristic: [GaussianRational]
    public var spectrum: Spectrum

    /// det(s − A) as an expression in s (for text and LaTeX).
    public func characteristicExpr(variable s: Symbol) -> Expr {
        Expr.add(characteristic.enumerated().map { k, c in Expr.number(c) * Expr.pow(Expr.symbol(s), Expr.integer(k)) })
    }
}

/// The spectrum of `problem` (no free parameter left) with `digits` verified digits.
public func matrixSpectrum(_ problem: StabilityProblem, digits: Int) throws -> MatrixSpectrum {
    guard problem.free.isEmpty else { throw AnalysisError.numerical("spectrum: every parameter must be set") }
    guard digits >= 1 && digits <= 1000 else { throw AnalysisError.badRange("\(digits)", reason: "digits must be in 1…1000") }
    let n = problem.order
    var entries: [GaussianRational] = []
    for (k, e) in problem.matrix.entries.enumerated() {
        guard let z = e.numberValue else {
            let (i, j) = k.quotientAndRemainder(dividingBy: n)
            throw AnalysisError.numerical("entry (\(i + 1), \(j + 1)) of the stability matrix is not an exact number at these settings (\(e)): set rational values")
        }
        entries.append(z)
    }
    let p = Array(berkowitzCharacteristic(size: n, { entries[$0 * n + $1] }).reversed())
    let isReal = p.allSatisfy(\.isReal)
    let balls = p.map { ComplexBall($0) }
    let bits = BigFloat.bits(forDigits: digits + 40)
    let spectrum = try Spectrum(coefficients: balls, digits: digits, bits: max(bits, 4096), realFamily: isReal, conserved: 0)
    return MatrixSpectrum(characteristic: p, spectrum: spectrum)
}
