import Analysis
import OutputFormats

/// What `keldysh cumulants` prints: t_E per system size and the fitted exponent.
public func render(_ o: CumulantsOutcome, json: Bool) -> String {
    let r = o.result
    if json {
        return JSONValue.object([
            ("threshold", .double(o.threshold)), ("secondMoments", .int(o.secondMoments)),
            ("sizes", .array(r.runs.map { run in
                .object([("N", .double(run.size)), ("tE", run.timeE.map { .double($0) } ?? .null)])
            })),
            ("exponent", r.exponent.map { .double($0) } ?? .null),
            ("exponentError", r.exponentError.map { .double($0) } ?? .null),
            ("notes", .array(r.notes.map { .string($0) })),
        ]).inline
    }
    var s = "t_E: first time the connected second moments reach \(o.threshold) of the mean-field products "
        + "(\(o.secondMoments) second moments)\n"
    for run in r.runs { s += "  N = \(run.size): t_E = " + (run.timeE.map { "\($0)" } ?? "not reached") + "\n" }
    if let d = r.exponent {
        s += "fit t_E ∝ N^δ: δ = \(d)" + (r.exponentError.map { " ± \($0) (standard error)" } ?? "") + "\n"
    }
    for n in r.notes { s += "note: \(n)\n" }
    if let out = o.folder { s += "wrote \(out)/te.csv, ratio.csv, ratio.svg" + (r.exponent != nil ? ", te.svg" : "") }
    return s
}
