/// A phase diagram as SVG: one rectangle per run of equal classes along a row (so a
/// 400×400 grid is a few thousand elements, not 160 000), axes with ticks and labels, and
/// a legend listing the classes that occur.
public struct PhaseDiagramSVG {
    public var x: PlotAxis
    public var y: PlotAxis
    public var legend: [PhaseLegend]
    public var title: String
    public var xLabel: String
    public var yLabel: String

    public init(x: PlotAxis, y: PlotAxis, legend: [PhaseLegend], title: String, xLabel: String? = nil, yLabel: String? = nil) {
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
        <svg xmlns="http://www.w3.org/2000/svg" width="\(svgNumber(totalW))" height="\(svgNumber(totalH))" viewBox="0 0 \(svgNumber(totalW)) \(svgNumber(totalH))" font-family="Helvetica, Arial, sans-serif" font-size="13">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(svgNumber(left + plotW / 2))" y="24" text-anchor="middle" font-size="15">\(xmlEscaped(title))</text>
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
                    s += "<rect x=\"\(svgNumber(left + Double(i) * cw))\" y=\"\(svgNumber(yTop))\" width=\"\(svgNumber(Double(k - i) * cw + 0.01))\" height=\"\(svgNumber(ch + 0.01))\" fill=\"\(color)\"/>\n"
                }
                i = k
            }
        }
        s += "</g>\n<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(plotW))\" height=\"\(svgNumber(plotH))\" fill=\"none\" stroke=\"black\"/>\n"
        // Ticks: five intervals per axis.
        for t in 0...5 {
            let fx = Double(t) / 5
            let xv = x.lower + (x.upper - x.lower) * fx, yv = y.lower + (y.upper - y.lower) * fx
            let px = left + plotW * fx, py = top + plotH * (1 - fx)
            s += "<line x1=\"\(svgNumber(px))\" y1=\"\(svgNumber(top + plotH))\" x2=\"\(svgNumber(px))\" y2=\"\(svgNumber(top + plotH + 6))\" stroke=\"black\"/>"
            s += "<text x=\"\(svgNumber(px))\" y=\"\(svgNumber(top + plotH + 20))\" text-anchor=\"middle\">\(tickLabel(xv))</text>\n"
            s += "<line x1=\"\(svgNumber(left - 6))\" y1=\"\(svgNumber(py))\" x2=\"\(svgNumber(left))\" y2=\"\(svgNumber(py))\" stroke=\"black\"/>"
            s += "<text x=\"\(svgNumber(left - 9))\" y=\"\(svgNumber(py + 4))\" text-anchor=\"end\">\(tickLabel(yv))</text>\n"
        }
        s += "<text x=\"\(svgNumber(left + plotW / 2))\" y=\"\(svgNumber(top + plotH + 45))\" text-anchor=\"middle\" font-size=\"15\">\(xmlEscaped(xLabel))</text>\n"
        s += "<text transform=\"translate(\(svgNumber(left - 50)),\(svgNumber(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"15\">\(xmlEscaped(yLabel))</text>\n"
        var ly = top + 10
        for (code, entry) in legend.enumerated() where used.contains(UInt8(code)) {
            s += "<rect x=\"\(svgNumber(legendX))\" y=\"\(svgNumber(ly))\" width=\"18\" height=\"18\" fill=\"\(entry.color)\" stroke=\"black\"/>"
            s += "<text x=\"\(svgNumber(legendX + 26))\" y=\"\(svgNumber(ly + 14))\">\(xmlEscaped(entry.label))</text>\n"
            ly += 28
        }
        if used.contains(255) {
            s += "<text x=\"\(svgNumber(legendX))\" y=\"\(svgNumber(ly + 14))\">missing points: magenta</text>\n"
        }
        s += "</svg>\n"
        return s
    }
}

/// One axis of a grid: n equally spaced values from lower to upper.
public struct PlotAxis: Sendable, Equatable {
    public var name: String
    public var lower: Double
    public var upper: Double
    public var count: Int
    public init(name: String, lower: Double, upper: Double, count: Int) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.count = count
    }
}

/// A legend entry of a phase diagram: the class name written in grid.csv, its label and colour.
public struct PhaseLegend: Sendable, Equatable {
    public var name: String
    public var label: String
    public var color: String
    public init(name: String, label: String, color: String) {
        self.name = name
        self.label = label
        self.color = color
    }
}
