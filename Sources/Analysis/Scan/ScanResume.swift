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
    /// Points per class code in the complete rows.
    var counts = [Int](repeating: 0, count: 256)

    /// Whether two scan.json files describe the same scan (the axes' symbols are compared
    /// by name: scan.json does not hold their declarations).
    static func sameScan(_ a: ScanMetadata, _ b: ScanMetadata) -> Bool {
        func axis(_ p: GridAxis, _ q: GridAxis) -> Bool {
            p.name == q.name && p.lower == q.lower && p.upper == q.upper && p.count == q.count
        }
        return a.kind == b.kind && axis(a.x, b.x) && axis(a.y, b.y) && a.shard == b.shard && a.columns == b.columns
            && a.settings == b.settings
    }

    /// Reads `folder`'s grid.csv a megabyte at a time; `point(i, j, classCode)` sees every
    /// point read (those of a row cut short too: the run recomputes that row, and its points
    /// are seen again), and `counts` holds the classes of the complete rows only. Memory is the
    /// chunk, not the file or the row.
    static func read(folder: String, nx: Int, firstRow: Int, legend: [PhaseLegend],
                     point: (Int, Int, UInt8, Substring) -> Void) throws -> ResumedScan {
        let codeOf = Dictionary(legend.enumerated().map { ($1.name, UInt8($0)) }, uniquingKeysWith: { a, _ in a })
        var state = ResumedScan()
        guard let handle = FileHandle(forReadingAtPath: folder + "/grid.csv") else { return state }
        defer { try? handle.close() }
        var line = 0
        var offset = 0  // bytes of the file before `pending`
        var pending = Data()
        var rowCounts = [Int](repeating: 0, count: 256)  // the classes of the row being read
        var inRow = 0
        func consume(_ bytes: Data, through newline: Int) -> Bool {
            defer { line += 1 }
            if line == 0 { state.bytes = offset + newline + 1; return true }
            let lineBytes = bytes[bytes.startIndex..<(bytes.startIndex + newline)]
            let fields = lineBytes.split(separator: UInt8(ascii: ","), maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3 else { return false }
            let code = codeOf[String(decoding: fields[2], as: UTF8.self)] ?? 255
            point(inRow, firstRow + state.rows, code, Substring(String(decoding: lineBytes, as: UTF8.self)))
            rowCounts[Int(code)] += 1
            inRow += 1
            if inRow == nx {
                for c in 0..<256 { state.counts[c] += rowCounts[c]; rowCounts[c] = 0 }
                inRow = 0
                state.rows += 1
                state.bytes = offset + newline + 1
            }
            return true
        }
        reading: while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                let ok = consume(pending[start...], through: newline - start)
                offset += newline + 1 - start
                start = newline + 1
                if !ok { break reading }
            }
            pending = Data(pending[start...])
        }
        return state
    }
}
