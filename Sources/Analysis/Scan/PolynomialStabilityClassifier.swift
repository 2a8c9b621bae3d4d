import Foundation
import ComplexModule
import RealModule
import Symbolic
import KeldyshNumerics
import OutputFormats

/// The linearisation scan by the characteristic polynomial: p(s) = det(s − A) is derived
/// exactly once (`Matrix.characteristicPolynomial`) and compiled together with the matrix
/// entries; at each point its roots come from a warm-started Aberth iteration
/// (`PolynomialRootFinder`) instead of zgeev, and go through the same `classify` as
/// `StabilityClassifier` (tolerance relative to the Frobenius norm of A, so the two agree
/// point by point — checked on whole grids by the tests). A point where the iteration does
/// not settle (a near-multiple root) falls back to zgeev on the matrix.
public final class PolynomialStabilityClassifier: GridClassifier, @unchecked Sendable {
    public let kind = "stability"
    public let problem: StabilityProblem
    /// Outputs: the coefficients c_0 … c_{n−1} of p (c_n = 1), then the n² matrix entries row by row.
    public let function: CompiledFunction
    let evaluator: BatchEvaluator
    public let relativeTolerance: Double
    /// k when det(s − A) = s^k·q(s) for every point of the grid (the lowest k coefficients
    /// vanish identically: conserved quantities, symmetries). Those eigenvalues are exactly 0
    /// everywhere, so they are removed and the class is that of the others (the scan's
    /// notes say so); without this every point would be `marginal`.
    public let zeroModes: Int
    private let fallbacks = Counter()

    public init(problem: StabilityProblem, relativeTolerance: Double = 1e-10,
                compiler: NativeCompiler? = NativeCompiler.standard()) throws {
        guard problem.free.count == 2 else { throw AnalysisError.numerical("a stability scan needs two free parameters") }
        self.problem = problem
        let s = Symbol("s•", [])
        let cp: CharacteristicPolynomial
        do { cp = try problem.matrix.characteristicPolynomial(in: s) } catch {
            throw AnalysisError.numerical("characteristic polynomial: \(error)", cause: .init(error))
        }
        guard cp.degree == problem.order, cp.coefficients.last == Expr.integer(1) else {
            throw AnalysisError.numerical("the characteristic polynomial is not monic of degree \(problem.order)")
        }
        // Exact test (expanded to the canonical polynomial form) of the lowest coefficients.
        var k = 0
        while k < problem.order - 1 && cp.coefficients[k].expand().isZero { k += 1 }
        zeroModes = k
        let outputs = Array(cp.coefficients.dropLast()) + problem.matrix.entries
        do { function = try CompiledFunction(outputs, parameters: problem.free, assumeRealParameters: true) } catch {
            throw AnalysisError.numerical("cannot compile the characteristic polynomial: \(error)", cause: .init(error))
        }
        evaluator = BatchEvaluator(function, compiler: compiler)
        self.relativeTolerance = relativeTolerance
    }

    public var usesNativeCode: Bool { evaluator.isNative }
    /// Points that went to zgeev because the root iteration did not settle (so far).
    public var fallbackCount: Int { fallbacks.value }

    public var legend: [PhaseLegend] { StabilityClassifier.stabilityLegend }
    public var columns: [String] { ["class", "unstable", "max_re", "im_at_max_re"] }

    public func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint] {
        let n = problem.order
        let k = zeroModes
        // The roots of q(s) = p(s)/s^k: coefficients c_k … c_n of p.
        var finder = PolynomialRootFinder(degree: n - k)
        var solver: ComplexEigenSolver?
        var matrix = DenseMatrix<Complex<Double>>(rows: n, columns: n, repeating: .zero)
        var values = [Complex<Double>](repeating: .zero, count: n)
        var deflated = [Complex<Double>](repeating: .zero, count: n - k)
        var coefficients = [Complex<Double>](repeating: .zero, count: n + 1)
        coefficients[n] = Complex(1, 0)
        let width = 2 * (n + n * n)
        var batch = RowBatch(self.evaluator.threadLocalCopy(), width: width)
        let rel = relativeTolerance
        let fallbacks = self.fallbacks
        return { y, xs in
            // Warm starts run along the row only: a row that began from the roots of the row
            // this thread computed before would depend on the thread count and the shards
            // (grid.csv differed in the last digits between --threads 1 and 2).
            finder.reset()
            return try batch.classifyRow(y: y, xs: xs) { outputs, base, x in
                var finite = true
                for c in 0..<n {
                    coefficients[c] = Complex(outputs[base + 2 * c], outputs[base + 2 * c + 1])
                    if !(coefficients[c].real.isFinite && coefficients[c].imaginary.isFinite) { finite = false }
                }
                var norm2 = 0.0
                let entries = base + 2 * n
                for e in 0..<(n * n) {
                    let re = outputs[entries + 2 * e], im = outputs[entries + 2 * e + 1]
                    norm2 += re * re + im * im
                }
                guard finite, norm2.isFinite else {
                    throw AnalysisError.numerical("the stability matrix is not finite at \(x), \(y)")
                }
                let settled = coefficients.withUnsafeBufferPointer { finder.solve($0.baseAddress! + k) }
                if settled {
                    for i in 0..<(n - k) { deflated[i] = finder.roots[i] }
                } else {
                    fallbacks.increment()
                    for i in 0..<n {
                        for j in 0..<n {
                            matrix[i, j] = Complex(outputs[entries + 2 * (i * n + j)], outputs[entries + 2 * (i * n + j) + 1])
                        }
                    }
                    if solver == nil { solver = try ComplexEigenSolver(order: n) }
                    do { try solver!.eigenvalues(of: matrix, into: &values) } catch {
                        throw AnalysisError.numerical("eigenvalues at \(x), \(y): \(error)", cause: .init(error))
                    }
                    finder.reset()
                    // zgeev sees the zero modes too: drop the k eigenvalues nearest 0.
                    let order = (0..<n).sorted { values[$0].length < values[$1].length }
                    deflated = order.dropFirst(k).sorted().map { values[$0] }
                }
                return classify(eigenvalues: deflated, tolerance: rel * max(1, norm2.squareRoot()))
            }
        }
    }
}

/// A thread-safe tally.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
