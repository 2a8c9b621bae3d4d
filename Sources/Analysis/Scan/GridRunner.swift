import Dispatch
import OutputFormats

/// Runs a classifier over a block of rows on `threads` threads, handing finished rows
/// to `emit` in order. Rows are computed in blocks of a few per thread, so memory is
/// bounded by the block, not the grid: four rows per thread, fewer when rows are long
/// (a block holds at most about 4·10⁶ points, but always one row per thread).
///
/// Every row is computed from nothing but its y and the xs (a classifier starts each row
/// afresh), so which thread computes it, and with which rows before it, changes no byte of
/// the result: `--threads 1` and `--threads 4`, a whole scan and its merged shards, agree.
public func runGrid(_ classifier: GridClassifier, x: GridAxis, y: GridAxis, rows: Range<Int>, threads: Int,
                    progress: ProgressBar? = nil, emit: (Int, [GridPoint]) throws -> Void) throws {
    let xs = (0..<x.count).map(x.value)
    let workers = max(1, threads)
    let block = max(workers, min(workers * 4, 4_000_000 / max(1, x.count)))
    let results = RowSlots(block)
    let errors = ErrorBox()
    var done = 0
    var start = rows.lowerBound
    while start < rows.upperBound {
        let end = min(start + block, rows.upperBound)
        let n = end - start
        let base = start
        DispatchQueue.concurrentPerform(iterations: min(workers, n)) { w in
            do {
                let evaluate = try classifier.makeRowEvaluator()
                var r = w
                while r < n {
                    results[r] = try evaluate(y.value(base + r), xs)
                    r += workers
                }
            } catch {
                errors.set(error)
            }
        }
        if let e = errors.error { throw e }
        for r in 0..<n {
            try emit(base + r, results[r])
            results[r] = []
        }
        done += n
        progress?.update(done)
        start = end
    }
}

final class ErrorBox: @unchecked Sendable {
    private let queue = DispatchQueue(label: "analysis.errorbox")
    private var stored: Error?
    func set(_ e: Error) { queue.sync { if stored == nil { stored = e } } }
    var error: Error? { queue.sync { stored } }
}

/// Slots for the rows of one block; each worker writes distinct indices.
final class RowSlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<[GridPoint]>
    init(_ n: Int) {
        buffer = .allocate(capacity: n)
        buffer.initialize(repeating: [])
    }
    subscript(i: Int) -> [GridPoint] {
        get { buffer[i] }
        set { buffer[i] = newValue }
    }
    deinit { buffer.deinitialize(); buffer.deallocate() }
}
