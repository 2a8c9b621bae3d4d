import ArbitraryPrecision
import CMPFR
import ComplexModule
import RealModule
import Symbolic

/// One eigenvalue to many digits with a disk that contains an eigenvalue.
public struct EnclosedEigenvalue: Sendable {
    public var value: BigComplex
    /// Radius of a disk around `value` containing a root of the characteristic polynomial:
    /// (n + 1)·|p(z)/p′(z)| at the last Newton iterate z (a disk of radius n·|p/p′|
    /// around any point holds a root of a degree-n polynomial, since p′/p = Σ 1/(z − λ_k)),
    /// plus n·ε/|p′| with ε an allowance for rounding: (8n + 1024)·2^(−p)·Σ|c_k||z|^k.
    /// The allowance covers Horner's rounding and coefficients computed by the tape to
    /// within 1024 ulps of that sum, an assumption (not a proof) for tapes of modest depth.
    public var errorBound: BigFloat
    /// The double-precision eigenvalue (LAPACK) Newton started from.
    public var start: Complex<Double>
    public var newtonSteps: Int
    /// errorBound ≤ 10^(−digits)·max(|value|, spectral radius).
    public var meetsRequestedDigits: Bool
}

/// Eigenvalues of a matrix of expressions at many parameter points to many digits, through
/// its characteristic polynomial: the polynomial is formed once, symbolically (Berkowitz,
/// `Matrix.characteristicPolynomial(in:)`), and its coefficients are compiled to a tape.
/// Per point, LAPACK (zgeev) gives every eigenvalue in double precision from the compiled
/// matrix, the coefficients are evaluated in MPFR, and the wanted eigenvalue is polished
/// by Newton's method on the polynomial in place (no allocation per step) with a
/// root-inclusion radius as error bound.
///
/// Parameters take real values. Suited to small matrices whose wanted eigenvalue is
/// simple and not much smaller than the others (the polynomial route loses accuracy
/// for tight clusters: `meetsRequestedDigits` says when the bound missed); the Hessenberg
/// QR of `preciseEigenvalues(of:digits:)` is the general fallback. Not thread-safe: one
/// solver per thread.
public final class ParametricEigenvalueSolver {
    public let parameters: [Symbol]
    public let order: Int
    public let digits: Int
    /// Working precision in bits: `BigFloat.bits(forDigits: digits)` plus 32 guard bits.
    public let precision: Int
    public let characteristicPolynomial: CharacteristicPolynomial

    private let matrixEvaluator: TapeEvaluator
    private let coefficientEvaluator: MPFREvaluator
    private var lapack: ComplexEigenSolver
    private var doubleInputs: [Double]
    private var entries: [Double]
    private var doubleMatrix: DenseMatrix<Complex<Double>>
    private var doubleValues: [Complex<Double>]
    /// z, Horner's b = p(z) and d = p′(z), two products, the Newton step; re, im each.
    private let scratch: MPFRScratch

    public init(_ matrix: Matrix, parameters: [Symbol], digits: Int) throws {
        guard matrix.isSquare, matrix.rows >= 1 else {
            throw NumericsError.invalidArgument("eigenvalues need a non-empty square matrix, got \(matrix.rows)×\(matrix.columns)")
        }
        guard digits >= 1 else { throw NumericsError.invalidArgument("digits must be positive") }
        let n = matrix.rows
        self.parameters = parameters
        self.order = n
        self.digits = digits
        precision = BigFloat.bits(forDigits: digits) + 32
        let lambda = Symbol("λ_charpoly")
        characteristicPolynomial = try matrix.characteristicPolynomial(in: lambda)
        let coefficients = Array(characteristicPolynomial.coefficients.prefix(n))
        matrixEvaluator = TapeEvaluator(try CompiledFunction(matrix, parameters: parameters, assumeRealParameters: true))
        coefficientEvaluator = MPFREvaluator(try CompiledFunction(coefficients, parameters: parameters, assumeRealParameters: true),
                                             precision: precision)
        lapack = try ComplexEigenSolver(order: n)
        doubleInputs = Array(repeating: 0, count: parameters.count)
        entries = Array(repeating: 0, count: 2 * n * n)
        doubleMatrix = DenseMatrix(rows: n, columns: n, repeating: .zero)
        doubleValues = Array(repeating: .zero, count: n)
        scratch = MPFRScratch(count: 12, precision: precision)
    }

    /// Every eigenvalue in double precision (LAPACK zgeev on the matrix evaluated in Double).
    public func doubleEigenvalues(at values: [BigFloat]) throws -> [Complex<Double>] {
        precondition(values.count == parameters.count, "expected \(parameters.count) parameter values, got \(values.count)")
        for k in 0..<values.count { doubleInputs[k] = values[k].toDouble() }
        doubleInputs.withUnsafeBufferPointer { i in
            entries.withUnsafeMutableBufferPointer { matrixEvaluator.evaluate(inputs: i.baseAddress!, into: $0.baseAddress!) }
        }
        let n = order
        for r in 0..<n { for c in 0..<n { doubleMatrix[r, c] = Complex(entries[2 * (r * n + c)], entries[2 * (r * n + c) + 1]) } }
        try lapack.eigenvalues(of: doubleMatrix, into: &doubleValues)
        return doubleValues
    }

    /// The eigenvalue with the largest real part; of a pair with equal real parts (to 10^(−12)
    /// of the spectral radius, as for the conjugate pairs of a real-parameter stability
    /// matrix) the one with the larger imaginary part.
    public func rightmostEigenvalue(at values: [BigFloat]) throws -> EnclosedEigenvalue {
        let estimates = try doubleEigenvalues(at: values)
        let radius = estimates.map(\.length).max() ?? 0
        var best = estimates[0]
        for z in estimates.dropFirst() {
            let tie = abs(z.real - best.real) <= 1e-12 * max(radius, 1e-300)
            if tie ? z.imaginary > best.imaginary : z.real > best.real { best = z }
        }
        return try polish(best, among: estimates, at: values)
    }

    /// The eigenvalue nearest `guess` (chosen among the double-precision eigenvalues).
    public func eigenvalue(near guess: Complex<Double>, at values: [BigFloat]) throws -> EnclosedEigenvalue {
        let estimates = try doubleEigenvalues(at: values)
        let start = estimates.min { ($0 - guess).length < ($1 - guess).length }!
        return try polish(start, among: estimates, at: values)
    }

    private func polish(_ start: Complex<Double>, among estimates: [Complex<Double>],
                        at values: [BigFloat]) throws -> EnclosedEigenvalue {
        let n = order, p = precision, rnd = MPFR_RNDN
        let ev = coefficientEvaluator
        for k in 0..<values.count { values[k].withUnsafeMPFR { ev.setRealInput(k, $0) } }
        ev.evaluateInPlace()
        for k in 0..<n where mpfr_number_p(ev.outputRe(k)) == 0 || mpfr_number_p(ev.outputIm(k)) == 0 {
            throw NumericsError.nonFiniteInput("characteristic polynomial coefficient \(k)")
        }
        let s = scratch
        let (zr, zi, br, bi, dr, di) = (s[0], s[1], s[2], s[3], s[4], s[5])
        let (t1, t2, qr, qi, den, tmp) = (s[6], s[7], s[8], s[9], s[10], s[11])
        mpfr_set_d(zr, start.real, rnd)
        mpfr_set_d(zi, start.imaginary, rnd)
        let radius = estimates.map(\.length).max() ?? 0
        var steps = 0
        var step = Double.infinity, previous = Double.infinity
        var magnitudeSum = 0.0, derivative = 0.0
        while true {
            // Horner for p(z) = z^n + Σ_{k<n} c_k z^k and p′(z).
            mpfr_set_ui(br, 1, rnd); mpfr_set_ui(bi, 0, rnd)
            mpfr_set_ui(dr, 0, rnd); mpfr_set_ui(di, 0, rnd)
            let zAbs = Complex(mpfr_get_d(zr, rnd), mpfr_get_d(zi, rnd)).length
            magnitudeSum = 1
            for k in stride(from: n - 1, through: 0, by: -1) {
                mpfr_fmms(t1, dr, zr, di, zi, rnd)
                mpfr_fmma(t2, dr, zi, di, zr, rnd)
                mpfr_add(dr, t1, br, rnd); mpfr_add(di, t2, bi, rnd)
                mpfr_fmms(t1, br, zr, bi, zi, rnd)
                mpfr_fmma(t2, br, zi, bi, zr, rnd)
                mpfr_add(br, t1, ev.outputRe(k), rnd); mpfr_add(bi, t2, ev.outputIm(k), rnd)
                let c = Complex(mpfr_get_d(ev.outputRe(k), rnd), mpfr_get_d(ev.outputIm(k), rnd)).length
                magnitudeSum = magnitudeSum * zAbs + c
            }
            // Newton step q = b/d.
            mpfr_fmma(den, dr, dr, di, di, rnd)
            if mpfr_zero_p(den) != 0 {
                throw NumericsError.invalidArgument("p′ vanishes at the eigenvalue near \(start): multiple eigenvalue")
            }
            mpfr_fmma(qr, br, dr, bi, di, rnd); mpfr_div(qr, qr, den, rnd)
            mpfr_fmms(qi, bi, dr, br, di, rnd); mpfr_div(qi, qi, den, rnd)
            mpfr_sub(zr, zr, qr, rnd); mpfr_sub(zi, zi, qi, rnd)
            steps += 1
            previous = step
            step = Complex(mpfr_get_d(qr, rnd), mpfr_get_d(qi, rnd)).length
            derivative = mpfr_get_d(den, rnd).squareRoot()
            // Stop once the step is at the rounding level or no longer shrinking fast.
            let floor = Double(sign: .plus, exponent: 8 - p, significand: max(zAbs, radius))
            if step <= floor || (step > previous / 4 && steps > 2) || steps >= 40 { break }
        }
        _ = tmp
        let allowance = Double(8 * n + 1024) * Double(sign: .plus, exponent: -p, significand: magnitudeSum)
        let bound = Double(n + 1) * step + Double(n) * allowance / derivative
        let value = BigComplex(bigFloat(zr), bigFloat(zi))
        // The disk must single out the eigenvalue LAPACK pointed at, not a neighbour.
        let moved = (value.toComplexDouble() - start).length
        let separation = estimates.filter { $0 != start }.map { ($0 - start).length }.min() ?? .infinity
        if !(moved + bound < separation / 2) {
            throw NumericsError.eigenvaluesDidNotConverge(routine: "ParametricEigenvalueSolver", unconverged: 1)
        }
        let scale = max(value.toComplexDouble().length, radius)
        let meets = bound <= scale * Double.pow(10, -Double(digits))
        return EnclosedEigenvalue(value: value, errorBound: BigFloat(bound, precision: 53), start: start,
                                  newtonSteps: steps, meetsRequestedDigits: meets)
    }

    private func bigFloat(_ r: UnsafeMutablePointer<__mpfr_struct>) -> BigFloat {
        var b = BigFloat(0, precision: precision)
        b.withUnsafeMutableMPFR { _ = mpfr_set($0, r, MPFR_RNDN) }
        return b
    }
}
