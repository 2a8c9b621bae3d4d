/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, with
/// inner quotes doubled.
public func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    var out = "\""
    for c in s { if c == "\"" { out += "\"\"" } else { out.append(c) } }
    return out + "\""
}

/// A CSV line: the fields, escaped, joined by commas, with a final newline.
public func csvLine(_ fields: [String]) -> String { fields.map(csvField).joined(separator: ",") + "\n" }
