import OutputFormats
import RealModule

/// The files of a cumulant-growth run in `folder` (staged, renamed at the end):
/// te.csv (N, t_E), ratio.csv (t, r(t) per N), ratio.svg (log10 r against t, the threshold
/// as a line), te.svg (log10 t_E against log10 N with the fitted line).
public func writeCumulantGrowth(_ r: CumulantGrowthResult, threshold: Double, title: String, to path: String) throws {
    let folder = try StagedFolder(finalPath: path)
    var te = csvLine(["N", "t_E"])
    for run in r.runs { te += csvLine(["\(run.size)", run.timeE.map { "\($0)" } ?? ""]) }
    try writeFileAtomically(folder.path("te.csv"), te)
    var ratio = csvLine(["t"] + r.runs.map { "r_N=\($0.size)" })
    for (k, t) in r.times.enumerated() { ratio += csvLine(["\(t)"] + r.runs.map { "\($0.ratio[k])" }) }
    try writeFileAtomically(folder.path("ratio.csv"), ratio)
    // log10 of the ratio, floored so that an exact zero at t = 0 does not stretch the axis.
    let logs = r.runs.map { run in run.ratio.map { Double.log10(max($0, 1e-12)) } }
    let line = [Double](repeating: Double.log10(threshold), count: r.times.count)
    try writeFileAtomically(folder.path("ratio.svg"),
                            linePlotSVG(times: r.times, series: logs + [line],
                                        names: r.runs.map { "log10 r, N=\(formatSize($0.size))" } + ["log10 \(threshold)"],
                                        title: "connected / mean-field second moments: " + title, xLabel: "t"))
    let reached = r.runs.filter { ($0.timeE ?? 0) > 0 }
    if reached.count >= 2, let slope = r.exponent, let c = r.intercept {
        let x = reached.map { Double.log10($0.size) }
        let y = reached.map { Double.log10($0.timeE!) }
        // The fit is in natural logarithms: log10 t = δ log10 N + c / ln 10.
        let fit = x.map { slope * $0 + c / Double.log(10) }
        let label = "fit δ = " + String(format3(slope)) + (r.exponentError.map { " ± " + format3($0) } ?? "")
        try writeFileAtomically(folder.path("te.svg"),
                                linePlotSVG(times: x, series: [y, fit], names: ["log10 t_E", label],
                                            title: "t_E against N: " + title, xLabel: "log10 N"))
    }
    try folder.commit()
}

func formatSize(_ n: Double) -> String { n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : "\(n)" }

func format3(_ x: Double) -> String { String((x * 1000).rounded() / 1000) }
