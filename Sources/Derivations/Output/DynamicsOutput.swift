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
        if let orbit = r.orbit {
            var f: [(String, JSONValue)] = [("span", .array([.double(orbit.start), .double(orbit.end)]))]
            if let t = orbit.period { f.append(("period", .double(t))) }
            f.append(("evidence", .string(orbit.evidence)))
            f.append(("observables", .array(zip(o.observableNames, orbit.summaries).map { name, s in
                JSONValue.object([("name", .string(name)), ("mean", .double(s.mean)), ("amplitude", .double(s.amplitude))])
            })))
            fields.append(("orbit", .object(f)))
        } else if !r.orbitNote.isEmpty {
            fields.append(("orbit", .string(r.orbitNote)))
        }
        if !o.conserved.isEmpty {
            fields.append(("conserved", .array(o.conserved.map {
                .object([("name", .string($0.name)), ("start", .double($0.start)), ("drift", .double($0.drift))])
            })))
        }
        if let sym = o.symmetry {
            fields.append(("symmetry", .object([
                ("symmetries", .array(sym.symmetries.map { .string($0) })),
                ("dropped", .array(sym.dropped.map { .object([("variable", .string($0.variable)), ("symmetry", .string($0.symmetry))]) })),
            ])))
        }
        return JSONValue.object(fields).inline
    }
    var s = ""
    for line in o.symmetry?.lines ?? [] { s += line + "\n" }
    s += "phase: \(o.phase) (\(c.reason))\nwindow: t ∈ [\(window.0), \(window.1)]\n"
    for (n, sm) in zip(o.observableNames, r.summaries) { s += "  \(n): time average \(sm.mean), amplitude \(sm.amplitude)\n" }
    if let orbit = r.orbit {
        s += orbit.period.map { "orbit: one whole period after the transient, t ∈ [\(orbit.start), \(orbit.end)], T = \($0) (\(orbit.evidence))\n" }
            ?? "orbit: stationary, t ∈ [\(orbit.start), \(orbit.end)] (\(orbit.evidence))\n"
        for (n, sm) in zip(o.observableNames, orbit.summaries) { s += "  \(n): mean \(sm.mean), amplitude \(sm.amplitude)\n" }
    } else if !r.orbitNote.isEmpty {
        s += "orbit: \(r.orbitNote)\n"
    }
    for q in o.conserved {
        s += "conserved \(q.name): \(q.start) at t = 0, largest drift \(q.drift) up to t = \(r.times.last ?? 0)\n"
    }
    if let out = o.folder { s += "wrote \(out)/trajectory.csv and trajectory.svg" }
    return s
}
