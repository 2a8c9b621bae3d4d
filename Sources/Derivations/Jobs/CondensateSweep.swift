import Analysis
import Foundation
import OutputFormats
import Symbolic

/// `keldysh solve MODEL --sweep P=lo:hi:n --out DIR`: the condensates along one parameter (paper
/// 000 Figs. 2–4: μ_S, ψ_f, the polarisation and ρ against the drive h). Each point starts from
/// the previous point's condensates (continuation); where the previous point had none, from the
/// grid of starts, so a branch that appears inside the range is found where it appears. Writes
/// DIR/observables.csv (one row per condensate, or one row saying why there is none) and
/// DIR/observables.svg (the largest-ψ_f condensate's observables against P). Staged: a failed
/// or interrupted run leaves no DIR.
public struct CondensateSweepOptions: Sendable {
    public var base: CondensateOptions
    public var sweep: String
    public var out: String

    public init(base: CondensateOptions, sweep: String, out: String) {
        self.base = base
        self.sweep = sweep
        self.out = out
    }
}

public struct CondensateSweepRow: Sendable {
    public let value: Double
    public let condensates: [Condensate]
    public let reason: String?
}

public func condensateSweep(_ o: CondensateSweepOptions, progress: Bool = true) throws -> [CondensateSweepRow] {
    let c = try CondensateModel.load(path: o.base.model)
    let axis = try c.base.parameters.axis(o.sweep)
    guard axis.count <= 2000 else { throw AnalysisError.badRange(o.sweep, reason: "at most 2000 points on a solve sweep (each point is a full solve)") }
    let name = axis.symbol.name
    let names = c.problem.parameters
    let mu = names[c.problem.frequency].name, psi = names[c.problem.amplitude].name
    if name == mu || name == psi { throw AnalysisError.badRange(o.sweep, reason: "\(name) is what the saddle point solves for") }
    let folder = try StagedFolder(finalPath: o.out)
    let bar = ProgressBar(total: axis.count, label: "solve(\(name))", enabled: progress)
    var csv = csvLine([name, "reading", "condensate", mu, mu + "_digits", psi, psi + "_digits", "polarisation", "polarisation_digits",
                       "rho", "rho_digits", "n_b", "n_a", "status"])
    let rows = try followCondensates(o.base, parameter: name, values: (0..<axis.count).map { axis.value($0) }) { bar.update($0) }
    for r in rows {
        let x = String(format: "%.12g", r.value)
        if let why = r.reason {
            csv += csvLine([x, o.base.reading.rawValue, "", "", "", "", "", "", "", "", "", "", "", why])
        }
        for (n, s) in r.condensates.enumerated() {
            let values = s.verified.flatMap { [significant($0.value, $0.digits), "\($0.digits)"] }
            csv += csvLine([x, o.base.reading.rawValue, "\(n + 1)"] + values +
                           [String(format: "%.6f", s.occupations.b), String(format: "%.6f", s.occupations.a), "condensed"])
        }
    }
    try writeFileAtomically(folder.path("observables.csv"), csv)
    let xs = rows.map(\.value)
    func series(_ f: (Condensate) -> Double) -> [Double] { rows.map { $0.condensates.last.map(f) ?? .nan } }
    try writeFileAtomically(folder.path("observables.svg"),
                            linePlotSVG(times: xs, series: [series(\.mu), series(\.psi), series(\.polarisation), series(\.rho)],
                                        names: [mu, psi, "|<a† b>|", "rho"],
                                        title: "condensate (\(o.base.reading.rawValue)) against \(name)", xLabel: name))
    try folder.commit()
    return rows
}

/// The condensates at each value of one parameter, each point started from the previous
/// point's condensates, or, where the previous point had none, from the starts given (`--start`)
/// or else the grid of starts.
func followCondensates(_ base: CondensateOptions, parameter name: String, values: [Double],
                       progress: (Int) -> Void) throws -> [CondensateSweepRow] {
    var rows: [CondensateSweepRow] = []
    var previous: [(mu: Double, psi: Double)] = []
    for (k, v) in values.enumerated() {
        var b = base
        b.settings = b.settings.filter { !$0.hasPrefix(name + "=") } + ["\(name)=\(v)"]
        b.starts = previous.isEmpty ? base.starts : previous
        do {
            let found = try solveCondensate(b).result.solutions
            rows.append(CondensateSweepRow(value: v, condensates: found, reason: nil))
            previous = found.map { ($0.mu, $0.psi) }
        } catch let e as AnalysisError {
            // Bad input fails the whole sweep; a point without a condensate (or whose solve failed) is a row with the reason;
            // the next point starts from the grid again.
            guard case .numerical = e else { throw e }
            rows.append(CondensateSweepRow(value: v, condensates: [], reason: "\(e)"))
            previous = []
        } catch let e as CondensationError {
            rows.append(CondensateSweepRow(value: v, condensates: [], reason: "\(e)"))
            previous = []
        }
        progress(k + 1)
    }
    return rows
}

/// `keldysh solve --sweep`'s printout: one line (or JSON object) per point.
public func render(_ rows: [CondensateSweepRow], parameter: String, out: String, json: Bool) -> String {
    if json {
        return JSONValue.array(rows.map { r in
            .object([("value", .double(r.value)),
                     ("condensates", .array(r.condensates.map { s in
                         .object([("mu", .double(s.mu)), ("psi", .double(s.psi)), ("polarisation", .double(s.polarisation)), ("rho", .double(s.rho))])
                     })),
                     ("reason", r.reason.map { .string($0) } ?? .null)])
        }).elementPerLine
    }
    return rows.map { r in
        let v = String(format: "%.6g", r.value)
        if r.condensates.isEmpty { return "\(v)  none" }
        return "\(v)  " + r.condensates.map { s in
            let v = s.verified
            return "psi_f = \(significant(v[1].value, v[1].digits)), rho = \(significant(v[3].value, v[3].digits))"
        }.joined(separator: "; ")
    }.joined(separator: "\n") + "\nwritten: \(out)/observables.csv, \(out)/observables.svg"
}
