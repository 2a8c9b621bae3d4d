import Foundation
import OutputFormats

/// `scan --resume`: what an interrupted run left in `OUT.resume` — its scan.json must
/// describe the same scan, and the complete rows of its grid.csv are kept (a row cut short
/// by the interruption is dropped), counted and drawn, so the run continues after them.
struct ResumedScan {
    /// Complete rows already written, from the first row of the shard.
    var rows = 0
    /// Bytes of grid.csv up to the end of the last complete row.
    var bytes = 0

    /// Whether two scan.json files describe the same scan (the axes' symbols are compared
    /// by name: scan.json does not hold their declarations).
    static func sameScan(_ a: ScanMetadata, _ b: ScanMetadata) -> Bool {
        func axis(_ p: GridAxis, _ q: GridAxis) -> Bool {
            p.name == q.name && p.lower == q.lower && p.upper == q.upper && p.count == q.count
        }
        return a.kind == b.kind && axis(a.x, b.x) && axis(a.y, b.y) && a.shard == b.shard && a.columns == b.columns
            && a.settings == b.settings
    }

    /// Reads `folder`'s grid.csv; `point(i, j, classCode)` sees every point of the kept rows.
    static func read(folder: String, nx: Int, firstRow: Int, legend: [PhaseLegend],
                     point: (Int, Int, UInt8) -> Void) throws -> ResumedScan {
        let codeOf = Dictionary(legend.enumerated().map { ($1.name, UInt8($0)) }, uniquingKeysWith: { a, _ in a })
        guard let data = FileManager.default.contents(atPath: folder + "/grid.csv") else { return ResumedScan() }
        var state = ResumedScan()
        var lineStart = data.startIndex
        var line = 0
        var pending: [(Int, UInt8)] = []  // the points of the row being read
        while let newline = data[lineStart...].firstIndex(of: 0x0A) {
            defer { lineStart = newline + 1; line += 1 }
            if line == 0 { state.bytes = newline + 1 - data.startIndex; continue }
            let fields = data[lineStart..<newline].split(separator: UInt8(ascii: ","), maxSplits: 3,
                                                           omittingEmptySubsequences: false)
            guard fields.count >= 3 else { break }
            let name = String(decoding: fields[2], as: UTF8.self)
            pending.append(((line - 1) % nx, codeOf[name] ?? 255))
            if pending.count == nx {
                for (i, code) in pending { point(i, firstRow + state.rows, code) }
                pending.removeAll(keepingCapacity: true)
                state.rows += 1
                state.bytes = newline + 1 - data.startIndex
            }
        }
        return state
    }
}
