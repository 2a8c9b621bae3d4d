import Foundation
import OutputFormats

/// How a grid is cut into pieces of work. A piece is a run of at most `segmentPoints`
/// consecutive points of one row; a row longer than that is several pieces. Both numbers
/// are fixed, never derived from the thread count: a piece is computed from its y and its
/// xs alone (a classifier starts each call afresh, warm starts run inside the piece), so
/// the bytes of the result depend on neither the threads nor the shards.
public struct GridPieces: Sendable, Equatable {
    /// Points per piece (the last piece of a row may be shorter). Rows of up to this many
    /// points are one piece, as before segments existed, so their results are unchanged.
    public var segmentPoints: Int = 4_096
    /// Pieces each worker may have computed ahead of the writer.
    public var piecesPerWorker: Int = 4

    public init(segmentPoints: Int = 4_096, piecesPerWorker: Int = 4) {
        self.segmentPoints = max(1, segmentPoints)
        self.piecesPerWorker = max(1, piecesPerWorker)
    }

    /// The most points held at once (computed, not yet handed to `emit`) by `workers` threads:
    /// the window, plus the piece each worker is computing.
    public func heldPoints(workers: Int) -> Int { (piecesPerWorker + 1) * workers * segmentPoints }
}

/// Runs a classifier over the rows `rows` of the grid on `threads` worker threads, handing
/// each finished piece to `emit` (on the calling thread) in grid order: `emit(j, i0, points)`
/// gets the points of row j from column i0 on.
///
/// Ordered write-behind with a bounded window: workers take pieces in order, but none may
/// run more than `piecesPerWorker · threads` pieces ahead of the last one written, so the
/// memory is at most `pieces.heldPoints(workers:)` points whatever the size of the grid or
/// the length of a row (a 10⁶-point row was held whole, four rows per thread, before).
///
/// When a piece fails, the pieces before it are still written and the error of the first
/// failing piece in grid order is thrown, so which error is reported does not depend on
/// the threads either.
public func runGrid(_ classifier: GridClassifier, x: GridAxis, y: GridAxis, rows: Range<Int>, threads: Int,
                    pieces: GridPieces = GridPieces(), progress: ProgressBar? = nil,
                    emit: (_ row: Int, _ firstColumn: Int, _ points: [GridPoint]) throws -> Void) throws {
    let perRow = (x.count + pieces.segmentPoints - 1) / pieces.segmentPoints
    let (total, overflow) = rows.count.multipliedReportingOverflow(by: perRow)
    guard !overflow else { throw AnalysisError.tooLarge("the grid has more than \(Int.max) pieces of work") }
    guard total > 0 else { return }
    let workers = min(max(1, threads), total)
    let window = WriteWindow(total: total, size: pieces.piecesPerWorker * workers)
    // Piece p: row rows.lowerBound + p / perRow, columns from (p % perRow)·segmentPoints.
    @Sendable func columns(_ p: Int) -> Range<Int> {
        let i0 = (p % perRow) * pieces.segmentPoints
        return i0..<min(x.count, i0 + pieces.segmentPoints)
    }
    let group = DispatchGroup()
    for _ in 0..<workers {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            let evaluate: (Double, [Double]) throws -> [GridPoint]
            do { evaluate = try classifier.makeRowEvaluator() } catch {
                window.abort(error)
                return
            }
            var xs: [Double] = []
            while let p = window.take() {
                let cols = columns(p)
                xs.removeAll(keepingCapacity: true)
                for i in cols { xs.append(x.value(i)) }
                do { window.put(p, try evaluate(y.value(rows.lowerBound + p / perRow), xs)) } catch {
                    window.fail(p, error)
                }
            }
        }
        // Classifiers run numerics, not deep recursion; the main thread's 8 MB are not needed,
        // but the 512 kB default of a secondary thread on some systems is too tight to be sure.
        thread.stackSize = 8 << 20
        thread.start()
    }
    var rowsDone = 0
    while let (p, points) = window.next() {
        do { try emit(rows.lowerBound + p / perRow, columns(p).lowerBound, points) } catch {
            window.abort(error)
            break
        }
        window.written()
        if p % perRow == perRow - 1 {
            rowsDone += 1
            progress?.update(rowsDone)
        }
    }
    group.wait()
    if let e = window.error { throw e }
}

/// The pieces between the writer and the workers: the window of slots, the next piece to
/// hand out, the next to write, and the first failure.
final class WriteWindow: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [[GridPoint]?]
    private let size: Int
    /// Pieces are handed out and written up to `end`: `total`, or the first failing piece.
    private var end: Int
    private var handedOut = 0
    private var writtenCount = 0
    private var failure: (piece: Int, error: Error)?
    private var aborted: Error?

    init(total: Int, size: Int) {
        self.size = max(1, size)
        slots = [[GridPoint]?](repeating: nil, count: self.size)
        end = total
    }

    /// The next piece for a worker, waiting while the window is full; nil when none is left.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while aborted == nil && handedOut < end && handedOut - writtenCount >= size { condition.wait() }
        guard aborted == nil && handedOut < end else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    func put(_ p: Int, _ points: [GridPoint]) {
        condition.lock()
        slots[p % size] = points
        condition.broadcast()
        condition.unlock()
    }

    /// Piece p failed: nothing from p on is computed or written; the earliest failure wins.
    func fail(_ p: Int, _ error: Error) {
        condition.lock()
        if failure == nil || p < failure!.piece { failure = (p, error) }
        end = min(end, p)
        condition.broadcast()
        condition.unlock()
    }

    /// Everything stops (the writer failed, or a worker could not start).
    func abort(_ error: Error) {
        condition.lock()
        if aborted == nil { aborted = error }
        condition.broadcast()
        condition.unlock()
    }

    /// The next piece in grid order for the writer, waiting until it is computed; nil at the end.
    func next() -> (Int, [GridPoint])? {
        condition.lock()
        defer { condition.unlock() }
        while aborted == nil && writtenCount < end && slots[writtenCount % size] == nil { condition.wait() }
        guard aborted == nil && writtenCount < end, let points = slots[writtenCount % size] else { return nil }
        slots[writtenCount % size] = nil
        return (writtenCount, points)
    }

    /// The piece returned by `next` is written: its slot may take a new piece.
    func written() {
        condition.lock()
        writtenCount += 1
        condition.broadcast()
        condition.unlock()
    }

    var error: Error? {
        condition.lock()
        defer { condition.unlock() }
        return aborted ?? failure?.error
    }
}
