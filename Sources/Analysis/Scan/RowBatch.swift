import KeldyshNumerics

/// One piece of a grid row evaluated in a batch: the inputs (x, y) of every point and the evaluator's
/// outputs (`width` doubles per point), kept across rows so a scan thread allocates them
/// once. Every row classifier of a scan starts this way.
struct RowBatch {
    let evaluator: BatchEvaluator
    let width: Int
    private var inputs: [Double] = []
    private(set) var outputs: [Double] = []

    /// `evaluator` must be the calling thread's own (`threadLocalCopy()`).
    init(_ evaluator: BatchEvaluator, width: Int) {
        self.evaluator = evaluator
        self.width = width
    }

    /// Evaluates row y at the points xs; point k's outputs start at `outputs[k·width]`.
    mutating func evaluate(y: Double, xs: [Double]) {
        let count = xs.count
        // Grown, never shrunk: the last piece of a row is shorter than the others.
        if inputs.count < 2 * count {
            inputs = [Double](repeating: 0, count: 2 * count)
            outputs = [Double](repeating: 0, count: width * count)
        }
        for (k, x) in xs.enumerated() {
            inputs[2 * k] = x
            inputs[2 * k + 1] = y
        }
        inputs.withUnsafeBufferPointer { inp in
            outputs.withUnsafeMutableBufferPointer { out in
                evaluator.evaluateBatch(inputs: inp.baseAddress!, count: count, stride: 2, into: out.baseAddress!)
            }
        }
    }
}

extension RowBatch {
    /// Evaluates the row y at the points xs and classifies each point from its outputs
    /// (`point(outputs, base, x)`, point k's outputs starting at base = k·width).
    mutating func classifyRow(y: Double, xs: [Double],
                              _ point: (_ outputs: [Double], _ base: Int, _ x: Double) throws -> PointStability) rethrows -> [GridPoint] {
        evaluate(y: y, xs: xs)
        let outputs = self.outputs
        var row: [GridPoint] = []
        row.reserveCapacity(xs.count)
        for (k, x) in xs.enumerated() {
            let p = try point(outputs, k * width, x)
            row.append(GridPoint(classCode: p.stabilityClass.rawValue,
                                 fields: "\(p.stabilityClass),\(p.unstableCount),\(p.maxReal),\(p.imaginaryAtMax)"))
        }
        return row
    }
}
