import Foundation
import OutputFormats
import Symbolic

/// What a scan wrote.
public struct ScanSummary: Sendable {
    public var folder: String
    public var points: Int
    /// Points per class name.
    public var counts: [String: Int]
    public var wroteDiagram: Bool
}

/// Metadata written next to grid.csv so shards can be merged and a diagram redrawn.
public struct ScanMetadata: Sendable, Equatable {
    public var kind: String
    public var x: GridAxis
    public var y: GridAxis
    public var shard: Shard
    public var columns: [String]
    public var legend: [PhaseLegend]
    public var settings: [String]
    public var title: String
    /// The axis labels the diagram uses (so that `merge` draws the same one).
    public var xLabel: String = ""
    public var yLabel: String = ""

    /// scan.json: one field per line, so a person can read it and `merge` can parse it.
    func json() -> String {
        func axis(_ a: GridAxis) -> JSONValue {
            .object([("name", .string(a.name)), ("lower", .double(a.lower)), ("upper", .double(a.upper)), ("count", .int(a.count))])
        }
        let legendJSON = legend.map { JSONValue.object([("name", .string($0.name)), ("label", .string($0.label)), ("color", .string($0.color))]) }
        return JSONValue.object([
            ("kind", .string(kind)), ("title", .string(title)), ("x", axis(x)), ("y", axis(y)),
            ("shard", .object([("index", .int(shard.index)), ("count", .int(shard.count))])),
            ("columns", .array(columns.map { .string($0) })), ("legend", .array(legendJSON)),
            ("settings", .array(settings.map { .string($0) })),
            ("xLabel", .string(xLabel)), ("yLabel", .string(yLabel)),
        ]).fieldPerLine
    }
}

/// Runs `classifier` over the rows of `shard` and writes `out/grid.csv` (streamed),
/// `out/scan.json` and, for a whole scan, `out/diagram.svg`; everything goes to a
/// staging folder renamed to `out` at the end. With `resume` the staging folder is
/// `out.resume`, kept when the run is interrupted and continued by the next `resume` run.
public func runScan(_ classifier: GridClassifier, x: GridAxis, y: GridAxis, shard: Shard = .whole,
                    out: String, threads: Int, settings: [String] = [], title: String = "",
                    xLabel: String? = nil, yLabel: String? = nil, progress: Bool = true,
                    limits: ScanLimits = ScanLimits(), resume: Bool = false,
                    pieces: GridPieces = GridPieces()) throws -> ScanSummary {
    let rows = shard.rows(of: y.count)
    try limits.check(x: x, rows: rows.count, threads: threads, out: out)
    let folder = try StagedFolder(finalPath: out, resumable: resume)
    let legend = classifier.legend
    var meta = ScanMetadata(kind: classifier.kind, x: x, y: y, shard: shard, columns: classifier.columns,
                            legend: legend, settings: settings, title: title)
    meta.xLabel = xLabel ?? x.name
    meta.yLabel = yLabel ?? y.name
    let whole = shard.count == 1
    // Only what the diagram draws is kept (at most 2 000 × 2 000 codes), never the grid.
    var raster = whole ? DiagramRaster(x: x, y: y, kind: classifier.kind, columns: classifier.columns) : nil
    var counts = [Int](repeating: 0, count: 256)
    var first = rows.lowerBound
    let csv: StreamWriter
    if resume && folder.reused, let previous = try? readMetadata(folder.stagingPath) {
        guard ResumedScan.sameScan(previous, meta) else {
            throw AnalysisError.badRange(folder.stagingPath, reason: "it holds a different scan (axes, shard, settings or "
                                         + "kind differ); remove it or choose another --out")
        }
        let done = try ResumedScan.read(folder: folder.stagingPath, nx: x.count, firstRow: rows.lowerBound,
                                        legend: legend) { i, j, code, line in
            if raster?.showsRow(j) == true { raster!.record(i: i, j: j, code: code) }
            if raster?.showsIntensityRow(j) == true, let after = line.afterCoordinates { raster!.recordIntensity(i: i, j: j, fields: after) }
        }
        counts = done.counts
        truncate(folder.path("grid.csv"), off_t(done.bytes))
        first = rows.lowerBound + done.rows
        csv = try StreamWriter(path: folder.path("grid.csv"), append: true)
        if done.bytes == 0 { try csv.write(csvLine([x.name, y.name] + classifier.columns)) }
    } else {
        csv = try StreamWriter(path: folder.path("grid.csv"))
        try csv.write(csvLine([x.name, y.name] + classifier.columns))
        // A resumable run says what it is computing before the first row, so that the next
        // run can check that it continues the same scan.
        if resume { try writeFileAtomically(folder.path("scan.json"), meta.json()) }
    }
    let bar = ProgressBar(total: rows.count, label: "scan \(classifier.kind)", enabled: progress)
    try runGrid(classifier, x: x, y: y, rows: first..<rows.upperBound, threads: threads, pieces: pieces,
                progress: bar) { j, i0, points in
        let yv = y.value(j)
        var line = ""
        let drawn = raster?.showsRow(j) == true, coloured = raster?.showsIntensityRow(j) == true
        for (k, p) in points.enumerated() {
            line += "\(x.value(i0 + k)),\(yv),\(p.fields)\n"
            counts[Int(p.classCode)] += 1
            if drawn { raster!.record(i: i0 + k, j: j, code: p.classCode) }
            if coloured { raster!.recordIntensity(i: i0 + k, j: j, fields: p.fields) }
        }
        try csv.write(line)
        // A resumable run flushes every piece, so an interruption loses at most the pieces in flight.
        if resume { try csv.flush() }
    }
    try csv.close()
    try writeFileAtomically(folder.path("scan.json"), meta.json())
    if let raster {
        try writeFileAtomically(folder.path("diagram.svg"),
                                raster.svg(x: x, y: y, legend: legend, title: title, xLabel: xLabel, yLabel: yLabel))
    }
    try folder.commit()
    var named: [String: Int] = [:]
    for (code, n) in counts.enumerated() where n > 0 {
        named[code < legend.count ? legend[code].name : "code\(code)"] = n
    }
    return ScanSummary(folder: folder.finalPath, points: rows.count * x.count, counts: named, wroteDiagram: whole)
}
