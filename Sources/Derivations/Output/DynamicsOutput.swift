import Analysis
import OutputFormats

/// What `keldysh dynamics` prints: the phase and why, the analysis window, and each
/// observable's time average and amplitude over it.
public func render(_ o: DynamicsOutcome, json: Bool) -> String {
    let r = o.result, c = r.classification
    let window = (r.times[r.window.lowerBound], r.times[r.window.upperBound - 1])
    if json {
        let obs = zip(o.observableNames, r.summaries).map { name, s in
            JSONValue.object([("name", .string(name)), ("mean", .double(s.mean)), ("amplitude", .double(s.amplitude))])
        }
        var fields: [(String, JSONValue)] = [
            ("phase", .string(o.phase)), ("reason", .string(c.reason)),
            ("window", .array([.double(window.0), .double(window.1)])), ("observables", .array(obs)),
        ]
        if !o.conserved.isEmpty {
            fields.append(("conserved", .array(o.conserved.map {
                .object([("name", .string($0.name)), ("start", .double($0.start)), ("drift", .double($0.drift))])
            })))
        }
        return JSONValue.object(fields).inline
    }
    var s = "phase: \(o.phase) (\(c.reason))\nwindow: t ∈ [\(window.0), \(window.1)]\n"
    for (n, sm) in zip(o.observableNames, r.summaries) { s += "  \(n): time average \(sm.mean), amplitude \(sm.amplitude)\n" }
    for q in o.conserved {
        s += "conserved \(q.name): \(q.start) at t = 0, largest drift \(q.drift) up to t = \(r.times.last ?? 0)\n"
    }
    if let out = o.folder { s += "wrote \(out)/trajectory.csv and trajectory.svg" }
    return s
}
