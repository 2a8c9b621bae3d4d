import KeldyshNumerics

/// Σ's coefficient tape, run at every node for one parameter point: one full run per point,
/// then only the instructions that depend on the frequency, input 0
/// (`TapeEvaluator.restrict(toVarying:)`; SSA, so the same bits as full runs). It owns its
/// outputs, since a sliced run rewrites only the outputs that move with the frequency.
final class FrequencySlicedTape {
    private let evaluator: TapeEvaluator
    private let whole: TapeEvaluator.Slice
    /// The slice for only some outputs (`narrow`), by the outputs it serves.
    private var narrowed: (outputs: [Int], slice: TapeEvaluator.Slice)?
    private var narrow = false
    /// Whether `outputs` hold a full run at the current parameters.
    private var primed = false
    /// The outputs of the last run, (re, im) pairs.
    let outputs: UnsafeMutablePointer<Double>

    init(_ function: CompiledFunction) {
        evaluator = TapeEvaluator(function)
        whole = evaluator.slice(varying: [0])
        outputs = .allocate(capacity: max(2 * function.outputCount, 1))
        outputs.initialize(repeating: 0, count: max(2 * function.outputCount, 1))
    }

    deinit { outputs.deallocate() }

    /// The parameters changed: the next run is a full one.
    func invalidate() { primed = false }

    /// Until the next `invalidate`, frequency runs refresh only `outputs` (nil: all of them);
    /// the others keep the values of the full run.
    func narrow(to outputs: [Int]?) {
        guard let outputs else { narrow = false; return }
        if narrowed?.outputs != outputs { narrowed = (outputs, evaluator.slice(varying: [0], outputs: outputs)) }
        narrow = true
    }

    /// Whether the last run refreshed only the narrowed outputs.
    private(set) var lastRunNarrow = false

    /// The outputs at frequency `w` into `outputs`; `input` is the caller's buffer, filled here
    /// with w and, on a full run, the parameter `values` after it.
    /// `whole`: refresh every output even when narrowed.
    func run(at w: Double, values: [Double], input: inout [Double], whole all: Bool = false) {
        if !primed { for (k, v) in values.enumerated() { input[1 + k] = v } }
        input.withUnsafeMutableBufferPointer { i in run(at: w, parameters: i.baseAddress!, whole: all) }
    }

    /// As `run(at:values:input:whole:)` with the parameters already in `input[1...]` (the
    /// caller's raw buffer: no array, so no exclusivity check per node).
    func run(at w: Double, parameters input: UnsafeMutablePointer<Double>, whole all: Bool = false) {
        input[0] = w
        if !primed { narrow = false }
        let full = !primed
        let slice = !all && narrow ? narrowed!.slice : whole
        if full { evaluator.evaluate(inputs: input, into: outputs) }
        else { evaluator.evaluate(slice, inputs: input, into: outputs) }
        lastRunNarrow = !full && slice !== whole
        primed = true
    }
}
