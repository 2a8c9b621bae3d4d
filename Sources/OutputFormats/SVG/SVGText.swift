/// A coordinate rounded to 0.01, without a trailing ".0".
public func svgNumber(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
}

/// A tick label rounded to 0.001, without a trailing ".0".
public func tickLabel(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    if r == r.rounded() && abs(r) < 1e9 { return String(Int(r)) }
    return String(r)
}

/// Text with the XML special characters escaped.
public func xmlEscaped(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}
