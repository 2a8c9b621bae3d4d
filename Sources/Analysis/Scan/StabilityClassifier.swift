import ComplexModule
import RealModule
import KeldyshNumerics
import OutputFormats

/// Linearisation scan: at each point the stability matrix (compiled once, evaluated a
/// row at a time by native code), its eigenvalues (LAPACK zgeev with a workspace reused
/// across the row) and their classification.
public final class StabilityClassifier: GridClassifier, @unchecked Sendable {
    public let kind = "stability"
    public let problem: StabilityProblem
    public let function: CompiledFunction
    let evaluator: BatchEvaluator
    /// Absolute tolerance for "zero real part", relative to the matrix's Frobenius norm.
    public let relativeTolerance: Double

    public init(problem: StabilityProblem, relativeTolerance: Double = 1e-10,
                compiler: NativeCompiler? = NativeCompiler.standard()) throws {
        guard problem.free.count == 2 else { throw AnalysisError.numerical("a stability scan needs two free parameters") }
        self.problem = problem
        function = try problem.compile()
        evaluator = BatchEvaluator(function, compiler: compiler)
        self.relativeTolerance = relativeTolerance
    }

    public var usesNativeCode: Bool { evaluator.isNative }

    public var legend: [PhaseLegend] { Self.stabilityLegend }

    public static let stabilityLegend: [PhaseLegend] =
        [PhaseLegend(name: "stable", label: "stable (all Re λ < 0)", color: "#ffffff"),
         PhaseLegend(name: "real", label: "one real positive eigenvalue", color: "#7b3294"),
         PhaseLegend(name: "complex-pair", label: "complex pair with Re λ > 0", color: "#f2d33a"),
         PhaseLegend(name: "multiple", label: "three or more unstable eigenvalues", color: "#f08a24"),
         PhaseLegend(name: "marginal", label: "marginal (Re λ = 0 within rounding)", color: "#bbbbbb")]

    public var columns: [String] { ["class", "unstable", "max_re", "im_at_max_re"] }

    public func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint] {
        let n = problem.order
        var solver = try ComplexEigenSolver(order: n)
        var matrix = DenseMatrix<Complex<Double>>(rows: n, columns: n, repeating: .zero)
        var values = [Complex<Double>](repeating: .zero, count: n)
        let width = 2 * n * n
        var batch = RowBatch(self.evaluator.threadLocalCopy(), width: width)
        let rel = relativeTolerance
        return { y, xs in
            try batch.classifyRow(y: y, xs: xs) { outputs, base, x in
                var norm2 = 0.0
                // Outputs are row-major (re, im) pairs; DenseMatrix is column-major.
                for i in 0..<n {
                    for j in 0..<n {
                        let re = outputs[base + 2 * (i * n + j)], im = outputs[base + 2 * (i * n + j) + 1]
                        matrix[i, j] = Complex(re, im)
                        norm2 += re * re + im * im
                    }
                }
                do { try solver.eigenvalues(of: matrix, into: &values) } catch {
                    throw AnalysisError.numerical("eigenvalues at \(x), \(y): \(error)", cause: .init(error))
                }
                return classify(eigenvalues: values, tolerance: rel * max(1, norm2.squareRoot()))
            }
        }
    }
}
