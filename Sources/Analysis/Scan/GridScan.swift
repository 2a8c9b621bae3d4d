import Dispatch
import OutputFormats

/// The outcome at one grid point: a class code (an index into the scan's legend) and the
/// CSV fields after the two coordinates.
public struct GridPoint: Sendable {
    public var classCode: UInt8
    public var fields: String
    public init(classCode: UInt8, fields: String) {
        self.classCode = classCode
        self.fields = fields
    }
}

/// What a scan computes at each point. `makeRowEvaluator` is called once per worker
/// thread and block of rows; the returned closure maps (y, xs) to one point per x and may
/// keep scratch space (eigen-solver workspace, input buffers) between calls.
public protocol GridClassifier: Sendable {
    var kind: String { get }
    var legend: [PhaseLegend] { get }
    /// CSV column names after the two coordinates.
    var columns: [String] { get }
    func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint]
}

/// Which rows of the grid a run computes: shard i of n takes a contiguous block.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int
    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw AnalysisError.badRange("\(index)/\(count)", reason: "a shard is i/n with 1 ≤ i ≤ n")
        }
        self.index = index
        self.count = count
    }
    public static let whole = try! Shard(index: 1, count: 1)

    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw AnalysisError.badRange(text, reason: "a shard is i/n, e.g. 3/16")
        }
        try self.init(index: i, count: n)
    }

    /// Rows [start, end) of `rows`, split as evenly as possible.
    public func rows(of total: Int) -> Range<Int> {
        let start = total * (index - 1) / count, end = total * index / count
        return start..<end
    }
    public var description: String { "\(index)/\(count)" }
}

/// Runs a classifier over a block of rows on `threads` threads, handing finished rows
/// to `emit` in order. Rows are computed in blocks of a few per thread, so memory is
/// bounded by the block, not the grid.
public func runGrid(_ classifier: GridClassifier, x: GridAxis, y: GridAxis, rows: Range<Int>, threads: Int,
                    progress: ProgressBar? = nil, emit: (Int, [GridPoint]) throws -> Void) throws {
    let xs = (0..<x.count).map(x.value)
    let workers = max(1, threads)
    let block = workers * 4
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
