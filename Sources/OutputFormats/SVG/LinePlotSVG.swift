/// Line plot of several series against one abscissa (t), at most ~4000 points per line,
/// with a legend of `names`.
/// Non-finite values (a run that stopped early) are left out of the axes and the lines.
public func linePlotSVG(times: [Double], series: [[Double]], names: [String], title: String, xLabel: String = "t") -> String {
    let w = 720.0, h = 360.0, left = 70.0, top = 40.0, pw = 560.0, ph = 260.0
    let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    var lo = Double.infinity, hi = -Double.infinity
    for o in series { for v in o where v.isFinite { lo = min(lo, v); hi = max(hi, v) } }
    if !(lo < hi) { lo -= 1; hi += 1 }
    let t0 = times.first ?? 0, t1 = max(times.last ?? 1, t0 + 1e-12)
    let stride = max(1, times.count / 4000)
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(svgNumber(w + 150))\" height=\"\(svgNumber(h))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    s += "<text x=\"\(svgNumber(left + pw / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">\(xmlEscaped(title))</text>\n"
    s += "<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(pw))\" height=\"\(svgNumber(ph))\" fill=\"none\" stroke=\"black\"/>\n"
    for t in 0...5 {
        let f = Double(t) / 5
        s += "<text x=\"\(svgNumber(left + pw * f))\" y=\"\(svgNumber(top + ph + 18))\" text-anchor=\"middle\">\(tickLabel(t0 + (t1 - t0) * f))</text>"
        s += "<text x=\"\(svgNumber(left - 6))\" y=\"\(svgNumber(top + ph * (1 - f) + 4))\" text-anchor=\"end\">\(tickLabel(lo + (hi - lo) * f))</text>\n"
    }
    s += "<text x=\"\(svgNumber(left + pw / 2))\" y=\"\(svgNumber(top + ph + 40))\" text-anchor=\"middle\">\(xmlEscaped(xLabel))</text>\n"
    for (k, o) in series.enumerated() {
        var pts = ""
        var i = 0
        while i < o.count {
            let x = left + pw * (times[i] - t0) / (t1 - t0), y = top + ph * (1 - (o[i] - lo) / (hi - lo))
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
