import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import RealModule

/// Largest distance from each expected value to its nearest computed value,
/// each computed value used at most once (greedy, fine for well-separated spectra).
public func spectrumDistance(_ computed: [Complex<Double>], _ expected: [Complex<Double>]) -> Double {
    guard computed.count == expected.count else { return .infinity }
    var remaining = computed
    var worst = 0.0
    for e in expected {
        let (index, distance) = remaining.enumerated()
            .map { ($0.offset, ($0.element - e).length) }
            .min { $0.1 < $1.1 }!
        worst = max(worst, distance)
        remaining.remove(at: index)
    }
    return worst
}

/// Companion matrix of the monic polynomial x^n + c[n−1] x^(n−1) + … + c[0]:
/// ones on the subdiagonal and −c in the last column, so its characteristic
/// polynomial is the given one (Horn & Johnson, Matrix Analysis, 3.3.12).
public func companion<T>(_ c: [T], zero: T, one: T, negate: (T) -> T) -> DenseMatrix<T> {
    let n = c.count
    var m = DenseMatrix(rows: n, columns: n, repeating: zero)
    for i in 1..<n { m[i, i - 1] = one }
    for i in 0..<n { m[i, n - 1] = negate(c[i]) }
    return m
}

public func big(_ s: String, digits: Int) -> BigFloat {
    BigFloat(s, precision: BigFloat.bits(forDigits: digits))!
}

/// |a − b| as a Double (values of interest are far above Double's underflow).
public func distance(_ a: BigComplex, _ b: BigComplex) -> Double { (a - b).abs.toDouble() }
public func distance(_ a: BigFloat, _ b: BigFloat) -> Double { BigFloat.abs(a - b).toDouble() }
