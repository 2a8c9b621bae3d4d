import Analysis
import ArbitraryPrecision
import OutputFormats

/// `keldysh steady`'s printout: each steady state with its proven digits, the box that
/// holds it, its stability and its enclosed spectrum. JSON: an array, one object per state.
public func render(_ outcome: SteadyOutcome, json: Bool) -> String {
    if json { return JSONValue.array(outcome.states.map(\.json)).elementPerLine }
    return outcome.states.map(\.text).joined(separator: "\n\n")
}

extension Spectrum.Eigenvalue {
    var text: String {
        let m = multiplicity > 1 ? " (×\(multiplicity), one disk)" : ""
        // A real part known only to contain 0 is bracketed, so its ± is not read as the pair's.
        let r = re.contains("±") ? "(\(re))" : re
        return im == "0" ? "\(r)\(m)" : "\(r) ± i·\(im.hasPrefix("-") ? String(im.dropFirst()) : im)\(m)"
    }
}

extension FixedPoint {
    var text: String {
        var lines = ["steady state \(index)\(name.isEmpty ? "" : " (\(name))"): \(spectrum.verdict)"]
        let width = components.map(\.name.count).max() ?? 0
        for (name, value) in components {
            lines.append("  \(name.padding(toLength: width, withPad: " ", startingAt: 0)) = \(value)")
        }
        lines.append("  proven: exactly one steady state within ±\(BigFloat(radius, precision: 64).toString(digits: 2)) of these values in every component (Krawczyk's test)")
        // Conjugate pairs once: the one with Im ≥ 0.
        let shown = spectrum.eigenvalues.filter { !$0.im.hasPrefix("-") }
        lines.append("  eigenvalues (verified disks): " + shown.map(\.text).joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    var json: JSONValue {
        .object([
            ("index", .int(index)),
            ("name", .string(name)),
            ("stability", .string(spectrum.unstable > 0 ? "unstable" : spectrum.undecided == spectrum.conservedZeros ? "stable" : "undecided")),
            ("verdict", .string(spectrum.verdict)),
            ("values", .object(components.map { ($0.name, .string($0.value)) })),
            ("radius", .string(BigFloat(radius, precision: 64).toString(digits: 3))),
            ("unstable", .int(spectrum.unstable)), ("stable", .int(spectrum.stable)),
            ("undecided", .int(spectrum.undecided)), ("conserved_zeros", .int(spectrum.conservedZeros)),
            ("eigenvalues", .array(spectrum.eigenvalues.map { e in
                .object([("re", .string(e.re)), ("im", .string(e.im)), ("multiplicity", .int(e.multiplicity))])
            })),
        ])
    }
}
