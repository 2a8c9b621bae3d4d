/// Line plot of several series against one abscissa (t), at most ~4000 points per line,
/// with a legend of `names`, round ticks, a value-axis label, and the title wrapped at
/// commas so that a long list of settings stays on the page.
/// Non-finite values (a run that stopped early) are left out of the axes and the lines.
public func linePlotSVG(times: [Double], series: [[Double]], names: [String], title: String, xLabel: String = "t",
                        yLabel: String = "") -> String {
    let titleLines = wrappedTitle(title, width: 100)
    let top = 40.0 + 18 * Double(titleLines.count - 1)
    let left = 80.0, pw = 560.0, ph = 260.0, h = top + ph + 60, w = left + pw + 230
    let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    var lo = Double.infinity, hi = -Double.infinity
    for o in series { for v in o where v.isFinite { lo = min(lo, v); hi = max(hi, v) } }
    if !(lo < hi) { let c = lo.isFinite ? lo : 0; lo = c - 1; hi = c + 1 }
    let (ylo, yhi, yt) = NiceTicks.widened(lower: lo, upper: hi)
    let t0 = times.first ?? 0, t1 = max(times.last ?? 1, t0 + 1e-12)
    let xt = NiceTicks(lower: t0, upper: t1)
    let stride = max(1, times.count / 4000)
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(svgNumber(w))\" height=\"\(svgNumber(h))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    for (k, line) in titleLines.enumerated() {
        s += "<text x=\"\(svgNumber(w / 2))\" y=\"\(svgNumber(22 + 18 * Double(k)))\" text-anchor=\"middle\" font-size=\"14\">\(xmlEscaped(line))</text>\n"
    }
    s += "<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(pw))\" height=\"\(svgNumber(ph))\" fill=\"none\" stroke=\"black\"/>\n"
    for v in xt.values {
        let px = left + pw * (v - t0) / (t1 - t0)
        s += "<line x1=\"\(svgNumber(px))\" y1=\"\(svgNumber(top + ph))\" x2=\"\(svgNumber(px))\" y2=\"\(svgNumber(top + ph + 5))\" stroke=\"black\"/>"
        s += "<text x=\"\(svgNumber(px))\" y=\"\(svgNumber(top + ph + 18))\" text-anchor=\"middle\">\(xt.label(v))</text>\n"
    }
    for v in yt.values {
        let py = top + ph * (1 - (v - ylo) / (yhi - ylo))
        s += "<line x1=\"\(svgNumber(left - 5))\" y1=\"\(svgNumber(py))\" x2=\"\(svgNumber(left))\" y2=\"\(svgNumber(py))\" stroke=\"black\"/>"
        s += "<text x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(py + 4))\" text-anchor=\"end\">\(yt.label(v))</text>\n"
    }
    s += "<text x=\"\(svgNumber(left + pw / 2))\" y=\"\(svgNumber(top + ph + 40))\" text-anchor=\"middle\">\(xmlEscaped(xLabel))</text>\n"
    let valueLabel = yLabel.isEmpty ? names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "") : yLabel
    s += "<text transform=\"translate(\(svgNumber(left - 58)),\(svgNumber(top + ph / 2))) rotate(-90)\" text-anchor=\"middle\">\(xmlEscaped(valueLabel))</text>\n"
    for (k, o) in series.enumerated() {
        var pts = ""
        var i = 0
        while i < o.count {
            let x = left + pw * (times[i] - t0) / (t1 - t0), y = top + ph * (1 - (o[i] - ylo) / (yhi - ylo))
            if o[i].isFinite { pts += "\(svgNumber(x)),\(svgNumber(y)) " }
            i += stride
        }
        let c = colors[k % colors.count]
        s += "<polyline fill=\"none\" stroke=\"\(c)\" stroke-width=\"1\" points=\"\(pts)\"/>\n"
        s += "<line x1=\"\(svgNumber(left + pw + 15))\" y1=\"\(svgNumber(top + 10 + Double(k) * 22))\" x2=\"\(svgNumber(left + pw + 35))\" y2=\"\(svgNumber(top + 10 + Double(k) * 22))\" stroke=\"\(c)\" stroke-width=\"2\"/>"
        s += "<text x=\"\(svgNumber(left + pw + 40))\" y=\"\(svgNumber(top + 14 + Double(k) * 22))\">\(xmlEscaped(k < names.count ? names[k] : "obs \(k)"))</text>\n"
    }
    s += "</svg>\n"
    return s
}

/// A title broken after commas into lines of at most `width` characters (a single longer
/// piece stays whole).
func wrappedTitle(_ title: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for piece in title.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
        let candidate = current.isEmpty ? piece : current + "," + piece
        if candidate.count > width && !current.isEmpty {
            lines.append(current + ",")
            current = piece.hasPrefix(" ") ? String(piece.dropFirst()) : piece
        } else {
            current = candidate
        }
    }
    lines.append(current)
    return lines
}
