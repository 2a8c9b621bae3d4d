#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a scan may ask for, checked before the first point is computed (docs/limits.md).
/// A scan streams its rows in pieces of a fixed number of points (`GridPieces`): memory is a
/// window of pieces per worker thread, never a row or the grid, so the limits are on the
/// whole grid (the time and the size of grid.csv), on the disk that grid.csv needs, and on
/// the worker threads (each holds its window).
public struct ScanLimits: Sendable, Equatable {
    /// Points in the whole grid (or the shard); `--max-points` raises it.
    public var maximumPoints: Int = 100_000_000
    /// Worker threads (`--threads`): each is a thread of the process with its own window of pieces.
    public static let maximumThreads = 256
    /// Bytes of grid.csv per point assumed by the disk check (measured: 88 on paper 003's
    /// stability scans; dynamics rows are shorter).
    public static let bytesPerPoint = 100

    public init(maximumPoints: Int = 100_000_000) { self.maximumPoints = maximumPoints }

    /// Refuses a grid that is too large for these limits or for the free space next to `out`,
    /// and a thread count outside 1…`maximumThreads`.
    public func check(x: GridAxis, rows: Int, threads: Int = 1, out: String) throws {
        guard threads >= 1 && threads <= Self.maximumThreads else {
            throw AnalysisError.tooLarge("--threads \(threads): the number of worker threads must be between 1 and "
                                         + "\(Self.maximumThreads)")
        }
        let (points, overflow) = x.count.multipliedReportingOverflow(by: rows)
        guard !overflow, points <= maximumPoints else {
            let n = overflow ? "more than \(Int.max)" : "\(points)"
            throw AnalysisError.tooLarge("the grid has \(n) points, more than the limit of \(maximumPoints) "
                                         + "(raise it with --max-points, or split the scan with --shard i/n)")
        }
        let (bytes, tooMany) = points.multipliedReportingOverflow(by: Self.bytesPerPoint)
        if let free = Self.freeBytes(near: out), tooMany || bytes > free {
            throw AnalysisError.tooLarge("grid.csv would take about \(Self.format(tooMany ? Int.max : bytes)) "
                                         + "(\(points) points × ~\(Self.bytesPerPoint) bytes), but only \(Self.format(free)) "
                                         + "are free where \(out) is written")
        }
    }

    /// Free bytes on the file system of the folder that will hold `out` (nil when unknown).
    static func freeBytes(near out: String) -> Int? {
        var parent = out.hasSuffix("/") ? String(out.dropLast()) : out
        if let slash = parent.lastIndex(of: "/") { parent = String(parent[..<slash]) } else { parent = "." }
        if parent.isEmpty { parent = "/" }
        var s = statvfs()
        guard statvfs(parent, &s) == 0 else { return nil }
        let (b, o) = Int(s.f_bavail).multipliedReportingOverflow(by: Int(s.f_frsize))
        return o ? Int.max : b
    }

    static func format(_ bytes: Int) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"]
        var v = Double(bytes), u = 0
        while v >= 1000 && u < units.count - 1 { v /= 1000; u += 1 }
        return u == 0 ? "\(bytes) bytes" : "\((v * 10).rounded() / 10) \(units[u])"
    }
}
