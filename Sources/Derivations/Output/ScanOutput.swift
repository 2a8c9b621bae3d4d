import Analysis
import OutputFormats

/// What `keldysh scan` and `keldysh merge` print: the folder, the number of points and the
/// points per class.
public func render(_ s: ScanSummary, json: Bool) -> String {
    let counts = s.counts.sorted { $0.key < $1.key }
    if json {
        return JSONValue.object([
            ("folder", .string(s.folder)), ("points", .int(s.points)),
            ("counts", .object(counts.map { ($0.key, .int($0.value)) })), ("diagram", .bool(s.wroteDiagram)),
        ]).inline
    }
    return "wrote \(s.folder)/grid.csv (\(s.points) points)" + (s.wroteDiagram ? " and diagram.svg" : "")
        + "\n" + counts.map { "  \($0.key): \($0.value)" }.joined(separator: "\n")
}
