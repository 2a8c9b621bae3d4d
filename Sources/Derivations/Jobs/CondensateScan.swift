import Analysis
import Foundation
import OutputFormats
import Symbolic

/// `keldysh scan MODEL --x P=lo:hi:n --y Q=lo:hi:m --reading R --out DIR` for a field-theory
/// model (paper 000 Figs. 3 and 4: the condensate over (ξ, h) or (Ω, h)). Each column x_i is
/// followed along y as `solve --sweep` does (continuation, the grid of starts where a point has
/// no condensate). Writes DIR/grid.csv (x, y, class, μ_S, ψ_f, polarisation, ρ of the
/// largest-ψ_f condensate, each to the digits its two node rules share) and DIR/diagram.svg (normal / condensed / failed, and ψ_f as a colour
/// map beside it). Staged.
public struct CondensateScanOptions: Sendable {
    public var base: CondensateOptions
    public var x: String
    public var y: String
    public var out: String
    public var progress = true

    public init(base: CondensateOptions, x: String, y: String, out: String) {
        self.base = base
        self.x = x
        self.y = y
        self.out = out
    }
}

public struct CondensateScanSummary: Sendable {
    public let points: Int
    public let condensed: Int
    public let normal: Int
    public let out: String
}

public func condensateScan(_ o: CondensateScanOptions) throws -> CondensateScanSummary {
    let c = try CondensateModel.load(path: o.base.model)
    let xa = try c.base.parameters.axis(o.x), ya = try c.base.parameters.axis(o.y)
    let total = xa.count * ya.count
    guard total <= 20_000 else {
        throw AnalysisError.tooLarge("a field-theory scan solves A60–A61 at every point: at most 20000 points (asked \(xa.count) × \(ya.count))")
    }
    let names = c.problem.parameters
    for a in [xa, ya] where a.symbol == names[c.problem.frequency] || a.symbol == names[c.problem.amplitude] {
        throw AnalysisError.badRange(a.symbol.name, reason: "\(a.symbol.name) is what the saddle point solves for")
    }
    guard xa.symbol != ya.symbol else { throw AnalysisError.badRange(o.y, reason: "the two axes vary the same parameter") }
    let folder = try StagedFolder(finalPath: o.out)
    let bar = ProgressBar(total: total, label: "scan", enabled: o.progress)
    var classes = [UInt8](repeating: 255, count: total)
    // ψ_f beside the class map (the paper's Figs. 3–4 show the observables over the plane):
    // 0 where no condensate was found, which the panel leaves white.
    var amplitude = [Double](repeating: .nan, count: total)
    var csv = csvLine([xa.symbol.name, ya.symbol.name, "class", names[c.problem.frequency].name, names[c.problem.amplitude].name,
                       "polarisation", "rho"])
    var lines = [String](repeating: "", count: total)
    var condensed = 0, normal = 0
    let ys = (0..<ya.count).map { ya.value($0) }
    for i in 0..<xa.count {
        var base = o.base
        base.settings = base.settings.filter { !$0.hasPrefix(xa.symbol.name + "=") } + ["\(xa.symbol.name)=\(xa.value(i))"]
        let rows = try followCondensates(base, parameter: ya.symbol.name, values: ys) { bar.update(i * ya.count + $0) }
        for (j, r) in rows.enumerated() {
            let k = j * xa.count + i
            let x = String(format: "%.12g", xa.value(i)), y = String(format: "%.12g", r.value)
            if let s = r.condensates.last {
                classes[k] = 1
                condensed += 1
                amplitude[k] = s.psi
                // Only the digits the two node rules share (as `solve` prints them).
                lines[k] = csvLine([x, y, "condensed"] + s.verified.map { significant($0.value, $0.digits) })
            } else {
                classes[k] = 0
                normal += 1
                amplitude[k] = 0
                lines[k] = csvLine([x, y, "normal", "", "", "", ""])
            }
        }
    }
    csv += lines.joined()
    try writeFileAtomically(folder.path("grid.csv"), csv)
    let svg = PhaseDiagramSVG(x: PlotAxis(name: xa.symbol.name, lower: xa.value(0), upper: xa.value(xa.count - 1), count: xa.count),
                              y: PlotAxis(name: ya.symbol.name, lower: ya.value(0), upper: ya.value(ya.count - 1), count: ya.count),
                              legend: [PhaseLegend(name: "normal", label: "normal (no condensate found)", color: "#ffffff"),
                                       PhaseLegend(name: "condensed", label: "condensed (psi_f > 0)", color: "#4477aa")],
                              title: "condensate, reading \(o.base.reading.rawValue)")
    var withAmplitude = svg
    withAmplitude.intensity = IntensityPanel(name: "\(names[c.problem.amplitude].name) of the condensate", nx: xa.count, ny: ya.count, values: amplitude,
                                              logarithmic: false)
    try writeFileAtomically(folder.path("diagram.svg"), withAmplitude.render(classes: classes))
    try folder.commit()
    return CondensateScanSummary(points: total, condensed: condensed, normal: normal, out: o.out)
}

public func render(_ s: CondensateScanSummary, json: Bool) -> String {
    if json {
        return JSONValue.object([("points", .int(s.points)), ("condensed", .int(s.condensed)), ("normal", .int(s.normal)),
                                 ("out", .string(s.out))]).fieldPerLine
    }
    return "\(s.points) points: \(s.condensed) condensed, \(s.normal) normal (no condensate found)\nwritten: \(s.out)/grid.csv, \(s.out)/diagram.svg"
}
