import Foundation
import OutputFormats
import Symbolic

/// Reads a shard's scan.json.
func readMetadata(_ dir: String) throws -> ScanMetadata {
    let path = dir + "/scan.json"
    guard let data = FileManager.default.contents(atPath: path),
          let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw AnalysisError.inconsistentShards("\(path) is missing or not JSON")
    }
    func axis(_ any: Any?) throws -> GridAxis {
        guard let a = any as? [String: Any], let name = a["name"] as? String, let lo = (a["lower"] as? NSNumber)?.doubleValue,
              let hi = (a["upper"] as? NSNumber)?.doubleValue, let n = (a["count"] as? NSNumber)?.intValue else {
            throw AnalysisError.inconsistentShards("\(path): bad axis")
        }
        return try GridAxis(symbol: Symbol(name, [.real]), lower: lo, upper: hi, count: n)
    }
    guard let shard = obj["shard"] as? [String: Any], let i = (shard["index"] as? NSNumber)?.intValue,
          let n = (shard["count"] as? NSNumber)?.intValue, let kind = obj["kind"] as? String,
          let columns = obj["columns"] as? [String], let legend = obj["legend"] as? [[String: String]] else {
        throw AnalysisError.inconsistentShards("\(path): missing fields")
    }
    var meta = ScanMetadata(kind: kind, x: try axis(obj["x"]), y: try axis(obj["y"]), shard: try Shard(index: i, count: n),
                            columns: columns,
                            legend: legend.map { PhaseLegend(name: $0["name"] ?? "", label: $0["label"] ?? "", color: $0["color"] ?? "#000000") },
                            settings: obj["settings"] as? [String] ?? [], title: obj["title"] as? String ?? "")
    meta.xLabel = obj["xLabel"] as? String ?? ""
    meta.yLabel = obj["yLabel"] as? String ?? ""
    return meta
}

/// `keldysh merge`: joins the shards of one scan (every i/n present once, same grid and
/// settings) into `out` with grid.csv and diagram.svg, streaming the rows.
public func mergeScans(_ dirs: [String], out: String, xLabel: String? = nil, yLabel: String? = nil) throws -> ScanSummary {
    guard !dirs.isEmpty else { throw AnalysisError.inconsistentShards("no shard folders given") }
    var metas: [(String, ScanMetadata)] = []
    for d in dirs { metas.append((d, try readMetadata(d))) }
    let first = metas[0].1
    for (d, m) in metas {
        guard m.kind == first.kind, m.x.name == first.x.name, m.x.lower == first.x.lower, m.x.upper == first.x.upper,
              m.x.count == first.x.count, m.y.name == first.y.name, m.y.lower == first.y.lower, m.y.upper == first.y.upper,
              m.y.count == first.y.count, m.settings == first.settings, m.shard.count == first.shard.count else {
            throw AnalysisError.inconsistentShards("\(d) belongs to a different scan (grid, settings or shard count differ)")
        }
    }
    let indices = metas.map(\.1.shard.index).sorted()
    guard indices == Array(1...first.shard.count) else {
        throw AnalysisError.inconsistentShards("shards \(indices) given; need each of 1…\(first.shard.count) once")
    }
    metas.sort { $0.1.shard.index < $1.1.shard.index }
    let folder = try StagedFolder(finalPath: out)
    let csv = try StreamWriter(path: folder.path("grid.csv"))
    let nx = first.x.count
    var raster = DiagramRaster(x: first.x, y: first.y, kind: first.kind, columns: first.columns)
    let codeOf = Dictionary(uniqueKeysWithValues: first.legend.enumerated().map { ($1.name, UInt8($0)) })
    var counts: [String: Int] = [:]
    var wroteHeader = false
    var points = 0
    for (d, m) in metas {
        guard let handle = FileHandle(forReadingAtPath: d + "/grid.csv") else { throw AnalysisError.inconsistentShards("\(d)/grid.csv is missing") }
        defer { try? handle.close() }
        let expectedRows = m.shard.rows(of: first.y.count)
        var lineIndex = 0
        var pending = Data()
        func consume(_ line: Substring) throws {
            defer { lineIndex += 1 }
            if lineIndex == 0 {
                if !wroteHeader { try csv.write(String(line) + "\n"); wroteHeader = true }
                return
            }
            let k = lineIndex - 1
            let j = expectedRows.lowerBound + k / nx, i = k % nx
            guard j < expectedRows.upperBound else { throw AnalysisError.inconsistentShards("\(d)/grid.csv has more rows than its shard") }
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3 else { throw AnalysisError.inconsistentShards("\(d)/grid.csv line \(lineIndex + 1) is malformed") }
            let name = String(fields[2])
            raster.record(i: i, j: j, code: codeOf[name] ?? 255)
            if raster.showsIntensityRow(j), let after = line.afterCoordinates { raster.recordIntensity(i: i, j: j, fields: after) }
            counts[name, default: 0] += 1
            points += 1
            try csv.write(String(line) + "\n")
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            if let lastNewline = pending.lastIndex(of: 0x0A) {
                let text = String(decoding: pending[pending.startIndex..<lastNewline], as: UTF8.self)
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) { try consume(line) }
                pending = Data(pending[(lastNewline + 1)...])
            }
        }
        if !pending.isEmpty { try consume(Substring(String(decoding: pending, as: UTF8.self))) }
        guard lineIndex - 1 == expectedRows.count * nx else {
            throw AnalysisError.inconsistentShards("\(d)/grid.csv has \(lineIndex - 1) points, its shard needs \(expectedRows.count * nx) (an unfinished job?)")
        }
    }
    try csv.close()
    var meta = first
    meta.shard = .whole
    if let xLabel { meta.xLabel = xLabel }
    if let yLabel { meta.yLabel = yLabel }
    try writeFileAtomically(folder.path("scan.json"), meta.json())
    try writeFileAtomically(folder.path("diagram.svg"), raster.svg(x: first.x, y: first.y, legend: first.legend,
                                                                   title: first.title,
                                                                   xLabel: xLabel ?? (first.xLabel.isEmpty ? nil : first.xLabel),
                                                                   yLabel: yLabel ?? (first.yLabel.isEmpty ? nil : first.yLabel)))
    try folder.commit()
    return ScanSummary(folder: folder.finalPath, points: points, counts: counts, wroteDiagram: true)
}
