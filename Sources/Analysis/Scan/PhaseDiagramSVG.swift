/// A phase diagram as SVG: one rectangle per run of equal classes along a row (so a
/// 400×400 grid is a few thousand elements, not 160 000), axes with ticks and labels, and
/// a legend listing the classes that occur.
public struct PhaseDiagramSVG {
    public var x: GridAxis
    public var y: GridAxis
    public var legend: [PhaseLegend]
    public var title: String
    public var xLabel: String
    public var yLabel: String

    public init(x: GridAxis, y: GridAxis, legend: [PhaseLegend], title: String, xLabel: String? = nil, yLabel: String? = nil) {
        self.x = x
        self.y = y
        self.legend = legend
        self.title = title
        self.xLabel = xLabel ?? x.name
        self.yLabel = yLabel ?? y.name
    }

    /// `classes[j * x.count + i]` is the class code at (x_i, y_j); 255 marks a missing point.
    public func render(classes: [UInt8]) -> String {
        let nx = x.count, ny = y.count
        let plotW = 480.0, plotH = 480.0, left = 80.0, top = 40.0
        let legendX = left + plotW + 30
        let totalW = legendX + 290, totalH = top + plotH + 70
        let cw = plotW / Double(nx), ch = plotH / Double(ny)
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(totalW))" height="\(fmt(totalH))" viewBox="0 0 \(fmt(totalW)) \(fmt(totalH))" font-family="Helvetica, Arial, sans-serif" font-size="13">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(fmt(left + plotW / 2))" y="24" text-anchor="middle" font-size="15">\(escape(title))</text>
        <g shape-rendering="crispEdges">

        """
        var used = Set<UInt8>()
        for j in 0..<ny {
            // Row j = y_j, drawn with y increasing upwards.
            let yTop = top + plotH - Double(j + 1) * ch
            var i = 0
            while i < nx {
                let c = classes[j * nx + i]
                var k = i + 1
                while k < nx && classes[j * nx + k] == c { k += 1 }
                used.insert(c)
                let color = Int(c) < legend.count ? legend[Int(c)].color : "#ff00ff"
                if color != "#ffffff" {
                    s += "<rect x=\"\(fmt(left + Double(i) * cw))\" y=\"\(fmt(yTop))\" width=\"\(fmt(Double(k - i) * cw + 0.01))\" height=\"\(fmt(ch + 0.01))\" fill=\"\(color)\"/>\n"
                }
                i = k
            }
        }
        s += "</g>\n<rect x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(plotW))\" height=\"\(fmt(plotH))\" fill=\"none\" stroke=\"black\"/>\n"
        // Ticks: five intervals per axis.
        for t in 0...5 {
            let fx = Double(t) / 5
            let xv = x.lower + (x.upper - x.lower) * fx, yv = y.lower + (y.upper - y.lower) * fx
            let px = left + plotW * fx, py = top + plotH * (1 - fx)
            s += "<line x1=\"\(fmt(px))\" y1=\"\(fmt(top + plotH))\" x2=\"\(fmt(px))\" y2=\"\(fmt(top + plotH + 6))\" stroke=\"black\"/>"
            s += "<text x=\"\(fmt(px))\" y=\"\(fmt(top + plotH + 20))\" text-anchor=\"middle\">\(tick(xv))</text>\n"
            s += "<line x1=\"\(fmt(left - 6))\" y1=\"\(fmt(py))\" x2=\"\(fmt(left))\" y2=\"\(fmt(py))\" stroke=\"black\"/>"
            s += "<text x=\"\(fmt(left - 9))\" y=\"\(fmt(py + 4))\" text-anchor=\"end\">\(tick(yv))</text>\n"
        }
        s += "<text x=\"\(fmt(left + plotW / 2))\" y=\"\(fmt(top + plotH + 45))\" text-anchor=\"middle\" font-size=\"15\">\(escape(xLabel))</text>\n"
        s += "<text transform=\"translate(\(fmt(left - 50)),\(fmt(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"15\">\(escape(yLabel))</text>\n"
        var ly = top + 10
        for (code, entry) in legend.enumerated() where used.contains(UInt8(code)) {
            s += "<rect x=\"\(fmt(legendX))\" y=\"\(fmt(ly))\" width=\"18\" height=\"18\" fill=\"\(entry.color)\" stroke=\"black\"/>"
            s += "<text x=\"\(fmt(legendX + 26))\" y=\"\(fmt(ly + 14))\">\(escape(entry.label))</text>\n"
            ly += 28
        }
        if used.contains(255) {
            s += "<text x=\"\(fmt(legendX))\" y=\"\(fmt(ly + 14))\">missing points: magenta</text>\n"
        }
        s += "</svg>\n"
        return s
    }
}

func fmt(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
}

func tick(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    if r == r.rounded() && abs(r) < 1e9 { return String(Int(r)) }
    return String(r)
}

func escape(_ s: String) -> String {
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
