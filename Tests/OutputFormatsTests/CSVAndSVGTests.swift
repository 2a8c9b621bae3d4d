import Testing
import Foundation
import OutputFormats

@Suite struct CSVAndSVGTests {
    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        // RFC 4180: fields with a comma, a quote or a line break are quoted, quotes doubled.
        #expect(csvField("gup") == "gup")
        #expect(csvField("re <S->") == "re <S->")
        #expect(csvField("a,b") == "\"a,b\"")
        #expect(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(csvField("two\nlines") == "\"two\nlines\"")
        #expect(csvLine(["x", "y,z"]) == "x,\"y,z\"\n")
    }

    @Test func svgTextIsEscapedAndNumbersRounded() {
        #expect(xmlEscaped("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
        #expect(svgNumber(12.0) == "12")
        #expect(svgNumber(1.23456) == "1.23")
        #expect(tickLabel(0.2) == "0.2")
        #expect(tickLabel(1.0000001) == "1")
    }

    @Test func phaseDiagramDrawsRunsAndLegendOfUsedClasses() {
        // A 3×2 grid: row 0 = [1, 1, 0], row 1 = [0, 0, 0]; class 0 is white (not drawn).
        let axis = PlotAxis(name: "g", lower: 0, upper: 1, count: 3)
        let legend = [PhaseLegend(name: "stable", label: "stable", color: "#ffffff"),
                      PhaseLegend(name: "real", label: "real <λ>", color: "#7b3294"),
                      PhaseLegend(name: "unused", label: "never", color: "#000001")]
        let svg = PhaseDiagramSVG(x: axis, y: PlotAxis(name: "l", lower: 0, upper: 1, count: 2), legend: legend, title: "T")
            .render(classes: [1, 1, 0, 0, 0, 0])
        // One rectangle for the run of two class-1 cells (width 2 × 160 + 0.01).
        #expect(svg.components(separatedBy: "fill=\"#7b3294\"/>").count == 2)
        #expect(svg.contains("width=\"320.01\""))
        #expect(svg.contains("real &lt;λ&gt;"))
        #expect(!svg.contains("never"))
    }
}
