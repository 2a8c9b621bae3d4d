import Foundation
/// A phase diagram as SVG: one rectangle per run of equal classes along a row (so a
/// 400×400 grid is a few thousand elements, not 160 000), axes with round ticks and labels,
/// a legend listing the classes that occur, and optionally a colour map of one quantity.
public struct PhaseDiagramSVG {
    public var x: PlotAxis
    public var y: PlotAxis
    public var legend: [PhaseLegend]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// A second panel beside the legend, with its colour scale.
    public var intensity: IntensityPanel?

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
        let panelX = legendX + 290 + 60
        let totalW = intensity == nil ? legendX + 290 : panelX + plotW + 140, totalH = top + plotH + 70
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
        s += axisTicks(left: left, top: top, width: plotW, height: plotH)
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
        if let intensity {
            s += intensity.render(left: panelX, top: top, width: plotW, height: plotH) + axisTicks(left: panelX, top: top, width: plotW, height: plotH)
            s += "<text x=\"\(svgNumber(panelX + plotW / 2))\" y=\"\(svgNumber(top + plotH + 45))\" text-anchor=\"middle\" font-size=\"15\">\(xmlEscaped(xLabel))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// Round ticks and their labels along the bottom and left edges of a panel.
    func axisTicks(left: Double, top: Double, width: Double, height: Double) -> String {
        var s = ""
        let xt = NiceTicks(lower: x.lower, upper: x.upper), yt = NiceTicks(lower: y.lower, upper: y.upper)
        for v in xt.values {
            let px = left + width * (v - x.lower) / (x.upper - x.lower)
            s += "<line x1=\"\(svgNumber(px))\" y1=\"\(svgNumber(top + height))\" x2=\"\(svgNumber(px))\" y2=\"\(svgNumber(top + height + 6))\" stroke=\"black\"/>"
            s += "<text x=\"\(svgNumber(px))\" y=\"\(svgNumber(top + height + 20))\" text-anchor=\"middle\">\(xt.label(v))</text>\n"
        }
        for v in yt.values {
            let py = top + height * (1 - (v - y.lower) / (y.upper - y.lower))
            s += "<line x1=\"\(svgNumber(left - 6))\" y1=\"\(svgNumber(py))\" x2=\"\(svgNumber(left))\" y2=\"\(svgNumber(py))\" stroke=\"black\"/>"
            s += "<text x=\"\(svgNumber(left - 9))\" y=\"\(svgNumber(py + 4))\" text-anchor=\"end\">\(yt.label(v))</text>\n"
        }
        return s
    }
}

/// A quantity beside the class map (max Re λ of a stability scan, the order parameter of a
/// dynamical one) on a coarser raster: `values[j * nx + i]`, NaN where missing. Colours
/// diverge at 0 (blue below, red above). Each side has its own logarithmic scale, from 10⁻³
/// of its extreme to the extreme, since the sign decides stability and the two sides (and
/// the lasing and superradiant growth rates) differ by orders of magnitude.
///
/// `logarithmic: false` puts each side on a linear scale instead, for a quantity of one size
/// throughout (a condensate's amplitude), where the logarithm would crowd it into one colour.
public struct IntensityPanel: Sendable {
    public var name: String
    public var nx: Int, ny: Int
    public var values: [Double]
    public var logarithmic: Bool
    public init(name: String, nx: Int, ny: Int, values: [Double], logarithmic: Bool = true) {
        self.name = name
        self.nx = nx
        self.ny = ny
        self.values = values
        self.logarithmic = logarithmic
    }

    /// The extremes of the two sides (≤ 0 and ≥ 0).
    var extremes: (low: Double, high: Double) {
        var low = 0.0, high = 0.0
        for v in values where v.isFinite { low = min(low, v); high = max(high, v) }
        return (low, high)
    }

    /// Position in [0, 1] of |v| on its side's scale: log(1 + |v|/ε)/log(1 + M/ε), ε = 10⁻³M.
    static func fraction(_ v: Double, extreme m: Double) -> Double {
        let m = abs(m)
        guard m > 0 else { return 0 }
        let e = m * 1e-3
        return min(1, log1p(abs(v) / e) / log1p(m / e))
    }

    /// The inverse of `fraction` on one side.
    static func value(atFraction t: Double, extreme m: Double) -> Double {
        let e = abs(m) * 1e-3
        return (m < 0 ? -1 : 1) * e * expm1(t * log1p(abs(m) / e))
    }

    static func colour(_ v: Double, low: Double, high: Double, logarithmic: Bool = true) -> String {
        guard v.isFinite else { return "#ff00ff" }
        func position(_ v: Double, _ m: Double) -> Double {
            logarithmic ? fraction(v, extreme: m) : (m == 0 ? 0 : min(1, abs(v) / abs(m)))
        }
        let (t, rgb): (Double, (Double, Double, Double)) = v < 0
            ? (position(v, low), (33, 102, 172))
            : (position(v, high), (178, 24, 43))
        func channel(_ c: Double) -> Int { Int((255 + (c - 255) * t).rounded()) }
        return "#" + [rgb.0, rgb.1, rgb.2].map { String(format: "%02x", channel($0)) }.joined()
    }

    func render(left: Double, top: Double, width: Double, height: Double) -> String {
        let (low, high) = extremes
        let cw = width / Double(nx), ch = height / Double(ny)
        var s = "<text x=\"\(svgNumber(left + width / 2))\" y=\"\(svgNumber(top - 8))\" text-anchor=\"middle\">\(xmlEscaped(name))</text>\n<g shape-rendering=\"crispEdges\">\n"
        for j in 0..<ny {
            let yTop = top + height - Double(j + 1) * ch
            var i = 0
            while i < nx {
                let c = Self.colour(values[j * nx + i], low: low, high: high, logarithmic: logarithmic)
                var k = i + 1
                while k < nx && Self.colour(values[j * nx + k], low: low, high: high, logarithmic: logarithmic) == c { k += 1 }
                if c != "#ffffff" {
                    s += "<rect x=\"\(svgNumber(left + Double(i) * cw))\" y=\"\(svgNumber(yTop))\" width=\"\(svgNumber(Double(k - i) * cw + 0.01))\" height=\"\(svgNumber(ch + 0.01))\" fill=\"\(c)\"/>\n"
                }
                i = k
            }
        }
        s += "</g>\n<rect x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" fill=\"none\" stroke=\"black\"/>\n"
        // The colour bar: the positive side above, the negative below (each its own scale), 0 between.
        let barX = left + width + 20, steps = 30
        let sides = [(high, true), (low, false)].filter { $0.0 != 0 }
        let sideHeight = height / Double(max(sides.count, 1))
        for (n, (m, above)) in sides.enumerated() {
            let y0 = top + sideHeight * Double(n)
            for k in 0..<steps {
                // Above: the extreme at the top; below: 0 at the top, the extreme at the bottom.
                let t = above ? 1 - (Double(k) + 0.5) / Double(steps) : (Double(k) + 0.5) / Double(steps)
                let v = logarithmic ? Self.value(atFraction: t, extreme: m) : t * m
                s += "<rect x=\"\(svgNumber(barX))\" y=\"\(svgNumber(y0 + sideHeight * Double(k) / Double(steps)))\" width=\"16\" height=\"\(svgNumber(sideHeight / Double(steps) + 0.01))\" fill=\"\(Self.colour(v, low: low, high: high, logarithmic: logarithmic))\"/>"
            }
            for t in [1.0, 2.0 / 3, 1.0 / 3] {
                let py = above ? y0 + sideHeight * (1 - t) : y0 + sideHeight * t
                let v = logarithmic ? Self.value(atFraction: t, extreme: m) : t * m
                s += "<text x=\"\(svgNumber(barX + 22))\" y=\"\(svgNumber(py + 4))\">\(String(format: "%.2g", v))</text>\n"
            }
        }
        s += "\n<rect x=\"\(svgNumber(barX))\" y=\"\(svgNumber(top))\" width=\"16\" height=\"\(svgNumber(height))\" fill=\"none\" stroke=\"black\"/>\n"
        if sides.count == 2 { s += "<text x=\"\(svgNumber(barX + 22))\" y=\"\(svgNumber(top + sideHeight + 4))\">0</text>\n" }
        s += "<text x=\"\(svgNumber(barX))\" y=\"\(svgNumber(top + height + 20))\">\(logarithmic ? "log scale" : "linear scale")</text>\n"
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
