import Foundation
import Testing
import Derivations
import OutputFormats
import Symbolic
@testable import Analysis

/// Issue 15: a scan streams its rows and holds only what it must, whatever the grid size.
/// Rows are cut into pieces of a fixed number of points, computed by worker threads and
/// written in order through a bounded window, so memory does not grow with the grid or with
/// the length of a row, and the bytes do not depend on the threads.
@Suite("Scan streaming: bounded memory, pieces, order")
struct ScanStreamingTests {
    /// A classifier whose output shows how the grid was cut: point k of a call gets
    /// "i=<k>" (its index inside the piece), so the pieces can be read back from the points,
    /// and every point produced is counted as held until `emit` releases it.
    final class Probe: GridClassifier, @unchecked Sendable {
        let kind = "probe"
        let legend = [PhaseLegend(name: "even", label: "even", color: "#ffffff"),
                      PhaseLegend(name: "odd", label: "odd", color: "#000000")]
        let columns = ["class", "k"]
        let failAtRows: Set<Int>
        private let lock = NSLock()
        private var held = 0
        private(set) var maximumHeld = 0

        init(failAtRows: Set<Int> = []) { self.failAtRows = failAtRows }

        func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint] {
            { [self] y, xs in
                let row = Int(y.rounded())
                if failAtRows.contains(row) { throw AnalysisError.numerical("probe fails in row \(row)") }
                lock.withLock { held += xs.count; maximumHeld = max(maximumHeld, held) }
                return xs.enumerated().map { k, x in
                    GridPoint(classCode: UInt8(Int(x.rounded()) % 2), fields: "\(Int(x.rounded()) % 2 == 0 ? "even" : "odd"),\(k)")
                }
            }
        }

        func release(_ n: Int) { lock.withLock { held -= n } }
    }

    /// Axis of n points 0, 1, …, n − 1 (values equal to indices).
    func axis(_ name: String, _ n: Int) throws -> GridAxis {
        try GridAxis(symbol: Symbol(name, [.real]), lower: 0, upper: Double(n - 1), count: n)
    }

    /// (row, first column, the k of every point) as emitted.
    func run(_ probe: Probe, nx: Int, ny: Int, threads: Int, pieces: GridPieces) throws -> [(Int, Int, [Int])] {
        var out: [(Int, Int, [Int])] = []
        try runGrid(probe, x: try axis("x", nx), y: try axis("y", ny), rows: 0..<ny, threads: threads, pieces: pieces) { j, i0, points in
            out.append((j, i0, points.map { Int($0.fields.split(separator: ",")[1])! }))
            probe.release(points.count)
        }
        return out
    }

    @Test func longRowsAreCutIntoFixedPiecesWrittenInOrder() throws {
        // By hand: 20 points per row in pieces of 7 are columns 0–6, 7–13, 14–19, so the k of
        // column i is i mod 7, and the pieces come row by row, left to right.
        let pieces = GridPieces(segmentPoints: 7)
        for threads in [1, 2, 3] {
            let emitted = try run(Probe(), nx: 20, ny: 4, threads: threads, pieces: pieces)
            #expect(emitted.map(\.0) == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], "threads \(threads)")
            #expect(emitted.map(\.1) == [0, 7, 14, 0, 7, 14, 0, 7, 14, 0, 7, 14], "threads \(threads)")
            for (_, i0, ks) in emitted {
                #expect(ks == (i0..<min(20, i0 + 7)).map { $0 % 7 })
            }
        }
    }

    @Test func heldPointsDoNotGrowWithTheRow() throws {
        // The window holds 4 pieces per worker plus the piece each computes: at most
        // (4 + 1)·3·10 = 150 points for 3 threads and pieces of 10, for rows of 100 or of
        // 20 000 points. Before, a block of rows was held whole (at least one row per thread:
        // 20 000 points and more here).
        let pieces = GridPieces(segmentPoints: 10)
        for nx in [100, 20_000] {
            let probe = Probe()
            let emitted = try run(probe, nx: nx, ny: 3, threads: 3, pieces: pieces)
            #expect(emitted.reduce(0) { $0 + $1.2.count } == 3 * nx)
            #expect(probe.maximumHeld <= pieces.heldPoints(workers: 3), "nx \(nx): \(probe.maximumHeld)")
            #expect(pieces.heldPoints(workers: 3) == 150)
        }
    }

    @Test func theFirstFailingPieceInGridOrderIsReported() throws {
        // Rows 3 and 5 fail: whatever the threads, rows 0–2 are written, nothing after, and
        // the error is row 3's.
        for threads in [1, 2, 4] {
            var rows: [Int] = []
            let probe = Probe(failAtRows: [3, 5])
            do {
                try runGrid(probe, x: try axis("x", 5), y: try axis("y", 8), rows: 0..<8, threads: threads,
                            pieces: GridPieces(segmentPoints: 2)) { j, _, points in
                    if rows.last != j { rows.append(j) }
                    probe.release(points.count)
                }
                Issue.record("no error")
            } catch let AnalysisError.numerical(message, _) {
                #expect(message == "probe fails in row 3")
            }
            #expect(rows == [0, 1, 2], "threads \(threads)")
        }
    }

    @Test func piecesGiveTheSameBytesWhateverTheThreads() throws {
        // Paper 003's Fig. 4 settings on 40 × 5 points in pieces of 16 (three per row): the
        // characteristic-polynomial route restarts its warm start at each piece, so
        // --threads 1 and 3 agree byte for byte; and every class equals the one the scan in
        // whole rows gives (the second method: one piece per row).
        let input = try ModelInput.load(path: "derivations/003-spintronic-dicke/model.kd", needMatrix: true)
        let ctx = input.parameters
        let x = try ctx.axis("gup=0:1:40"), y = try ctx.axis("lambda=0:1:5")
        let settings = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]
        let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [x.symbol, y.symbol],
                                           values: try ctx.assignments(settings))
        let c = try PolynomialStabilityClassifier(problem: problem)
        var grids: [String] = []
        for (threads, pieces) in [(1, GridPieces(segmentPoints: 16)), (3, GridPieces(segmentPoints: 16)), (2, GridPieces())] {
            let out = NSTemporaryDirectory() + "analysis-pieces-\(UUID().uuidString)"
            _ = try runScan(c, x: x, y: y, out: out, threads: threads, progress: false, pieces: pieces)
            grids.append(try String(contentsOfFile: out + "/grid.csv", encoding: .utf8))
            try? FileManager.default.removeItem(atPath: out)
        }
        #expect(grids[0] == grids[1])
        func classes(_ g: String) -> [Substring] { g.split(separator: "\n").map { $0.split(separator: ",")[2] } }
        #expect(classes(grids[0]) == classes(grids[2]))
        #expect(grids[0].split(separator: "\n").count == 1 + 40 * 5)
    }

    @Test func threadCountsOutsideTheBoundAreRefused() throws {
        let x = try axis("x", 3), y = try axis("y", 3)
        for threads in [0, -1, 257] {
            #expect(throws: AnalysisError.tooLarge("--threads \(threads): the number of worker threads must be between 1 and 256")) {
                try ScanLimits().check(x: x, rows: y.count, threads: threads, out: NSTemporaryDirectory() + "t")
            }
        }
    }
}
