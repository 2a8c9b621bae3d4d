import Analysis
import ComplexModule
import OutputFormats

/// What `keldysh correlation` prints: the closure, where τ starts, G(0), the coherent part,
/// the lines (eigenvalues) and the spectrum's peak.
public func render(_ o: CorrelationOutcome, json: Bool) -> String {
    let r = o.result
    let peak = r.spectrum.indices.max { r.spectrum[$0] < r.spectrum[$1] }
    func z(_ c: Complex<Double>) -> JSONValue { .array([.double(c.real), .double(c.imaginary)]) }
    if json {
        return JSONValue.object([
            ("correlation", .string(o.name + o.scaling)), ("closure", .string(o.closure)),
            ("unknowns", .array(r.unknowns.map { .string($0) })), ("equalTimeEquations", .int(o.equalTimeCount)),
            ("steady", .bool(r.steady)), ("start", .double(r.start)), ("residual", .double(r.residual)),
            ("G0", z(r.correlation[0])), ("coherent", r.coherent.map(z) ?? .null),
            ("rates", .array(r.rates.map(z))),
            ("peak", peak.map { .object([("omega", .double(r.omegas[$0])), ("S", .double(r.spectrum[$0]))]) } ?? .null),
            ("notes", .array(r.notes.map { .string($0) })),
        ]).inline
    }
    func show(_ c: Complex<Double>) -> String {
        "\(c.real)" + (c.imaginary == 0 ? "" : (c.imaginary < 0 ? " - \(-c.imaginary)i" : " + \(c.imaginary)i"))
    }
    var s = "# \(o.name)\(o.scaling) by the quantum regression theorem at second order\n"
    s += "# closure: \(o.closure)\n"
    s += "# unknowns: \(r.unknowns.joined(separator: ", ")) (with \(o.equalTimeCount) equal-time equations)\n"
    s += r.steady ? "start: steady state reached at t = \(r.start) (largest |d/dt| = \(r.residual))\n"
                  : "start: t = \(r.start) of the trajectory (largest |d/dt| = \(r.residual): not a steady state)\n"
    s += "G(0) = \(show(r.correlation[0]))\n"
    if let c = r.coherent {
        s += "G(∞) = \(show(c)) (coherent part, a line at ω = 0)\n"
        s += "incoherent weight Re(G(0) − G(∞)) = \((r.correlation[0] - c).real)\n"
    } else {
        s += "G(τ_max) = \(show(r.correlation[r.correlation.count - 1]))\n"
    }
    if !r.rates.isEmpty { s += "eigenvalues (−rate + i·frequency): " + r.rates.map(show).joined(separator: ", ") + "\n" }
    if let k = peak { s += "spectrum: largest S(ω) = \(r.spectrum[k]) at ω = \(r.omegas[k])\n" }
    for n in r.notes { s += "note: \(n)\n" }
    if let out = o.folder { s += "wrote \(out)/correlation.csv, spectrum.csv, correlation.svg, spectrum.svg" }
    return s.hasSuffix("\n") ? String(s.dropLast()) : s
}

/// correlation.csv (τ, Re G, Im G, and the disconnected part), spectrum.csv (ω, S), and a
/// plot of each, staged in `path` and renamed at the end.
func writeCorrelation(_ o: CorrelationOutcome, title: String, to path: String) throws {
    let r = o.result
    let folder = try StagedFolder(finalPath: path)
    var c = csvLine(["tau", "re_G", "im_G", "re_disconnected", "im_disconnected"])
    for (k, t) in r.taus.enumerated() {
        c += csvLine(["\(t)", "\(r.correlation[k].real)", "\(r.correlation[k].imaginary)",
                      "\(r.disconnected[k].real)", "\(r.disconnected[k].imaginary)"])
    }
    try writeFileAtomically(folder.path("correlation.csv"), c)
    var sp = csvLine(["omega", "S"])
    for (w, v) in zip(r.omegas, r.spectrum) { sp += csvLine(["\(w)", "\(v)"]) }
    try writeFileAtomically(folder.path("spectrum.csv"), sp)
    try writeFileAtomically(folder.path("correlation.svg"),
                            linePlotSVG(times: r.taus, series: [r.correlation.map(\.real), r.correlation.map(\.imaginary)],
                                        names: ["Re G", "Im G"], title: o.name + o.scaling + ": " + title, xLabel: "τ"))
    try writeFileAtomically(folder.path("spectrum.svg"),
                            linePlotSVG(times: r.omegas, series: [r.spectrum], names: ["S(ω)"],
                                        title: "spectrum of " + o.name + ": " + title, xLabel: "ω"))
    try folder.commit()
}
