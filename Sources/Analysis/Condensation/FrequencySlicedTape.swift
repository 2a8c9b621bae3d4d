import KeldyshNumerics

/// Σ's coefficient tape, run at every node for one parameter point: one full run per point,
/// then only the instructions that depend on the frequency, input 0
/// (`TapeEvaluator.restrict(toVarying:)`; SSA, so the same bits as full runs).
final class FrequencySlicedTape {
    private let evaluator: TapeEvaluator
    /// Whether the registers hold a full run at the current parameters.
    private var primed = false

    init(_ function: CompiledFunction) {
        evaluator = TapeEvaluator(function)
        evaluator.restrict(toVarying: [0])
    }

    /// The parameters changed: the next run is a full one.
    func invalidate() { primed = false }

    /// The outputs at frequency `w` into `output` ((re, im) pairs); `input` is the caller's
    /// buffer, filled here with w and, on a full run, the parameter `values` after it.
    func run(at w: Double, values: [Double], input: inout [Double], output: inout [Double]) {
        input[0] = w
        if !primed {
            for (k, v) in values.enumerated() { input[1 + k] = v }
        }
        let full = !primed
        input.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                if full { evaluator.evaluate(inputs: i.baseAddress!, into: o.baseAddress!) }
                else { evaluator.evaluateVarying(inputs: i.baseAddress!, into: o.baseAddress!) }
            }
        }
        primed = true
    }
}
