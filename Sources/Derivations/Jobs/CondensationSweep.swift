import Analysis
import Foundation
import OutputFormats
import Symbolic

/// `keldysh threshold MODEL --vary h --in lo:hi --sweep P=lo:hi:n --readings R1,R2 --out DIR`:
/// the threshold h_c as a function of another parameter P (paper 000 Figs. 3 and 4: the phase
/// boundary against ξ or Ω), one curve per reading. Writes DIR/threshold.csv (P, reading,
/// h_c, digits, μ_S, ρ at the threshold, status) and DIR/threshold.svg (h_c against P); a point without a
/// threshold in the interval is a row with its reason and a gap in the curve. Staged: an
/// interrupted or failed run leaves no DIR.
public struct CondensationSweepOptions: Sendable {
    public var base: CondensationOptions
    public var sweep: String
    public var readings: [DysonReading]
    public var out: String
    /// Points × readings of a sweep whose thresholds are polished in MPFR (`--digits` > 9).
    public static let maximumPrecisePoints = 200

    public init(base: CondensationOptions, sweep: String, readings: [DysonReading], out: String) {
        self.base = base
        self.sweep = sweep
        self.readings = readings
        self.out = out
    }
}

public struct CondensationSweepRow: Sendable {
    public let value: Double
    public let reading: DysonReading
    public let threshold: CondensationThreshold?
    public let rho: Double?
    public let reason: String?
    /// The MPFR polish (`--digits` 10–60) and the digits asked.
    public var precise: PreciseThreshold? = nil
    public var requestedDigits = 0

    /// The threshold and μ_S as shown: the polish's requested digits where it ran (all shared by
    /// its two rules), else the Double route's verified ones.
    public var shown: (value: String, digits: Int, frequency: String)? {
        if let p = precise {
            let d = min(p.digits, requestedDigits), dm = min(p.frequencyDigits, requestedDigits)
            return (significant(p.value, d), d, significant(p.frequency, dm))
        }
        guard let t = threshold else { return nil }
        return (significant(t.value, t.digits), t.digits, significant(t.frequency, t.digits))
    }
}

public func condensationSweep(_ o: CondensationSweepOptions, progress: Bool = true) throws -> [CondensationSweepRow] {
    let c = try CondensationModel.load(path: o.base.model)
    let axis = try c.parameters.axis(o.sweep)
    guard axis.count <= 2000 else { throw AnalysisError.badRange(o.sweep, reason: "at most 2000 points on a threshold sweep (each point is a full threshold search)") }
    // An MPFR polish takes 1–25 s (10–60 digits, docs/benchmarks.md): a sweep of them is bounded tighter.
    let precise = o.base.digits > CondensationOptions.doubleDigits
    guard !precise || axis.count * o.readings.count <= CondensationSweepOptions.maximumPrecisePoints else {
        throw AnalysisError.badRange(o.sweep, reason: "at most \(CondensationSweepOptions.maximumPrecisePoints) thresholds polished in MPFR per sweep (--digits \(o.base.digits)); \(axis.count * o.readings.count) asked")
    }
    let name = axis.symbol.name
    if name == o.base.vary { throw AnalysisError.badRange(o.sweep, reason: "the sweep parameter is the varied one") }
    let folder = try StagedFolder(finalPath: o.out)
    let bar = ProgressBar(total: axis.count * o.readings.count, label: "h_c(\(name))", enabled: progress)
    var rows: [CondensationSweepRow] = []
    var csv = csvLine([name, "reading", o.base.vary + "_c", "digits", c.frequency.name, "rho", "status"])
    for k in 0..<axis.count {
        let v = axis.value(k)
        for r in o.readings {
            var b = o.base
            b.reading = r
            b.progress = false
            b.settings = b.settings.filter { !$0.hasPrefix(name + "=") } + ["\(name)=\(v)"]
            do {
                let outcome = try findCondensationThreshold(b)
                var row = CondensationSweepRow(value: v, reading: r, threshold: outcome.threshold, rho: outcome.rho, reason: nil)
                row.precise = outcome.precise
                row.requestedDigits = o.base.digits
                rows.append(row)
                let shown = row.shown!
                csv += csvLine([String(format: "%.12g", v), r.rawValue, shown.value, "\(shown.digits)", shown.frequency,
                                String(format: "%.6f", outcome.rho), precise ? "threshold (MPFR, two rules)" : "threshold"])
            } catch {
                let why = "\(error)"
                rows.append(CondensationSweepRow(value: v, reading: r, threshold: nil, rho: nil, reason: why))
                csv += csvLine([String(format: "%.12g", v), r.rawValue, "", "", "", "", why])
            }
            bar.update(rows.count)
        }
    }
    try writeFileAtomically(folder.path("threshold.csv"), csv)
    let xs = (0..<axis.count).map { axis.value($0) }
    let series = o.readings.map { r in xs.map { x in rows.first { $0.value == x && $0.reading == r }?.threshold?.value ?? .nan } }
    try writeFileAtomically(folder.path("threshold.svg"),
                            linePlotSVG(times: xs, series: series, names: o.readings.map { "\(o.base.vary)_c, \($0.rawValue)" },
                                        title: "condensation threshold \(o.base.vary)_c against \(name)" + (o.base.criterion == .a38 ? " (criterion a38)" : ""), xLabel: name,
                                        yLabel: "\(o.base.vary)_c"))
    try folder.commit()
    return rows
}
